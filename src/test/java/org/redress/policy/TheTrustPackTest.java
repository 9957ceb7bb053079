package org.redress.policy;

import org.junit.jupiter.api.Test;
import org.redress.calendar.ClockUnit;
import org.redress.policy.PolicyPack.ClockRule;
import org.redress.policy.PolicyPack.Handling;
import org.redress.policy.PolicyPack.Milestone;
import org.redress.policy.PolicyPack.Stage;

import static org.assertj.core.api.Assertions.assertThat;

/** The Trust's policy (004) walked clause by clause. */
class TheTrustPackTest {

    private final PolicyPack trust = PackFixtures.shipped("the-trust");

    private Stage stage(int n) {
        return trust.stage(n).orElseThrow();
    }

    @Test
    void aSupportServiceRequestGetsContactWithinThreeWorkingDaysAndAgreedExtraTimeIsRecorded() { // T-5
        PolicyPack.RecordType request = trust.recordType("support-service-request").orElseThrow();
        ClockRule contact = request.clocks().get(0);

        assertThat(request.handling()).isEqualTo(Handling.CLOCKED);
        assertThat(contact.unit()).isEqualTo(ClockUnit.WORKING_DAYS);
        assertThat(contact.amount()).isEqualTo(3);
        assertThat(contact.stops()).isEqualTo(Milestone.CONTACTED);
        assertThat(contact.extensions()).singleElement().satisfies(e -> assertThat(e.needsAgreement()).isTrue());
        assertThat(request.becomes()).containsExactly("complaint");
    }

    @Test
    void complaintsAreLoggedAndAcknowledgedWithinFiveWorkingDaysOfReceipt() { // T-6
        ClockRule acknowledge = stage(1).clock("acknowledge").orElseThrow();

        assertThat(trust.stages()).hasSize(2);
        assertThat(acknowledge.starts()).isEqualTo(Milestone.RECEIVED);
        assertThat(acknowledge.amount()).isEqualTo(5);
        assertThat(acknowledge.stops()).isEqualTo(Milestone.ACKNOWLEDGED);
    }

    @Test
    void theStageOneResponseIsDueTenWorkingDaysFromLoggingNotFromAcknowledgement() { // T-7
        ClockRule respond = stage(1).clock("respond").orElseThrow();

        assertThat(respond.starts()).isEqualTo(Milestone.LOGGED);
        assertThat(respond.amount()).isEqualTo(10);
        assertThat(respond.unit()).isEqualTo(ClockUnit.WORKING_DAYS);
    }

    @Test
    void aComplexCaseMayExtendTenWorkingDaysOnceAndFurtherOnlyExceptionallyWithAgreementOrTheOmbudsman() { // T-7
        ClockRule respond = stage(1).clock("respond").orElseThrow();

        assertThat(respond.extensions()).hasSize(2);
        assertThat(respond.extensions().get(0).upTo()).isEqualTo(10);
        assertThat(respond.extensions().get(0).maxTimes()).isEqualTo(1);
        assertThat(respond.extensions().get(0).needsAgreement()).isFalse();
        assertThat(respond.extensions().get(1).upTo()).isNull();
        assertThat(respond.extensions().get(1).needsAgreement()).isTrue();
        assertThat(respond.extensions().get(1).tellOmbudsman()).isTrue();
        assertThat(respond.extensions().get(1).condition()).contains("exceptional circumstances");
    }

    @Test
    void theTrustsEscalationWindowIsTenWorkingDaysFromTheStageOneDecisionLetter() { // T-8
        PolicyPack.Window window = stage(2).entry().window();

        assertThat(window.unit()).isEqualTo(ClockUnit.WORKING_DAYS);
        assertThat(window.amount()).isEqualTo(10);
        assertThat(window.from()).isEqualTo(Milestone.RESPONDED);
    }

    @Test
    void anEscalationRequestIsAcknowledgedWithinFiveWorkingDaysOfReceipt() { // T-8
        ClockRule acknowledge = stage(2).clock("acknowledge").orElseThrow();

        assertThat(acknowledge.starts()).isEqualTo(Milestone.RECEIVED);
        assertThat(acknowledge.amount()).isEqualTo(5);
    }

    @Test
    void aRefusalToEscalateGivesReasonsAndTheOmbudsmansDetails() { // T-8, T-3
        assertThat(stage(2).entry().refusalMustInclude()).containsExactly("reasons", "ombudsman-details");
        assertThat(stage(2).entry().refusalGrounds()).isNotEmpty();
    }

    @Test
    void stageTwoIsInvestigatedByTheBusinessManagerWithinTwentyWorkingDaysOfLoggingWithTheSameExtensions() { // T-9
        ClockRule respond = stage(2).clock("respond").orElseThrow();

        assertThat(stage(2).owner()).isEqualTo("business-manager");
        assertThat(stage(2).differentHandler()).isTrue();
        assertThat(respond.starts()).isEqualTo(Milestone.LOGGED);
        assertThat(respond.amount()).isEqualTo(20);
        assertThat(respond.extensions()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("cite")
                .isEqualTo(stage(1).clock("respond").orElseThrow().extensions());
    }

    @Test
    void abuseOfStaffMayCloseTheComplaintAsADecisionOfTheClientServicesManager() { // T-4
        assertThat(trust.admission()).singleElement().satisfies(rule -> {
            assertThat(rule.kind()).isEqualTo(PolicyPack.AdmissionKind.VEXATIOUS);
            assertThat(rule.decidedBy()).isEqualTo("client-services-manager");
        });
    }

    @Test
    void theGapsInThePolicyTextAreStatedAsAssumptions() {
        assertThat(trust.assumptions()).extracting(PolicyPack.Assumption::clause)
                .contains("stages[1].entry.refusalGrounds", "exclusions", "stages[1].clocks.respond");
    }
}
