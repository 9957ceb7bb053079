-- correspondence module (issue 21, A-2): a letter the procedure requires for a person who asked to be contacted by
-- phone or text is a call for the case's owner to make (channel PHONE or TEXT, status TO_CALL), and one with nowhere to
-- go (no postal address, no email) waits as UNDELIVERABLE for staff to see, never in the print queue; either is
-- CONTACTED once the member records the contact. addressee names the member of staff who is to make the contact.
alter table correspondence.letter drop constraint if exists letter_channel_check;
alter table correspondence.letter add constraint letter_channel_check check (channel in ('EMAIL', 'POST', 'PHONE', 'TEXT'));
alter table correspondence.letter drop constraint if exists letter_status_check;
alter table correspondence.letter add constraint letter_status_check
    check (status in ('PENDING', 'SENT', 'READY_TO_PRINT', 'FAILED', 'TO_CALL', 'UNDELIVERABLE', 'CONTACTED'));
create index letter_to_hand_over on correspondence.letter (organisation, addressee) where status in ('TO_CALL', 'UNDELIVERABLE');
