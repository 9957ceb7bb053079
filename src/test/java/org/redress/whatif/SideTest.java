package org.redress.whatif;

import org.junit.jupiter.api.Test;
import org.redress.casework.CaseReplay;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** One side's tally: refusals counted by rule, without the case's own dates (issue 25). */
class SideTest {

    static CaseReplay.Replayed refused(String reference, String rule) {
        Instant at = Instant.parse("2026-12-01T10:00:00Z");
        return new CaseReplay.Replayed(UUID.randomUUID(), reference, "complaint", at, Optional.empty(), 1, List.of(),
                List.of(new CaseReplay.Refused(5, "escalation-requested", at, rule)), List.of(), List.of(), 0);
    }

    @Test
    void refusalsOfOneRuleOnDifferentDatesAreCountedTogether() {
        Side side = new Side();
        Instant now = Instant.parse("2027-01-01T00:00:00Z");
        side.add(refused("A-1", "escalation window closed on 2026-12-18: T-8"), now);
        side.add(refused("A-2", "escalation window closed on 2026-12-21: T-8"), now);

        assertThat(side.refusedByRule).containsOnlyKeys("escalation-requested: escalation window closed on a date: T-8");
        assertThat(side.refusedByRule.values().iterator().next().figure())
                .isEqualTo(new WhatIfResult.Figure(2, List.of("A-1", "A-2")));
        assertThat(side.refusedEvents.count).isEqualTo(2);
    }
}
