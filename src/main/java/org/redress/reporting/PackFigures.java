package org.redress.reporting;

import org.redress.calendar.ClockUnit;
import org.redress.policy.CodeTimescales;
import org.redress.policy.DispFigures;
import org.redress.policy.PolicyPack;
import org.redress.policy.PolicyPacks;

import java.util.Objects;

/**
 * The timescales the measures count against, each from a pack rather than written in a measure: the Code's (the Code
 * reference pack), FCA DISP's return bands (the DISP reference pack), and the clock hours of 247 Alliance's formal
 * response (S0-7, its own pack), which its monitoring measure (S0-11) counts.
 *
 * @param respondHours the clock hours from receipt to a stage 1 response that the hours measure counts
 */
record PackFigures(CodeTimescales code, DispFigures disp, int respondHours) {

    /** The pack whose formal response clock, in hours, the hours measure counts (S0-7, S0-11). */
    static final String HOURS_PACK = "247-alliance";

    /** The shipped packs' figures, used until the packs are installed. */
    static final PackFigures SHIPPED = new PackFigures(CodeTimescales.REGULATIONS, DispFigures.REGULATIONS, 48);

    PackFigures {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(disp, "disp");
        if (respondHours <= 0) {
            throw new IllegalArgumentException("respondHours must be positive: " + respondHours);
        }
    }

    /** The figures of the active packs; a pack not installed, or a response clock not in hours, keeps the shipped figure. */
    static PackFigures of(PolicyPacks packs) {
        int hours = packs.active(HOURS_PACK).flatMap(p -> p.stage(1)).flatMap(s -> s.clock("respond"))
                .filter(c -> c.unit() == ClockUnit.CLOCK_HOURS).map(PolicyPack.ClockRule::amount).orElse(SHIPPED.respondHours);
        return new PackFigures(packs.codeTimescales(), packs.dispFigures(), hours);
    }
}
