package org.redress.casework;

import org.redress.calendar.ClockUnit;
import org.redress.calendar.Deadline;
import org.redress.calendar.Deadlines;
import org.redress.calendar.WorkingDayCalendar;

import java.time.Instant;
import java.time.LocalDate;

/** The calendar as a case sees it: its organisation's working days. Keeps Spring and the database out of the aggregate. */
public interface ClockMaker {

    Deadline deadline(Instant start, ClockUnit unit, int amount);

    /** Working days after {@code from} up to and including {@code to}. */
    int workingDaysBetween(LocalDate from, LocalDate to);

    /** The clocks of a working-day calendar (a jurisdiction's, with an organisation's closure days where it has them). */
    static ClockMaker of(WorkingDayCalendar calendar) {
        return new ClockMaker() {
            @Override
            public Deadline deadline(Instant start, ClockUnit unit, int amount) {
                return Deadlines.compute(calendar, start, unit, amount);
            }

            @Override
            public int workingDaysBetween(LocalDate from, LocalDate to) {
                return calendar.workingDaysBetween(from, to);
            }
        };
    }
}
