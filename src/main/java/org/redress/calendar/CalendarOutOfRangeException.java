package org.redress.calendar;

import java.time.LocalDate;

/** A date outside the years whose bank holidays Redress knows. */
public class CalendarOutOfRangeException extends RuntimeException {

    private final LocalDate first;
    private final LocalDate last;

    CalendarOutOfRangeException(LocalDate date, LocalDate first, LocalDate last) {
        super("%s is outside the calendar, which covers %s to %s".formatted(date, first, last));
        this.first = first;
        this.last = last;
    }

    public LocalDate first() {
        return first;
    }

    public LocalDate last() {
        return last;
    }
}
