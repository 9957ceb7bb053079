-- The metrics count the letters waiting and failed per organisation (issue 24): from this small index, never the
-- sent letters, however many there are.
create index letter_waiting_or_failed on correspondence.letter (organisation, status) where status in ('PENDING', 'FAILED');
