-- intake module: every email read from a connected mailbox, kept unchanged, and what became of it.
create schema if not exists intake;

create table intake.message (
    organisation text        not null,
    message_id   text        not null,
    mailbox      text        not null,
    received_at  timestamptz not null,
    sender       text        not null,
    subject      text        not null,
    outcome      text        not null check (outcome in ('NEW_CONTACT', 'ADDED_TO_CASE', 'IGNORED')),
    reason       text,
    case_reference text,
    raw          bytea       not null,
    primary key (organisation, message_id)
);

create table intake.attachment (
    organisation text  not null,
    message_id   text  not null,
    position     int   not null,
    filename     text,
    content_type text  not null,
    size         int   not null,
    sha256       text  not null,
    content      bytea not null,
    primary key (organisation, message_id, position),
    foreign key (organisation, message_id) references intake.message (organisation, message_id)
);
