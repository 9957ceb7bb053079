package org.redress.casework;

import org.jspecify.annotations.Nullable;
import org.redress.calendar.ClockUnit;
import org.redress.casework.CaseTypes.Channel;
import org.redress.casework.CaseTypes.DeclineGround;
import org.redress.casework.CaseTypes.EvidenceKind;
import org.redress.casework.CaseTypes.HoldKind;
import org.redress.casework.CaseTypes.Outcome;
import org.redress.casework.CaseTypes.Tenure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What happened to a case, one record per past-tense event, as other modules read it: {@code event.payload() instanceof
 * CaseFact.StageResponded r} and then {@code r.outcomes()}, never a string to parse. Each fact is stored as today, its
 * {@link #type()} string and its {@link #details()} as JSON, so the history and the API show what they always showed;
 * {@link CaseFacts#read} reads a stored row (old rows included) back into its fact.
 */
public sealed interface CaseFact {

    /** The history's type string, e.g. "responded". */
    String type();

    /** The stored details: numbers, booleans, strings and lists of strings, no nulls. */
    Map<String, Object> details();

    /** @param receivedBy who received the contact (S0-4), as named; null when not said, and for cases logged before it was asked */
    record CaseLogged(String recordType, Channel channel, Instant receivedAt, String packVersion, @Nullable Tenure tenure,
                      @Nullable String linkedFrom, @Nullable String receivedBy) implements CaseFact {
        public CaseLogged(String recordType, Channel channel, Instant receivedAt, String packVersion, @Nullable Tenure tenure, @Nullable String linkedFrom) {
            this(recordType, channel, receivedAt, packVersion, tenure, linkedFrom, null);
        }
        public String type() { return "logged"; }
        public Map<String, Object> details() {
            return d("recordType", recordType, "channel", channel.name(), "receivedAt", receivedAt.toString(), "packVersion", packVersion,
                    "tenure", tenure == null ? null : tenure.name(), "linkedFrom", linkedFrom, "receivedBy", receivedBy);
        }
    }

    /** A stage acknowledged: by staff (how, if said; "escalation accepted" for a stage 2), or by the response itself. */
    record Acknowledged(int stage, @Nullable String method, boolean byTheResponse) implements CaseFact {
        /** The reason an acknowledgement made by the response is recorded with (the letters skip it). */
        public static final String BY_THE_RESPONSE = "acknowledged by the response";
        public String type() { return "acknowledged"; }
        public Map<String, Object> details() { return d("stage", stage, "method", method); }
    }

    record Contacted(int stage) implements CaseFact {
        public String type() { return "contacted"; }
        public Map<String, Object> details() { return d("stage", stage); }
    }

    record Assigned(int stage, String owner, String role) implements CaseFact {
        public String type() { return "assigned"; }
        public Map<String, Object> details() { return d("stage", stage, "owner", owner, "role", role); }
    }

    /** A point added; its category is one of the organisation's subjects, absent from points added before issue 20. */
    record PointAdded(int number, String summary, @Nullable String category) implements CaseFact {
        PointAdded(int number, String summary) {
            this(number, summary, null);
        }

        public String type() { return "point-added"; }
        public Map<String, Object> details() { return d("number", number, "summary", summary, "category", category); }
    }

    record UnderstandingRecorded(int stage, @Nullable String understanding, @Nullable String outcomeWanted) implements CaseFact {
        public String type() { return "understanding-recorded"; }
        public Map<String, Object> details() { return d("stage", stage, "understanding", understanding, "outcomeWanted", outcomeWanted); }
    }

    record EvidenceRecorded(EvidenceKind kind, LocalDate date, String who) implements CaseFact {
        public String type() { return "evidence-recorded"; }
        public Map<String, Object> details() { return d("kind", kind.name(), "date", date.toString(), "who", who); }
    }

    /**
     * A clock extended; {@code tellOmbudsman} when the complainant is told they may go to the ombudsman: the rule says
     * so, or {@code withoutAgreement}: the extension needed their agreement, they did not agree, and it went ahead (T-7).
     */
    record Extended(String clock, int stage, int amount, ClockUnit unit, LocalDate previousDue, LocalDate newDue,
                    boolean complainantAgreed, boolean tellOmbudsman, @Nullable String ombudsman, @Nullable String cite,
                    boolean withoutAgreement) implements CaseFact {
        public Extended(String clock, int stage, int amount, ClockUnit unit, LocalDate previousDue, LocalDate newDue,
                        boolean complainantAgreed, boolean tellOmbudsman, @Nullable String ombudsman, @Nullable String cite) {
            this(clock, stage, amount, unit, previousDue, newDue, complainantAgreed, tellOmbudsman, ombudsman, cite, false);
        }
        public String type() { return "extended"; }
        public Map<String, Object> details() {
            return d("clock", clock, "stage", stage, "amount", amount, "unit", unit.name(), "previousDue", previousDue.toString(),
                    "newDue", newDue.toString(), "complainantAgreed", complainantAgreed, "tellOmbudsman", tellOmbudsman,
                    "ombudsman", ombudsman, "cite", cite, "withoutAgreement", withoutAgreement ? true : null);
        }
    }

    record PutOnHold(HoldKind kind) implements CaseFact {
        public String type() { return "put-on-hold"; }
        public Map<String, Object> details() { return d("kind", kind.name()); }
    }

    record Resumed(Instant heldSince, HoldKind kind) implements CaseFact {
        public String type() { return "resumed"; }
        public Map<String, Object> details() { return d("heldSince", heldSince.toString(), "kind", kind.name()); }
    }

    record StepRecorded(String step, String kind, int stage) implements CaseFact {
        public String type() { return "step-recorded"; }
        public Map<String, Object> details() { return d("step", step, "kind", kind, "stage", stage); }
    }

    /** A point's decision in a response, as the history keeps it ("1: UPHELD"). */
    record PointOutcome(int number, Outcome outcome) {
        String stored() { return number + ": " + outcome.name(); }
    }

    /** A response at a stage (0 for a contact outside the stages), with each decided point's outcome. */
    record StageResponded(int stage, boolean finalResponse, List<PointOutcome> outcomes, int actions,
                          @Nullable String ombudsman) implements CaseFact {
        public StageResponded {
            outcomes = List.copyOf(outcomes);
        }
        public String type() { return "responded"; }
        public Map<String, Object> details() {
            return d("stage", stage, "final", finalResponse, "points", outcomes.stream().map(PointOutcome::stored).toList(),
                    "actions", actions, "ombudsman", ombudsman);
        }
    }

    record EscalationRequested(int toStage, Instant requestedAt, boolean insideWindow, @Nullable String lateAcceptedBecause,
                               @Nullable String unresolved, @Nullable String outcomeWanted) implements CaseFact {
        public String type() { return "escalation-requested"; }
        public Map<String, Object> details() {
            return d("toStage", toStage, "requestedAt", requestedAt.toString(), "insideWindow", insideWindow,
                    "lateAcceptedBecause", lateAcceptedBecause, "unresolved", unresolved, "outcomeWanted", outcomeWanted);
        }
    }

    /** An escalation refused; {@code reviewDate} is when the refusal will be reviewed, where the pack asks one (H-5). */
    record EscalationRefused(int stage, String ground, List<String> mustInclude, @Nullable String ombudsman,
                             @Nullable LocalDate reviewDate) implements CaseFact {
        public EscalationRefused {
            mustInclude = List.copyOf(mustInclude);
        }
        public EscalationRefused(int stage, String ground, List<String> mustInclude, @Nullable String ombudsman) {
            this(stage, ground, mustInclude, ombudsman, null);
        }
        public String type() { return "escalation-refused"; }
        public Map<String, Object> details() {
            return d("stage", stage, "ground", ground, "mustInclude", mustInclude, "ombudsman", ombudsman,
                    "reviewDate", reviewDate == null ? null : reviewDate.toString());
        }
    }

    record Closed(int stage, @Nullable Boolean satisfiedWithHandling, @Nullable Boolean satisfiedWithOutcome, int openActions)
            implements CaseFact {
        public String type() { return "closed"; }
        public Map<String, Object> details() {
            return d("stage", stage, "satisfiedWithHandling", satisfiedWithHandling, "satisfiedWithOutcome", satisfiedWithOutcome,
                    "openActions", openActions);
        }
    }

    record Reopened(int stage) implements CaseFact {
        public String type() { return "reopened"; }
        public Map<String, Object> details() { return d("stage", stage); }
    }

    record Withdrawn(int stage) implements CaseFact {
        public String type() { return "withdrawn"; }
        public Map<String, Object> details() { return d("stage", stage); }
    }

    /**
     * A complaint declined; {@code redirectedTo} is where an out-of-scope matter was sent instead (S0-3: the Grievance
     * Policy), and {@code ombudsman} is null when the exclusion sends the letter there instead of to an ombudsman.
     */
    record Declined(DeclineGround ground, @Nullable String exclusion, @Nullable String decidedBy, @Nullable String cite,
                    @Nullable String ombudsman, @Nullable String redirectedTo) implements CaseFact {
        public Declined(DeclineGround ground, @Nullable String exclusion, @Nullable String decidedBy, @Nullable String cite,
                        @Nullable String ombudsman) {
            this(ground, exclusion, decidedBy, cite, ombudsman, null);
        }
        public String type() { return "declined"; }
        public Map<String, Object> details() {
            return d("ground", ground.name(), "exclusion", exclusion, "decidedBy", decidedBy, "cite", cite, "ombudsman", ombudsman,
                    "redirectedTo", redirectedTo);
        }
    }

    /** F-3: logged more than the pack's months after the complainant became aware: "we will not normally investigate". */
    record LateComplaintWarned(LocalDate awareSince, int months, @Nullable String cite) implements CaseFact {
        public String type() { return "late-complaint-warned"; }
        public Map<String, Object> details() { return d("awareSince", awareSince.toString(), "months", months, "cite", cite); }
    }

    /** F-3: a late complaint investigated anyway: the reason is the event's, who decided is its actor. */
    record InvestigatedAnyway(LocalDate awareSince, int months, @Nullable String cite) implements CaseFact {
        public String type() { return "investigated-anyway"; }
        public Map<String, Object> details() { return d("awareSince", awareSince.toString(), "months", months, "cite", cite); }
    }

    /** The method and frequency of contact agreed with the complainant at a stage. */
    record ContactArranged(int stage, String method, String frequency) implements CaseFact {
        public String type() { return "contact-arranged"; }
        public Map<String, Object> details() { return d("stage", stage, "method", method, "frequency", frequency); }
    }

    record CorrespondenceReceived(String from, String subject, String messageId) implements CaseFact {
        public String type() { return "correspondence-received"; }
        public Map<String, Object> details() { return d("from", from, "subject", subject, "messageId", messageId); }
    }

    /** Which contact details were corrected, never their values. */
    record ContactDetailsCorrected(List<String> fields) implements CaseFact {
        public ContactDetailsCorrected {
            fields = List.copyOf(fields);
        }
        public String type() { return "contact-details-corrected"; }
        public Map<String, Object> details() { return d("fields", fields); }
    }

    record TenureRecorded(Tenure tenure, Tenure previous) implements CaseFact {
        public String type() { return "tenure-recorded"; }
        public Map<String, Object> details() { return d("tenure", tenure.name(), "previous", previous.name()); }
    }

    record Anonymised(String basis) implements CaseFact {
        public String type() { return "anonymised"; }
        public Map<String, Object> details() { return d("basis", basis); }
    }

    /** This case became a new linked case of another record type (a service request that became a complaint). */
    record Reclassified(String newCase, String as) implements CaseFact {
        public String type() { return "reclassified"; }
        public Map<String, Object> details() { return d("newCase", newCase, "as", as); }
    }

    /** Mediation offered (F-6): who the independent mediator is, and the day it was offered. */
    record MediationOffered(int stage, String mediator, LocalDate offeredOn) implements CaseFact {
        public String type() { return "mediation-offered"; }
        public Map<String, Object> details() { return d("stage", stage, "mediator", mediator, "offeredOn", offeredOn.toString()); }
    }

    /** The person's answer to the offer of mediation (F-6), and the day they gave it. */
    record MediationAnswered(int stage, boolean accepted, LocalDate answeredOn) implements CaseFact {
        public String type() { return accepted ? "mediation-accepted" : "mediation-declined"; }
        public Map<String, Object> details() { return d("stage", stage, "answeredOn", answeredOn.toString()); }
    }

    /** A mediation session held (F-6), on its day, with the mediator when named again. */
    record MediationHeld(int stage, @Nullable String mediator, LocalDate heldOn) implements CaseFact {
        public String type() { return "mediation-held"; }
        public Map<String, Object> details() { return d("stage", stage, "mediator", mediator, "heldOn", heldOn.toString()); }
    }

    /** How mediation ended (F-6); what was agreed is the event's reason. */
    record MediationConcluded(int stage, Mediation.Result result, LocalDate concludedOn) implements CaseFact {
        public String type() { return "mediation-outcome"; }
        public Map<String, Object> details() { return d("stage", stage, "result", result.name(), "concludedOn", concludedOn.toString()); }
    }

    /**
     * The case came from an organisation's own register (issue 20): what the register held was recorded as it happened
     * then, by an import, never sent to anyone; {@code correction} when a corrected file changed the named fields of a
     * case imported before. {@code rowHash} is the imported row's fingerprint, so importing the same row again changes nothing.
     */
    record Imported(String file, LocalDate importedOn, String sourceId, @Nullable String sourceReference, String rowHash,
                    boolean correction, List<String> fields, List<String> missed)
            implements CaseFact {
        public Imported {
            fields = List.copyOf(fields);
            // the clocks already missed when the case was imported: recorded here, never sent as missed notices
            missed = missed == null ? List.of() : List.copyOf(missed);
        }
        public String type() { return "imported"; }
        public Map<String, Object> details() {
            return d("file", file, "importedOn", importedOn.toString(), "sourceId", sourceId, "sourceReference", sourceReference,
                    "rowHash", rowHash,
                    "correction", correction, "fields", fields, "missed", missed.isEmpty() ? null : missed);
        }
    }

    /**
     * Closed by a Summary Resolution Communication inside the pack's option window (issue 23, R-5, DISP 1.5): resolved to
     * the complainant's satisfaction by the close of the third business day; {@code timeLimitsWaived} is whether the
     * firm consents to the Financial Ombudsman considering it out of time (DISP 2.8), as the letter must say.
     */
    record SummaryResolved(int stage, LocalDate windowClosedOn, boolean timeLimitsWaived, @Nullable String cite) implements CaseFact {
        public String type() { return "summary-resolved"; }
        public Map<String, Object> details() {
            return d("stage", stage, "windowClosedOn", windowClosedOn.toString(), "timeLimitsWaived", timeLimitsWaived, "cite", cite);
        }
    }

    /**
     * The service line the case was logged on, corrected (F-8, issue 23): from {@code from} (null: none) to {@code to}.
     * {@code procedureChanged}: the two lines run different procedures, so the case's stage and clocks were worked out
     * again from its receipt under the new line's procedure (only before anything was sent under the old one).
     */
    record ServiceLineCorrected(@Nullable String from, String to, boolean procedureChanged) implements CaseFact {
        public String type() { return "service-line-corrected"; }
        public Map<String, Object> details() { return d("from", from, "to", to, "procedureChanged", procedureChanged); }
    }

    /** A stored row of a type this version does not know, or whose details it cannot read: kept as it is. */
    record Unread(String type, Map<String, Object> details) implements CaseFact {
        public Unread {
            details = Map.copyOf(details);
        }
    }

    /** Details from key, value pairs, leaving out the null values (as the history always has). */
    private static Map<String, Object> d(@Nullable Object... keysAndValues) {
        Map<String, Object> details = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            if (value != null) {
                details.put(String.valueOf(keysAndValues[i]), value);
            }
        }
        return details;
    }
}
