-- Searching for a word (issue 28): the words of each case are stored once as a tsvector, so a search reads them
-- instead of re-parsing the text of every row it looks at (a common word re-checked 42,000 rows), and PostgreSQL keeps
-- statistics on the column's words, so the planner knows a common word from a rare one (see ADR 0023).
-- On a million cases this rewrites the table once: about a minute or two at the first start.
alter table casework.case_file
    add column search_vector tsvector generated always as (to_tsvector('simple', search_text)) stored;

create index case_file_search_vector on casework.case_file using gin (search_vector);
drop index casework.case_file_search;

analyze casework.case_file;
