-- calendar module: organisations' own closure days (non-working days on top of bank holidays).
create schema if not exists calendar;

create table calendar.closure_day (
    organisation text not null,
    day          date not null,
    reason       text not null check (length(reason) between 1 and 200),
    primary key (organisation, day)
);
