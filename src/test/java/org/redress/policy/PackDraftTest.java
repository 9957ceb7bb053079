package org.redress.policy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.redress.calendar.ClockUnit;
import org.redress.web.FieldError;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 25: a draft made by changing figures. The YAML written for a draft reads back as the pack it was made from, but
 * for the figures changed; each change names its field when it is bad.
 */
class PackDraftTest {

    @ParameterizedTest
    @ValueSource(strings = {"247-alliance", "alliance-homes", "helping-our-future", "the-trust",
            "housing-ombudsman-code-2024", "adult-social-care-2009", "fca-disp", "awaabs-law-2025"})
    void aDraftWithNoChangeReadsBackAsExactlyThePackItWasMadeFrom(String id) {
        String yaml = PackDraft.of(PackFixtures.shippedText(id)).yaml(List.of("a note"));

        PackReader.Reading reading = PackFixtures.read(yaml);

        assertThat(reading.errors()).isEmpty();
        assertThat(reading.warnings()).isEmpty();
        assertThat(reading.pack()).isEqualTo(PackFixtures.shipped(id));
        assertThat(yaml).startsWith("# a note\n");
    }

    @Test
    void threeWorkingDaysToAcknowledgeChangesThatClockAndNothingElse() {
        // Alliance Homes acknowledges within 5 working days (001); the draft asks for 3
        PackDraft draft = PackDraft.of(PackFixtures.shippedText("alliance-homes"));
        draft.apply(0, PackDrafts.DraftChange.clockLength("stage-1", "acknowledge", 3, "working-days"));

        PolicyPack pack = PackFixtures.read(draft.yaml(List.of())).pack();
        PolicyPack before = PackFixtures.shipped("alliance-homes");

        assertThat(draft.errors()).isEmpty();
        assertThat(draft.made()).containsExactly("stage 1 'Acknowledge by the agreed method': 5 working days changed to 3 working days");
        assertThat(pack.stage(1).orElseThrow().clock("acknowledge").orElseThrow().amount()).isEqualTo(3);
        assertThat(pack.stage(1).orElseThrow().clock("acknowledge").orElseThrow().cite())
                .isEqualTo("A-2; 001 'We will acknowledge all complaints within 5 working days'");
        assertThat(pack.stage(2)).isEqualTo(before.stage(2));
        assertThat(pack.stage(1).orElseThrow().clock("respond")).isEqualTo(before.stage(1).orElseThrow().clock("respond"));
    }

    @Test
    void aClocksUnitStartAndExtensionChangeAsAsked() {
        PackDraft draft = PackDraft.of(PackFixtures.shippedText("the-trust"));
        draft.apply(0, PackDrafts.DraftChange.clockLength("stage-2", "respond", 6, "weeks"));
        draft.apply(1, PackDrafts.DraftChange.clockStart("stage-1", "respond", "acknowledged"));
        draft.apply(2, PackDrafts.DraftChange.extensionSize("stage-1", "respond", 1, 15, null, 2));

        PolicyPack pack = PackFixtures.read(draft.yaml(List.of())).pack();

        assertThat(draft.errors()).isEmpty();
        PolicyPack.ClockRule respond2 = pack.stage(2).orElseThrow().clock("respond").orElseThrow();
        assertThat(respond2.unit()).isEqualTo(ClockUnit.WEEKS);
        assertThat(respond2.amount()).isEqualTo(6);
        PolicyPack.ClockRule respond1 = pack.stage(1).orElseThrow().clock("respond").orElseThrow();
        assertThat(respond1.starts()).isEqualTo(PolicyPack.Milestone.ACKNOWLEDGED);
        assertThat(respond1.extensions().get(0).upTo()).isEqualTo(15);
        assertThat(respond1.extensions().get(0).unit()).isEqualTo(ClockUnit.WORKING_DAYS);
        assertThat(respond1.extensions().get(0).maxTimes()).isEqualTo(2);
    }

    @Test
    void removingStageTwoMovesTheStepsHeldOnlyThereOutAndKeepsMediationAtStageOne() {
        // the case conference and the comment on adverse findings are stage 2's; F-6 mediation is at either stage
        PackDraft draft = PackDraft.of(PackFixtures.shippedText("alliance-homes"));
        draft.apply(0, PackDrafts.DraftChange.removeStage("stage-2"));

        PackReader.Reading reading = PackFixtures.read(draft.yaml(List.of()));

        assertThat(reading.errors()).isEmpty();
        assertThat(reading.pack().stages()).extracting(PolicyPack.Stage::id).containsExactly("stage-1");
        assertThat(reading.pack().stagesNotKept()).extracting(PolicyPack.Stage::id).containsExactly("review-panel-appeal");
        assertThat(reading.pack().steps()).extracting(PolicyPack.StepRule::id).containsExactly("mediation");
        assertThat(reading.pack().steps().get(0).stages()).containsExactly(1);
        assertThat(draft.made()).containsExactly("stage 2 'Stage 2 (final)' removed (the step 'adverse-findings', held only at "
                + "that stage, is removed; the step 'case-conference', held only at that stage, is removed)");
    }

    @Test
    void anAddedStageIsACopyOfTheStageItIsShapedLikeInsertedAfterTheOneNamed() {
        PackDraft draft = PackDraft.of(PackFixtures.shippedText("the-trust"));
        draft.apply(0, PackDrafts.DraftChange.addStage("stage-1", "review", "Review panel", "stage-2", null));

        PolicyPack pack = PackFixtures.read(draft.yaml(List.of())).pack();

        assertThat(draft.errors()).isEmpty();
        assertThat(pack.stages()).extracting(PolicyPack.Stage::id).containsExactly("stage-1", "review", "stage-2");
        PolicyPack.Stage review = pack.stage(2).orElseThrow();
        PolicyPack.Stage stage2 = PackFixtures.shipped("the-trust").stage(2).orElseThrow();
        assertThat(review.name()).isEqualTo("Review panel");
        assertThat(review.owner()).isEqualTo(stage2.owner());
        assertThat(review.clocks()).extracting(PolicyPack.ClockRule::amount).isEqualTo(stage2.clocks().stream().map(PolicyPack.ClockRule::amount).toList());
        assertThat(review.cite()).isNull();
        assertThat(draft.made()).containsExactly("stage 'Review panel' added after 'Stage 1', shaped like 'Stage 2'");
    }

    @Test
    void stepsAtStagesAfterAnAddedStageMoveOneOn() {
        // Alliance Homes' case conference is at stage 2, which becomes stage 3; F-6 mediation at stages 1 and 2 follows it
        PackDraft draft = PackDraft.of(PackFixtures.shippedText("alliance-homes"));
        draft.apply(0, PackDrafts.DraftChange.addStage("stage-1", "review", "Review", null, "feedback-manager"));

        PackReader.Reading reading = PackFixtures.read(draft.yaml(List.of()));

        assertThat(reading.errors()).isEmpty();
        assertThat(reading.pack().stages()).extracting(PolicyPack.Stage::id).containsExactly("stage-1", "review", "stage-2");
        assertThat(reading.pack().stage(2).orElseThrow().owner()).isEqualTo("feedback-manager");
        assertThat(reading.pack().stage(2).orElseThrow().entry()).isNotNull();
        assertThat(reading.pack().steps()).extracting(PolicyPack.StepRule::stages)
                .containsExactly(List.of(3), List.of(3), List.of(1, 3));
    }

    @Test
    void aNegativeLengthAnUnknownStageAndAnUnknownClockAreEachNamedByTheirField() {
        PackDraft draft = PackDraft.of(PackFixtures.shippedText("alliance-homes"));
        draft.apply(0, PackDrafts.DraftChange.clockLength("stage-1", "acknowledge", -3, "working-days"));
        draft.apply(1, PackDrafts.DraftChange.clockLength("stage-9", "acknowledge", 3, "working-days"));
        draft.apply(2, PackDrafts.DraftChange.clockLength("stage-1", "reply", 3, "working-days"));
        draft.apply(3, PackDrafts.DraftChange.clockLength("stage-1", "respond", 3, "fortnights"));
        draft.apply(4, PackDrafts.DraftChange.clockStart("stage-1", "respond", "whenever"));

        assertThat(draft.errors()).extracting(FieldError::field).containsExactly("changes[0].length", "changes[1].stage",
                "changes[2].clock", "changes[3].unit", "changes[4].start");
        assertThat(draft.errors().get(0).message()).isEqualTo("is -3; it must be at least 1");
        assertThat(draft.errors().get(1).message()).isEqualTo(
                "is 'stage-9', which is not a stage of this procedure; its stages are stage-1, stage-2, review-panel-appeal");
        assertThat(draft.errors().get(2).message()).isEqualTo("is 'reply', which is not a clock of stage-1; its clocks are acknowledge, respond");
    }
}
