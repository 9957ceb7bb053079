package org.redress.policy;

import org.junit.jupiter.api.Test;
import org.redress.calendar.ClockUnit;
import org.redress.policy.PolicyPack.ClockRule;
import org.redress.policy.PolicyPack.Handling;
import org.redress.policy.PolicyPack.Milestone;
import org.redress.policy.PolicyPack.StepKind;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** Alliance Homes' procedure (001) and feedback policy (002) as one pack, walked clause by clause. */
class AllianceHomesPackTest {

    private final PolicyPack alliance = PackFixtures.shipped("alliance-homes");

    @Test
    void aServiceRequestIsItsOwnRecordThatMayBecomeAComplaint() {
        PolicyPack.RecordType request = alliance.recordType("service-request").orElseThrow();

        assertThat(request.handling()).isEqualTo(Handling.RECORDED);
        assertThat(request.becomes()).containsExactly("complaint");
    }

    @Test
    void feedbackComplimentsAndSuggestionsAreAcknowledgedAndRecorded() { // F-1
        assertThat(alliance.recordTypes()).filteredOn(t -> t.handling() == Handling.RECORDED)
                .extracting(PolicyPack.RecordType::id).contains("feedback", "compliment", "suggestion");
    }

    @Test
    void complaintsAreAcknowledgedWithinFiveWorkingDays() {
        ClockRule acknowledge = alliance.stage(1).orElseThrow().clock("acknowledge").orElseThrow();

        assertThat(acknowledge.amount()).isEqualTo(5);
        assertThat(acknowledge.unit()).isEqualTo(ClockUnit.WORKING_DAYS);
        assertThat(acknowledge.starts()).isEqualTo(Milestone.RECEIVED);
    }

    @Test
    void theNewerProcedureWinsSoThereAreTwoStagesAndNoReviewPanel() { // A-3, F-5 superseded
        assertThat(alliance.stages()).extracting(PolicyPack.Stage::owner).containsExactly("service-manager", "feedback-manager");
        // issue 22 (F-5): the review panel is now declared, for the optional appeal stage the pack records and does not keep
        assertThat(alliance.stagesNotKept()).extracting(PolicyPack.Stage::owner).containsExactly("review-panel");
        assertThat(alliance.finalStage()).isEqualTo(2);
        assertThat(alliance.assumptions()).anySatisfy(a -> assertThat(a.source()).contains("001 is the newer document"));
    }

    @Test
    void theReviewPanelAppealAfterTheInternalReviewIsAnOptionalStageThePackDoesNotKeep() { // F-5
        PolicyPack.Stage appeal = alliance.stagesNotKept().get(0);

        assertThat(appeal.id()).isEqualTo("review-panel-appeal");
        assertThat(appeal.number()).isEqualTo(3);
        assertThat(appeal.optional()).isTrue();
        assertThat(appeal.cite()).startsWith("F-5; 002 2.2.3");
        assertThat(alliance.stagesAfter(2)).isEmpty();
        assertThat(alliance.assumptions()).anySatisfy(a -> assertThat(a.assumption()).contains("'review-panel-appeal' and not kept"));
    }

    @Test
    void aPackVersionThatKeepsTheReviewPanelRunsItAsAThirdStageAfterStageTwo() { // F-5
        PolicyPack kept = PackFixtures.read(PackFixtures.shippedText("alliance-homes").replace("    kept: false ", "    kept: true  ")).pack();

        assertThat(kept.stages()).extracting(PolicyPack.Stage::id).containsExactly("stage-1", "stage-2", "review-panel-appeal");
        assertThat(kept.stagesNotKept()).isEmpty();
        assertThat(kept.stagesAfter(2)).extracting(PolicyPack.Stage::id).containsExactly("review-panel-appeal");
        assertThat(kept.finalStage()).isEqualTo(3);
    }

    @Test
    void stageOneRespondsInTenWorkingDaysWithAnAgreedExtensionOfNormallyTenMore() {
        ClockRule respond = alliance.stage(1).orElseThrow().clock("respond").orElseThrow();

        assertThat(respond.amount()).isEqualTo(10);
        assertThat(respond.extensions()).singleElement().satisfies(e -> {
            assertThat(e.upTo()).isEqualTo(10);
            assertThat(e.needsAgreement()).isTrue();
            assertThat(e.needsReason()).isTrue();
        });
    }

    @Test
    void stageTwoIsTheFeedbackManagersWithTwentyWorkingDaysAndNormallyTenMore() {
        PolicyPack.Stage two = alliance.stage(2).orElseThrow();
        ClockRule respond = two.clock("respond").orElseThrow();

        assertThat(two.differentHandler()).isTrue();
        assertThat(two.entry()).isNotNull();
        assertThat(two.entry().window()).isNull(); // escalation on request, no window in 001
        assertThat(respond.amount()).isEqualTo(20);
        assertThat(respond.extensions().get(0).upTo()).isEqualTo(10);
        assertThat(alliance.finalStage()).isEqualTo(2);
    }

    @Test
    void aCaseConferenceAndTheComplainantsCommentOnAdverseFindingsComeBeforeTheFinalResponse() {
        assertThat(alliance.stepsIn(2)).filteredOn(PolicyPack.StepRule::beforeResponse)
                .extracting(PolicyPack.StepRule::kind)
                .containsExactly(StepKind.CASE_CONFERENCE, StepKind.ADVERSE_FINDINGS_COMMENT);
    }

    @Test
    void mediationMayBeOfferedAtAnyStage() { // F-6
        assertThat(alliance.stepsIn(1)).extracting(PolicyPack.StepRule::kind).containsExactly(StepKind.MEDIATION_OFFER);
    }

    @Test
    void theFinalResponseSignpostsTheHousingOmbudsmanWithContactDetails() {
        PolicyPack.OmbudsmanRoute hos = alliance.ombudsman("housing-ombudsman").orElseThrow();

        assertThat(hos.phone()).isEqualTo("0300 111 3000");
        assertThat(hos.email()).isEqualTo("info@housing-ombudsman.org.uk");
        assertThat(hos.website()).contains("housing-ombudsman.org.uk");
    }

    @Test
    void theOmbudsmanDependsOnTheServiceLine() { // F-8
        assertThat(alliance.serviceLine("housing").orElseThrow().ombudsman()).isEqualTo("housing-ombudsman");
        assertThat(alliance.serviceLine("home-care").orElseThrow().ombudsman())
                .isEqualTo("local-government-and-social-care-ombudsman");
        assertThat(alliance.serviceLine("debt-advice").orElseThrow().ombudsman()).isEqualTo("financial-ombudsman");
        assertThat(alliance.ombudsman("financial-ombudsman").orElseThrow().email())
                .isEqualTo("complaint.info@financial-ombudsman.org.uk");
    }

    @Test
    void aPossibleDisrepairClaimContinuesUntilCourtPapersAreIssued() {
        assertThat(alliance.admission()).anySatisfy(a -> {
            assertThat(a.kind()).isEqualTo(PolicyPack.AdmissionKind.LEGAL_PROCEEDINGS);
            assertThat(a.description()).contains("court papers are issued");
        });
    }

    @Test
    void theExcludedMattersAreListed() { // F-2
        assertThat(alliance.exclusions()).extracting(PolicyPack.Exclusion::id).containsExactly(
                "general-law", "outside-control", "overall-policy", "rent-level", "courts-tribunals-insurers");
    }

    @Test
    void lateRepeatedAndVexatiousComplaintsAreWarningsForARecordedDecision() { // F-3, F-10, F-11
        assertThat(alliance.admission()).anySatisfy(a -> {
            assertThat(a.kind()).isEqualTo(PolicyPack.AdmissionKind.TIME_LIMIT);
            assertThat(a.months()).isEqualTo(12);
        }).anySatisfy(a -> {
            assertThat(a.kind()).isEqualTo(PolicyPack.AdmissionKind.REPEAT);
            assertThat(a.months()).isEqualTo(6);
        }).anySatisfy(a -> {
            assertThat(a.kind()).isEqualTo(PolicyPack.AdmissionKind.VEXATIOUS);
            assertThat(a.decidedBy()).isEqualTo("group-chief-executive");
        });
    }

    @Test
    void compensationIsAssessedByTheDirectorAndGoodwillByLocalManagersWithinCentralLimits() { // F-13
        assertThat(alliance.compensation()).extracting(PolicyPack.CompensationAuthority::role)
                .containsExactly("director", "local-manager");
        assertThat(alliance.compensation()).extracting(PolicyPack.CompensationAuthority::upTo)
                .containsOnly((BigDecimal) null);
    }
}
