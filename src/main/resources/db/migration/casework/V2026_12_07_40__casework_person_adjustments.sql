-- casework module: reasonable adjustments belong to the person, not to one case (T-1). Each is recorded once, with
-- what was asked and when, what was agreed and when, and found again on each of the person's cases by the matching
-- keys of ComplainantKeys (same email, or same phone, or same name and address), or by the case it was recorded on.
create table casework.person_adjustment (
    id            uuid        primary key,
    organisation  text        not null,
    person_name   text        not null,
    email         text,
    phone         text,
    address       text,
    name_key      text        not null,
    email_key     text,
    phone_key     text,
    address_key   text,
    kind          text        not null,
    details       text,
    contact_email text,
    asked         text        not null,
    asked_on      date        not null,
    agreed        text,
    agreed_on     date,
    agreed_by     text,
    recorded_by   text        not null,
    recorded_at   timestamptz not null,
    recorded_on   text,
    ended_on      date,
    ended_by      text,
    end_reason    text
);

create index person_adjustment_email on casework.person_adjustment (organisation, email_key) where email_key is not null;
create index person_adjustment_phone on casework.person_adjustment (organisation, phone_key) where phone_key is not null;
create index person_adjustment_name_address on casework.person_adjustment (organisation, name_key, address_key) where address_key is not null;
create index person_adjustment_case on casework.person_adjustment (organisation, recorded_on);
