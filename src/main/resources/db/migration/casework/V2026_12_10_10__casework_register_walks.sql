-- The register (issue 21) filters by type, status, stage, owner, service area and line, subject, received between and
-- overdue, in three orders. A filter the newest records do not match (closed complaints, stage 2) made the walk of an
-- order's index read tens of thousands of case rows to check them (218 ms p95 on the million-case database). As the
-- work list's word search does (ADR 0023's amendment), each order's index now carries every column the register filters
-- on, so the walk checks them in the index (an index-only scan) and only the page's records are read, by id.
-- No new index is added (each replaces one with the same keys), so creating a case keeps its cost.
-- On a million cases this takes a minute or two at the first start.

-- newest first (and the word search by date received): the receipt index with the words also carries the service line
-- and subject, and its ids run newest first too, so "received_at desc, id desc" needs no sort
drop index casework.case_file_received_words;
create index case_file_received_words on casework.case_file (organisation, received_at desc, id desc)
    include (reference, search_vector, record_type, status, stage, owner, service_area, service_line, subject, next_due_at)
    where octet_length(search_vector::text) <= 2000;
drop index casework.case_file_received_long_words;
create index case_file_received_long_words on casework.case_file (organisation, received_at desc, id desc)
    where not octet_length(search_vector::text) <= 2000;

-- next deadline first: the records with a running clock
drop index casework.case_file_next_due;
create index case_file_next_due on casework.case_file (organisation, next_due_at, id)
    include (reference, record_type, status, stage, owner, service_area, service_line, subject, received_at)
    where next_due_at is not null;

-- by reference: the unique index of the reference carries the filtered columns
create unique index case_file_reference_carries_filters on casework.case_file (organisation, reference)
    include (record_type, status, stage, owner, service_area, service_line, subject, received_at, next_due_at);
alter table casework.case_file drop constraint case_file_organisation_reference_key,
    add constraint case_file_organisation_reference_key unique using index case_file_reference_carries_filters;

analyze casework.case_file;
