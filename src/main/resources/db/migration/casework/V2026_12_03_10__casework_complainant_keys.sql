-- casework module: the complainant's matching keys (ComplainantKeys) in plain columns, written by the application.
-- The expression indexes they replace made PostgreSQL read the complainant four times out of each new case's JSON
-- state (detoasting it each time) and run regular expressions on it: the largest part of inserting a case.

-- the old indexes are dropped first, so filling the columns does not also keep them up to date
drop index casework.case_file_complainant_email;
drop index casework.case_file_complainant_name;
drop index casework.case_file_complainant_address;
drop index casework.case_file_complainant_phone;

alter table casework.case_file
    add column name_key text,
    add column email_key text,
    add column phone_key text,
    add column address_key text;

update casework.case_file set
    name_key = lower(state->'complainant'->>'name'),
    email_key = nullif(lower(btrim(state->'complainant'->>'email')), ''),
    phone_key = (select case when length(p) >= 6 then p end
                 from (select regexp_replace(regexp_replace(coalesce(state->'complainant'->>'phone', ''), '[^0-9]', '', 'g'),
                                             '^44([0-9]{10})$', '0\1') as p) d),
    address_key = nullif(regexp_replace(lower(coalesce(state->'complainant'->>'address', '')), '[^a-z0-9]', '', 'g'), '');

alter table casework.case_file alter column name_key set not null;

create index case_file_name_key on casework.case_file (organisation, name_key, received_at);
create index case_file_email_key on casework.case_file (organisation, email_key, received_at) where email_key is not null;
create index case_file_phone_key on casework.case_file (organisation, phone_key, received_at) where phone_key is not null;
create index case_file_address_key on casework.case_file (organisation, address_key, received_at) where address_key is not null;
