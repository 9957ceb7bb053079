-- correspondence module (issue 24): GOV.UK Notify as a delivery channel. A letter Notify took keeps Notify's
-- notification id, so Notify's delivery receipt (its callback) finds it; the receipt's status and time are kept too.
-- A letter Notify delivered is DELIVERED; one it could not deliver (permanent, temporary or technical failure) is
-- NOT_DELIVERED, a warning for staff on the case page and "my work" as an undeliverable letter is, until they record
-- contacting the person another way (CONTACTED).
-- A letter queued to go through Notify is sent only by a node that has the organisation's Notify service (by_notify).
alter table correspondence.letter add column by_notify boolean not null default false;
alter table correspondence.letter add column notify_id uuid;
alter table correspondence.letter add column notify_status text;
alter table correspondence.letter add column receipt_at timestamptz;
create unique index letter_by_notify_id on correspondence.letter (notify_id) where notify_id is not null;

alter table correspondence.letter drop constraint if exists letter_status_check;
alter table correspondence.letter add constraint letter_status_check
    check (status in ('PENDING', 'SENT', 'READY_TO_PRINT', 'FAILED', 'TO_CALL', 'UNDELIVERABLE', 'CONTACTED', 'DELIVERED', 'NOT_DELIVERED'));

drop index if exists correspondence.letter_to_hand_over;
create index letter_to_hand_over on correspondence.letter (organisation, addressee) where status in ('TO_CALL', 'UNDELIVERABLE', 'NOT_DELIVERED');
