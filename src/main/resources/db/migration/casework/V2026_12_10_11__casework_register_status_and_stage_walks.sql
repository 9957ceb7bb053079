-- The register (issue 21), newest first with a status or a stage: the newest records of a large organisation are open
-- and at stage 1, so "closed complaints" or "stage 2" newest first passed about 45,000 entries of the receipt index
-- before a page (300-400 ms on the million-case database, even checked in the index). These narrow indexes go straight
-- to the status's or the stage's records in the same order; like the receipt index that carries the words they hold the
-- records whose words fit an index entry (the few others are walked by case_file_received_long_words).
create index case_file_received_by_status on casework.case_file (organisation, status, received_at desc, id desc)
    where octet_length(search_vector::text) <= 2000;
create index case_file_received_by_stage on casework.case_file (organisation, stage, received_at desc, id desc)
    where octet_length(search_vector::text) <= 2000;

analyze casework.case_file;
