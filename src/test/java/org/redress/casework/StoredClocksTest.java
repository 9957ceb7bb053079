package org.redress.casework;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A case's state is stored as JSON (ADR 4), so every case logged before a release must read after it. Issue 23 gave a
 * clock its "option" (DISP's summary resolution window): a clock stored before has none, and reads as the deadline it
 * was, where Jackson 3 would refuse the missing value for a primitive and the case page and API would answer 500.
 */
class StoredClocksTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aClockStoredBeforeOptionsExistedReadsAsADeadline() {
        CaseClock clock = new CaseClock("respond", 1, "Response", org.redress.policy.PolicyPack.Milestone.RECEIVED,
                org.redress.policy.PolicyPack.Milestone.RESPONDED, org.redress.calendar.ClockUnit.WORKING_DAYS, 10,
                Instant.parse("2026-11-23T10:00:00Z"), Instant.parse("2026-12-08T00:00:00Z"), LocalDate.parse("2026-12-07"),
                "10 working days", List.of(), null, null, null, false, "Code 6.3", null);
        ObjectNode stored = (ObjectNode) json.valueToTree(clock);
        stored.remove("option");

        CaseClock read = json.treeToValue(stored, CaseClock.class);

        assertThat(read.option()).isFalse();
        assertThat(read.windowOpen(Instant.parse("2026-11-24T10:00:00Z"))).isFalse();
        assertThat(read).isEqualTo(clock);
    }
}
