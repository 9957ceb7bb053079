package org.redress.calendar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.redress.calendar.CalendarFixtures.calendar;
import static org.redress.calendar.Jurisdiction.ENGLAND_AND_WALES;
import static org.redress.calendar.Jurisdiction.NORTHERN_IRELAND;
import static org.redress.calendar.Jurisdiction.SCOTLAND;

class WorkingDayCalendarTest {

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void christmasEveOnAFridayPlusOneWorkingDayIsTheFollowingWednesday() {
        WorkingDayCalendar ew = calendar(ENGLAND_AND_WALES);
        assertThat(ew.addWorkingDays(d("2021-12-24"), 1)).isEqualTo(d("2021-12-29"));
        assertThat(ew.nonWorkingDaysBetween(d("2021-12-24"), d("2021-12-29"))).containsExactly(
                new NonWorkingDay(d("2021-12-25"), "Saturday"),
                new NonWorkingDay(d("2021-12-26"), "Sunday"),
                new NonWorkingDay(d("2021-12-27"), "Christmas Day (substitute day)"),
                new NonWorkingDay(d("2021-12-28"), "Boxing Day (substitute day)"));
    }

    @ParameterizedTest(name = "{0}: {1} + {2} working days = {3}")
    @CsvSource({
            // Easter: Good Friday everywhere, Easter Monday not in Scotland
            "england-and-wales, 2024-03-28, 1, 2024-04-02",
            "scotland,          2024-03-28, 1, 2024-04-01",
            "northern-ireland,  2024-03-28, 1, 2024-04-02",
            // New Year: Scotland's 2nd January, and its substitute in 2022 (Sat 1, Sun 2 -> Mon 3, Tue 4)
            "england-and-wales, 2021-12-31, 1, 2022-01-04",
            "scotland,          2021-12-31, 1, 2022-01-05",
            "scotland,          2025-12-31, 1, 2026-01-05",
            "england-and-wales, 2025-12-31, 1, 2026-01-02",
            // St Andrew's Day 2026 (Monday 30 November) in Scotland only
            "scotland,          2026-11-27, 1, 2026-12-01",
            "england-and-wales, 2026-11-27, 1, 2026-11-30",
            // St Patrick's Day 2025 (Monday) and Battle of the Boyne 2026 (Sunday -> Monday 13 July) in Northern Ireland
            "northern-ireland,  2025-03-14, 1, 2025-03-18",
            "northern-ireland,  2026-07-10, 1, 2026-07-14",
            "england-and-wales, 2026-07-10, 1, 2026-07-13",
            // Christmas 2026: Boxing Day on a Saturday, substitute Monday 28 December
            "england-and-wales, 2026-12-24, 1, 2026-12-29",
            // Christmas 2027: both on the weekend, substitutes Monday 27 and Tuesday 28
            "england-and-wales, 2027-12-24, 1, 2027-12-29",
            // one-off days: the Queen's funeral (19 Sep 2022), the coronation (8 May 2023), the jubilee (2-3 Jun 2022)
            "england-and-wales, 2022-09-16, 1, 2022-09-20",
            "scotland,          2023-05-05, 1, 2023-05-09",
            "northern-ireland,  2022-06-01, 1, 2022-06-06",
            // A-4 / T-7: ten working days across a bank holiday
            "england-and-wales, 2026-04-30, 10, 2026-05-15",
            // the start day counts as day 0 even on a weekend
            "england-and-wales, 2026-11-21, 1, 2026-11-23",
            "england-and-wales, 2026-11-23, 0, 2026-11-23",
    })
    void addingWorkingDaysSkipsWeekendsAndTheJurisdictionsBankHolidays(String jurisdiction, LocalDate from, int days, LocalDate due) {
        WorkingDayCalendar calendar = calendar(Jurisdiction.fromSlug(jurisdiction).orElseThrow());
        assertThat(calendar.addWorkingDays(from, days)).isEqualTo(due);
    }

    @Test
    void workingDaysBetweenCountsDaysAfterTheStartUpToAndIncludingTheEnd() {
        WorkingDayCalendar ew = calendar(ENGLAND_AND_WALES);
        assertThat(ew.workingDaysBetween(d("2021-12-24"), d("2021-12-29"))).isEqualTo(1);
        assertThat(ew.workingDaysBetween(d("2026-11-23"), d("2026-11-23"))).isZero();
        assertThat(ew.workingDaysBetween(d("2026-11-23"), d("2026-11-30"))).isEqualTo(5);
        assertThat(ew.workingDaysBetween(d("2026-11-30"), d("2026-11-23"))).isEqualTo(-5);
        assertThat(calendar(SCOTLAND).workingDaysBetween(d("2026-11-23"), d("2026-11-30"))).isEqualTo(4);
    }

    @Test
    void theFastArithmeticAgreesWithWalkingDayByDay() {
        Random random = new Random(42);
        for (Jurisdiction jurisdiction : Jurisdiction.values()) {
            WorkingDayCalendar calendar = calendar(jurisdiction);
            for (int i = 0; i < 2_000; i++) {
                LocalDate from = d("2019-01-01").plusDays(random.nextInt(9 * 365));
                int n = random.nextInt(61);
                LocalDate walked = from;
                for (int counted = 0; counted < n; ) {
                    walked = walked.plusDays(1);
                    if (calendar.reasonNotWorking(walked).isEmpty()) {
                        counted++;
                    }
                }
                assertThat(calendar.addWorkingDays(from, n)).as("%s + %d in %s", from, n, jurisdiction).isEqualTo(walked);
                assertThat(calendar.workingDaysBetween(from, walked)).isEqualTo(n == 0 ? 0 : n);
            }
        }
    }

    @Test
    void anOrganisationsClosureDaysAreSkippedWithTheirReason() {
        WorkingDayCalendar closedForChristmas = calendar(ENGLAND_AND_WALES).withClosures("England and Wales with alliance-homes closure days",
                List.of(new ClosureDay("alliance-homes", d("2026-12-29"), "office closed between Christmas and New Year"),
                        new ClosureDay("alliance-homes", d("2026-12-30"), "office closed between Christmas and New Year"),
                        new ClosureDay("alliance-homes", d("2026-12-31"), "office closed between Christmas and New Year")));
        assertThat(calendar(ENGLAND_AND_WALES).addWorkingDays(d("2026-12-24"), 1)).isEqualTo(d("2026-12-29"));
        assertThat(closedForChristmas.addWorkingDays(d("2026-12-24"), 1)).isEqualTo(d("2027-01-04"));
        assertThat(closedForChristmas.reasonNotWorking(d("2026-12-30")))
                .contains("organisation closure: office closed between Christmas and New Year");
    }

    @Test
    void aClosureOnABankHolidayKeepsTheBankHolidaysName() {
        WorkingDayCalendar calendar = calendar(NORTHERN_IRELAND).withClosures("NI with closures",
                List.of(new ClosureDay("trust", d("2026-03-17"), "staff day")));
        assertThat(calendar.reasonNotWorking(d("2026-03-17"))).contains("St Patrick’s Day");
    }

    @Test
    void datesOutsideTheCalendarAreRefusedNotGuessed() {
        WorkingDayCalendar ew = calendar(ENGLAND_AND_WALES);
        assertThatThrownBy(() -> ew.addWorkingDays(d("1999-12-31"), 1)).isInstanceOf(CalendarOutOfRangeException.class);
        assertThatThrownBy(() -> ew.addWorkingDays(d("2100-12-30"), 5)).isInstanceOf(CalendarOutOfRangeException.class);
    }
}
