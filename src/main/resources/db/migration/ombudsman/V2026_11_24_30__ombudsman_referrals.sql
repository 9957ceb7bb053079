-- ombudsman module: a case's referral to its ombudsman (F-8), the ombudsman's findings per point of complaint, and
-- the orders it made with their compliance. Whether an order is overdue is derived from the clock, never stored.
create schema if not exists ombudsman;

create table ombudsman.referral (
    id                       uuid        primary key,
    organisation             text        not null,
    case_id                  uuid        not null,
    case_reference           text        not null,
    ombudsman                text        not null,
    ombudsman_name           text        not null,
    service_line             text,
    override_reason          text,
    reference                text        not null,
    referred_on              date        not null,
    information_requested_on date,
    determined_on            date,
    recorded_at              timestamptz not null,
    recorded_by              text        not null,
    unique (organisation, case_id)
);
create index referral_by_date on ombudsman.referral (organisation, referred_on);

create table ombudsman.finding (
    referral_id  uuid        not null references ombudsman.referral (id),
    point        int         not null,
    point_summary text       not null,
    finding      text        not null,
    notes        text        not null,
    recorded_at  timestamptz not null,
    recorded_by  text        not null,
    primary key (referral_id, point)
);

create table ombudsman.remedy_order (
    id          uuid        primary key,
    referral_id uuid        not null references ombudsman.referral (id),
    kind        text        not null,
    description text        not null,
    amount      numeric(12, 2),
    due_on      date        not null,
    complied_on date,
    evidence    text,
    recorded_at timestamptz not null,
    recorded_by text        not null
);
create index remedy_order_by_referral on ombudsman.remedy_order (referral_id);
