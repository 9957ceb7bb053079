-- Reference numbers come from one PostgreSQL sequence per organisation and year instead of a counter row.
-- The counter row was locked from the moment a case took its number until the case's transaction committed, so an
-- organisation's complaints were logged one at a time (issue 4's benchmark: 55 ms waits, then a queue at 500/s).
-- A sequence hands out numbers without a lock held to commit; the price is a gap when a transaction that took a
-- number then fails (the number is never reused). See docs/adr/0011-reference-numbers-from-sequences.md.

create table casework.reference_sequence (
    organisation  text not null,
    year          int  not null,
    sequence_name text not null unique,
    primary key (organisation, year)
);

-- The organisation and year's sequence, made the first time it is asked for. Organisation codes are up to 63
-- characters, so the sequence is named by a hash; the table above says which is which.
create function casework.reference_sequence_of(p_organisation text, p_year int) returns regclass
    language plpgsql as $$
declare
    name text := 'reference_' || md5(p_organisation || '/' || p_year);
    seq  regclass := to_regclass('casework.' || name);
begin
    if seq is null then
        -- two first cases of a year at once: the second waits for the first's sequence instead of failing
        perform pg_advisory_xact_lock(hashtext('casework.reference_sequence'), hashtext(name));
        execute format('create sequence if not exists casework.%I as bigint minvalue 1', name);
        insert into casework.reference_sequence (organisation, year, sequence_name)
        values (p_organisation, p_year, name) on conflict do nothing;
        seq := to_regclass('casework.' || name);
    end if;
    return seq;
end;
$$;

create function casework.next_reference_number(p_organisation text, p_year int) returns bigint
    language sql as $$
    select nextval(casework.reference_sequence_of(p_organisation, p_year));
$$;

-- The last number handed out for the organisation and year (0 before the first).
create function casework.last_reference_number(p_organisation text, p_year int) returns bigint
    language sql as $$
    select coalesce(s.last_value, 0)
    from casework.reference_sequence r
    join pg_sequences s on s.schemaname = 'casework' and s.sequencename = r.sequence_name
    where r.organisation = p_organisation and r.year = p_year;
$$;

-- Moves the organisation and year's numbers past p_last (never back): used after generating cases in bulk.
create function casework.move_reference_numbers_past(p_organisation text, p_year int, p_last bigint) returns void
    language plpgsql as $$
declare
    seq regclass := casework.reference_sequence_of(p_organisation, p_year);
begin
    if p_last > coalesce(casework.last_reference_number(p_organisation, p_year), 0) then
        perform setval(seq, p_last);
    end if;
end;
$$;

do $$
declare
    counter record;
begin
    for counter in select organisation, year, last from casework.reference_counter where last > 0 loop
        perform casework.move_reference_numbers_past(counter.organisation, counter.year, counter.last);
    end loop;
end;
$$;

drop table casework.reference_counter;
