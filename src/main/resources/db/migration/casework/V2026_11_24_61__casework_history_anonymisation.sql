-- casework module: the one recorded exception to the append-only history. Anonymisation (retention or erasure,
-- issue 9) rewrites the reason and details of a case's own events, only in a transaction that has named that case
-- in the setting casework.anonymising_case (set locally by the anonymiser, which also records an 'anonymised'
-- event). Every other update, every delete, and any change to an event's type, time, actor or order stays refused.
create or replace function casework.history_is_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE'
       and coalesce(current_setting('casework.anonymising_case', true), '') = old.case_id::text
       and new.case_id = old.case_id and new.sequence = old.sequence and new.organisation = old.organisation
       and new.type = old.type and new.at = old.at and new.actor = old.actor and new.recorded_at = old.recorded_at then
        return new;
    end if;
    raise exception 'the case history is append-only: % on case_event refused', tg_op;
end;
$$;

-- retention reads an organisation's ended cases by when they ended
create index if not exists case_file_closed on casework.case_file (organisation, closed_at, id) where closed_at is not null;
