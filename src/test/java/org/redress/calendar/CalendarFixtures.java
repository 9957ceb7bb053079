package org.redress.calendar;

/** Calendars built without the database, for fast tests of the arithmetic. */
final class CalendarFixtures {

    static final Calendars CALENDARS = Calendars.bankHolidaysOnly();

    static WorkingDayCalendar calendar(Jurisdiction jurisdiction) {
        return CALENDARS.forJurisdiction(jurisdiction);
    }

    private CalendarFixtures() {
    }
}
