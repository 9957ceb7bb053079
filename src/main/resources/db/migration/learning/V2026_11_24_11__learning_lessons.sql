-- learning module: lessons and service changes from complaints (F-14, H-8, S0-11, Code section 9).
create schema if not exists learning;

create table learning.lesson (
    id                 uuid primary key,
    organisation       text        not null,
    kind               text        not null check (kind in ('LESSON', 'SERVICE_CHANGE')),
    title              text        not null,
    description        text        not null,
    root_cause         text        not null,
    owner              text        not null,
    status             text        not null check (status in ('PROPOSED', 'AGREED', 'IN_PROGRESS', 'DONE', 'NOT_ADOPTED')),
    done_on            date,
    not_adopted_reason text,
    group_suggestion   boolean     not null default false,
    created_by         text        not null,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    version            bigint      not null default 0,
    check (status <> 'NOT_ADOPTED' or not_adopted_reason is not null),
    check (status <> 'DONE' or done_on is not null)
);
create index lesson_organisation on learning.lesson (organisation, status, created_at);

-- the cases a lesson came from; a lesson may come from many
create table learning.lesson_case (
    lesson_id      uuid not null references learning.lesson (id),
    case_id        uuid not null,
    case_reference text not null,
    primary key (lesson_id, case_id)
);
create index lesson_case_case on learning.lesson_case (case_id);

create table learning.lesson_event (
    lesson_id uuid        not null references learning.lesson (id),
    sequence  int         not null,
    type      text        not null,
    at        timestamptz not null,
    actor     text        not null,
    reason    text,
    primary key (lesson_id, sequence)
);

-- each person who complained is told of a change once (H-8), however often staff ask
create table learning.complainant_told (
    lesson_id      uuid        not null references learning.lesson (id),
    person         text        not null,
    case_reference text        not null,
    letter_id      uuid        not null,
    told_at        timestamptz not null,
    told_by        text        not null,
    primary key (lesson_id, person)
);
