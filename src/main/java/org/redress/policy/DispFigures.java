package org.redress.policy;

import org.redress.calendar.ClockUnit;
import org.redress.policy.PolicyPack.ClockRule;
import org.redress.policy.PolicyPack.OmbudsmanRoute;
import org.redress.policy.PolicyPack.Stage;

import java.util.Objects;
import java.util.Optional;

/**
 * The FCA DISP figures that reports and letters use, as the active {@code fca-disp} reference pack sets them: the
 * twice-yearly return's bands (closed within the first band's weeks, within the final response's weeks, or after) and
 * the time the complainant has to refer a final response to the Financial Ombudsman. A figure the reference pack lacks,
 * or gives in another unit, is the one in REGULATIONS.md ({@link #REGULATIONS}).
 *
 * @param firstBandWeeks the return's first band, in weeks from receipt (DISP 1.10, the return's "within 4 weeks"): the final
 *                       response clock's {@code returnBand}
 * @param finalResponseWeeks weeks from receipt to the final or holding response (DISP 1.6.2), the return's second band
 * @param referralMonths months after the final response in which the complainant may refer it to the Financial Ombudsman
 * @param source the pack and version the figures come from
 */
public record DispFigures(int firstBandWeeks, int finalResponseWeeks, int referralMonths, String source) {

    static final String REFERENCE_PACK = "fca-disp";
    static final String FINAL_RESPONSE_CLOCK = "final-response";

    /** The figures in REGULATIONS.md, used until a reference pack is installed. */
    public static final DispFigures REGULATIONS = new DispFigures(4, 8, 6, "REGULATIONS.md");

    public DispFigures {
        Objects.requireNonNull(source, "source");
        if (firstBandWeeks <= 0 || finalResponseWeeks <= firstBandWeeks || referralMonths <= 0) {
            throw new IllegalArgumentException("DISP figures must be positive and the first band shorter than the final response: "
                    + firstBandWeeks + ", " + finalResponseWeeks + ", " + referralMonths);
        }
    }

    static DispFigures from(PolicyPack disp) {
        Optional<Stage> stage = disp.stage(1);
        Optional<ClockRule> finalResponse = stage.flatMap(s -> s.clock(FINAL_RESPONSE_CLOCK));
        int first = finalResponse.map(ClockRule::returnBand).filter(b -> b.unit() == ClockUnit.WEEKS).map(PolicyPack.Window::amount)
                .orElse(REGULATIONS.firstBandWeeks);
        int last = finalResponse.filter(c -> c.unit() == ClockUnit.WEEKS).map(ClockRule::amount).orElse(REGULATIONS.finalResponseWeeks);
        int months = disp.ombudsmen().stream().map(OmbudsmanRoute::referWithin).filter(Objects::nonNull)
                .filter(w -> w.unit() == ClockUnit.CALENDAR_MONTHS).map(PolicyPack.Window::amount).findFirst()
                .orElse(REGULATIONS.referralMonths);
        if (last <= first) { // a pack that contradicts itself: the bands could not be told apart
            return REGULATIONS;
        }
        return new DispFigures(first, last, months, disp.id() + " v" + disp.version());
    }

    /** The return's first band in days (4 weeks: 28). */
    public int firstBandDays() {
        return firstBandWeeks * 7;
    }

    /** The final response time in days (8 weeks: 56). */
    public int finalResponseDays() {
        return finalResponseWeeks * 7;
    }
}
