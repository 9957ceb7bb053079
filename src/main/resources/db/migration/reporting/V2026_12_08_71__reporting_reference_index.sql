-- Reports that start from another module's facts (ombudsman referrals, payments, lessons) classify the cases they name
-- by reference (issue 28): without this index each lookup read the whole table, even for one case.
create index case_stage_reference on reporting.case_stage (organisation, reference);
