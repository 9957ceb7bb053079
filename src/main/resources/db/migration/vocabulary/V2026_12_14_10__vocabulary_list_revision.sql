-- vocabulary module (issue 27): a list's revision, raised by every change to its entries or their aliases, whoever
-- makes it (the administrators' pages, an import, a seed). A node keeps the entries it read with the revision they had
-- and reads them again only when the revision has moved, so filing a new case asks one question of the database, not
-- three, and a change made on another node is seen by the next case filed on this one.
alter table vocabulary.list add column revision bigint not null default 0;

create function vocabulary.raise_list_revision() returns trigger language plpgsql as $$
begin
    if tg_table_name = 'entry' then
        update vocabulary.list l set revision = revision + 1
        where (l.organisation, l.kind) in (select organisation, kind from changed_entries);
    else
        update vocabulary.list l set revision = revision + 1
        where (l.organisation, l.kind) in (select e.organisation, e.kind from vocabulary.entry e
                                           where e.id in (select entry_id from changed_aliases));
    end if;
    return null;
end $$;

create trigger entry_inserted after insert on vocabulary.entry referencing new table as changed_entries
    for each statement execute function vocabulary.raise_list_revision();
create trigger entry_updated after update on vocabulary.entry referencing new table as changed_entries
    for each statement execute function vocabulary.raise_list_revision();
create trigger entry_deleted after delete on vocabulary.entry referencing old table as changed_entries
    for each statement execute function vocabulary.raise_list_revision();
create trigger alias_inserted after insert on vocabulary.alias referencing new table as changed_aliases
    for each statement execute function vocabulary.raise_list_revision();
create trigger alias_updated after update on vocabulary.alias referencing new table as changed_aliases
    for each statement execute function vocabulary.raise_list_revision();
create trigger alias_deleted after delete on vocabulary.alias referencing old table as changed_aliases
    for each statement execute function vocabulary.raise_list_revision();
