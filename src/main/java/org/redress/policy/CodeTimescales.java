package org.redress.policy;

import org.redress.calendar.ClockUnit;

/**
 * The Housing Ombudsman Code's timescales that reports measure against (TSM CH02, the Code's acknowledgement figure), in
 * working days, as the active {@code housing-ombudsman-code-2024} reference pack sets them. Reports count working days,
 * so a reference figure given in any other unit is not used and the figure in REGULATIONS.md stands in for it.
 *
 * @param stage1Acknowledge working days from receipt to acknowledge a complaint (Code 6.2)
 * @param stage2Acknowledge working days from receipt to acknowledge an escalation request (Code 6.11)
 * @param stage1Response working days from acknowledgement to the stage 1 response (Code 6.3)
 * @param stage2Response working days from acknowledgement to the stage 2 response (Code 6.14)
 * @param source the pack and version the figures come from
 */
public record CodeTimescales(int stage1Acknowledge, int stage2Acknowledge, int stage1Response, int stage2Response, String source) {

    /** The figures in REGULATIONS.md, used until a reference pack is installed. */
    public static final CodeTimescales REGULATIONS = of(CodeFigures.DEFAULTS);

    static CodeTimescales of(CodeFigures figures) {
        return new CodeTimescales(workingDays(figures.stage1Acknowledge(), CodeFigures.DEFAULTS.stage1Acknowledge()),
                workingDays(figures.stage2Acknowledge(), CodeFigures.DEFAULTS.stage2Acknowledge()),
                workingDays(figures.stage1Response(), CodeFigures.DEFAULTS.stage1Response()),
                workingDays(figures.stage2Response(), CodeFigures.DEFAULTS.stage2Response()), figures.source());
    }

    private static int workingDays(CodeFigures.Clock clock, CodeFigures.Clock otherwise) {
        return (clock.unit() == ClockUnit.WORKING_DAYS ? clock : otherwise).amount();
    }
}
