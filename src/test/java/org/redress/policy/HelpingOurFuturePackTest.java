package org.redress.policy;

import org.junit.jupiter.api.Test;
import org.redress.policy.PolicyPack.StepKind;

import static org.assertj.core.api.Assertions.assertThat;

/** Helping Our Future's policy (003): three steps, no timescales of its own. */
class HelpingOurFuturePackTest {

    private final PolicyPack hof = PackFixtures.shipped("helping-our-future");

    @Test
    void thereAreThreeStepsAndTheThirdIsAReviewByAPanel() { // H-10
        assertThat(hof.stages()).extracting(PolicyPack.Stage::id).containsExactly("step-1", "step-2", "step-3-review");
        assertThat(hof.stage(3).orElseThrow().owner()).isEqualTo("review-panel");
        assertThat(hof.finalStage()).isEqualTo(3);
    }

    @Test
    void theStepThreeReviewIsForACustomerNotHappyWithTheOutcomeOfStepOneOrTwo() { // H-10
        assertThat(hof.stage(3).orElseThrow().entry().from()).containsExactly("step-1", "step-2");
        assertThat(hof.stagesAfter(1)).extracting(PolicyPack.Stage::id).containsExactly("step-2", "step-3-review");
        assertThat(hof.stagesAfter(2)).extracting(PolicyPack.Stage::id).containsExactly("step-3-review");
        assertThat(hof.stagesAfter(3)).isEmpty();
    }

    @Test
    void whatAComplaintMayIncludeIsThePacksListOfCategoriesInThePolicysWords() { // H-1
        assertThat(hof.categories()).extracting(PolicyPack.ComplaintCategory::name).containsExactly(
                "Failure to provide a service or achieve the standards of service we have promised",
                "Failure to fulfill our legal or contractual obligations",
                "Unfair treatment by staff",
                "Unacceptable delay or failure to respond to an enquiry or request",
                "Dissatisfaction with a decision or the way that it was made",
                "Dissatisfaction with the attitude of staff, contractors or agents",
                "Helping Our Future not applying policies and operating procedures fairly");
        assertThat(PackFixtures.shipped("the-trust").categories()).isEmpty();
        String twice = PackFixtures.shippedText("helping-our-future").replace("id: decision\n", "id: delay\n");
        assertThat(PackFixtures.read(twice).errors()).extracting(PackError::field).containsExactly("categories[4].id");
    }

    @Test
    void eachComplaintHasAComplaintManagementOfficerAndACaseWorker() { // H-6
        assertThat(hof.role("complaint-management-officer")).isPresent();
        assertThat(hof.role("case-worker")).isPresent();
    }

    @Test
    void satisfactionWithHandlingAndOutcomeIsAskedAtEveryStep() { // H-7
        assertThat(hof.steps()).singleElement().satisfies(step -> {
            assertThat(step.kind()).isEqualTo(StepKind.SATISFACTION_QUESTION);
            assertThat(step.stages()).containsExactly(1, 2, 3);
        });
    }

    @Test
    void aRefusalToEscalateIsARecordedDecisionWithReasonsAndAReviewDate() { // H-5
        assertThat(hof.stage(2).orElseThrow().entry().refusalMustInclude()).containsExactly("reasons", "review-date");
    }

    @Test
    void aComplaintRaisedBeforeIsNotANewStepOne() { // H-10
        assertThat(hof.admission()).anySatisfy(a -> assertThat(a.kind()).isEqualTo(PolicyPack.AdmissionKind.REPEAT));
    }

    @Test
    void aComplaintRaisedBeforeIsLookedForInTheSixMonthsBeforeItAnAssumptionWithItsSource() { // H-10, F-11
        assertThat(hof.admission()).filteredOn(a -> a.kind() == PolicyPack.AdmissionKind.REPEAT).singleElement()
                .satisfies(a -> assertThat(a.months()).isEqualTo(6));
        assertThat(hof.assumptions()).anySatisfy(a -> {
            assertThat(a.clause()).isEqualTo("admission.repeat.months");
            assertThat(a.source()).startsWith("003 gives no period; six months is Alliance Homes' figure");
        });
    }

    @Test
    void exGratiaPaymentsAreARedress() { // H-9
        assertThat(hof.compensation()).singleElement().satisfies(c -> assertThat(c.kind()).contains("ex gratia"));
    }

    @Test
    void everyTimescaleIsAnAssumptionTakenFromTheHousingOmbudsmanCode() {
        assertThat(hof.stages()).flatExtracting(PolicyPack.Stage::clocks)
                .allSatisfy(c -> assertThat(c.cite()).startsWith("assumption from Code"));
        assertThat(hof.assumptions()).anySatisfy(a -> {
            assertThat(a.clause()).isEqualTo("stages[*].clocks");
            assertThat(a.source()).contains("003 gives no timescales", "Housing Ombudsman Complaint Handling Code 2024");
        });
    }
}
