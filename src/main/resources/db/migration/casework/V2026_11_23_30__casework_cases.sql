-- casework module: cases (the aggregate's state as JSON, with the columns work lists filter and sort on),
-- their append-only history, per-organisation reference counters and idempotency keys.
create schema if not exists casework;

create table casework.case_file (
    id            uuid primary key,
    organisation  text        not null,
    reference     text        not null,
    record_type   text        not null,
    status        text        not null,
    stage         int         not null,
    owner         text,
    service_line  text,
    service_area  text,
    subject       text,
    received_at   timestamptz not null,
    logged_at     timestamptz not null,
    next_due_at   timestamptz,
    closed_at     timestamptz,
    pack_id       text        not null,
    pack_version  int         not null,
    version       bigint      not null,
    event_count   int         not null,
    search_text   text        not null,
    state         jsonb       not null,
    unique (organisation, reference)
);

-- "my work": open cases of an organisation by their next deadline (keyset pagination on next_due_at, id)
create index case_file_next_due on casework.case_file (organisation, next_due_at, id) where next_due_at is not null;
create index case_file_received on casework.case_file (organisation, received_at desc, id);
create index case_file_owner on casework.case_file (organisation, owner, next_due_at) where owner is not null;
create index case_file_search on casework.case_file using gin (to_tsvector('simple', search_text));

create table casework.case_event (
    case_id      uuid        not null references casework.case_file (id),
    sequence     int         not null,
    organisation text        not null,
    type         text        not null,
    at           timestamptz not null,
    actor        text        not null,
    reason       text,
    details      jsonb       not null,
    recorded_at  timestamptz not null default now(),
    primary key (case_id, sequence)
);

create function casework.history_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the case history is append-only: % on case_event refused', tg_op;
end;
$$;

create trigger case_event_append_only before update or delete on casework.case_event
    for each row execute function casework.history_is_append_only();

create table casework.reference_counter (
    organisation text not null,
    year         int  not null,
    last         int  not null,
    primary key (organisation, year)
);

create table casework.idempotency_key (
    organisation text        not null,
    key          text        not null,
    -- deferred: the key is claimed first, so a concurrent retry waits on it instead of creating a second case
    case_id      uuid        not null references casework.case_file (id) deferrable initially deferred,
    request_hash text        not null,
    created_at   timestamptz not null,
    primary key (organisation, key)
);
