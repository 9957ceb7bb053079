package org.redress.casework;

import org.jspecify.annotations.Nullable;
import org.redress.calendar.ClockUnit;
import org.redress.casework.CaseTypes.ClockStatus;
import org.redress.casework.CaseTypes.Extension;
import org.redress.policy.PolicyPack.Milestone;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One clock on a case, started from a pack rule. Its status is derived from the instant asked about,
 * never stored.
 *
 * @param stage the stage it belongs to; 0 for clocks of the record type itself (issue/concern, service request)
 * @param remainingWhenPaused units (working days, or seconds for clock hours) left when the case was put on hold
 * @param aim the earlier target the pack sets inside this clock (S0-2), worked out when it started; null when none
 * @param option an outcome window, not a deadline (issue 23, R-5: DISP 1.5's Summary Resolution Communication by the close of
 *               the third business day): it is never running for the sweep or the case's next due time, never overdue,
 *               and once its window has passed it is LAPSED, not late. False for every clock stored before issue 23
 */
public record CaseClock(String id, int stage, String name, Milestone starts, Milestone stops, ClockUnit unit, int amount,
                        Instant startedAt, Instant dueBy, LocalDate dueDate, String explanation, List<Extension> extensions,
                        @Nullable Instant pausedAt, @Nullable Long remainingWhenPaused, @Nullable Instant stoppedAt,
                        boolean cancelled, @Nullable String cite, @Nullable Aim aim, @Nullable Boolean option) {

    public CaseClock {
        extensions = List.copyOf(extensions);
        // a clock stored before issue 23 has no "option": it was a deadline (Jackson 3 refuses null for a primitive)
        option = option != null && option;
    }

    /** Whether the clock is an option (a window to use, such as DISP's summary resolution), never a deadline. */
    @Override
    public Boolean option() {
        return Boolean.TRUE.equals(option);
    }

    /** A deadline (not an option) with an aim or none. */
    public CaseClock(String id, int stage, String name, Milestone starts, Milestone stops, ClockUnit unit, int amount,
                     Instant startedAt, Instant dueBy, LocalDate dueDate, String explanation, List<Extension> extensions,
                     @Nullable Instant pausedAt, @Nullable Long remainingWhenPaused, @Nullable Instant stoppedAt,
                     boolean cancelled, @Nullable String cite, @Nullable Aim aim) {
        this(id, stage, name, starts, stops, unit, amount, startedAt, dueBy, dueDate, explanation, extensions, pausedAt,
                remainingWhenPaused, stoppedAt, cancelled, cite, aim, false);
    }

    /** Whether the option's window is still open at {@code at}: by the end of its last day, not yet taken or ended. */
    public boolean windowOpen(Instant at) {
        return option() && stoppedAt == null && !cancelled && !at.isAfter(dueBy);
    }

    /** A clock with no aim, as every clock was before issue 22. */
    public CaseClock(String id, int stage, String name, Milestone starts, Milestone stops, ClockUnit unit, int amount,
                     Instant startedAt, Instant dueBy, LocalDate dueDate, String explanation, List<Extension> extensions,
                     @Nullable Instant pausedAt, @Nullable Long remainingWhenPaused, @Nullable Instant stoppedAt,
                     boolean cancelled, @Nullable String cite) {
        this(id, stage, name, starts, stops, unit, amount, startedAt, dueBy, dueDate, explanation, extensions, pausedAt,
                remainingWhenPaused, stoppedAt, cancelled, cite, null);
    }

    /**
     * The target the organisation aims for before the deadline (S0-2: "aim to resolve within 12 hours, and at the latest
     * within 48"), with how it was worked out. It is shown, never enforced: the clock falls due at {@code dueBy}.
     */
    public record Aim(Instant by, LocalDate date, String explanation) {

        /** Whether the clock stopped by the aim (null while it runs). */
        public @Nullable Boolean met(@Nullable Instant stoppedAt) {
            return stoppedAt == null ? null : !stoppedAt.isAfter(by);
        }
    }

    /** The deadline in one plain sentence, for people (issue 21); {@link #explanation()} keeps the full working. */
    public String plainDue() {
        return ClockWords.plainDue(this);
    }

    /** Running towards its deadline; an option never is (issue 23): no sweep, hold or next due time counts it. */
    public boolean running() {
        return stoppedAt == null && !cancelled && pausedAt == null && !option;
    }

    public boolean open() {
        return stoppedAt == null && !cancelled;
    }

    public ClockStatus status(Instant now) {
        if (option) {
            return optionStatus(now);
        }
        if (cancelled) {
            return ClockStatus.CANCELLED;
        }
        if (stoppedAt != null) {
            return stoppedAt.isAfter(dueBy) ? ClockStatus.MET_LATE : ClockStatus.MET;
        }
        if (pausedAt != null) {
            return ClockStatus.PAUSED;
        }
        if (now.isAfter(dueBy)) {
            return ClockStatus.OVERDUE;
        }
        Duration span = Duration.between(startedAt, dueBy);
        Duration warning = span.dividedBy(4).compareTo(Duration.ofDays(2)) < 0 ? span.dividedBy(4) : Duration.ofDays(2);
        return now.isAfter(dueBy.minus(warning)) ? ClockStatus.DUE_SOON : ClockStatus.ON_TIME;
    }

    /** An option taken within its window is MET; one taken after it, or never, LAPSED once the window has passed. */
    private ClockStatus optionStatus(Instant now) {
        Instant ended = stoppedAt != null ? stoppedAt : now;
        if (!ended.isAfter(dueBy)) {
            return stoppedAt != null && !cancelled ? ClockStatus.MET : cancelled ? ClockStatus.CANCELLED : ClockStatus.ON_TIME;
        }
        return ClockStatus.LAPSED;
    }

    CaseClock stop(Instant at) {
        return new CaseClock(id, stage, name, starts, stops, unit, amount, startedAt, dueBy, dueDate, explanation, extensions,
                null, null, at, false, cite, aim, option);
    }

    CaseClock cancel(Instant at) {
        return new CaseClock(id, stage, name, starts, stops, unit, amount, startedAt, dueBy, dueDate, explanation, extensions,
                null, null, at, true, cite, aim, option);
    }

    CaseClock pause(Instant at, long remaining) {
        return new CaseClock(id, stage, name, starts, stops, unit, amount, startedAt, dueBy, dueDate, explanation, extensions,
                at, remaining, null, false, cite, aim, option);
    }

    CaseClock rescheduled(Instant newDueBy, LocalDate newDueDate, String newExplanation, List<Extension> newExtensions) {
        return new CaseClock(id, stage, name, starts, stops, unit, amount, startedAt, newDueBy, newDueDate, newExplanation,
                newExtensions, null, null, null, false, cite, aim, option);
    }

    List<Extension> withExtension(Extension extension) {
        List<Extension> all = new ArrayList<>(extensions);
        all.add(extension);
        return all;
    }
}
