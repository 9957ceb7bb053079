package org.redress.policy;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 20: the version of an organisation's procedure in force at an instant, from its activations. */
class PackTimelineTest {

    private static final PolicyPack V1 = PackReader.read(PackFixtures.shippedText("alliance-homes"), 1).pack();
    private static final PolicyPack V2 = PackReader.read(PackFixtures.shippedText("alliance-homes"), 2).pack();
    private static final PolicyPack V3 = PackReader.read(PackFixtures.shippedText("alliance-homes"), 3).pack();

    private final PackTimeline timeline = new PackTimeline(List.of(
            new PackTimeline.Period(Instant.parse("2025-01-01T09:00:00Z"), V1),
            new PackTimeline.Period(Instant.parse("2025-06-01T08:00:00Z"), V2),
            new PackTimeline.Period(Instant.parse("2025-09-01T08:00:00Z"), V1)), V1);

    @Test
    void theVersionInForceIsTheLastActivatedAtOrBeforeTheInstantEvenAVersionActivatedAgain() {
        assertThat(timeline.at(Instant.parse("2025-03-03T10:00:00Z")).orElseThrow()).isEqualTo(new PackTimeline.VersionAt(V1, false));
        assertThat(timeline.at(Instant.parse("2025-06-01T08:00:00Z")).orElseThrow()).isEqualTo(new PackTimeline.VersionAt(V2, false));
        assertThat(timeline.at(Instant.parse("2025-08-31T23:59:59Z")).orElseThrow()).isEqualTo(new PackTimeline.VersionAt(V2, false));
        assertThat(timeline.at(Instant.parse("2026-01-10T10:00:00Z")).orElseThrow()).isEqualTo(new PackTimeline.VersionAt(V1, false));
    }

    @Test
    void beforeTheFirstActivationTheEarliestVersionIsGivenAndSaysNoneWasInForce() {
        assertThat(timeline.at(Instant.parse("2019-03-01T10:00:00Z")).orElseThrow()).isEqualTo(new PackTimeline.VersionAt(V1, true));
        assertThat(new PackTimeline(List.of(), V3).at(Instant.parse("2019-03-01T10:00:00Z")).orElseThrow())
                .isEqualTo(new PackTimeline.VersionAt(V3, true));
        assertThat(new PackTimeline(List.of(), null).at(Instant.parse("2019-03-01T10:00:00Z"))).isEmpty();
    }
}
