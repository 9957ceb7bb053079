-- reporting module: its own read model of cases, kept by listening to every case change in the same
-- transaction, so measures are SQL aggregates over one narrow table and never read another module's tables.
create schema if not exists reporting;

-- One row per case per stage (stage 0: a contact handled outside the stages, such as a compliment).
create table reporting.case_stage (
    organisation            text        not null,
    case_id                 uuid        not null,
    reference               text        not null,
    stage                   int         not null,
    record_type             text        not null,
    staged                  boolean     not null,  -- the record type runs through the stages: a complaint
    service_line            text,
    service_area            text,
    subject                 text,
    sub_subject             text,
    case_received_at        timestamptz not null,  -- the complaint's receipt
    received_at             timestamptz not null,  -- this stage's receipt (the escalation request for later stages)
    acknowledged_at         timestamptz,
    ack_working_days        int,                   -- working days from receipt to acknowledgement
    responded_at            timestamptz,
    respond_due_by          timestamptz,           -- the response clock's deadline after any extension or hold
    respond_original_due_by timestamptz,           -- the response clock's first deadline
    respond_working_days    int,                   -- working days from receipt to response
    code_working_days       int,                   -- working days from acknowledgement (receipt if none before) to response
    extended                boolean     not null default false,
    extension_agreed        boolean     not null default false,
    outcome                 text,                  -- the stage's decision: UPHELD if any point upheld, else PARTLY_UPHELD, else NOT_UPHELD
    escalated               boolean     not null default false,
    escalation_refused      boolean     not null default false,
    case_status             text        not null,
    closed_at               timestamptz,
    satisfied_handling      boolean,
    satisfied_outcome       boolean,
    ombudsman_referred_at   timestamptz,           -- hook: set from an 'ombudsman-referred' case event once casework records one
    updated_at              timestamptz not null,
    primary key (organisation, case_id, stage)
);

create index case_stage_received on reporting.case_stage (organisation, received_at);
create index case_stage_responded on reporting.case_stage (organisation, responded_at) where responded_at is not null;
create index case_stage_acknowledged on reporting.case_stage (organisation, acknowledged_at) where acknowledged_at is not null;
create index case_stage_closed on reporting.case_stage (organisation, closed_at) where closed_at is not null;
create index case_stage_open on reporting.case_stage (organisation, received_at) where responded_at is null and closed_at is null;

-- The number of homes an organisation manages, per year, for TSM CH01 (complaints per 1,000 homes).
create table reporting.homes (
    organisation text   not null,
    year         int    not null check (year between 2000 and 2100),
    homes        int    not null check (homes > 0),
    primary key (organisation, year)
);

-- Reporting settings per organisation.
create table reporting.settings (
    organisation                  text    primary key,
    extensions_count_as_in_time   boolean not null default true
);

-- Named people who receive the quarterly report by email, and the quarters already sent to them.
create table reporting.schedule (
    id           uuid        primary key,
    organisation text        not null,
    name         text        not null,
    recipients   text[]      not null,
    created_at   timestamptz not null
);

create table reporting.schedule_sent (
    schedule_id  uuid        not null references reporting.schedule (id) on delete cascade,
    period_start date        not null,
    sent_at      timestamptz not null,
    primary key (schedule_id, period_start)
);
