package org.redress.casework;

import org.junit.jupiter.api.Test;
import org.redress.casework.CaseTypes.Outcome;
import org.redress.casework.CaseTypes.PointDecision;
import org.redress.policy.PolicyPack;
import org.redress.policy.PolicyPack.Escalation;
import org.redress.policy.PolicyPack.Milestone;
import org.redress.policy.PolicyPack.Stage;
import org.redress.web.Refusal;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.redress.casework.CaseFileTest.at;
import static org.redress.casework.CaseFileTest.logged;
import static org.redress.casework.CaseFileTest.ok;
import static org.redress.casework.TestPacks.ENGLAND;

/** H-10: a review a complainant may ask for after stage 1 or stage 2, on a pack built in code. */
class StageRoutesTest {

    /** The Code's two stages and a review panel that a case may reach from either of them. */
    static PolicyPack withAReviewFromEitherStage() {
        PolicyPack code = TestPacks.housingCode();
        List<Stage> stages = new ArrayList<>(code.stages());
        stages.add(new Stage(3, "review", "Review by a panel", "review-panel", true,
                List.of(TestPacks.clock("acknowledge", Milestone.RECEIVED, 5, Milestone.ACKNOWLEDGED, "H-10")),
                new Escalation(null, List.of(), List.of(), "H-10", List.of("stage-1", "stage-2")), "H-10; 003 Step 3"));
        return new PolicyPack(code.id(), code.version(), code.title(), code.organisation(), code.serviceLines(), code.roles(),
                code.recordTypes(), stages, code.admission(), code.exclusions(), code.steps(), code.ombudsmen(), code.compensation(),
                code.assumptions(), code.sources());
    }

    private static CaseFile answeredAtStageOne() {
        CaseFile file = logged(withAReviewFromEitherStage(), "complaint", "2026-11-23T10:00", "Visit missed");
        ok(file.assign("sam.worker", null, TestPacks.EVERY_OWNER_ROLE, at("2026-11-23T11:00"), "officer"));
        ok(file.respond(List.of(new PointDecision(1, Outcome.UPHELD, "the visit was missed")), "Sorry", List.of(),
                at("2026-11-25T10:00"), "sam.worker", ENGLAND));
        return file;
    }

    @Test
    void aComplainantNotHappyWithStageOneMayGoStraightToTheReviewWhichSomeoneElseHandles() { // H-10, Code 6.13
        CaseFile file = answeredAtStageOne();

        ok(file.requestEscalation("review", at("2026-11-30T09:00"), at("2026-11-30T09:05"), "the outcome", null, null, "officer", ENGLAND));
        assertThat(file.state().stage()).isEqualTo(3);
        assertThat(file.state().stages()).extracting(CaseTypes.StageRecord::name).containsExactly("Stage 1", "Review by a panel");
        assertThat(file.assign("sam.worker", null, TestPacks.EVERY_OWNER_ROLE, at("2026-11-30T10:00"), "officer")).map(Refusal::describe)
                .hasValue("the Review by a panel handler must not be the person who handled Stage 1 (sam.worker): H-10; 003 Step 3");
        ok(file.assign("pat.panel", null, TestPacks.EVERY_OWNER_ROLE, at("2026-11-30T10:00"), "officer"));
    }

    @Test
    void withNoStageNamedTheCaseGoesToTheNextStageAndAStageItCannotReachIsRefusedOnTheField() { // H-10
        CaseFile file = answeredAtStageOne();

        assertThat(file.requestEscalation("stage-9", at("2026-11-30T09:00"), at("2026-11-30T09:00"), null, null, null, "officer", ENGLAND))
                .hasValueSatisfying(r -> {
                    assertThat(r.field()).isEqualTo("toStage");
                    assertThat(r.message()).isEqualTo("from Stage 1 a case may go to [stage-2 (Stage 2), review (Review by a panel)], not 'stage-9'");
                });
        ok(file.requestEscalation(null, at("2026-11-30T09:00"), at("2026-11-30T09:00"), null, null, null, "officer", ENGLAND));
        assertThat(file.state().stage()).isEqualTo(2);
    }
}
