package org.redress.calendar;

import java.time.LocalDate;

/**
 * A bank holiday on the day it is observed.
 *
 * @param substitute true when the holiday falls on a weekend and this weekday replaces it
 */
public record BankHoliday(LocalDate date, String title, boolean substitute) {

    /** The reason this day is not a working day, as a deadline explanation shows it. */
    public String reason() {
        return substitute ? title + " (substitute day)" : title;
    }
}
