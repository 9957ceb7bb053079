package org.redress.policy;

import org.jspecify.annotations.Nullable;
import org.redress.calendar.ClockUnit;
import org.redress.policy.PolicyPack.ClockRule;
import org.redress.policy.PolicyPack.Milestone;
import org.redress.policy.PolicyPack.Stage;

import java.util.Optional;

/**
 * The Housing Ombudsman Code's figures that the check compares packs with. They are read from the
 * {@code housing-ombudsman-code-2024} reference pack, so a figure REGULATIONS.md marks [?] (the stage 2
 * extension, 6.15) is changed by uploading a new version of that pack. Anything the reference pack lacks falls
 * back to {@link #DEFAULTS}, the figures in REGULATIONS.md.
 */
record CodeFigures(String source, int stages,
                   Clock stage1Acknowledge, Clock stage1Response, Clock stage1Extension,
                   Clock stage2Acknowledge, Clock stage2Response, Clock stage2Extension,
                   int monthsToComplain) {

    static final String REFERENCE_PACK = "housing-ombudsman-code-2024";

    /** A figure with the milestone it is counted from (extensions: the milestone is not used). */
    record Clock(int amount, ClockUnit unit, Milestone from) {

        String describe() {
            return unit.describe(amount) + " from " + PackText.milestone(from);
        }
    }

    static final CodeFigures DEFAULTS = new CodeFigures("REGULATIONS.md", 2,
            new Clock(5, ClockUnit.WORKING_DAYS, Milestone.RECEIVED),
            new Clock(10, ClockUnit.WORKING_DAYS, Milestone.ACKNOWLEDGED),
            new Clock(10, ClockUnit.WORKING_DAYS, Milestone.RESPONDED),
            new Clock(5, ClockUnit.WORKING_DAYS, Milestone.RECEIVED),
            new Clock(20, ClockUnit.WORKING_DAYS, Milestone.ACKNOWLEDGED),
            new Clock(20, ClockUnit.WORKING_DAYS, Milestone.RESPONDED),
            12);

    static CodeFigures from(PolicyPack code) {
        Optional<Stage> one = code.stage(1);
        Optional<Stage> two = code.stage(2);
        return new CodeFigures(code.id() + " v" + code.version(),
                code.stages().isEmpty() ? DEFAULTS.stages : code.stages().size(),
                clock(one, Milestone.ACKNOWLEDGED, DEFAULTS.stage1Acknowledge),
                clock(one, Milestone.RESPONDED, DEFAULTS.stage1Response),
                extension(one, DEFAULTS.stage1Extension),
                clock(two, Milestone.ACKNOWLEDGED, DEFAULTS.stage2Acknowledge),
                clock(two, Milestone.RESPONDED, DEFAULTS.stage2Response),
                extension(two, DEFAULTS.stage2Extension),
                code.admission().stream().filter(a -> a.kind() == PolicyPack.AdmissionKind.TIME_LIMIT && a.months() != null)
                        .map(PolicyPack.AdmissionRule::months).findFirst().orElse(DEFAULTS.monthsToComplain));
    }

    private static Clock clock(Optional<Stage> stage, Milestone stops, Clock otherwise) {
        return stage.flatMap(s -> stopping(s, stops)).map(c -> new Clock(c.amount(), c.unit(), c.starts())).orElse(otherwise);
    }

    private static Clock extension(Optional<Stage> stage, Clock otherwise) {
        return stage.flatMap(s -> stopping(s, Milestone.RESPONDED))
                .flatMap(c -> c.extensions().stream().filter(e -> e.upTo() != null).findFirst())
                .map(e -> new Clock(e.upTo(), e.unit(), Milestone.RESPONDED)).orElse(otherwise);
    }

    /** The stage's clock that stops at the milestone; the longest when there are several (it sets the latest deadline). */
    static Optional<ClockRule> stopping(Stage stage, Milestone stops) {
        @Nullable ClockRule longest = null;
        for (ClockRule clock : stage.clocks()) {
            if (clock.stops() == stops && (longest == null || Durations.atMost(longest.unit(), longest.amount(), clock.unit(), clock.amount()))) {
                longest = clock;
            }
        }
        return Optional.ofNullable(longest);
    }
}
