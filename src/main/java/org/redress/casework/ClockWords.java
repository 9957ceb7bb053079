package org.redress.casework;

import org.redress.calendar.ClockUnit;
import org.redress.calendar.UkTime;
import org.redress.casework.CaseTypes.Extension;
import org.redress.policy.PolicyPack.Milestone;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A clock's deadline in one plain sentence for the staff pages (issue 21): "Due by the end of Friday 11 December 2026:
 * 5 working days after it was received on Saturday 5 December 2026". The full working, with the days skipped and the
 * rule it comes from, stays in the clock's explanation, shown under "How this was worked out".
 */
final class ClockWords {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mma", Locale.UK);

    private ClockWords() {
    }

    static String plainDue(CaseClock clock) {
        boolean hours = clock.unit() == ClockUnit.CLOCK_HOURS;
        // issue 23, R-5: an option is a window that closes, never a deadline that is due
        StringBuilder sentence = new StringBuilder(clock.option() ? "Can be used until " : "Due by ")
                .append(hours ? at(clock.dueBy()) : "the end of " + DAY.format(clock.dueDate()))
                .append(": ").append(clock.unit().describe(clock.amount())).append(" after ")
                .append(event(clock.starts(), clock.stage())).append(' ')
                .append(hours ? "at " + at(clock.startedAt()) : "on " + DAY.format(UkTime.dateOf(clock.startedAt())));
        for (Extension extension : clock.extensions()) {
            sentence.append(", then extended by ").append(extension.unit().describe(extension.amount()));
        }
        if (clock.pausedAt() != null) {
            sentence.append(". On hold since ").append(DAY.format(UkTime.dateOf(clock.pausedAt())))
                    .append(": it will be worked out again when the case is resumed");
        }
        return sentence.append('.').toString();
    }

    private static String at(Instant instant) {
        var time = instant.atZone(UkTime.ZONE);
        return TIME.format(time).toLowerCase(Locale.UK) + " on " + DAY.format(time);
    }

    private static String event(Milestone milestone, int stage) {
        switch (milestone) {
            case RECEIVED:
                return stage > 1 ? "the request to take it further was received" : "it was received";
            case LOGGED:
                return "it was logged";
            case ACKNOWLEDGED:
                return "it was acknowledged";
            case CONTACTED:
                return "we first spoke to the person";
            case RESPONDED:
                return "the response";
            case CLOSED:
                return "it was closed";
            default:
                return milestone.name().toLowerCase(Locale.UK);
        }
    }
}
