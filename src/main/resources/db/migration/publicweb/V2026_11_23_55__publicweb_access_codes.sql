-- publicweb module: one-time codes that let a complainant see their own case. Only a hash of each code is kept.
create schema if not exists publicweb;

create table publicweb.access_code (
    id           uuid primary key,
    organisation text not null,
    reference    text not null,
    code_hash    text not null,
    issued_at    timestamptz not null,
    expires_at   timestamptz not null,
    attempts     integer not null default 0,
    used_at      timestamptz
);

create index access_code_by_case on publicweb.access_code (organisation, reference, issued_at desc);
