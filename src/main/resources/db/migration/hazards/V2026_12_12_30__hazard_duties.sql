-- hazards module, issue 23 (R-3; Awaab's Law, SI 2025/1042): the complainant's tenure (no duty for a shared owner's
-- home), the emergency's "made safe" (its 24-hour clock stops there, not when work begins), further works, alternative
-- accommodation, and closing a hazard as no hazard found or dismissed (who, when, why). Old rows read as before:
-- tenure unknown, nothing of the rest recorded.
alter table hazards.hazard
    add column tenure         text        not null default 'UNKNOWN',
    add column made_safe_at   timestamptz,
    add column further_works  jsonb,
    add column accommodation  jsonb,
    add column closure        jsonb,
    add column closed_at      timestamptz;
