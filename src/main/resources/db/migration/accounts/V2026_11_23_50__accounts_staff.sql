-- accounts module: staff sign-in accounts and the organisations each belongs to, with one role in each.
create schema if not exists accounts;

create table accounts.staff_user (
    username          text primary key check (username ~ '^[a-z0-9][a-z0-9._-]{1,62}$'),
    display_name      text not null,
    password_hash     text not null,
    -- an installation operator belongs to every organisation (never created by the application itself)
    all_organisations boolean not null default false,
    failed_attempts   integer not null default 0,
    locked_until      timestamptz,
    enabled           boolean not null default true
);

create table accounts.membership (
    username     text not null references accounts.staff_user (username) on delete cascade,
    organisation text not null,
    role         text not null,
    primary key (username, organisation)
);

create index membership_by_organisation on accounts.membership (organisation);
