package org.redress.casework;

import org.jspecify.annotations.Nullable;
import org.redress.casework.CaseTypes.CaseState;
import org.redress.casework.CaseTypes.CaseStatus;
import org.redress.casework.CaseTypes.Classification;
import org.redress.casework.CaseTypes.StageRecord;
import org.redress.policy.PolicyPack;
import org.redress.policy.PolicyPack.Milestone;
import org.redress.policy.PolicyPack.StepKind;
import org.redress.web.Refusal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Correcting the service line a case was logged on (F-8, issue 23): complaint teams log cases on the wrong line. Between
 * lines that run the same procedure the line is corrected whatever has happened, and the reports follow it. A line with
 * another procedure (home care's social care rules, debt advice's DISP) would give the case other clocks, stages and
 * letters, so the move is made only while nothing has been sent under the old procedure: no acknowledgement, response,
 * holding response or extension yet. Then the case's stage and clocks are worked out again from its receipt under the
 * new procedure, as if it had been logged there. Otherwise it is refused, saying to withdraw the case and log it again.
 */
final class ServiceLineCorrection {

    static final String RULE = "F-8";

    private ServiceLineCorrection() {
    }

    /** Whether the case would change procedure: a staged case moving to a line whose procedure is another. */
    static boolean changesProcedure(PolicyPack whole, CaseState state, String line) {
        return state.stage() >= 1 && !procedureOf(whole, state.classification().serviceLine()).equals(procedureOf(whole, line));
    }

    /** The history's record of the correction: from the line the case is on, to {@code line}. */
    static CaseFact.ServiceLineCorrected fact(PolicyPack whole, CaseState state, String line) {
        return new CaseFact.ServiceLineCorrected(state.classification().serviceLine(), line, changesProcedure(whole, state, line));
    }

    /** The verb's condition on the case as it stands: a pack with a line other than the case's own to correct it to. */
    static Optional<Refusal> offered(PolicyPack whole, CaseState state) {
        String current = state.classification().serviceLine();
        return whole.serviceLines().stream().anyMatch(l -> !l.id().equals(current)) ? Optional.empty()
                : Optional.of(Refusal.of("this policy has no other service line to correct the case to", RULE));
    }

    /** Why the case cannot be moved to {@code line}, or empty: the line, the reason, then what was sent already. */
    static Optional<Refusal> refused(PolicyPack whole, CaseState state, String line, String reason) {
        String current = state.classification().serviceLine();
        if (whole.serviceLine(line).isEmpty()) {
            return Optional.of(Refusal.onField("serviceLine", "must be one of " + whole.serviceLines().stream()
                    .map(PolicyPack.ServiceLine::id).toList(), RULE));
        }
        if (line.equals(current)) {
            return Optional.of(Refusal.onField("serviceLine", "the case is already on the " + name(whole, line) + " line", RULE));
        }
        if (reason.isBlank()) {
            return Optional.of(Refusal.onField("reason", "say why the service line is corrected", RULE));
        }
        if (!changesProcedure(whole, state, line)) {
            return Optional.empty();
        }
        String from = current == null ? "Cases with no service line" : "The " + name(whole, current) + " line";
        String to = "the " + name(whole, line) + " line";
        return sentAlready(state).map(sent -> Refusal.of(("%s and %s run different complaint procedures, and %s under this "
                + "case's procedure, so the case cannot be moved to %s. Withdraw this case, giving the reason, and log the "
                + "complaint again on %s").formatted(from, to, sent, to, to), RULE));
    }

    /**
     * The case on its new line: the classification only, when the procedure stays; otherwise also its first stage's name
     * and its stage clocks worked out again from the receipt (and the logging) under {@code next}, the new line's
     * procedure, paused where the case is on hold. The record type's own clocks are not the procedure's and stay.
     */
    static CaseState corrected(PolicyPack whole, PolicyPack next, CaseState state, String line, ClockMaker maker) {
        Classification c = state.classification();
        Classification moved = new Classification(line, c.serviceArea(), c.subject(), c.subSubject(), c.category());
        boolean procedureChanged = changesProcedure(whole, state, line);
        List<StageRecord> stages = state.stages();
        List<CaseClock> clocks = state.clocks();
        if (procedureChanged) {
            StageRecord first = state.stages().get(0);
            PolicyPack.Stage opening = next.stages().get(0);
            stages = List.of(new StageRecord(opening.number(), opening.name(), first.owner(), first.understanding(),
                    first.outcomeWanted(), first.receivedAt(), first.loggedAt(), null, first.contactedAt(), null, null, false,
                    first.coOwners(), first.contactArrangement()));
            clocks = new ArrayList<>(state.clocks().stream().filter(k -> k.stage() == 0).toList());
            clocks = CaseClocks.onMilestone(next, state.recordType(), opening.number(), false, clocks, Milestone.RECEIVED,
                    first.receivedAt(), maker);
            clocks = CaseClocks.onMilestone(next, state.recordType(), opening.number(), false, clocks, Milestone.LOGGED,
                    first.loggedAt(), maker);
            if (first.contactedAt() != null) {
                clocks = CaseClocks.onMilestone(next, state.recordType(), opening.number(), false, clocks, Milestone.CONTACTED,
                        first.contactedAt(), maker);
            }
            if (state.status() == CaseStatus.ON_HOLD && state.hold() != null) {
                clocks = CaseClocks.paused(clocks, state.hold().since(), maker);
            }
        }
        return new CaseState(state.recordType(), state.status(), procedureChanged ? stages.get(0).number() : state.stage(),
                state.channel(), state.receivedAt(), state.complainant(), state.representative(), state.namedPeople(), moved,
                state.description(), state.awareSince(), state.points(), stages, clocks, state.actions(), state.evidence(),
                state.steps(), state.hold(), state.escalationWindow(), state.satisfaction(), state.closedAt(), state.linkedFrom(),
                state.linkedTo());
    }

    /** What was sent to the complainant under the case's procedure, in words; empty when nothing was. */
    private static Optional<String> sentAlready(CaseState state) {
        boolean responded = state.status() != CaseStatus.OPEN && state.status() != CaseStatus.ON_HOLD
                || state.stages().size() > 1 || state.stages().stream().anyMatch(s -> s.respondedAt() != null);
        if (responded) {
            return Optional.of("a response has already been sent");
        }
        if (state.stages().stream().anyMatch(s -> s.acknowledgedAt() != null)) {
            return Optional.of("the acknowledgement has already been sent");
        }
        if (state.steps().stream().anyMatch(s -> StepKind.HOLDING_RESPONSE.name().equals(s.kind()))) {
            return Optional.of("a holding response has already been sent");
        }
        if (state.clocks().stream().anyMatch(k -> k.stage() >= 1 && !k.extensions().isEmpty())) {
            return Optional.of("an extension of a deadline has already been sent");
        }
        return Optional.empty();
    }

    /** The procedure a line runs: its own procedure's id, or empty for the pack's own stages (also for no line). */
    private static Optional<String> procedureOf(PolicyPack whole, @Nullable String line) {
        return whole.procedureFor(line).map(PolicyPack.Procedure::id);
    }

    private static String name(PolicyPack whole, String line) {
        return whole.serviceLine(line).map(PolicyPack.ServiceLine::name).orElse(Objects.requireNonNull(line));
    }
}
