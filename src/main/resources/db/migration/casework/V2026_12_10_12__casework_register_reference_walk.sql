-- The register by reference (issue 21): the unique index of the reference also carries the record's id, so the walk
-- finds a page's ids in the index alone (V2026_12_10_10 left the id out, and an index-only scan needs every column the
-- walk reads).
create unique index case_file_reference_carries_id on casework.case_file (organisation, reference)
    include (id, record_type, status, stage, owner, service_area, service_line, subject, received_at, next_due_at);
alter table casework.case_file drop constraint case_file_organisation_reference_key,
    add constraint case_file_organisation_reference_key unique using index case_file_reference_carries_id;

-- Newest first with a status (closed complaints, say): the status's walk also carries the other filtered columns, so
-- it is checked in the index; without them PostgreSQL preferred walking every record newest first (it cannot know that
-- the newest records are the open ones) and passed about 45,000 before a page of closed complaints.
drop index casework.case_file_received_by_status;
create index case_file_received_by_status on casework.case_file (organisation, status, received_at desc, id desc)
    include (reference, record_type, stage, owner, service_area, service_line, subject, next_due_at)
    where octet_length(search_vector::text) <= 2000;

analyze casework.case_file;
