-- Columns that make the heaviest measures cheap over a million cases: the UK month of receipt (no time-zone
-- conversion per row when grouping by month), and when the stage stopped being open (its response, or the case's
-- closure, withdrawal or decline, whichever came first), so "open at the end of the period" is two index ranges.
alter table reporting.case_stage add column received_month text;
alter table reporting.case_stage add column ended_at timestamptz;

update reporting.case_stage
set received_month = to_char(received_at at time zone 'Europe/London', 'YYYY-MM'),
    ended_at = least(responded_at, closed_at);

alter table reporting.case_stage alter column received_month set not null;

drop index reporting.case_stage_open;
create index case_stage_open on reporting.case_stage (organisation, received_at) where ended_at is null;
create index case_stage_ended on reporting.case_stage (organisation, ended_at) where ended_at is not null;
create index case_stage_ombudsman on reporting.case_stage (organisation, ombudsman_referred_at) where ombudsman_referred_at is not null;
