package org.redress.policy;

import org.junit.jupiter.api.Test;
import org.redress.calendar.ClockUnit;
import org.redress.policy.PolicyPack.ClockRule;

import static org.assertj.core.api.Assertions.assertThat;

/** The reference packs: the Housing Ombudsman Code, adult social care (SI 2009/309) and FCA DISP. */
class ReferencePacksTest {

    @Test
    void theCodePackCarriesTheFiguresOfRegulationsMd() {
        CodeFigures figures = PackFixtures.code();

        assertThat(figures.source()).isEqualTo("housing-ombudsman-code-2024 v1");
        assertThat(figures).usingRecursiveComparison().ignoringFields("source").isEqualTo(CodeFigures.DEFAULTS);
    }

    @Test
    void theCodePackPassesItsOwnCheck() {
        ComplianceReport report = PackFixtures.compliance("housing-ombudsman-code-2024");

        assertThat(report.compliant()).isTrue();
        assertThat(report.findings()).hasSize(12);
    }

    @Test
    void theStageTwoExtensionFigureIsChangedByANewVersionOfTheCodePack() { // Code 6.15 [?]
        String tenDays = PackFixtures.shippedText("housing-ombudsman-code-2024")
                .replace("upTo: 20 working days", "upTo: 10 working days");
        CodeFigures figures = CodeFigures.from(PackReader.read(tenDays, 2).pack());

        assertThat(figures.stage2Extension().amount()).isEqualTo(10);
        assertThat(CodeCheck.check(PackFixtures.shipped("helping-our-future"), figures).finding("6.15").orElseThrow()
                .passed()).isFalse(); // Helping Our Future assumed 20
    }

    @Test
    void theTimescalesReportsMeasureAgainstAreChangedByANewVersionOfTheCodePack() { // issue 26, item 6
        String changed = PackFixtures.shippedText("housing-ombudsman-code-2024")
                .replaceFirst("within: 5 working days", "within: 3 working days")
                .replace("within: 10 working days", "within: 15 working days")
                .replace("within: 20 working days", "within: 25 working days");

        assertThat(CodeTimescales.of(CodeFigures.from(PackReader.read(changed, 2).pack())))
                .isEqualTo(new CodeTimescales(3, 5, 15, 25, "housing-ombudsman-code-2024 v2"));
        assertThat(CodeTimescales.of(PackFixtures.code())).isEqualTo(new CodeTimescales(5, 5, 10, 20, "housing-ombudsman-code-2024 v1"));
        assertThat(CodeTimescales.REGULATIONS).isEqualTo(new CodeTimescales(5, 5, 10, 20, "REGULATIONS.md"));
    }

    @Test
    void aCodeFigureInAnotherUnitThanWorkingDaysLeavesReportsWithTheFigureOfRegulationsMd() { // issue 26, item 6
        String calendarDays = PackFixtures.shippedText("housing-ombudsman-code-2024")
                .replace("within: 10 working days", "within: 14 calendar days");

        assertThat(CodeTimescales.of(CodeFigures.from(PackReader.read(calendarDays, 2).pack())).stage1Response()).isEqualTo(10);
    }

    @Test
    void adultSocialCareIsAcknowledgedInThreeWorkingDaysAndAnsweredInSixMonthsInOneStage() {
        PolicyPack care = PackFixtures.shipped("adult-social-care-2009");
        ClockRule respond = care.stage(1).orElseThrow().clock("respond").orElseThrow();

        assertThat(care.stages()).hasSize(1);
        assertThat(care.stage(1).orElseThrow().clock("acknowledge").orElseThrow().amount()).isEqualTo(3);
        assertThat(respond.unit()).isEqualTo(ClockUnit.CALENDAR_MONTHS);
        assertThat(respond.amount()).isEqualTo(6);
        assertThat(respond.extensions()).singleElement().satisfies(e -> assertThat(e.needsAgreement()).isTrue());
    }

    @Test
    void disputeResolutionGivesThreeBusinessDaysForASummaryResolutionAndEightWeeksForAFinalResponse() {
        PolicyPack disp = PackFixtures.shipped("fca-disp");
        PolicyPack.Stage stage = disp.stage(1).orElseThrow();

        assertThat(stage.clock("summary-resolution").orElseThrow().unit()).isEqualTo(ClockUnit.WORKING_DAYS);
        assertThat(stage.clock("summary-resolution").orElseThrow().amount()).isEqualTo(3);
        assertThat(stage.clock("final-response").orElseThrow().unit()).isEqualTo(ClockUnit.WEEKS);
        assertThat(stage.clock("final-response").orElseThrow().amount()).isEqualTo(8);
        assertThat(disp.ombudsman("financial-ombudsman").orElseThrow().conditions()).contains("6 months");
    }

    @Test
    void theDispReturnBandsAndTheTimeToReferComeFromTheDispPack() { // R-5, issue 26, item 6
        assertThat(DispFigures.from(PackFixtures.shipped("fca-disp"))).isEqualTo(new DispFigures(4, 8, 6, "fca-disp v1"));
        assertThat(DispFigures.REGULATIONS).isEqualTo(new DispFigures(4, 8, 6, "REGULATIONS.md"));
    }

    @Test
    void aNewVersionOfTheDispPackChangesTheReturnBandsAndTheTimeToRefer() { // issue 26, item 6
        String changed = PackFixtures.shippedText("fca-disp")
                .replace("returnBand: 4 weeks", "returnBand: 3 weeks")
                .replace("within: 8 weeks", "within: 6 weeks")
                .replace("referWithin: 6 months", "referWithin: 9 months");

        DispFigures figures = DispFigures.from(PackReader.read(changed, 2).pack());

        assertThat(figures).isEqualTo(new DispFigures(3, 6, 9, "fca-disp v2"));
        assertThat(figures.firstBandDays()).isEqualTo(21);
        assertThat(figures.finalResponseDays()).isEqualTo(42);
    }

    @Test
    void aDispFigureInAnotherUnitOrBandsInTheWrongOrderLeaveTheFiguresOfRegulationsMd() { // issue 26, item 6
        String days = PackFixtures.shippedText("fca-disp").replace("returnBand: 4 weeks", "returnBand: 28 calendar days")
                .replace("referWithin: 6 months", "referWithin: 26 weeks");
        String crossed = PackFixtures.shippedText("fca-disp").replace("returnBand: 4 weeks", "returnBand: 9 weeks");

        assertThat(DispFigures.from(PackReader.read(days, 2).pack())).isEqualTo(new DispFigures(4, 8, 6, "fca-disp v2"));
        assertThat(DispFigures.from(PackReader.read(crossed, 3).pack())).isEqualTo(DispFigures.REGULATIONS);
    }

    @Test
    void awaabsLawGivesTwentyFourHoursForAnEmergencyAndTenThreeAndFiveWorkingDaysForASignificantHazard() { // R-3, issue 26, item 6
        PolicyPack law = PackFixtures.shipped("awaabs-law-2025");

        assertThat(law.recordType("emergency-hazard").orElseThrow().clocks())
                .extracting(c -> c.id() + " " + c.unit().describe(c.amount())).containsExactly("make-safe 24 hours");
        assertThat(law.recordType("significant-hazard").orElseThrow().clocks())
                .extracting(c -> c.id() + " " + c.unit().describe(c.amount()))
                .containsExactly("investigate 10 working days", "written-summary 3 working days", "safety-work 5 working days");
    }
}
