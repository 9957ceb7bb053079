-- whatif module (issue 25): each replay asked for, its progress while it runs (read by any node) and its comparison
-- once finished. The comparison is kept as gzip-compressed JSON: its figures and, behind each, the references of up to
-- 500 cases (the counts are exact), with up to 500 cases that change and how; a year of a large organisation's cases
-- comes to a few hundred kilobytes. Nothing in it is read by another module, and no case is changed by a replay.
create schema if not exists whatif;

create table whatif.replay (
    id            uuid primary key,
    organisation  text        not null,
    asked_by      text        not null,
    draft_pack    text        not null,
    draft_version int         not null,
    period_from   date        not null,
    period_to     date        not null,
    -- WAITING, RUNNING, FINISHED or FAILED
    status        text        not null,
    total         int         not null default 0,
    replayed      int         not null default 0,
    started_at    timestamptz not null,
    finished_at   timestamptz,
    -- the running node touches it every few seconds; one left behind by a node that stopped is failed as interrupted
    heartbeat_at  timestamptz not null,
    problem       text,
    result_gzip   bytea
);

create index replay_organisation on whatif.replay (organisation, started_at desc);
create index replay_unfinished on whatif.replay (heartbeat_at) where status in ('WAITING', 'RUNNING');
