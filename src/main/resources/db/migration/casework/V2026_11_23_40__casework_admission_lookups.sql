-- The repeat-complaint check (F-11) runs on every new case: earlier cases of the same organisation from the same
-- email, or the same name, in the last months. Without these it read the JSON state of every case received in that
-- window (a hundred thousand rows with a million cases); with them it reads the few matching index entries.
create index case_file_complainant_email on casework.case_file
    (organisation, lower(state->'complainant'->>'email'), received_at) where state->'complainant'->>'email' is not null;
create index case_file_complainant_name on casework.case_file
    (organisation, lower(state->'complainant'->>'name'), received_at);
