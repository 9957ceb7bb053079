package org.redress.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Deadlines in Redress are kept in UK local time, so that British Summer Time changes are handled once, here. */
public final class UkTime {

    public static final ZoneId ZONE = ZoneId.of("Europe/London");

    private UkTime() {
    }

    public static LocalDate dateOf(Instant instant) {
        return instant.atZone(ZONE).toLocalDate();
    }

    /** The first instant after the given day ends in the UK: a deadline "by the end of" that day is before this. */
    public static Instant endOf(LocalDate date) {
        return date.plusDays(1).atStartOfDay(ZONE).toInstant();
    }
}
