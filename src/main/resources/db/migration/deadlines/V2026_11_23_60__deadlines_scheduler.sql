-- deadlines module: db-scheduler's task table (one row per scheduled task instance, picked by one node at a time),
-- and the reminders already sent, so each goes out once however many nodes run the sweep.
create schema if not exists deadlines;

create table deadlines.scheduled_tasks (
    task_name            text                     not null,
    task_instance        text                     not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures int,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index scheduled_tasks_execution_time on deadlines.scheduled_tasks (execution_time);
create index scheduled_tasks_last_heartbeat on deadlines.scheduled_tasks (last_heartbeat);
create index scheduled_tasks_priority on deadlines.scheduled_tasks (priority desc, execution_time asc);

create table deadlines.reminder (
    organisation text        not null,
    case_id      uuid        not null,
    clock        text        not null,
    stage        int         not null,
    due_by       timestamptz not null,
    kind         text        not null check (kind in ('DUE_SOON', 'OVERDUE')),
    sent_at      timestamptz not null,
    recipient    text        not null,
    primary key (organisation, case_id, clock, stage, due_by, kind)
);
