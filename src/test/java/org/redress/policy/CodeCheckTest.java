package org.redress.policy;

import org.junit.jupiter.api.Test;
import org.redress.policy.ComplianceReport.Finding;

import static org.assertj.core.api.Assertions.assertThat;

/** The Housing Ombudsman Code check: the honest verdict for each shipped pack, and each kind of failure. */
class CodeCheckTest {

    private static final String CODE = PackFixtures.shippedText("housing-ombudsman-code-2024");

    private static ComplianceReport check(String yaml) {
        PackReader.Reading reading = PackFixtures.read(yaml);
        assertThat(reading.errors()).isEmpty();
        return CodeCheck.check(reading.pack(), PackFixtures.code());
    }

    /** The Code pack with one change; the change must apply, or the test would prove nothing. */
    private static String variant(String from, String to) {
        assertThat(CODE).contains(from);
        return CODE.replace(from, to);
    }

    private static Finding finding(ComplianceReport report, String provision) {
        return report.finding(provision).orElseThrow();
    }

    @Test
    void helpingOurFutureFailsTheTwoStageRuleWithItsReviewPanel() { // H-10, Code 5.1
        ComplianceReport report = PackFixtures.compliance("helping-our-future");

        assertThat(report.applies()).isTrue();
        assertThat(report.compliant()).isFalse();
        assertThat(finding(report, "5.1").reason()).contains("3 stages", "Step 3 review by a panel");
        // H-5: its refusal to escalate records reasons and a review date, but 003 never mentions the Ombudsman
        assertThat(report.failures()).extracting(Finding::provision).containsExactly("5.1", "6.12");
    }

    @Test
    void helpingOurFuturesAssumedTimescalesMeetTheCode() {
        ComplianceReport report = PackFixtures.compliance("helping-our-future");

        assertThat(report.findings()).filteredOn(f -> f.provision().startsWith("6.") && !f.provision().equals("6.12"))
                .allSatisfy(f -> assertThat(f.passed()).isTrue());
    }

    @Test
    void theTrustsResponsesCountedFromLoggingPassBecauseLoggingComesNoLaterThanAcknowledgement() { // T-7, T-9
        ComplianceReport report = PackFixtures.compliance("the-trust");

        assertThat(finding(report, "6.3").passed()).isTrue();
        assertThat(finding(report, "6.3").reason())
                .contains("10 working days from logging", "not from acknowledgement as the Code counts",
                        "never later than the Code's", "stricter than the Code");
        assertThat(finding(report, "6.14").passed()).isTrue();
        assertThat(finding(report, "6.14").reason()).contains("20 working days from logging");
    }

    @Test
    void theTrustFailsOnlyBecauseItsFirstExtensionDoesNotGiveTheOmbudsmansDetails() { // T-7, Code 6.5
        ComplianceReport report = PackFixtures.compliance("the-trust");

        assertThat(report.failures()).extracting(Finding::provision).containsExactly("6.5");
        assertThat(finding(report, "6.5").reason())
                .contains("stage 1 'Stage 1 response' extension 1 (up to 10 working days", "stage 2 'Stage 2 response' extension 1")
                .doesNotContain("extension 2");
        assertThat(finding(report, "6.4").passed()).isTrue();
        assertThat(finding(report, "6.12").passed()).isTrue(); // T-8: reasons and the Ombudsman's details
    }

    @Test
    void allianceHomesFailsOnOmbudsmanDetailsForExtensionsAndOnExclusionsWithNoRedirection() { // F-2
        ComplianceReport report = PackFixtures.compliance("alliance-homes");

        assertThat(report.failures()).extracting(Finding::provision).containsExactly("6.5", "2.4");
        assertThat(finding(report, "2.4").reason()).contains("2 of 5 exclusions", "general law", "overall policies", "rent");
        assertThat(finding(report, "6.11").reason()).contains("assumed to cover escalations");
        assertThat(finding(report, "2.3").passed()).isTrue(); // F-3: 12 months
    }

    @Test
    void aPackThatIsNotASocialLandlordIsNotChecked() { // 247 Alliance
        assertThat(PackFixtures.compliance("247-alliance").applies()).isFalse();
        assertThat(PackFixtures.compliance("fca-disp").applies()).isFalse();
    }

    @Test
    void anAcknowledgementCountedFromLoggingFailsBecauseLoggingCanComeAfterReceipt() { // Code 6.2
        ComplianceReport report = check(variant("from: received\n        until: acknowledged\n        cite: \"Code 6.2\"",
                "from: logged\n        until: acknowledged\n        cite: \"Code 6.2\""));

        assertThat(finding(report, "6.2").passed()).isFalse();
        assertThat(finding(report, "6.2").reason()).contains("logging can come after receipt");
    }

    @Test
    void aLongerResponseFails() { // Code 6.14
        ComplianceReport report = check(variant("within: 20 working days", "within: 25 working days"));

        assertThat(finding(report, "6.14").passed()).isFalse();
        assertThat(finding(report, "6.14").reason()).contains("longer than the Code's 20 working days");
    }

    @Test
    void aShorterClockInAnotherUnitPasses() { // Code 6.2
        ComplianceReport report = check(variant("within: 5 working days\n        from: received\n        until: acknowledged\n        cite: \"Code 6.2\"",
                "within: 48 hours\n        from: received\n        until: acknowledged\n        cite: \"Code 6.2\""));

        assertThat(finding(report, "6.2").passed()).isTrue();
    }

    @Test
    void anExtensionBeyondTheLimitWithoutGoodReasonFails() { // Code 6.4
        ComplianceReport report = check(variant("upTo: 10 working days\n            maxTimes: 1",
                "upTo: 10 working days\n            maxTimes: 2"));

        assertThat(finding(report, "6.4").passed()).isFalse();
        assertThat(finding(report, "6.4").reason()).contains("adding up to 20 working days");
    }

    @Test
    void anOpenEndedExtensionWithNoStatedReasonFails() { // Code 6.4
        ComplianceReport report = check(variant(
                "condition: \"good reason, clearly explained to the resident\"\n            cite: \"Code 6.4\"", "cite: \"Code 6.4\""));

        assertThat(finding(report, "6.4").passed()).isFalse();
        assertThat(finding(report, "6.4").reason()).contains("open-ended extension with no stated reason");
    }

    @Test
    void stageTwoWithoutADifferentHandlerFails() { // Code 6.13
        ComplianceReport report = check(variant("    differentHandler: true\n", ""));

        assertThat(finding(report, "6.13").passed()).isFalse();
    }

    @Test
    void aTimeLimitShorterThanTwelveMonthsFails() { // Code 2.3, F-3
        ComplianceReport report = check(variant("months: 12", "months: 6"));

        assertThat(finding(report, "2.3").passed()).isFalse();
    }

    @Test
    void aOneStageSocialLandlordFailsEveryStageTwoProvision() {
        String oneStage = CODE.substring(0, CODE.indexOf("  - id: stage-2\n")) + CODE.substring(CODE.indexOf("admission:"));
        ComplianceReport report = check(oneStage.replace("stages: [1, 2]", "stages: [1]"));

        assertThat(report.failures()).extracting(Finding::provision).containsExactly("5.1", "6.11", "6.13", "6.14", "6.15");
    }
}
