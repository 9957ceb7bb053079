package org.redress.hazards;

import org.redress.calendar.ClockUnit;
import org.redress.policy.PolicyPack;
import org.redress.policy.PolicyPack.HazardCategory;
import org.redress.policy.PolicyPacks;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Awaab's Law's timescales that the hazard clocks run, and the hazard categories it covers with the day each comes in,
 * as the active {@code awaabs-law-2025} reference pack sets them, so a figure or date that changes is corrected by
 * uploading a new version of that pack. A figure the pack lacks, or gives in another unit than the clock counts in, is
 * the one in REGULATIONS.md ({@link #REGULATIONS}); a pack without hazard categories has those of REGULATIONS.md.
 *
 * @param makeSafeHours clock hours from awareness to investigate and make safe an emergency hazard
 * @param investigateDays working days from awareness to investigate a significant hazard
 * @param summaryDays working days from the investigation's end to the written summary
 * @param safetyWorkDays working days from the investigation's end to begin safety work on a significant hazard
 * @param furtherWorksDays working days from the investigation's end to begin further (preventative) works
 * @param furtherWorksWeeks weeks from the investigation's end to begin further works where the working days are not practicable
 * @param accommodationHours clock hours from the record that the home cannot be made safe in time to the offer of alternative accommodation
 * @param categories the hazards the law covers, each with the day it applies from (issue 23)
 * @param source the pack and version the figures come from
 */
record AwaabTimescales(int makeSafeHours, int investigateDays, int summaryDays, int safetyWorkDays, int furtherWorksDays,
                       int furtherWorksWeeks, int accommodationHours, List<HazardCategory> categories, String source) {

    static final String REFERENCE_PACK = "awaabs-law-2025";

    /** The categories of REGULATIONS.md, as the reference pack ships them; [?] dates are marked unconfirmed. */
    static final List<HazardCategory> REGULATIONS_CATEGORIES = List.of(
            new HazardCategory("emergency-hazards", "any emergency hazard", List.of(), LocalDate.of(2025, 10, 27), true, false, true, null),
            new HazardCategory("damp-and-mould", "damp and mould", List.of("damp", "mould"), LocalDate.of(2025, 10, 27), false, false, true, null),
            new HazardCategory("excess-cold-and-heat", "excess cold and heat", List.of("excess cold", "excess heat"), LocalDate.of(2026, 10, 27),
                    false, false, false, null),
            new HazardCategory("falls", "falls", List.of(), LocalDate.of(2026, 10, 27), false, false, false, null),
            new HazardCategory("structural-collapse", "structural collapse", List.of(), LocalDate.of(2026, 10, 27), false, false, false, null),
            new HazardCategory("fire-and-electrical", "fire and electrical", List.of("fire", "electrical"), LocalDate.of(2026, 10, 27),
                    false, false, false, null),
            new HazardCategory("domestic-hygiene", "domestic hygiene", List.of(), LocalDate.of(2026, 10, 27), false, false, false, null),
            new HazardCategory("remaining-hhsrs", "other HHSRS hazards", List.of(), LocalDate.of(2027, 10, 27), false, true, false, null),
            new HazardCategory("crowding-and-space", "crowding and space", List.of("overcrowding"), null, false, false, false, null));

    /** The figures in REGULATIONS.md, used until the reference pack is installed. */
    static final AwaabTimescales REGULATIONS = new AwaabTimescales(24, 10, 3, 5, "REGULATIONS.md");

    AwaabTimescales {
        Objects.requireNonNull(source, "source");
        categories = List.copyOf(categories);
        if (makeSafeHours <= 0 || investigateDays <= 0 || summaryDays <= 0 || safetyWorkDays <= 0 || furtherWorksDays <= 0
                || furtherWorksWeeks <= 0 || accommodationHours <= 0) {
            throw new IllegalArgumentException("Awaab's Law figures must be positive");
        }
    }

    /** The first four figures given; the rest, and the categories, as REGULATIONS.md has them. */
    AwaabTimescales(int makeSafeHours, int investigateDays, int summaryDays, int safetyWorkDays, String source) {
        this(makeSafeHours, investigateDays, summaryDays, safetyWorkDays, 5, 12, 24, REGULATIONS_CATEGORIES, source);
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
                figure(law, "further-works", "further-works", ClockUnit.WORKING_DAYS, REGULATIONS.furtherWorksDays),
                figure(law, "further-works", "further-works-longest", ClockUnit.WEEKS, REGULATIONS.furtherWorksWeeks),
                figure(law, "alternative-accommodation", "alternative-accommodation", ClockUnit.CLOCK_HOURS, REGULATIONS.accommodationHours),
                law.hazardCategories().isEmpty() ? REGULATIONS_CATEGORIES : law.hazardCategories(),
                law.id() + " v" + law.version());
    }

    /** The entry for an organisation's category of that name: the one naming it, else the one covering the rest. */
    Optional<HazardCategory> category(String name) {
        return categories.stream().filter(c -> !c.emergencies() && c.names(name)).findFirst()
                .or(() -> categories.stream().filter(HazardCategory::coversTheRest).findFirst());
    }

    /** The entry covering every emergency hazard, if the law has one. */
    Optional<HazardCategory> emergencies() {
        return categories.stream().filter(HazardCategory::emergencies).findFirst();
    }

    private static int figure(PolicyPack law, String recordType, String clock, ClockUnit unit, int otherwise) {
        return law.recordType(recordType).flatMap(t -> t.clocks().stream().filter(c -> c.id().equals(clock)).findFirst())
                .filter(c -> c.unit() == unit).map(PolicyPack.ClockRule::amount).orElse(otherwise);
    }
}
