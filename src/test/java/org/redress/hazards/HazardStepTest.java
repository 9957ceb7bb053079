package org.redress.hazards;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The steps recorded with when they were done are one table: the API's one endpoint for them takes exactly the
 * table's names, each the address it always had, and the page's forms post the same names.
 */
class HazardStepTest {

    @Test
    void theEndpointsAddressPatternNamesEveryStepOfTheTableAndNoOther() {
        assertThat(HazardStep.NAMES.split("\\|")).containsExactlyInAnyOrder(Arrays.stream(HazardStep.values()).map(HazardStep::path)
                .toArray(String[]::new));
        assertThat(Arrays.stream(HazardStep.values()).map(HazardStep::path)).containsExactly("investigation-concluded", "summary-sent",
                "work-started", "made-safe", "further-works-started", "accommodation", "accommodation-offered", "accommodation-answer");
    }

    @Test
    void eachStepIsFoundByItsAddressAndSaysWhatThePageTellsOnceItIsRecorded() {
        assertThat(HazardStep.named("made-safe")).contains(HazardStep.MADE_SAFE);
        assertThat(HazardStep.named("attempts")).isEmpty();
        assertThat(HazardStep.MADE_SAFE.doneText()).isEqualTo("Home recorded as made safe");
        assertThat(HazardStep.ACCOMMODATION_ANSWER.doneText()).isEqualTo("Answer to the offer recorded");
        // the steps that may not be dated before the organisation became aware of the hazard, as each endpoint had it
        assertThat(Arrays.stream(HazardStep.values()).filter(HazardStep::notBeforeAwareness)).containsExactly(
                HazardStep.INVESTIGATION_CONCLUDED, HazardStep.WORK_STARTED, HazardStep.MADE_SAFE, HazardStep.ACCOMMODATION);
    }
}
