-- accounts module: object-level limits, single sign-on identities and the special category read log.

-- A member may be limited to some service areas of the organisation (null: every area).
alter table accounts.membership add column service_areas text[];

-- Staff who sign in with the organisation's identity provider: which provider subject is which account.
create table accounts.sso_identity (
    issuer     text not null,
    subject    text not null,
    username   text not null references accounts.staff_user (username) on delete cascade,
    last_seen  timestamptz not null,
    primary key (issuer, subject)
);

-- Every read of special category data (UK GDPR art. 9) by a member of staff: who, when, which case, what and why.
create table accounts.special_category_read (
    id           bigint generated always as identity primary key,
    organisation text        not null,
    case_id      text        not null,
    username     text        not null,
    what         text        not null,
    why          text        not null,
    reason       text,
    read_at      timestamptz not null
);

create index special_category_read_by_case on accounts.special_category_read (organisation, case_id, read_at);
create index special_category_read_by_time on accounts.special_category_read (organisation, read_at);

-- the log is evidence: rows are added, never changed or removed
create function accounts.special_category_read_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the special category read log is append-only';
end $$;

create trigger special_category_read_append_only before update or delete on accounts.special_category_read
    for each row execute function accounts.special_category_read_is_append_only();
