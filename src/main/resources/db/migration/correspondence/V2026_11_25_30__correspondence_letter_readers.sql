-- Who may see a letter in the outbox, kept on the letter so the outbox never reads casework's tables.
-- The service area of the case a letter is for, copied when the letter is written; a case's area is fixed when it is
-- logged (reclassifying makes a new case), so the copy does not go stale. A member limited to some service areas sees
-- only letters of their areas' cases. Letters written before this column have none, so such a member does not find
-- them in the outbox (they still do on the case's own page, which asks casework).
alter table correspondence.letter add column service_area text;
-- The member of staff (username) a notice belonging to no case is for, when whoever queued it knew: such a notice is
-- shown to a limited member only when it is for them.
alter table correspondence.letter add column addressee text;
