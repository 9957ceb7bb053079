-- Monthly figures (issue 28, ADR 0029): for each batch of measures the reports read together (a "summary", named by a
-- digest of its SQL), the raw figures of each UK month of the period's date (received, responded, acknowledged, closed),
-- service line, service area and group, kept by the read model in the same transaction as the rows. Created empty:
-- the application fills a summary from the rows (at start, at a rebuild) and marks it ready; until then reports read
-- the rows. A summary whose SQL changes (a pack's timescale) gets a new name and is filled again.
create table reporting.case_month (
    organisation text      not null,
    summary      text      not null,
    period       text      not null,  -- the read model's date column the figures are counted by
    month        date      not null,  -- the first day of the UK month of that date
    service_line text,
    service_area text,
    grp_set      int       not null,  -- GROUPING() of the summary's group expressions: which grouping the row is of
    grp          text      not null,  -- the group ('' for the totals)
    vals         numeric[] not null,  -- the summary's columns: counts, and the sums and counts averages divide
    constraint case_month_key unique nulls not distinct
        (organisation, summary, period, month, service_line, service_area, grp_set, grp)
);

create table reporting.case_month_ready (
    summary   text        primary key,
    filled_at timestamptz not null
);
