package org.redress.reporting;

import org.junit.jupiter.api.Test;
import org.redress.policy.CodeTimescales;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 26, item 6: the Code's timescales in the measures are the reference pack's, in their text and their SQL alike. */
class MeasuresTest {

    private static final CodeTimescales CHANGED = new CodeTimescales(3, 4, 15, 25, "housing-ombudsman-code-2024 v2");

    @Test
    void theCodeTimescaleOfTsmCh02IsTheReferencePacksInItsDefinitionAndItsSql() {
        Measure ch02 = Measures.find(Measures.all(CHANGED), "tsm-ch02").orElseThrow();

        assertThat(ch02.definition()).contains("the share within the Housing Ombudsman Code's timescale: 15 working days from "
                + "acknowledgement at stage 1, 25 at stage 2 (from receipt when the response was the acknowledgement).");
        assertThat(ch02.figure("within-code-timescale").rows())
                .isEqualTo("((r.code_working_days <= case when r.stage = 1 then 15 else 25 end"
                        + " or (:extensionsInTime and r.extended and r.responded_at <= r.respond_due_by)))"
                        + " and (r.responded_at >= :from and r.responded_at < :to)");
    }

    @Test
    void theAcknowledgementMeasureSaysAndCountsTheReferencePacksWorkingDays() {
        Measure acknowledgements = Measures.find(Measures.all(CHANGED), "code-acknowledgements").orElseThrow();
        Measure.Figure within = acknowledgements.figure("within-5-working-days");

        assertThat(acknowledgements.title()).isEqualTo("Acknowledged within 3 working days at stage 1, 4 at stage 2");
        assertThat(acknowledgements.definition()).isEqualTo("Of the stage 1 complaints and stage 2 escalation requests acknowledged "
                + "in the period, the share acknowledged within 3 working days of receipt at stage 1, 4 at stage 2 (Code 6.2 and 6.11).");
        assertThat(within.label()).isEqualTo("% within 3 working days at stage 1, 4 at stage 2");
        assertThat(within.rows()).isEqualTo("(r.ack_working_days <= case when r.stage = 1 then 3 else 4 end)"
                + " and (r.acknowledged_at >= :from and r.acknowledged_at < :to)");
    }

    @Test
    void withTheFiguresOfRegulationsMdTheMeasuresReadAsDocumented() {
        Measure acknowledgements = Measures.find(Measures.all(CodeTimescales.REGULATIONS), "code-acknowledgements").orElseThrow();

        assertThat(Measures.all(CodeTimescales.REGULATIONS)).isEqualTo(Measures.ALL);
        assertThat(acknowledgements.title()).isEqualTo("Acknowledged within 5 working days");
        assertThat(acknowledgements.figure("within-5-working-days").label()).isEqualTo("% within 5 working days");
        assertThat(Measures.find("tsm-ch02").orElseThrow().definition())
                .contains("timescale: 10 working days from acknowledgement at stage 1, 20 at stage 2 (from receipt");
    }
}
