package org.redress.hazards;

import org.redress.calendar.ClockUnit;
import org.redress.policy.PolicyPack;
import org.redress.policy.PolicyPacks;

import java.util.Objects;

/**
 * Awaab's Law's timescales that the hazard clocks run, as the active {@code awaabs-law-2025} reference pack sets them, so
 * a figure that changes is corrected by uploading a new version of that pack. A figure the pack lacks, or gives in
 * another unit than the clock counts in, is the one in REGULATIONS.md ({@link #REGULATIONS}).
 *
 * @param makeSafeHours clock hours from awareness to investigate and make safe an emergency hazard
 * @param investigateDays working days from awareness to investigate a significant hazard
 * @param summaryDays working days from the investigation's end to the written summary
 * @param safetyWorkDays working days from the investigation's end to begin safety work on a significant hazard
 * @param source the pack and version the figures come from
 */
record AwaabTimescales(int makeSafeHours, int investigateDays, int summaryDays, int safetyWorkDays, String source) {

    static final String REFERENCE_PACK = "awaabs-law-2025";

    /** The figures in REGULATIONS.md, used until the reference pack is installed. */
    static final AwaabTimescales REGULATIONS = new AwaabTimescales(24, 10, 3, 5, "REGULATIONS.md");

    AwaabTimescales {
        Objects.requireNonNull(source, "source");
        if (makeSafeHours <= 0 || investigateDays <= 0 || summaryDays <= 0 || safetyWorkDays <= 0) {
            throw new IllegalArgumentException("Awaab's Law figures must be positive");
        }
    }

    static AwaabTimescales of(PolicyPacks packs) {
        return packs.active(REFERENCE_PACK).map(AwaabTimescales::from).orElse(REGULATIONS);
    }

    static AwaabTimescales from(PolicyPack law) {
        return new AwaabTimescales(
                figure(law, "emergency-hazard", "make-safe", ClockUnit.CLOCK_HOURS, REGULATIONS.makeSafeHours),
                figure(law, "significant-hazard", "investigate", ClockUnit.WORKING_DAYS, REGULATIONS.investigateDays),
                figure(law, "significant-hazard", "written-summary", ClockUnit.WORKING_DAYS, REGULATIONS.summaryDays),
                figure(law, "significant-hazard", "safety-work", ClockUnit.WORKING_DAYS, REGULATIONS.safetyWorkDays),
                law.id() + " v" + law.version());
    }

    private static int figure(PolicyPack law, String recordType, String clock, ClockUnit unit, int otherwise) {
        return law.recordType(recordType).flatMap(t -> t.clocks().stream().filter(c -> c.id().equals(clock)).findFirst())
                .filter(c -> c.unit() == unit).map(PolicyPack.ClockRule::amount).orElse(otherwise);
    }
}
