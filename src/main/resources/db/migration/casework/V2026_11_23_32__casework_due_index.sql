-- The deadline sweep looks across all organisations for clocks due soon.
create index case_file_due_all on casework.case_file (next_due_at, id) where next_due_at is not null;
