package org.redress.calendar;

import java.time.LocalDate;

/** A day an organisation is closed on top of the bank holidays, such as the days between Christmas and New Year. */
public record ClosureDay(String organisation, LocalDate date, String reason) {
}
