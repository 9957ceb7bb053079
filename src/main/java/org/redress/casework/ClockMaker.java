package org.redress.casework;

import org.redress.calendar.ClockUnit;
import org.redress.calendar.Deadline;

import java.time.Instant;
import java.time.LocalDate;

/** The calendar as a case sees it: its organisation's working days. Keeps Spring and the database out of the aggregate. */
public interface ClockMaker {

    Deadline deadline(Instant start, ClockUnit unit, int amount);

    /** Working days after {@code from} up to and including {@code to}. */
    int workingDaysBetween(LocalDate from, LocalDate to);
}
