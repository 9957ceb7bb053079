-- Similar earlier complaints (F-11): earlier cases by the same person or about the same address are ranked by how
-- alike their text is, with PostgreSQL full-text search and trigram similarity (pg_trgm, shipped with PostgreSQL).
create extension if not exists pg_trgm;

-- the address as the matching rule normalises it: lower case, letters and digits only
create index case_file_complainant_address on casework.case_file
    (organisation, (regexp_replace(lower(state->'complainant'->>'address'), '[^a-z0-9]', '', 'g')), received_at)
    where state->'complainant'->>'address' is not null;

-- the phone number as the matching rule normalises it: digits only, a leading 44 read as 0
create index case_file_complainant_phone on casework.case_file
    (organisation, (regexp_replace(regexp_replace(state->'complainant'->>'phone', '[^0-9]', '', 'g'), '^44([0-9]{10})$', '0\1')), received_at)
    where state->'complainant'->>'phone' is not null;
