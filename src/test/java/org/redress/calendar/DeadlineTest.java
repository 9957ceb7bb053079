package org.redress.calendar;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.redress.calendar.CalendarFixtures.calendar;
import static org.redress.calendar.ClockUnit.CALENDAR_DAYS;
import static org.redress.calendar.ClockUnit.CALENDAR_MONTHS;
import static org.redress.calendar.ClockUnit.CLOCK_HOURS;
import static org.redress.calendar.ClockUnit.WEEKS;
import static org.redress.calendar.ClockUnit.WORKING_DAYS;
import static org.redress.calendar.Jurisdiction.ENGLAND_AND_WALES;

class DeadlineTest {

    private static Instant uk(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(UkTime.ZONE).toInstant();
    }

    private static Deadline deadline(Instant start, ClockUnit unit, int amount) {
        return Deadlines.compute(calendar(ENGLAND_AND_WALES), start, unit, amount);
    }

    @Test
    void twentyFourClockHoursAcrossTheAutumnClockChangeEndOneHourEarlierOnTheWallClock() {
        // S0-5: acknowledge within 24 hours. BST ends at 02:00 on Sunday 25 October 2026.
        Deadline due = deadline(uk("2026-10-24T12:00"), CLOCK_HOURS, 24);
        assertThat(due.dueBy()).isEqualTo(uk("2026-10-25T11:00"));
        assertThat(due.dueBy()).isEqualTo(Instant.parse("2026-10-25T11:00:00Z"));
        assertThat(due.explanation()).isEqualTo("Due by 11:00 GMT on Sun 25 Oct 2026: 24 hours from 12:00 BST on "
                + "Sat 24 Oct 2026 (every hour counts, including nights, weekends and holidays).");
    }

    @Test
    void fortyEightClockHoursAcrossTheSpringClockChangeEndOneHourLaterOnTheWallClock() {
        // S0-7: respond within 48 hours. BST starts at 01:00 on Sunday 29 March 2026.
        Deadline due = deadline(uk("2026-03-28T09:30"), CLOCK_HOURS, 48);
        assertThat(due.dueBy()).isEqualTo(uk("2026-03-30T10:30"));
        assertThat(due.dueDate()).isEqualTo(LocalDate.parse("2026-03-30"));
    }

    @Test
    void workingDayDeadlinesAreDueByTheEndOfTheUkDayAndListWhatTheySkipped() {
        // acknowledge within 5 working days; received on the evening of Christmas Eve 2026
        Deadline due = deadline(uk("2026-12-24T18:45"), WORKING_DAYS, 5);
        assertThat(due.dueDate()).isEqualTo(LocalDate.parse("2027-01-05"));
        assertThat(due.dueBy()).isEqualTo(uk("2027-01-06T00:00"));
        assertThat(due.skipped()).extracting(NonWorkingDay::reason).containsExactly(
                "Christmas Day", "Saturday", "Sunday", "Boxing Day (substitute day)",
                "New Year’s Day", "Saturday", "Sunday");
        assertThat(due.explanation()).startsWith("Due by the end of Tue 5 Jan 2027: 5 working days after Thu 24 Dec 2026 "
                + "in the England and Wales calendar (the start day is day 0), skipping Fri 25 Dec 2026 (Christmas Day)");
    }

    @Test
    void aStartJustAfterMidnightInSummerCountsFromThatUkDateNotTheUtcDate() {
        // 00:30 BST on 1 July is still 30 June in UTC
        Deadline due = deadline(uk("2026-07-01T00:30"), WORKING_DAYS, 1);
        assertThat(due.startDate()).isEqualTo(LocalDate.parse("2026-07-01"));
        assertThat(due.dueDate()).isEqualTo(LocalDate.parse("2026-07-02"));
    }

    @Test
    void oneCalendarMonthFromTheThirtyFirstOfJanuaryIsTheLastDayOfFebruary() {
        // R-7 subject access: the same date next month, or that month's last day
        assertThat(deadline(uk("2026-01-31T10:00"), CALENDAR_MONTHS, 1).dueDate()).isEqualTo(LocalDate.parse("2026-02-28"));
        assertThat(deadline(uk("2028-01-31T10:00"), CALENDAR_MONTHS, 1).dueDate()).isEqualTo(LocalDate.parse("2028-02-29"));
        assertThat(deadline(uk("2026-03-31T10:00"), CALENDAR_MONTHS, 1).dueDate()).isEqualTo(LocalDate.parse("2026-04-30"));
        assertThat(deadline(uk("2026-11-23T10:00"), CALENDAR_MONTHS, 1).dueDate()).isEqualTo(LocalDate.parse("2026-12-23"));
        assertThat(deadline(uk("2026-01-31T10:00"), CALENDAR_MONTHS, 1).explanation())
                .isEqualTo("Due by the end of Sat 28 Feb 2026: 1 calendar month after Sat 31 Jan 2026 "
                        + "(that month has no 31st, so its last day).");
    }

    @Test
    void eightWeeksAndCalendarDaysCountEveryDayIncludingHolidays() {
        // R-5 DISP: final response by the end of 8 weeks
        assertThat(deadline(uk("2026-11-23T10:00"), WEEKS, 8).dueDate()).isEqualTo(LocalDate.parse("2027-01-18"));
        assertThat(deadline(uk("2026-12-20T10:00"), CALENDAR_DAYS, 30).dueDate()).isEqualTo(LocalDate.parse("2027-01-19"));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(ClockUnit.class)
    void theFastDueInstantIsAlwaysTheExplainedDeadlinesDueInstant(ClockUnit unit) {
        java.util.Random random = new java.util.Random(11);
        for (int i = 0; i < 500; i++) {
            Instant start = uk("2019-01-01T00:00").plusSeconds(random.nextInt(9 * 365 * 24 * 3600));
            int amount = random.nextInt(61);
            assertThat(Deadlines.dueBy(calendar(ENGLAND_AND_WALES), start, unit, amount))
                    .isEqualTo(deadline(start, unit, amount).dueBy());
        }
    }
}
