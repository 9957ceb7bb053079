-- Issue 28 (ADR 0023): a word search sorted by date received walks the receipt index until it has a page. When the
-- newest cases do not hold the word (a word common years ago, rare lately) the walk passes tens of thousands of
-- cases, and reading each case's row to check its words took about 15 microseconds a case (650 ms for 38,000 on the
-- million-case database). The index's entries now carry the words and every column a list filters on, so the walk
-- checks them in the index (an index-only scan, about 1.5 microseconds a case) and reads only the page's cases.
drop index casework.case_file_received;
create index case_file_received on casework.case_file (organisation, received_at desc, id)
    include (reference, search_vector, record_type, status, stage, owner, service_area, next_due_at);

-- An index-only scan skips the case's row only on pages the visibility map marks all-visible, which vacuum sets:
-- vacuum this table after 2% of its rows are new or changed, not PostgreSQL's default 20%.
alter table casework.case_file set (autovacuum_vacuum_insert_scale_factor = 0.02, autovacuum_vacuum_scale_factor = 0.02);
