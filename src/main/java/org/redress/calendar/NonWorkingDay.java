package org.redress.calendar;

import java.time.LocalDate;

/** A day a working-day clock skipped, and why: "Saturday", "Boxing Day (substitute day)", "organisation closure". */
public record NonWorkingDay(LocalDate date, String reason) {
}
