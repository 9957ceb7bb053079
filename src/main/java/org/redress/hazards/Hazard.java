package org.redress.hazards;

import org.jspecify.annotations.Nullable;
import org.redress.calendar.ClockUnit;
import org.redress.calendar.Deadline;
import org.redress.calendar.Deadlines;
import org.redress.calendar.WorkingDayCalendar;
import org.redress.casework.CaseTypes.ClockStatus;
import org.redress.web.Refusal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A hazard reported in a complaint: the aggregate. Each verb checks the state and records what was done, or returns a
 * refusal naming the rule and changes nothing. Its clocks are derived afresh from what has been recorded and the
 * organisation's working-day calendar; nothing about them is stored.
 *
 * <p>The figures are Awaab's Law's as its reference pack sets them ({@link AwaabTimescales}; SI 2025/1042): emergency,
 * investigate and make safe within 24 clock hours of awareness; significant, investigate within 10 working days of
 * awareness, written summary within 3 working days of the investigation ending, safety work begun within 5 working days
 * (of the investigation ending, as the brief and the statutory guidance put it; REGULATIONS.md gives no start for it).
 */
final class Hazard {

    static final String CITE = "R-3; Awaab's Law, SI 2025/1042 (REGULATIONS.md)";

    record State(UUID id, String organisation, String caseId, String caseReference, String category, String source,
                 @Nullable String matched, Instant awareAt, @Nullable HazardClassification classification,
                 @Nullable Instant classifiedAt, @Nullable Instant investigationConcludedAt, @Nullable String investigationFindings,
                 @Nullable Instant summarySentAt, @Nullable Instant workStartedAt, Instant openedAt, String openedBy,
                 @Nullable String notes) {
    }

    private State state;
    private final List<HazardView.Attempt> attempts = new ArrayList<>();
    private final List<HazardView.Attempt> newAttempts = new ArrayList<>();

    private Hazard(State state) {
        this.state = state;
    }

    static Hazard open(String organisation, String caseId, String caseReference, String category, String source,
                       @Nullable String matched, Instant awareAt, @Nullable String notes, Instant now, String actor) {
        return new Hazard(new State(UUID.randomUUID(), organisation, caseId, caseReference, category, source, matched, awareAt,
                null, null, null, null, null, null, now, actor, notes));
    }

    static Hazard restore(State state, List<HazardView.Attempt> attempts) {
        Hazard h = new Hazard(state);
        h.attempts.addAll(attempts);
        return h;
    }

    State state() {
        return state;
    }

    /** Attempts recorded since this hazard was read, to be stored. */
    List<HazardView.Attempt> newAttempts() {
        return List.copyOf(newAttempts);
    }

    Optional<Refusal> classify(HazardClassification classification, Instant now) {
        State s = state;
        if (s.workStartedAt() != null && classification == HazardClassification.EMERGENCY && s.classification() != HazardClassification.EMERGENCY) {
            return Optional.of(new Refusal("safety work has already begun, so the 24-hour emergency clock can no longer be met; "
                    + "record what was done in an attempt note", CITE, "classification"));
        }
        state = new State(s.id(), s.organisation(), s.caseId(), s.caseReference(), s.category(), s.source(), s.matched(), s.awareAt(),
                classification, now, s.investigationConcludedAt(), s.investigationFindings(), s.summarySentAt(), s.workStartedAt(),
                s.openedAt(), s.openedBy(), s.notes());
        return Optional.empty();
    }

    void recordAttempt(Instant at, String by, AttemptOutcome outcome, String notes, Instant now, String actor) {
        HazardView.Attempt attempt = new HazardView.Attempt(UUID.randomUUID(), at, by, outcome, notes, now, actor);
        attempts.add(attempt);
        newAttempts.add(attempt);
    }

    Optional<Refusal> concludeInvestigation(Instant at, @Nullable String findings) {
        State s = state;
        if (s.investigationConcludedAt() != null) {
            return Optional.of(new Refusal("the investigation already concluded on " + s.investigationConcludedAt(), CITE, "at"));
        }
        state = new State(s.id(), s.organisation(), s.caseId(), s.caseReference(), s.category(), s.source(), s.matched(), s.awareAt(),
                s.classification(), s.classifiedAt(), at, findings, s.summarySentAt(), s.workStartedAt(), s.openedAt(), s.openedBy(), s.notes());
        return Optional.empty();
    }

    Optional<Refusal> summarySent(Instant at) {
        State s = state;
        if (s.investigationConcludedAt() == null) {
            return Optional.of(new Refusal("the written summary reports the investigation's findings: record that the investigation "
                    + "concluded first", CITE, "at"));
        }
        if (s.summarySentAt() != null) {
            return Optional.of(new Refusal("the written summary was already sent on " + s.summarySentAt(), CITE, "at"));
        }
        if (at.isBefore(s.investigationConcludedAt())) {
            return Optional.of(new Refusal("the summary cannot be sent before the investigation concluded", CITE, "at"));
        }
        state = new State(s.id(), s.organisation(), s.caseId(), s.caseReference(), s.category(), s.source(), s.matched(), s.awareAt(),
                s.classification(), s.classifiedAt(), s.investigationConcludedAt(), s.investigationFindings(), at, s.workStartedAt(),
                s.openedAt(), s.openedBy(), s.notes());
        return Optional.empty();
    }

    Optional<Refusal> workStarted(Instant at) {
        State s = state;
        if (s.workStartedAt() != null) {
            return Optional.of(new Refusal("safety work was already recorded as begun on " + s.workStartedAt(), CITE, "at"));
        }
        state = new State(s.id(), s.organisation(), s.caseId(), s.caseReference(), s.category(), s.source(), s.matched(), s.awareAt(),
                s.classification(), s.classifiedAt(), s.investigationConcludedAt(), s.investigationFindings(), s.summarySentAt(), at,
                s.openedAt(), s.openedBy(), s.notes());
        return Optional.empty();
    }

    /** The clocks that apply now, in order, each with its status at {@code now}. */
    List<HazardView.Clock> clocks(WorkingDayCalendar calendar, Instant now) {
        return clocks(calendar, now, AwaabTimescales.REGULATIONS);
    }

    /** The clocks that apply now, with the figures given. */
    List<HazardView.Clock> clocks(WorkingDayCalendar calendar, Instant now, AwaabTimescales law) {
        State s = state;
        List<HazardView.Clock> clocks = new ArrayList<>();
        if (s.classification() == HazardClassification.EMERGENCY) {
            clocks.add(clock("make-safe", "Investigate and make safe (emergency)", calendar, s.awareAt(), ClockUnit.CLOCK_HOURS, law.makeSafeHours(),
                    s.workStartedAt(), now));
        } else {
            clocks.add(clock("investigate", "Investigate", calendar, s.awareAt(), ClockUnit.WORKING_DAYS, law.investigateDays(),
                    s.investigationConcludedAt(), now));
        }
        if (s.investigationConcludedAt() != null) {
            clocks.add(clock("written-summary", "Written summary to the resident", calendar, s.investigationConcludedAt(),
                    ClockUnit.WORKING_DAYS, law.summaryDays(), s.summarySentAt(), now));
            if (s.classification() == HazardClassification.SIGNIFICANT) {
                clocks.add(clock("safety-work", "Begin safety work", calendar, s.investigationConcludedAt(), ClockUnit.WORKING_DAYS, law.safetyWorkDays(),
                        s.workStartedAt(), now));
            }
        }
        return clocks;
    }

    HazardView view(WorkingDayCalendar calendar, Instant now) {
        return view(calendar, now, AwaabTimescales.REGULATIONS);
    }

    HazardView view(WorkingDayCalendar calendar, Instant now, AwaabTimescales law) {
        State s = state;
        List<HazardView.Clock> clocks = clocks(calendar, now, law);
        Instant nextDue = clocks.stream().filter(c -> c.metAt() == null).map(HazardView.Clock::dueBy).min(Comparator.naturalOrder()).orElse(null);
        List<HazardView.Attempt> sorted = attempts.stream().sorted(Comparator.comparing(HazardView.Attempt::at)).toList();
        return new HazardView(s.id(), s.organisation(), s.caseId(), s.caseReference(), s.category(), s.source(), s.matched(),
                s.awareAt(), s.classification(), s.classifiedAt(), s.investigationConcludedAt(), s.investigationFindings(),
                s.summarySentAt(), s.workStartedAt(), s.openedAt(), s.openedBy(), s.notes(), sorted, clocks, nextDue);
    }

    private static HazardView.Clock clock(String id, String name, WorkingDayCalendar calendar, Instant start, ClockUnit unit, int amount,
                                          @Nullable Instant metAt, Instant now) {
        Deadline d = Deadlines.compute(calendar, start, unit, amount);
        return new HazardView.Clock(id, name, unit, amount, start, d.dueBy(), d.dueDate(), status(start, d.dueBy(), metAt, now), metAt,
                d.explanation(), CITE);
    }

    /** As the case's clocks: met or met late once done; overdue after it; due soon in the last quarter of its span (at most 2 days). */
    static ClockStatus status(Instant start, Instant dueBy, @Nullable Instant metAt, Instant now) {
        if (metAt != null) {
            return metAt.isAfter(dueBy) ? ClockStatus.MET_LATE : ClockStatus.MET;
        }
        if (now.isAfter(dueBy)) {
            return ClockStatus.OVERDUE;
        }
        Duration span = Duration.between(start, dueBy);
        Duration warning = span.dividedBy(4).compareTo(Duration.ofDays(2)) < 0 ? span.dividedBy(4) : Duration.ofDays(2);
        return now.isAfter(dueBy.minus(warning)) ? ClockStatus.DUE_SOON : ClockStatus.ON_TIME;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Hazard h && Objects.equals(h.state.id(), state.id());
    }

    @Override
    public int hashCode() {
        return state.id().hashCode();
    }
}
