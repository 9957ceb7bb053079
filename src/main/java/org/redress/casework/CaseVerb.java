package org.redress.casework;

import org.redress.accounts.Permission;
import org.redress.casework.CaseTypes.CaseStatus;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import static org.redress.casework.CaseTypes.CaseStatus.*;

/**
 * The case's transition table: each verb under its one name (the API path segment, the staff page's action, the
 * permission matrix's key and the name in {@code allowedActions}), the statuses it is allowed in and the permission it
 * needs. {@link CaseFile} checks every verb against it and offers exactly the verbs it would accept; the verb's
 * conditions beyond the status (an acknowledgement not yet made, a next stage to escalate to) are in
 * {@code CaseFile.refused}, written once for both. The permission matrix in accounts keeps a copy of the permissions
 * (accounts cannot depend on casework); {@code CaseVerbTableTest} holds the two equal.
 */
public enum CaseVerb {
    ACKNOWLEDGE("acknowledge", "acknowledge", Permission.WORK_CASE, EnumSet.of(OPEN)),
    ASSIGN("assign", "assign", Permission.WORK_CASE, EnumSet.of(OPEN, ON_HOLD, RESPONDED)),
    POINTS("points", "add a point to", Permission.WORK_CASE, EnumSet.of(OPEN, ON_HOLD)),
    UNDERSTANDING("understanding", "record the understanding of", Permission.WORK_CASE, EnumSet.of(OPEN, ON_HOLD)),
    EVIDENCE("evidence", "record evidence on", Permission.WORK_CASE, EnumSet.of(OPEN, ON_HOLD, RESPONDED, CLOSED)),
    CONTACT("contact", "record contact on", Permission.WORK_CASE, EnumSet.of(OPEN, RESPONDED)),
    STEPS("steps", "record a step on", Permission.WORK_CASE, EnumSet.of(OPEN, ON_HOLD, RESPONDED)),
    EXTEND("extend", "extend", Permission.EXTEND, EnumSet.of(OPEN, ON_HOLD)),
    HOLD("hold", "put on hold", Permission.WORK_CASE, EnumSet.of(OPEN)),
    RESUME("resume", "resume", Permission.WORK_CASE, EnumSet.of(ON_HOLD)),
    RESPOND("respond", "respond to", Permission.WORK_CASE, EnumSet.of(OPEN)),
    ESCALATION_REQUEST("escalation-request", "escalate", Permission.ESCALATE, EnumSet.of(RESPONDED, CLOSED)),
    ACCEPT_ESCALATION("accept-escalation", "accept the escalation of", Permission.ESCALATE, EnumSet.of(OPEN)),
    REFUSE_ESCALATION("refuse-escalation", "refuse the escalation of", Permission.ESCALATE, EnumSet.of(OPEN)),
    CLOSE("close", "close", Permission.DECIDE, EnumSet.of(OPEN, RESPONDED)),
    REOPEN("reopen", "reopen", Permission.DECIDE, EnumSet.of(CLOSED)),
    WITHDRAW("withdraw", "withdraw", Permission.DECIDE, EnumSet.of(OPEN, ON_HOLD, RESPONDED)),
    // F-10: a pack's rule may allow a decision at any point of the procedure, also between stages (CaseDecisions)
    DECLINE("decline", "decline", Permission.DECIDE, EnumSet.of(OPEN, ON_HOLD, RESPONDED)),
    // F-3: a complaint made after the pack's time limit is investigated anyway, as a recorded decision
    INVESTIGATE_LATE("investigate-anyway", "decide to investigate", Permission.DECIDE, EnumSet.of(OPEN, ON_HOLD)),
    // the tenure can be corrected whatever the status, since a case counts in the period it was received in
    TENURE("tenure", "record the tenure of", Permission.WORK_CASE, EnumSet.allOf(CaseStatus.class)),
    RECLASSIFY("reclassify", "reclassify", Permission.DECIDE, EnumSet.of(OPEN, ON_HOLD, RESPONDED, CLOSED)),
    // F-6: mediation "at any point in the process", while the case is open, where the pack offers it
    MEDIATION("mediation", "record mediation on", Permission.WORK_CASE, EnumSet.of(OPEN, ON_HOLD, RESPONDED)),
    // the method and frequency of contact agreed with the complainant at a stage whose pack says so
    CONTACT_ARRANGEMENT("contact-arrangement", "record the contact arrangement of", Permission.WORK_CASE, EnumSet.of(OPEN, ON_HOLD)),
    // issue 23, R-5: DISP 1.5's Summary Resolution Communication closes a complaint resolved inside the pack's option window
    SUMMARY_RESOLUTION("summary-resolution", "close by a summary resolution", Permission.WORK_CASE, EnumSet.of(OPEN)),
    // issue 23, F-8: a case logged on the wrong service line is corrected; to a line with another procedure only before
    // anything was sent under the old one (ServiceLineCorrection)
    SERVICE_LINE("service-line", "correct the service line of", Permission.WORK_CASE, EnumSet.of(OPEN, ON_HOLD, RESPONDED, CLOSED));

    private final String id;
    private final String phrase;
    private final Permission permission;
    private final Set<CaseStatus> statuses;

    CaseVerb(String id, String phrase, Permission permission, Set<CaseStatus> statuses) {
        this.id = id;
        this.phrase = phrase;
        this.permission = permission;
        this.statuses = statuses;
    }

    /** The verb's one name: its API path segment, its staff page action and its name in {@code allowedActions}. */
    public String id() {
        return id;
    }

    /** The permission a member of staff needs for it. */
    public Permission permission() {
        return permission;
    }

    /** The statuses it is allowed in. */
    public Set<CaseStatus> statuses() {
        return EnumSet.copyOf(statuses);
    }

    public boolean allowedIn(CaseStatus status) {
        return statuses.contains(status);
    }

    /** How a refusal names it: "cannot {phrase} a case that is closed". */
    String phrase() {
        return phrase;
    }

    public static Optional<CaseVerb> named(String id) {
        return Arrays.stream(values()).filter(v -> v.id.equals(id)).findFirst();
    }
}
