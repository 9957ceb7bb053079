-- vocabulary module (issue 20, item 4): each organisation's controlled lists, its service areas and its subjects
-- (categories with sub-categories), each entry with its other spellings (aliases). A list is made from the
-- organisation's service areas and the shipped subjects the first time it is read.
create schema if not exists vocabulary;

create table vocabulary.list (
    organisation text    not null,
    kind         text    not null check (kind in ('service-areas', 'subjects')),
    free_values  boolean not null default false,
    primary key (organisation, kind)
);

create table vocabulary.entry (
    id           bigserial primary key,
    organisation text    not null,
    kind         text    not null,
    name         text    not null,
    parent_id    bigint references vocabulary.entry (id),
    active       boolean not null default true,
    position     int     not null,
    foreign key (organisation, kind) references vocabulary.list (organisation, kind)
);

create index entry_by_list on vocabulary.entry (organisation, kind, position);

create table vocabulary.alias (
    entry_id bigint not null references vocabulary.entry (id),
    alias    text   not null,
    primary key (entry_id, alias)
);
