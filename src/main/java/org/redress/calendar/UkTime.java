package org.redress.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneRules;

/** Deadlines in Redress are kept in UK local time, so that British Summer Time changes are handled once, here. */
public final class UkTime {

    public static final ZoneId ZONE = ZoneId.of("Europe/London");
    private static final ZoneRules RULES = ZONE.getRules();
    private static final long SECONDS_PER_DAY = 86_400;

    private UkTime() {
    }

    public static LocalDate dateOf(Instant instant) {
        return LocalDate.ofEpochDay(epochDayOf(instant));
    }

    /** The UK date of an instant as an epoch day, without building date-time objects (deadlines are computed often). */
    static long epochDayOf(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond() + RULES.getOffset(instant).getTotalSeconds(), SECONDS_PER_DAY);
    }

    /** The first instant after the given day ends in the UK: a deadline "by the end of" that day is before this. */
    public static Instant endOf(LocalDate date) {
        return endOfEpochDay(date.toEpochDay());
    }

    /**
     * UK clocks change at 01:00 UTC, never around midnight, so the offset in force at UTC midnight is the
     * offset at UK midnight too; a test checks this against java.time for every day of the calendar.
     */
    static Instant endOfEpochDay(long epochDay) {
        long nextUtcMidnight = (epochDay + 1) * SECONDS_PER_DAY;
        int offset = RULES.getOffset(Instant.ofEpochSecond(nextUtcMidnight)).getTotalSeconds();
        return Instant.ofEpochSecond(nextUtcMidnight - offset);
    }
}
