-- policy module: every version of every policy pack, as the YAML text it was uploaded as.
-- Versions are never changed or deleted: a case keeps the version it started under.
create schema if not exists policy;

create table policy.pack_version (
    pack_id      text        not null check (pack_id ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    version      integer     not null check (version >= 1),
    organisation text        not null,
    title        text        not null,
    yaml         text        not null,
    shipped      boolean     not null default false,
    active       boolean     not null default false,
    created_at   timestamptz not null default now(),
    activated_at timestamptz,
    primary key (pack_id, version)
);

-- at most one active version per pack, whatever several nodes do at once
create unique index pack_version_one_active on policy.pack_version (pack_id) where active;
create index pack_version_active_by_organisation on policy.pack_version (organisation) where active;
