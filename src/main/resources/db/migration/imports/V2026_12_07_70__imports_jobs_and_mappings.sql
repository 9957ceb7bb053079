-- imports module (issue 20): an organisation's existing complaint register brought in from a file. The cases themselves
-- are casework's; this schema keeps the remembered column mapping, each import's progress and result, and the rows it
-- refused with their reasons (to download, fix and upload again).
create schema if not exists imports;

create table imports.mapping (
    organisation text primary key,
    mapping      jsonb       not null,
    updated_at   timestamptz not null,
    updated_by   text        not null
);

create table imports.job (
    id           uuid primary key,
    organisation text        not null,
    file_name    text        not null,
    status       text        not null,
    total        int         not null default 0,
    processed    int         not null default 0,
    imported     int         not null default 0,
    updated      int         not null default 0,
    unchanged    int         not null default 0,
    refused      int         not null default 0,
    batches      int         not null default 0,
    error        text,
    started_by   text        not null,
    started_at   timestamptz not null,
    finished_at  timestamptz
);

create index job_organisation on imports.job (organisation, started_at desc);

create table imports.refused_row (
    job_id     uuid not null references imports.job (id),
    row_number int  not null,
    source_id  text,
    problems   jsonb not null,
    cells      jsonb not null,
    primary key (job_id, row_number)
);
