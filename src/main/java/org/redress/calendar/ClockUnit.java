package org.redress.calendar;

/** The units that complaint procedures count time in. */
public enum ClockUnit {
    /** Weekdays that are neither bank holidays nor organisation closures (A-2, A-4, T-7, Code 6.2). */
    WORKING_DAYS("working day", "working days"),
    /** Elapsed hours, whatever the day (S0-5: 24 hours; S0-7: 48 hours; Awaab's Law emergencies). */
    CLOCK_HOURS("hour", "hours"),
    /** Every day counts. */
    CALENDAR_DAYS("calendar day", "calendar days"),
    /** Seven calendar days each (DISP: 8 weeks). */
    WEEKS("week", "weeks"),
    /** The same date N months later, or that month's last day (subject access: one calendar month). */
    CALENDAR_MONTHS("calendar month", "calendar months");

    private final String singular;
    private final String plural;

    ClockUnit(String singular, String plural) {
        this.singular = singular;
        this.plural = plural;
    }

    public String describe(int amount) {
        return amount + " " + (amount == 1 ? singular : plural);
    }
}
