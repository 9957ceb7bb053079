-- equality module: equality monitoring answers (H-3), kept apart from the case. A response holds ONLY the
-- organisation, the month of the complaint, its service area and the answers: no case id, reference, name, contact
-- detail or time of day, so an answer can never be joined back to a person. Reported only in aggregate.
create schema if not exists equality;

create table equality.response (
    id                 uuid primary key,
    organisation       text not null,
    month              date not null check (extract(day from month) = 1),
    service_area       text,
    age_band           text,
    disability         text,
    ethnicity          text,
    sex                text,
    religion           text,
    sexual_orientation text
);

create index response_by_month on equality.response (organisation, month);

-- An invitation to answer, from the public "complaint received" page: only its token's hash, with what a response
-- keeps (organisation, month, service area). It is deleted when used, so nothing ties a response to it.
create table equality.invitation (
    token_hash   text primary key,
    organisation text not null,
    month        date not null,
    service_area text,
    expires_on   date not null
);

-- The organisation's customer profile: the share of its customers in each group, to compare complaints with (H-3).
create table equality.customer_profile (
    organisation text          not null,
    question     text          not null,
    answer       text          not null,
    percent      numeric(5, 2) not null check (percent >= 0 and percent <= 100),
    primary key (organisation, question, answer)
);
