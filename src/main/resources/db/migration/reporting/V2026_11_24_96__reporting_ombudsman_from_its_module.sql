-- The ombudsman measure is worked out from the ombudsman module's referrals (ExternalMeasures), so the read model's
-- placeholder column for a casework 'ombudsman-referred' event, and its index, are no longer written or read.
drop index if exists reporting.case_stage_ombudsman;
alter table reporting.case_stage drop column if exists ombudsman_referred_at;
