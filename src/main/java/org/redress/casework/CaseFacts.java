package org.redress.casework;

import org.jspecify.annotations.Nullable;
import org.redress.calendar.ClockUnit;
import org.redress.casework.CaseFact.*;
import org.redress.casework.CaseTypes.Channel;
import org.redress.casework.CaseTypes.DeclineGround;
import org.redress.casework.CaseTypes.EvidenceKind;
import org.redress.casework.CaseTypes.HoldKind;
import org.redress.casework.CaseTypes.Outcome;
import org.redress.casework.CaseTypes.Tenure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads a stored history row (its type string, reason and JSON details) back into its {@link CaseFact}. Rows written
 * before the facts were typed read the same way, since the stored form did not change; a detail an old row lacks
 * reads as absent (null, 0 or false), and a row this version cannot read at all becomes {@link Unread}.
 */
final class CaseFacts {

    private CaseFacts() {
    }

    static CaseFact read(String type, @Nullable String reason, Map<String, Object> details) {
        try {
            CaseFact fact = typed(new Row(details), type, reason);
            return fact != null ? fact : new Unread(type, details);
        } catch (RuntimeException unreadable) {
            return new Unread(type, details);
        }
    }

    private static @Nullable CaseFact typed(Row r, String type, @Nullable String reason) {
        return switch (type) {
            case "logged" -> new CaseLogged(r.text("recordType"), Channel.valueOf(r.text("channel")), Instant.parse(r.text("receivedAt")),
                    r.text("packVersion"), r.optional("tenure") == null ? null : Tenure.valueOf(r.text("tenure")), r.optional("linkedFrom"),
                    r.optional("receivedBy"));
            case "acknowledged" -> new Acknowledged(r.number("stage"), r.optional("method"), Acknowledged.BY_THE_RESPONSE.equals(reason));
            case "contacted" -> new Contacted(r.number("stage"));
            case "assigned" -> new Assigned(r.number("stage"), r.text("owner"), Objects.requireNonNullElse(r.optional("role"), ""));
            case "point-added" -> new PointAdded(r.number("number"), r.text("summary"), r.optional("category"));
            case "understanding-recorded" -> new UnderstandingRecorded(r.number("stage"), r.optional("understanding"), r.optional("outcomeWanted"));
            case "evidence-recorded" -> new EvidenceRecorded(EvidenceKind.valueOf(r.text("kind")), LocalDate.parse(r.text("date")), r.text("who"));
            case "extended" -> new Extended(r.text("clock"), r.number("stage"), r.number("amount"), ClockUnit.valueOf(r.text("unit")),
                    LocalDate.parse(r.text("previousDue")), LocalDate.parse(r.text("newDue")), r.flag("complainantAgreed"),
                    r.flag("tellOmbudsman"), r.optional("ombudsman"), r.optional("cite"), r.flag("withoutAgreement"));
            case "put-on-hold" -> new PutOnHold(HoldKind.valueOf(r.text("kind")));
            case "resumed" -> new Resumed(Instant.parse(r.text("heldSince")), HoldKind.valueOf(r.text("kind")));
            case "step-recorded" -> new StepRecorded(r.text("step"), r.text("kind"), r.number("stage"));
            case "summary-resolved" -> new SummaryResolved(r.number("stage"), LocalDate.parse(r.text("windowClosedOn")),
                    r.flag("timeLimitsWaived"), r.optional("cite"));
            case "responded" -> new StageResponded(r.number("stage"), r.flag("final"), outcomes(r.texts("points")), r.number("actions"),
                    r.optional("ombudsman"));
            case "escalation-requested" -> new EscalationRequested(r.number("toStage"), Instant.parse(r.text("requestedAt")),
                    r.flag("insideWindow"), r.optional("lateAcceptedBecause"), r.optional("unresolved"), r.optional("outcomeWanted"));
            case "escalation-refused" -> new EscalationRefused(r.number("stage"), r.text("ground"), r.texts("mustInclude"), r.optional("ombudsman"),
                    r.optional("reviewDate") == null ? null : LocalDate.parse(r.text("reviewDate")));
            case "closed" -> new Closed(r.number("stage"), r.bool("satisfiedWithHandling"), r.bool("satisfiedWithOutcome"), r.number("openActions"));
            case "reopened" -> new Reopened(r.number("stage"));
            case "withdrawn" -> new Withdrawn(r.number("stage"));
            case "declined" -> new Declined(DeclineGround.valueOf(r.text("ground")), r.optional("exclusion"), r.optional("decidedBy"),
                    r.optional("cite"), r.optional("ombudsman"), r.optional("redirectedTo"));
            case "late-complaint-warned" -> new LateComplaintWarned(LocalDate.parse(r.text("awareSince")), r.number("months"), r.optional("cite"));
            case "investigated-anyway" -> new InvestigatedAnyway(LocalDate.parse(r.text("awareSince")), r.number("months"), r.optional("cite"));
            case "contact-arranged" -> new ContactArranged(r.number("stage"), r.text("method"), r.text("frequency"));
            case "correspondence-received" -> new CorrespondenceReceived(r.text("from"), r.text("subject"), r.text("messageId"));
            case "contact-details-corrected" -> new ContactDetailsCorrected(r.texts("fields"));
            case "tenure-recorded" -> new TenureRecorded(Tenure.valueOf(r.text("tenure")), Tenure.valueOf(r.text("previous")));
            case "anonymised" -> new Anonymised(r.text("basis"));
            case "reclassified" -> new Reclassified(r.text("newCase"), r.text("as"));
            case "service-line-corrected" -> new ServiceLineCorrected(r.optional("from"), r.text("to"), r.flag("procedureChanged"));
            case "mediation-offered" -> new MediationOffered(r.number("stage"), r.text("mediator"), LocalDate.parse(r.text("offeredOn")));
            case "mediation-accepted", "mediation-declined" -> new MediationAnswered(r.number("stage"), type.equals("mediation-accepted"),
                    LocalDate.parse(r.text("answeredOn")));
            case "mediation-held" -> new MediationHeld(r.number("stage"), r.optional("mediator"), LocalDate.parse(r.text("heldOn")));
            case "mediation-outcome" -> new MediationConcluded(r.number("stage"), Mediation.Result.valueOf(r.text("result")),
                    LocalDate.parse(r.text("concludedOn")));
            case "imported" -> new Imported(r.text("file"), LocalDate.parse(r.text("importedOn")), r.text("sourceId"),
                    r.optional("sourceReference"), r.text("rowHash"), r.flag("correction"), r.texts("fields"), r.texts("missed"));
            default -> null;
        };
    }

    /** "1: UPHELD" as the history keeps each decided point. */
    private static List<PointOutcome> outcomes(List<String> stored) {
        List<PointOutcome> outcomes = new ArrayList<>();
        for (String point : stored) {
            int colon = point.indexOf(':');
            outcomes.add(new PointOutcome(Integer.parseInt(point.substring(0, colon).strip()),
                    Outcome.valueOf(point.substring(colon + 1).strip())));
        }
        return outcomes;
    }

    /** The details of one row, read leniently: JSON numbers may come back as any Number, and old rows lack newer keys. */
    private record Row(Map<String, Object> details) {

        String text(String key) {
            return Objects.requireNonNull(optional(key), key);
        }

        @Nullable String optional(String key) {
            Object value = details.get(key);
            return value == null ? null : String.valueOf(value);
        }

        int number(String key) {
            Object value = details.get(key);
            return value instanceof Number n ? n.intValue() : value == null ? 0 : Integer.parseInt(String.valueOf(value));
        }

        boolean flag(String key) {
            return Boolean.TRUE.equals(bool(key));
        }

        @Nullable Boolean bool(String key) {
            Object value = details.get(key);
            return value == null ? null : value instanceof Boolean b ? b : Boolean.valueOf(String.valueOf(value));
        }

        List<String> texts(String key) {
            return details.get(key) instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
        }
    }
}
