-- accounts module: joining an organisation by invitation, unlocks recorded and limited, API tokens that expire (ADR 18).

-- Adding a member makes an invitation; the membership exists only once the invited person accepts it.
create table accounts.invitation (
    id            uuid primary key,
    organisation  text        not null,
    username      text        not null references accounts.staff_user (username) on delete cascade,
    -- the name the administrator typed; an account that existed keeps its own
    display_name  text        not null,
    role          text        not null,
    service_areas text[],
    invited_by    text        not null,
    created_at    timestamptz not null,
    expires_at    timestamptz not null,
    answered_at   timestamptz,
    answer        text check (answer in ('ACCEPTED', 'DECLINED', 'WITHDRAWN', 'EXPIRED')),
    check ((answered_at is null) = (answer is null))
);

-- at most one open invitation per person and organisation
create unique index invitation_open on accounts.invitation (organisation, username) where answered_at is null;
create index invitation_open_for_person on accounts.invitation (username) where answered_at is null;

-- Every unlock of an account after wrong passwords: who, for which organisation, when (a day's unlocks are limited).
create table accounts.unlock (
    id           bigint generated always as identity primary key,
    username     text        not null references accounts.staff_user (username) on delete cascade,
    organisation text        not null,
    unlocked_by  text        not null,
    unlocked_at  timestamptz not null
);

create index unlock_recent on accounts.unlock (username, unlocked_at);

-- A token works for a year at most; those issued before had no end, and now end a year after they were made.
alter table accounts.api_token add column expires_at timestamptz;
update accounts.api_token set expires_at = created_at + interval '1 year';
alter table accounts.api_token alter column expires_at set not null;
