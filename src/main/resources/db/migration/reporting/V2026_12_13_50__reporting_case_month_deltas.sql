-- Monthly figures kept as appended differences (issues 27 and 28, ADR 0030). A case change used to update the one row
-- of figures of its month, service line, area and group, so every change of one organisation's current month waited
-- for the commit of the one before it (about 30 ms a case at 50 cases a second). It now appends its difference as a new
-- row marked as a delta; the readers already sum the rows of a key, and a background merge folds each month's rows back
-- into one per key.
alter table reporting.case_month drop constraint case_month_key;
alter table reporting.case_month add column delta boolean not null default false;
create index case_month_by_month on reporting.case_month (organisation, summary, period, month);
create index case_month_deltas on reporting.case_month (organisation, summary, month) where delta;
