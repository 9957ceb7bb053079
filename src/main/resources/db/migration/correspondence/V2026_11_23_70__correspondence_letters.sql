-- correspondence module: every letter as composed and sent, which is also the outbox it is delivered from.
create schema if not exists correspondence;

create table correspondence.letter (
    id              uuid primary key,
    organisation    text        not null,
    case_id         uuid        not null,
    case_reference  text        not null,
    kind            text        not null,
    channel         text        not null check (channel in ('EMAIL', 'POST')),
    recipient       text        not null,
    copy_to         text,
    subject         text        not null,
    body            text        not null,
    formats         text[]      not null default '{}',
    answers_clock   text,
    status          text        not null check (status in ('PENDING', 'SENT', 'READY_TO_PRINT', 'FAILED')),
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null,
    last_error      text,
    created_at      timestamptz not null,
    sent_at         timestamptz,
    delivered_via   text
);

create index letter_due on correspondence.letter (next_attempt_at) where status = 'PENDING';
create index letter_case on correspondence.letter (organisation, case_id, created_at);
create index letter_reference on correspondence.letter (organisation, case_reference);
