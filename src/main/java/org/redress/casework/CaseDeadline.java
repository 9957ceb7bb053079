package org.redress.casework;

import org.redress.calendar.ClockUnit;
import org.redress.calendar.Deadline;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * When a case clock is due and how that was worked out, in plain English: the rule's deadline (the basis), then each
 * extension and pause in the order they happened. A clock stores the rendered sentence, so a deadline read back from a
 * clock has that sentence as its basis and no changes of its own; each new change is appended, never patched in.
 *
 * @param basis the explanation so far: the rule and its calendar deadline, and any changes already made
 */
public record CaseDeadline(Instant dueBy, LocalDate dueDate, String basis, List<Change> changes) {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.UK);

    public CaseDeadline {
        changes = List.copyOf(changes);
    }

    /** Something that moved the due date after the clock started. */
    public sealed interface Change permits Extended, Paused {
        String describe();
    }

    /** An extension agreed on a day, for a reason: the clock runs on from its old due time by the amount. */
    public record Extended(LocalDate on, ClockUnit unit, int amount, String reason, boolean complainantAgreed,
                           Deadline extended) implements Change {
        @Override
        public String describe() {
            return "Extended on %s by %s (%s%s): now due %s: %s".formatted(DAY.format(on), unit.describe(amount), reason,
                    complainantAgreed ? ", agreed with the complainant" : "", extended.due(), extended.workings());
        }
    }

    /**
     * A hold from one day to another: what was left when it was paused runs again from the resumption.
     *
     * @param left what was left: seconds for clock hours, otherwise days in the unit given
     */
    public record Paused(LocalDate from, LocalDate to, String reason, ClockUnit unit, long left, Instant dueBy,
                         LocalDate dueDate) implements Change {
        @Override
        public String describe() {
            boolean hours = unit == ClockUnit.CLOCK_HOURS;
            String leftText = hours ? Duration.ofSeconds(left).toHours() + " hours " + Duration.ofSeconds(left).toMinutesPart() + " minutes"
                    : unit.describe((int) left);
            return "Paused from %s to %s (%s); %s left, now due by %s.".formatted(DAY.format(from), DAY.format(to), reason,
                    leftText, hours ? dueBy.toString() : "the end of " + DAY.format(dueDate));
        }
    }

    /** A clock's deadline as its rule sets it, e.g. "respond (acknowledgement to response, Code 6.3): Due by the end of ...". */
    static CaseDeadline started(String rule, String span, Deadline deadline) {
        return new CaseDeadline(deadline.dueBy(), deadline.dueDate(), rule + " (" + span + "): " + deadline.explanation(), List.of());
    }

    /** The deadline a clock holds now. */
    static CaseDeadline of(CaseClock clock) {
        return new CaseDeadline(clock.dueBy(), clock.dueDate(), clock.explanation(), List.of());
    }

    CaseDeadline extended(Extended extension, Instant newDueBy) {
        return then(extension, newDueBy, extension.extended().dueDate());
    }

    CaseDeadline paused(Paused pause) {
        return then(pause, pause.dueBy(), pause.dueDate());
    }

    private CaseDeadline then(Change change, Instant newDueBy, LocalDate newDueDate) {
        List<Change> all = new ArrayList<>(changes);
        all.add(change);
        return new CaseDeadline(newDueBy, newDueDate, basis, all);
    }

    /** The basis, then each change, as sentences. */
    public String explanation() {
        return Stream.concat(Stream.of(basis), changes.stream().map(Change::describe)).collect(Collectors.joining(" "));
    }

    /** Why a window closes when it does: "Escalation may be requested until the end of Mon 21 Dec 2026: 10 working days after ...". */
    static String windowExplanation(Deadline closes) {
        return "Escalation may be requested until the end of " + DAY.format(closes.dueDate()) + ": "
                + (closes.unit() == ClockUnit.CLOCK_HOURS ? closes.explanation() : closes.workings());
    }
}
