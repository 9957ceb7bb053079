-- hazards module: Awaab's Law hazard records opened from complaints (R-3), every attempt to get in (failed access
-- included), and each organisation's hazard categories and keywords. The clocks are derived, never stored.
create schema if not exists hazards;

create table hazards.hazard (
    id                          uuid        primary key,
    organisation                text        not null,
    case_id                     uuid        not null,
    case_reference              text        not null,
    category                    text        not null,
    source                      text        not null check (source in ('AUTOMATIC', 'STAFF')),
    matched                     text,
    aware_at                    timestamptz not null,
    classification              text check (classification in ('EMERGENCY', 'SIGNIFICANT')),
    classified_at               timestamptz,
    investigation_concluded_at  timestamptz,
    investigation_findings      text,
    summary_sent_at             timestamptz,
    work_started_at             timestamptz,
    opened_at                   timestamptz not null,
    opened_by                   text        not null,
    notes                       text,
    unique (organisation, case_id, category)
);
create index hazard_by_organisation on hazards.hazard (organisation, aware_at);

create table hazards.attempt (
    id          uuid        primary key,
    hazard_id   uuid        not null references hazards.hazard (id),
    at          timestamptz not null,
    by_whom     text        not null,
    outcome     text        not null check (outcome in ('ACCESS_GIVEN', 'NO_ACCESS', 'REFUSED')),
    notes       text        not null,
    recorded_at timestamptz not null,
    recorded_by text        not null
);
create index attempt_by_hazard on hazards.attempt (hazard_id, at);

create table hazards.setting (
    organisation text        primary key,
    enabled      boolean,
    categories   jsonb       not null,
    changed_at   timestamptz not null,
    changed_by   text        not null
);
