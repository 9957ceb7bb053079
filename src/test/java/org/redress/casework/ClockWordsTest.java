package org.redress.casework;

import org.junit.jupiter.api.Test;
import org.redress.calendar.ClockUnit;
import org.redress.casework.CaseTypes.Extension;
import org.redress.policy.PolicyPack.Milestone;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each deadline in one plain sentence on the staff pages (issue 21), the working kept for "How this was worked out". */
class ClockWordsTest {

    @Test
    void aWorkingDayClockSaysTheDueDayAndWhatItCountsFrom() {
        // received on Saturday 5 December 2026; 5 working days: Mon 7 to Fri 11 December
        CaseClock clock = clock(1, Milestone.RECEIVED, ClockUnit.WORKING_DAYS, 5, "2026-12-05T10:00:00Z", "2026-12-11T23:59:59Z",
                "2026-12-11", List.of());
        assertThat(clock.plainDue()).isEqualTo("Due by the end of Friday 11 December 2026: 5 working days after it was received "
                + "on Saturday 5 December 2026.");
    }

    @Test
    void anHourClockAcrossTheClockChangeSaysTheTimesInUkTime() {
        // S0-5: 24 hours from 12:00 BST on Saturday 24 October 2026 is 11:00 GMT on Sunday 25 October (the clocks went back)
        CaseClock clock = clock(0, Milestone.RECEIVED, ClockUnit.CLOCK_HOURS, 24, "2026-10-24T11:00:00Z", "2026-10-25T11:00:00Z",
                "2026-10-25", List.of());
        assertThat(clock.plainDue()).isEqualTo("Due by 11:00am on Sunday 25 October 2026: 24 hours after it was received at "
                + "12:00pm on Saturday 24 October 2026.");
    }

    @Test
    void aSecondStageClockAndAnExtensionSayWhatTheyAre() {
        CaseClock clock = clock(2, Milestone.RECEIVED, ClockUnit.WORKING_DAYS, 20, "2027-01-04T09:00:00Z", "2027-02-15T23:59:59Z",
                "2027-02-15", List.of(new Extension(10, ClockUnit.WORKING_DAYS, "A survey is needed", true,
                        Instant.parse("2027-01-20T09:00:00Z"), "sam", null)));
        assertThat(clock.plainDue()).isEqualTo("Due by the end of Monday 15 February 2027: 20 working days after the request to take "
                + "it further was received on Monday 4 January 2027, then extended by 10 working days.");
    }

    private static CaseClock clock(int stage, Milestone starts, ClockUnit unit, int amount, String startedAt, String dueBy, String dueDate,
                                   List<Extension> extensions) {
        return new CaseClock("respond", stage, "Response", starts, Milestone.RESPONDED, unit, amount, Instant.parse(startedAt),
                Instant.parse(dueBy), LocalDate.parse(dueDate), "the full working", extensions, null, null, null, false, null);
    }
}
