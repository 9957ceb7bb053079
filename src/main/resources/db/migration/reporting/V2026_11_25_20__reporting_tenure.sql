-- TSM CH01 and CH02 are reported by tenure (R-2): the read model keeps the complainant's tenure on each row, and the
-- settings keep the homes of each tenure beside the total. Rows written before cases recorded a tenure are of unknown
-- tenure (as are those cases themselves), so they count in the totals and in the "unknown tenure" rows.
alter table reporting.case_stage add column tenure text not null default 'UNKNOWN'
    check (tenure in ('LOW_COST_RENTAL', 'LOW_COST_HOME_OWNERSHIP', 'OTHER', 'UNKNOWN'));

-- The homes of each tenure the regulator counts homes of, per year; CH01's total divides by reporting.homes, or by
-- these together where no total is set.
create table reporting.homes_by_tenure (
    organisation text not null,
    year         int  not null check (year between 2000 and 2100),
    tenure       text not null check (tenure in ('LOW_COST_RENTAL', 'LOW_COST_HOME_OWNERSHIP')),
    homes        int  not null check (homes > 0),
    primary key (organisation, year, tenure)
);
