-- imports module (issue 20): an uploaded register is kept in the database while its mapping is confirmed, checked and
-- imported, so any node can continue it (a node's memory held it before, and a restart asked for the file again), and
-- each import names the file it reads, so an interrupted one can be run again from the stored file.
create table imports.upload (
    id           uuid primary key,
    organisation text        not null,
    file_name    text        not null,
    content      bytea       not null,
    size         int         not null,
    uploaded_at  timestamptz not null
);

create index upload_organisation on imports.upload (organisation, uploaded_at desc);

alter table imports.job add column upload_id uuid references imports.upload (id) on delete set null;
alter table imports.job add column mapping jsonb;
