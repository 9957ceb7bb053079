package org.redress.accounts;

/** What a member of staff may do in an organisation. Which role has which is decided in {@link Permissions} alone. */
public enum Permission {
    /** read cases, work lists and the organisation's settings */
    VIEW_CASES,
    /** log a new contact, or check one before logging */
    LOG_CONTACT,
    /** the day-to-day verbs: acknowledge, assign, record contact, points, understanding, evidence, steps, hold, resume, respond, tenure */
    WORK_CASE,
    /** extend a clock */
    EXTEND,
    /** record, accept or refuse an escalation */
    ESCALATE,
    /** close, reopen, withdraw, decline or reclassify */
    DECIDE,
    /**
     * see special category data (UK GDPR art. 9): health, disability and reasonable adjustments, equality answers,
     * complaints about named staff; every read is recorded ({@code SpecialCategoryAudit})
     */
    VIEW_SPECIAL_CATEGORY,
    /** closure days, organisations, policy packs, the special category audit */
    ADMINISTER,
    /** bring an existing complaint register in from a file (issue 20): administrators and complaint managers */
    IMPORT
}
