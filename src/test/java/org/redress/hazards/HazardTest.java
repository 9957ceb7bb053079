package org.redress.hazards;

import org.junit.jupiter.api.Test;
import org.redress.calendar.Calendars;
import org.redress.calendar.Jurisdiction;
import org.redress.calendar.WorkingDayCalendar;
import org.redress.casework.CaseTypes.ClockStatus;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The hazard aggregate and its derived clocks without Spring or a database. */
class HazardTest {

    private static final WorkingDayCalendar CALENDAR = Calendars.bankHolidaysOnly().forJurisdiction(Jurisdiction.ENGLAND_AND_WALES);
    private static final Instant AWARE = Instant.parse("2027-04-01T10:00:00Z"); // Thu 1 Apr 2027, 11:00 BST

    private static Hazard hazard() {
        return Hazard.open("org", UUID.randomUUID().toString(), "ORG-1", "damp and mould", "AUTOMATIC", "damp", AWARE, null, AWARE, "t");
    }

    @Test
    void theInvestigationClockIsTenWorkingDaysAndTheWrittenSummaryWaitsForTheInvestigation() {
        Hazard h = hazard();
        // Thu 1 Apr 2027 + 10 working days (Easter Monday 2027 is 29 March, before the start) = Thu 15 Apr 2027
        assertThat(h.clocks(CALENDAR, AWARE).get(0).dueDate()).hasToString("2027-04-15");
        assertThat(h.summarySent(AWARE.plusSeconds(3600))).get().satisfies(r -> assertThat(r.cite()).startsWith("R-3"));
        assertThat(h.concludeInvestigation(Instant.parse("2027-04-09T15:00:00Z"), "mould behind the wardrobe")).isEmpty();
        assertThat(h.concludeInvestigation(Instant.parse("2027-04-09T16:00:00Z"), "again")).isPresent();
        assertThat(h.clocks(CALENDAR, AWARE)).extracting(HazardView.Clock::id).containsExactly("investigate", "written-summary");
        assertThat(h.classify(HazardClassification.SIGNIFICANT, AWARE)).isEmpty();
        // Fri 9 Apr + 3 working days = Wed 14 Apr; + 5 = Fri 16 Apr
        assertThat(h.clocks(CALENDAR, AWARE)).extracting(c -> c.id() + " " + c.dueDate())
                .containsExactly("investigate 2027-04-15", "written-summary 2027-04-14", "safety-work 2027-04-16");
        assertThat(h.clocks(CALENDAR, AWARE).get(0).status()).isEqualTo(ClockStatus.MET);
    }

    @Test
    void anEmergencyHasOneTwentyFourHourClockMetWhenTheHomeIsMadeSafe() {
        Hazard h = hazard();
        h.classify(HazardClassification.EMERGENCY, AWARE);
        HazardView.Clock makeSafe = h.clocks(CALENDAR, AWARE).get(0);
        assertThat(makeSafe.id()).isEqualTo("make-safe");
        assertThat(makeSafe.dueBy()).isEqualTo(Instant.parse("2027-04-02T10:00:00Z"));
        // issue 23: work beginning no longer stops the emergency's clock; the home made safe does
        assertThat(h.workStarted(Instant.parse("2027-04-02T09:00:00Z"))).isEmpty();
        assertThat(h.clocks(CALENDAR, AWARE).get(0).metAt()).isNull();
        assertThat(h.madeSafe(Instant.parse("2027-04-02T11:00:00Z"))).isEmpty();
        assertThat(h.clocks(CALENDAR, AWARE).get(0).status()).isEqualTo(ClockStatus.MET_LATE);
        assertThat(h.view(CALENDAR, AWARE).open()).isFalse();
    }
}
