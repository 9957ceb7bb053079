-- The metrics also count the letters GOV.UK Notify could not deliver (issue 24): the small index of letters waiting,
-- failed or not delivered replaces the one of letters waiting or failed, so the figures never read the sent letters.
create index letter_needing_attention on correspondence.letter (organisation, status)
    where status in ('PENDING', 'FAILED', 'NOT_DELIVERED');
drop index correspondence.letter_waiting_or_failed;
