-- privacy module (issue 9, duties): retention settings, legal holds, the record of each anonymisation and each run,
-- subject access requests, and erasure and rectification requests with their decisions.
create schema if not exists privacy;

-- How long after a case ends its personal data is kept; no row means the default (6 years).
create table privacy.retention_setting (
    organisation text primary key,
    years        int         not null check (years between 1 and 100),
    changed_by   text        not null,
    changed_at   timestamptz not null
);

-- A legal hold set by an administrator on one case (by reference) or on one person (by email, phone or name).
create table privacy.legal_hold (
    id             uuid primary key,
    organisation   text        not null,
    case_reference text,
    person         text,
    reason         text        not null check (length(reason) between 1 and 500),
    placed_by      text        not null,
    placed_at      timestamptz not null,
    released_by    text,
    released_at    timestamptz,
    check ((case_reference is null) <> (person is null))
);
create index legal_hold_active on privacy.legal_hold (organisation) where released_at is null;

-- Every case anonymised: when, by whom, on what basis, and what each module erased (counts, never content).
create table privacy.anonymisation (
    organisation  text        not null,
    case_id       uuid        not null,
    reference     text        not null,
    closed_at     timestamptz not null,
    basis         text        not null,
    actor         text        not null,
    anonymised_at timestamptz not null,
    erased        jsonb       not null,
    primary key (organisation, case_id)
);

-- One pass of the retention task or of "run it now", with its progress.
create table privacy.retention_run (
    id           uuid primary key,
    organisation text        not null,
    on_date      date        not null,
    actor        text        not null,
    started_at   timestamptz not null,
    finished_at  timestamptz,
    total        int         not null default 0,
    done         int         not null default 0,
    held         int         not null default 0,
    failed       int         not null default 0,
    last_error   text
);
create index retention_run_recent on privacy.retention_run (organisation, started_at desc);

-- Subject access requests, due one calendar month after receipt (UK GDPR Art. 12(3)).
create table privacy.subject_access (
    id           uuid primary key,
    organisation text        not null,
    name         text,
    email        text,
    phone        text,
    received_at  timestamptz not null,
    due_on       date        not null,
    due_by       timestamptz not null,
    explanation  text        not null,
    recorded_by  text        not null,
    completed_at timestamptz,
    completed_by text,
    -- extended by two further months (Art. 12(3)), if the person was told within the first month, and why
    extended_at  timestamptz,
    extended_by  text,
    extension_reason text,
    check (name is not null or email is not null or phone is not null)
);
create index subject_access_open on privacy.subject_access (organisation, due_by) where completed_at is null;

-- Erasure (Art. 17) and rectification (Art. 16) requests: who asked, what, and the decision with its reason.
create table privacy.data_request (
    id             uuid primary key,
    organisation   text        not null,
    kind           text        not null check (kind in ('ERASURE', 'RECTIFICATION')),
    case_reference text        not null,
    requested_by   text        not null,
    request        text        not null,
    correction     jsonb,
    received_at    timestamptz not null,
    recorded_by    text        not null,
    decision       text check (decision in ('APPLIED', 'REFUSED')),
    decision_reason text,
    lawful_basis   text,
    decided_by     text,
    decided_at     timestamptz
);
create index data_request_by_organisation on privacy.data_request (organisation, received_at desc);
