package org.redress.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Works out deadlines: pure functions of a calendar, a start instant, a unit and an amount. */
public final class Deadlines {

    private Deadlines() {
    }

    public static Deadline compute(WorkingDayCalendar calendar, Instant start, ClockUnit unit, int amount) {
        if (amount < 0) {
            throw new IllegalArgumentException("amount must not be negative: " + amount);
        }
        LocalDate startDate = UkTime.dateOf(start);
        return switch (unit) {
            case CLOCK_HOURS -> {
                Instant due = start.plus(Duration.ofHours(amount));
                yield new Deadline(start, unit, amount, calendar.name(), List.of(), UkTime.dateOf(due), due);
            }
            case WORKING_DAYS -> {
                LocalDate due = calendar.addWorkingDays(startDate, amount);
                yield new Deadline(start, unit, amount, calendar.name(),
                        calendar.nonWorkingDaysBetween(startDate, due), due, UkTime.endOf(due));
            }
            case CALENDAR_DAYS -> dayBased(calendar, start, unit, amount, startDate.plusDays(amount));
            case WEEKS -> dayBased(calendar, start, unit, amount, startDate.plusWeeks(amount));
            case CALENDAR_MONTHS -> dayBased(calendar, start, unit, amount, startDate.plusMonths(amount));
        };
    }

    /**
     * Only the instant a clock falls due, without the explanation: the fast path for sweeps and lists,
     * always equal to {@code compute(...).dueBy()}.
     */
    public static Instant dueBy(WorkingDayCalendar calendar, Instant start, ClockUnit unit, int amount) {
        if (amount < 0) {
            throw new IllegalArgumentException("amount must not be negative: " + amount);
        }
        if (unit == ClockUnit.CLOCK_HOURS) {
            return start.plus(Duration.ofHours(amount));
        }
        if (unit == ClockUnit.WORKING_DAYS) {
            return UkTime.endOfEpochDay(calendar.addWorkingDays(UkTime.epochDayOf(start), amount));
        }
        LocalDate startDate = UkTime.dateOf(start);
        LocalDate due = switch (unit) {
            case WORKING_DAYS -> throw new AssertionError("handled above");
            case CALENDAR_DAYS -> startDate.plusDays(amount);
            case WEEKS -> startDate.plusWeeks(amount);
            case CALENDAR_MONTHS -> startDate.plusMonths(amount);
            case CLOCK_HOURS -> throw new AssertionError("handled above");
        };
        return UkTime.endOf(due);
    }

    private static Deadline dayBased(WorkingDayCalendar calendar, Instant start, ClockUnit unit, int amount, LocalDate due) {
        return new Deadline(start, unit, amount, calendar.name(), List.of(), due, UkTime.endOf(due));
    }
}
