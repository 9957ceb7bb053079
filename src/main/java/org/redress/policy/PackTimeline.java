package org.redress.policy;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The versions an organisation's procedure has had, each from the instant it was activated (issue 20), so a case can be
 * made under the version in force when it was received.
 *
 * @param periods the activations, the earliest first
 * @param active the version active now, for an organisation whose activations were never recorded
 */
public record PackTimeline(List<Period> periods, @Nullable PolicyPack active) {

    public record Period(Instant from, PolicyPack pack) {
    }

    /**
     * A version and whether it was in force: {@code beforeAnyActivation} when the instant is before the organisation's
     * first activation, so the earliest version is given instead (the case says so).
     */
    public record VersionAt(PolicyPack pack, boolean beforeAnyActivation) {
    }

    /** The version in force at the instant (the last activated at or before it), else the earliest; empty when none. */
    public Optional<VersionAt> at(Instant instant) {
        Period found = null;
        for (Period p : periods) {
            if (p.from().isAfter(instant)) {
                break;
            }
            found = p;
        }
        if (found != null) {
            return Optional.of(new VersionAt(found.pack(), false));
        }
        if (!periods.isEmpty()) {
            return Optional.of(new VersionAt(periods.get(0).pack(), true));
        }
        return Optional.ofNullable(active).map(p -> new VersionAt(p, true));
    }
}
