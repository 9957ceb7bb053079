package org.redress.casework;

import org.jspecify.annotations.Nullable;
import org.redress.calendar.UkTime;
import org.redress.casework.CaseTypes.CaseState;
import org.redress.casework.CaseTypes.StageRecord;
import org.redress.web.Refusal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Dates in order (issue 20, item 6): a verb dated by its caller ({@code at}) may not be dated before the case was
 * received, nor before the step it follows: an acknowledgement before its stage was received, a response before the
 * stage's acknowledgement, an escalation before the response it escalates, a closure before the last response, a
 * reopening before the closure, a resumption before the hold. Read from the case as it stood before the verb and the
 * events the verb recorded, so the aggregate itself stays as it is and every caller (the API, the staff pages, other
 * modules, the import) is held to the same order.
 */
public final class CaseDates {

    static final String RULE = "a step cannot be dated before the step it follows";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm", Locale.UK);

    private CaseDates() {
    }

    /** The first event the verb recorded out of order, as a refusal naming the field {@code at} and the rule. */
    static Optional<Refusal> outOfOrder(CaseState before, List<CaseEvent> recorded) {
        for (CaseEvent e : recorded) {
            // an escalation is dated by when the complainant asked (requestedAt), recorded when staff log it
            Object requested = e.details().get("requestedAt");
            Optional<Refusal> refusal = e.type().equals("escalation-requested") && requested != null
                    ? follows(before, e.type(), Instant.parse(requested.toString())).map(r -> r.at("requestedAt"))
                    : follows(before, e.type(), e.at());
            if (refusal.isPresent()) {
                return refusal;
            }
        }
        return Optional.empty();
    }

    /**
     * Why an event of this type at this time would be out of order on the case as it stands, if it would. The type is
     * the history's ("acknowledged", "responded", "escalation-requested", "closed", ...).
     */
    public static Optional<Refusal> follows(CaseState state, String type, Instant at) {
        if (type.equals("correspondence-received")) {
            // an inbound email is dated by the sender's own clock, which is not the case's to put in order
            return Optional.empty();
        }
        if (at.isBefore(state.receivedAt())) {
            return refused("the case was received", state.receivedAt());
        }
        StageRecord stage = state.stages().stream().filter(s -> s.number() == state.stage()).findFirst().orElse(null);
        String name = stage == null ? "" : stage.name();
        switch (type) {
            case "acknowledged" -> {
                if (stage != null && at.isBefore(stage.receivedAt())) {
                    return refused(name + " was received", stage.receivedAt());
                }
            }
            case "responded" -> {
                if (stage != null && stage.acknowledgedAt() != null && at.isBefore(stage.acknowledgedAt())) {
                    return refused(name + " was acknowledged", stage.acknowledgedAt());
                }
                if (stage != null && at.isBefore(stage.receivedAt())) {
                    return refused(name + " was received", stage.receivedAt());
                }
            }
            case "escalation-requested", "escalation-refused" -> {
                if (stage != null && stage.respondedAt() != null && at.isBefore(stage.respondedAt())) {
                    return refused("the " + name + " response", stage.respondedAt());
                }
            }
            case "closed", "withdrawn", "declined" -> {
                Instant last = lastResponse(state);
                if (last != null && at.isBefore(last)) {
                    return refused("the last response", last);
                }
            }
            case "reopened" -> {
                if (state.closedAt() != null && at.isBefore(state.closedAt())) {
                    return refused("the case was closed", state.closedAt());
                }
            }
            case "resumed" -> {
                if (state.hold() != null && at.isBefore(state.hold().since())) {
                    return refused("the case was put on hold", state.hold().since());
                }
            }
            default -> {
                // every other verb follows the receipt alone
            }
        }
        return Optional.empty();
    }

    private static @Nullable Instant lastResponse(CaseState state) {
        return state.stages().stream().map(StageRecord::respondedAt).filter(java.util.Objects::nonNull).max(Instant::compareTo).orElse(null);
    }

    private static Optional<Refusal> refused(String step, Instant when) {
        return Optional.of(Refusal.onField("at", "is before " + step + " (" + WHEN.format(when.atZone(UkTime.ZONE)) + "): " + RULE, null));
    }
}
