-- Issue 28 (ADR 0023): a word search sorted by date received walks the receipt index until it has a page. When the
-- newest cases do not hold the word (a word common years ago, rare lately) the walk passes tens of thousands of
-- cases, and reading each case's row to check its words took about 15 microseconds a case (650 ms for 38,000 on the
-- million-case database). This index's entries carry the words and every column a list filters on, so the walk checks
-- them in the index (an index-only scan, about ten times faster) and reads only the page's cases.
-- An index entry holds at most about 2.7 KB, so it covers the cases whose words fit (nearly all: the longest on the
-- benchmark database is 378 bytes); the few with longer texts have a small index of their own, and a search reads both.
create index case_file_received_words on casework.case_file (organisation, received_at desc, id)
    include (reference, search_vector, record_type, status, stage, owner, service_area, next_due_at)
    where octet_length(search_vector::text) <= 2000;
create index case_file_received_long_words on casework.case_file (organisation, received_at desc, id)
    where not octet_length(search_vector::text) <= 2000;

-- An index-only scan skips the case's row only on pages the visibility map marks all-visible, which vacuum sets:
-- vacuum this table after 2% of its rows are new or changed, not PostgreSQL's default 20%.
alter table casework.case_file set (autovacuum_vacuum_insert_scale_factor = 0.02, autovacuum_vacuum_scale_factor = 0.02);
