-- API tokens for other systems: only a SHA-256 of each token is kept, so a token is shown once, when issued.
create table accounts.api_token (
    id           uuid primary key,
    username     text        not null references accounts.staff_user (username) on delete cascade,
    organisation text        not null,
    name         text        not null,
    token_hash   text        not null unique,
    created_at   timestamptz not null,
    revoked_at   timestamptz
);

create index api_token_owner on accounts.api_token (username, created_at);
