package org.redress.reporting;

import org.junit.jupiter.api.Test;
import org.redress.policy.CodeTimescales;
import org.redress.policy.DispFigures;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 26, item 6: the timescales in the measures are the packs', in their text and their SQL alike. */
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

    @Test
    void theDispReturnsBandsAreTheDispPacksInTheirLabelsAndTheirSql() {
        PackFigures figures = new PackFigures(CodeTimescales.REGULATIONS, new DispFigures(3, 6, 9, "fca-disp v2"), 48);
        Measure disp = Measures.find(Measures.all(figures), "disp-return").orElseThrow();

        assertThat(disp.definition()).contains("by time from receipt: within 3 weeks (up to 21 days), 3 to 6 weeks (22 to 42 days), "
                + "over 6 weeks; and those ended");
        assertThat(disp.figure("closed-within-4-weeks").label()).isEqualTo("Closed within 3 weeks");
        assertThat(disp.figure("closed-within-4-weeks").rows()).isEqualTo(Measures.ENDED_IN_PERIOD
                + " and r.closed_at <= r.case_received_at + interval '21 days'");
        assertThat(disp.figure("closed-4-to-8-weeks").label()).isEqualTo("Closed in 3 to 6 weeks");
        assertThat(disp.figure("closed-4-to-8-weeks").rows()).isEqualTo(Measures.ENDED_IN_PERIOD
                + " and r.closed_at > r.case_received_at + interval '21 days' and r.closed_at <= r.case_received_at + interval '42 days'");
        assertThat(disp.figure("closed-over-8-weeks").label()).isEqualTo("Closed after more than 6 weeks");
        assertThat(disp.figure("closed-over-8-weeks").rows()).isEqualTo(Measures.ENDED_IN_PERIOD
                + " and r.closed_at > r.case_received_at + interval '42 days'");
    }

    @Test
    void theHoursMeasureCountsTheResponseHoursOf247AlliancesPack() { // S0-7, S0-11
        Measure hours = Measures.find(Measures.all(new PackFigures(CodeTimescales.REGULATIONS, DispFigures.REGULATIONS, 72)),
                "responded-within-48-hours").orElseThrow();

        assertThat(hours.title()).isEqualTo("Responded within 72 hours");
        assertThat(hours.definition()).isEqualTo("Of the stage 1 complaint responses sent in the period, the share sent within 72 clock "
                + "hours of the complaint's receipt.");
        assertThat(hours.figure("within-48-hours").label()).isEqualTo("% within 72 hours");
        assertThat(hours.figure("within-48-hours").rows()).isEqualTo("(r.responded_at <= r.received_at + interval '72 hours')"
                + " and (r.responded_at >= :from and r.responded_at < :to)");
    }

    @Test
    void withTheShippedPacksTheDispReturnAndTheHoursMeasureReadAsDocumented() {
        Measure disp = Measures.find(Measures.all(PackFigures.SHIPPED), "disp-return").orElseThrow();
        Measure hours = Measures.find("responded-within-48-hours").orElseThrow();

        assertThat(Measures.all(PackFigures.SHIPPED)).isEqualTo(Measures.ALL);
        assertThat(disp.definition()).contains("within 4 weeks (up to 28 days), 4 to 8 weeks (29 to 56 days), over 8 weeks;");
        assertThat(disp.figures()).extracting(Measure.Figure::label).containsExactly("Received", "Closed within 4 weeks",
                "Closed in 4 to 8 weeks", "Closed after more than 8 weeks", "Upheld (in whole or in part)");
        assertThat(hours.title()).isEqualTo("Responded within 48 hours");
        assertThat(hours.figure("within-48-hours").label()).isEqualTo("% within 48 hours");
    }
}
