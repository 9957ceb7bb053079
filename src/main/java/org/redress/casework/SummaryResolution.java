package org.redress.casework;

import org.redress.calendar.UkTime;
import org.redress.casework.CaseFact.SummaryResolved;
import org.redress.casework.CaseTypes.CaseState;
import org.redress.policy.PolicyPack;
import org.redress.web.Refusal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * Closing a complaint by a Summary Resolution Communication (issue 23, R-5, DISP 1.5): possible only while the stage's
 * option clock (a clock with {@code kind: option} in the pack) is open, that is by the close of the third business day
 * after receipt under the FCA DISP pack. After that the complaint is not late: it goes on to the final (or holding)
 * response, whose clock is the deadline (DISP 1.6.2).
 */
final class SummaryResolution {

    static final String CITE = "DISP 1.5, 1.6.2A; R-5";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.UK);

    private SummaryResolution() {
    }

    /** The stage's option clock that a response stops: the window a summary resolution may close the case in. */
    static Optional<CaseClock> window(CaseState state) {
        return state.clocks().stream().filter(c -> c.option() && c.stage() == state.stage()
                && c.stops() == PolicyPack.Milestone.RESPONDED).findFirst();
    }

    /**
     * Whether the case has an outcome window still open at its stage (the verb is offered only where it does): read from the
     * case's own clocks, each started from its pack rule, so it holds however the pack arranges its procedures.
     */
    static Optional<Refusal> notOffered(PolicyPack pack, CaseState state) {
        boolean offered = state.stage() >= 1 && window(state).map(c -> !c.cancelled() && c.stoppedAt() == null).orElse(false);
        return offered ? Optional.empty() : Optional.of(Refusal.of("this policy has no summary resolution open at "
                + CasePolicies.stageName(pack, state) + ": only a complaint whose window is still open may be closed so", CITE));
    }

    /** Refused after the window's last instant (the close of the third business day), and without a summary of the resolution. */
    static Optional<Refusal> refused(CaseState state, String summary, Instant at) {
        if (summary.isBlank()) {
            return Optional.of(Refusal.onField("summary", "is required: say how the complaint was resolved to the complainant's "
                    + "satisfaction (the Summary Resolution Communication tells them)", CITE));
        }
        CaseClock window = window(state).orElseThrow();
        if (at.isAfter(window.dueBy())) {
            String finalDue = state.clocks().stream().filter(c -> !c.option() && c.stage() == state.stage() && c.open())
                    .map(c -> "; send a final or holding response instead, by the end of " + DAY.format(c.dueDate()))
                    .findFirst().orElse("; send a final or holding response instead");
            return Optional.of(Refusal.onField("at", "the window for a Summary Resolution Communication closed at the end of "
                    + DAY.format(window.dueDate()) + " (" + window.unit().describe(window.amount()) + " after receipt)" + finalDue, CITE));
        }
        return Optional.empty();
    }

    static SummaryResolved fact(CaseState state, boolean timeLimitsWaived) {
        CaseClock window = window(state).orElseThrow();
        return new SummaryResolved(state.stage(), UkTime.dateOf(window.dueBy()), timeLimitsWaived, CITE);
    }
}
