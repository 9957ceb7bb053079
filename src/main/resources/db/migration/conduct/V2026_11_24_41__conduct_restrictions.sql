-- conduct module: restrictions on contact with a person whose behaviour is unacceptable (F-10, H-5, T-4), each a
-- recorded decision with its reason, decider and review date, and the reviews made of it. The person is kept as
-- entered and as matching keys (normalised email, phone, name and address), so each case of theirs can show it.
create schema if not exists conduct;

create table conduct.restriction (
    id            uuid primary key,
    organisation  text        not null,
    person_name   text        not null,
    email         text,
    phone         text,
    address       text,
    email_key     text,
    phone_key     text,
    name_key      text        not null,
    address_key   text,
    kind          text        not null,
    details       text,
    reason        text        not null,
    decided_by    text        not null,
    decided_on    date        not null,
    review_on     date        not null,
    recorded_by   text        not null,
    recorded_at   timestamptz not null,
    ended_on      date,
    ended_by      text,
    end_reason    text,
    version       int         not null default 0
);

create index restriction_by_email on conduct.restriction (organisation, email_key) where email_key is not null;
create index restriction_by_phone on conduct.restriction (organisation, phone_key) where phone_key is not null;
create index restriction_by_name_address on conduct.restriction (organisation, name_key, address_key) where address_key is not null;
create index restriction_by_review on conduct.restriction (organisation, review_on) where ended_on is null;

create table conduct.review (
    restriction_id uuid        not null references conduct.restriction (id),
    sequence       int         not null,
    reviewed_on    date        not null,
    reviewed_by    text        not null,
    outcome        text        not null,
    next_review_on date        not null,
    recorded_at    timestamptz not null,
    primary key (restriction_id, sequence)
);
