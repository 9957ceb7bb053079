package org.redress.hazards;

import org.junit.jupiter.api.Test;
import org.redress.calendar.Calendars;
import org.redress.calendar.ClockUnit;
import org.redress.calendar.Jurisdiction;
import org.redress.calendar.WorkingDayCalendar;
import org.redress.policy.PolicyPack;
import org.redress.policy.PolicyPack.ClockRule;
import org.redress.policy.PolicyPack.Milestone;
import org.redress.policy.PolicyPack.RecordType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 26, item 6: the hazard clocks run Awaab's Law's figures as its reference pack sets them. */
class AwaabTimescalesTest {

    private static final WorkingDayCalendar CALENDAR = Calendars.bankHolidaysOnly().forJurisdiction(Jurisdiction.ENGLAND_AND_WALES);
    private static final Instant AWARE = Instant.parse("2027-04-01T10:00:00Z"); // Thu 1 Apr 2027, 11:00 BST

    private static PolicyPack law(int hours, int investigate, int summary, int safetyWork, ClockUnit investigateUnit) {
        RecordType emergency = new RecordType("emergency-hazard", "Emergency hazard", PolicyPack.Handling.CLOCKED,
                List.of(clock("make-safe", ClockUnit.CLOCK_HOURS, hours)), List.of(), null);
        RecordType significant = new RecordType("significant-hazard", "Significant hazard", PolicyPack.Handling.CLOCKED,
                List.of(clock("investigate", investigateUnit, investigate), clock("written-summary", ClockUnit.WORKING_DAYS, summary),
                        clock("safety-work", ClockUnit.WORKING_DAYS, safetyWork)), List.of(), null);
        return new PolicyPack("awaabs-law-2025", 2, "Awaab's Law", new PolicyPack.PackOrganisation("awaabs-law-2025", "Awaab's Law",
                Jurisdiction.ENGLAND_AND_WALES, true, List.of()), List.of(), List.of(), List.of(emergency, significant), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    private static ClockRule clock(String id, ClockUnit unit, int amount) {
        return new ClockRule(id, id, Milestone.RECEIVED, unit, amount, Milestone.RESPONDED, List.of(), null);
    }

    private static Hazard hazard() {
        return Hazard.open("org", UUID.randomUUID().toString(), "ORG-1", "damp and mould", "AUTOMATIC", "damp", AWARE, null, AWARE, "t");
    }

    @Test
    void theFiguresAreTheReferencePacks() {
        assertThat(AwaabTimescales.from(law(12, 8, 2, 4, ClockUnit.WORKING_DAYS)))
                .isEqualTo(new AwaabTimescales(12, 8, 2, 4, "awaabs-law-2025 v2"));
        assertThat(AwaabTimescales.REGULATIONS).isEqualTo(new AwaabTimescales(24, 10, 3, 5, "REGULATIONS.md"));
    }

    @Test
    void aFigureInAnotherUnitThanTheClockCountsInIsTheOneInRegulationsMd() {
        assertThat(AwaabTimescales.from(law(12, 14, 2, 4, ClockUnit.CALENDAR_DAYS)))
                .isEqualTo(new AwaabTimescales(12, 10, 2, 4, "awaabs-law-2025 v2"));
    }

    @Test
    void aSignificantHazardsClocksRunThePacksWorkingDays() {
        AwaabTimescales figures = AwaabTimescales.from(law(12, 8, 2, 4, ClockUnit.WORKING_DAYS));
        Hazard h = hazard();
        assertThat(h.concludeInvestigation(Instant.parse("2027-04-09T15:00:00Z"), "mould behind the wardrobe")).isEmpty();
        assertThat(h.classify(HazardClassification.SIGNIFICANT, AWARE)).isEmpty();

        // Thu 1 Apr + 8 working days = Tue 13 Apr; from Fri 9 Apr: + 2 = Tue 13 Apr, + 4 = Thu 15 Apr
        assertThat(h.clocks(CALENDAR, AWARE, figures)).extracting(c -> c.id() + " " + c.amount() + " " + c.dueDate())
                .containsExactly("investigate 8 2027-04-13", "written-summary 2 2027-04-13", "safety-work 4 2027-04-15");
        // with the figures of REGULATIONS.md, as before
        assertThat(h.clocks(CALENDAR, AWARE, AwaabTimescales.REGULATIONS)).extracting(c -> c.id() + " " + c.dueDate())
                .containsExactly("investigate 2027-04-15", "written-summary 2027-04-14", "safety-work 2027-04-16");
    }

    @Test
    void anEmergencyIsMadeSafeWithinThePacksHours() {
        Hazard h = hazard();
        assertThat(h.classify(HazardClassification.EMERGENCY, AWARE)).isEmpty();

        HazardView.Clock makeSafe = h.view(CALENDAR, AWARE, AwaabTimescales.from(law(12, 8, 2, 4, ClockUnit.WORKING_DAYS))).clocks().get(0);

        assertThat(makeSafe.id()).isEqualTo("make-safe");
        assertThat(makeSafe.amount()).isEqualTo(12);
        assertThat(makeSafe.dueBy()).isEqualTo(Instant.parse("2027-04-01T22:00:00Z"));
    }
}
