-- publicweb module: files a complainant attaches to the public form, kept apart from the case row, each with its
-- SHA-256 so a copy can be checked against what was received.
create table publicweb.attachment (
    id           uuid primary key,
    organisation text not null,
    reference    text not null,
    filename     text not null,
    media_type   text not null,
    size_bytes   integer not null check (size_bytes > 0),
    sha256       text not null,
    content      bytea not null,
    uploaded_at  timestamptz not null
);

create index attachment_by_case on publicweb.attachment (organisation, reference);
