package org.redress.calendar;

/** Lets the benchmark package build a calendar the way the application does, without a database. */
public final class CalendarBenchmarkAccess {

    private CalendarBenchmarkAccess() {
    }

    public static WorkingDayCalendar calendar(Jurisdiction jurisdiction) {
        return CalendarFixtures.calendar(jurisdiction);
    }
}
