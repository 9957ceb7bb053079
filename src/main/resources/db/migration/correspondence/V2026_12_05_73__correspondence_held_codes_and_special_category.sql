-- One-time codes are no longer kept in the letters that carry them, where any member of staff could read them in the
-- outbox. A letter carrying a code is stored with the code masked; the code waits here, apart, until it is delivered by
-- email, used, replaced by a newer code or expired, and only the delivery reads it back.
create table correspondence.held_code (
    letter_id      uuid primary key references correspondence.letter (id) on delete cascade,
    organisation   text        not null,
    case_reference text        not null,
    code           text        not null,
    expires_at     timestamptz not null
);

create index held_code_expiry on correspondence.held_code (expires_at);
create index held_code_by_case on correspondence.held_code (organisation, case_reference);

-- Without a mail server the local outbox page is the delivery: each time it shows an administrator a live code, that is
-- recorded here (and listed with the code). Rows are added, never changed.
create table correspondence.held_code_shown (
    letter_id uuid        not null references correspondence.letter (id) on delete cascade,
    username  text        not null,
    shown_at  timestamptz not null
);

create index held_code_shown_by_letter on correspondence.held_code_shown (letter_id, shown_at);

-- Codes already written into letters: masked (the code stands alone on its line in the template), and a code letter
-- still waiting is given up (the code it would have carried is gone; the complainant can ask for a new one).
update correspondence.letter set body = regexp_replace(body, '^[0-9]{6}$', '••••••', 'gn') where kind = 'ACCESS_CODE';
update correspondence.letter set status = 'FAILED',
    last_error = 'The code expired or was replaced before it could be sent; the complainant can ask for a new one'
where kind = 'ACCESS_CODE' and status = 'PENDING';

-- A notice that holds special category data (UK GDPR art. 9) says so, set by whoever queues it: what the data is, in
-- words, and the case it belongs to (kept apart from case_reference so the notice is not filed with the case's letters).
-- Readers whose role may not see such data get the notice withheld; every other read is logged (accounts).
alter table correspondence.letter add column special_category text;
alter table correspondence.letter add column about_case text;
