package org.redress.policy;

import org.redress.calendar.ClockUnit;

/**
 * Compares figures in different units without a calendar: a figure passes as "at most" another only when it can
 * never be longer, whatever the start date and holidays. Same-unit figures compare exactly.
 */
final class Durations {

    private Durations() {
    }

    static boolean atMost(ClockUnit unit, int amount, ClockUnit limitUnit, int limit) {
        if (unit == limitUnit) {
            return amount <= limit;
        }
        return longestHours(unit, amount) <= shortestHours(limitUnit, limit);
    }

    /** The longest a figure can last: working days stretch over weekends and up to four holidays at Christmas. */
    private static long longestHours(ClockUnit unit, long amount) {
        return switch (unit) {
            case CLOCK_HOURS -> amount;
            case CALENDAR_DAYS -> amount * 24;
            case WEEKS -> amount * 7 * 24;
            case CALENDAR_MONTHS -> amount * 31 * 24;
            case WORKING_DAYS -> (amount + 2 * ((amount + 4) / 5) + 4) * 24;
        };
    }

    /** The shortest a figure can last: N working days cover at least N calendar days. */
    private static long shortestHours(ClockUnit unit, long amount) {
        return switch (unit) {
            case CLOCK_HOURS -> amount;
            case CALENDAR_DAYS, WORKING_DAYS -> amount * 24;
            case WEEKS -> amount * 7 * 24;
            case CALENDAR_MONTHS -> amount * 28 * 24;
        };
    }
}
