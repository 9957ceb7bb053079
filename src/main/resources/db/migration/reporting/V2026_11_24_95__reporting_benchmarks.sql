-- H-11 benchmarking with comparable organisations: figures of peers (e.g. the Regulator of Social Housing's published
-- TSM figures, a peer group's quarterly return) entered with their source, shown beside the organisation's own figure.
create table reporting.benchmark (
    organisation text           not null,
    measure      text           not null,
    figure       text           not null,
    grp          text           not null,
    year         int            not null check (year between 2000 and 2100),
    value        numeric(12, 2) not null check (value >= 0),
    source       text           not null check (length(source) between 1 and 200),
    primary key (organisation, measure, figure, grp, year)
);
