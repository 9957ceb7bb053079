package org.redress.policy;

import org.junit.jupiter.api.Test;
import org.redress.calendar.ClockUnit;
import org.redress.policy.PolicyPack.ClockRule;
import org.redress.policy.PolicyPack.Handling;

import static org.assertj.core.api.Assertions.assertThat;

/** 247 Alliance's policy 247 POL 28 (000): one formal stage in clock hours. */
class TwoFourSevenAlliancePackTest {

    private final PolicyPack alliance247 = PackFixtures.shipped("247-alliance");

    @Test
    void aComplaintIsFormalOrInformalAsTheClientWishes() { // S0-1
        assertThat(alliance247.recordType("complaint").orElseThrow().handling()).isEqualTo(Handling.STAGED);
        assertThat(alliance247.recordType("informal-complaint").orElseThrow().becomes()).containsExactly("complaint");
        assertThat(alliance247.stages()).hasSize(1);
    }

    @Test
    void anIssueOrConcernIsItsOwnRecordResolvedWithinFortyEightHours() { // S0-2
        PolicyPack.RecordType issue = alliance247.recordType("issue-concern").orElseThrow();

        assertThat(issue.handling()).isEqualTo(Handling.CLOCKED);
        assertThat(issue.clocks()).singleElement().satisfies(c -> {
            assertThat(c.unit()).isEqualTo(ClockUnit.CLOCK_HOURS);
            assertThat(c.amount()).isEqualTo(48);
        });
    }

    @Test
    void anIssueOrConcernAimsToBeResolvedWithinTwelveHoursAndAtTheLatestWithinFortyEight() { // S0-2: "12-48 hours"
        PolicyPack.ClockRule resolve = alliance247.recordType("issue-concern").orElseThrow().clocks().get(0);

        assertThat(resolve.aim()).isEqualTo(new PolicyPack.Window(ClockUnit.CLOCK_HOURS, 12, PolicyPack.Milestone.RECEIVED));
        assertThat(resolve.amount()).isEqualTo(48);
        assertThat(alliance247.assumptions()).anySatisfy(a -> {
            assertThat(a.clause()).isEqualTo("recordTypes.issue-concern.clocks.resolve");
            assertThat(a.assumption()).startsWith("'12-48 hours' reads as 'aim to resolve within 12 hours, and at the latest within 48 hours'");
        });
    }

    @Test
    void anAimThatIsNotEarlierThanTheDeadlineIsRefused() { // S0-2
        String yaml = PackFixtures.shippedText("247-alliance").replace("aim: 12 hours", "aim: 48 hours");

        assertThat(PackFixtures.read(yaml).errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("recordTypes[2].clocks[0].aim");
            assertThat(e.message()).isEqualTo("is 48 hours, which is not earlier than the deadline (48 hours); an aim is a target before it");
        });
    }

    @Test
    void staffEmploymentConcernsAreRedirectedToWhistleblowingOrGrievance() { // S0-3
        assertThat(alliance247.exclusions()).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo("staff-employment");
            assertThat(e.redirectTo()).contains("Whistle Blowing", "Grievance");
        });
    }

    @Test
    void complaintsAreReceivedByTheNamedManagers() { // S0-4
        assertThat(alliance247.roles()).extracting(PolicyPack.Role::id)
                .contains("managing-director", "contracts-manager", "hr-manager", "operations-manager");
    }

    @Test
    void theAcknowledgementEmailIsDueWithinTwentyFourClockHoursOfReceipt() { // S0-5
        ClockRule acknowledge = alliance247.stage(1).orElseThrow().clock("acknowledge").orElseThrow();

        assertThat(acknowledge.unit()).isEqualTo(ClockUnit.CLOCK_HOURS);
        assertThat(acknowledge.amount()).isEqualTo(24);
        assertThat(acknowledge.starts()).isEqualTo(PolicyPack.Milestone.RECEIVED);
    }

    @Test
    void theResponseIsDueWithinFortyEightHoursAndADelayIsExplained() { // S0-7
        ClockRule respond = alliance247.stage(1).orElseThrow().clock("respond").orElseThrow();

        assertThat(respond.unit()).isEqualTo(ClockUnit.CLOCK_HOURS);
        assertThat(respond.amount()).isEqualTo(48);
        assertThat(respond.extensions()).singleElement().satisfies(e -> {
            assertThat(e.needsReason()).isTrue();
            assertThat(e.upTo()).isNull();
        });
        assertThat(alliance247.assumptions()).anySatisfy(a -> assertThat(a.clause()).isEqualTo("stages[0].clocks.respond"));
    }

    @Test
    void complimentsGoInTheSameRegister() { // S0-9
        assertThat(alliance247.recordType("compliment").orElseThrow().handling()).isEqualTo(Handling.RECORDED);
    }

    @Test
    void aContractServicesCompanyIsNotCheckedAgainstTheHousingOmbudsmanCode() {
        ComplianceReport report = CodeCheck.check(alliance247, PackFixtures.code());

        assertThat(report.applies()).isFalse();
        assertThat(report.findings()).isEmpty();
    }
}
