package org.redress.casework;

import org.junit.jupiter.api.Test;
import org.redress.casework.CaseTypes.CaseId;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CaseIdTest {

    @Test
    void aCaseIdIsAVersion7UuidCarryingTheMillisecondItWasMadeAt() {
        Instant at = Instant.parse("2026-12-03T17:05:00.123Z");

        CaseId id = CaseId.at(at);

        assertThat(id.value().version()).isEqualTo(7);
        assertThat(id.value().variant()).isEqualTo(2);
        assertThat(id.value().getMostSignificantBits() >>> 16).isEqualTo(at.toEpochMilli());
    }

    @Test
    void idsMadeLaterSortAfterEarlierOnesAsPostgresqlComparesThem() {
        // PostgreSQL orders uuids byte by byte, which is the order of their lower-case text
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        String previous = CaseId.at(start).toString();
        for (int i = 1; i <= 1_000; i++) {
            String next = CaseId.at(start.plusMillis(i * 997L)).toString();
            assertThat(next).isGreaterThan(previous);
            previous = next;
        }
    }

    @Test
    void idsMadeInTheSameMillisecondAreStillDifferent() {
        Instant at = Instant.parse("2026-12-03T17:05:00Z");
        Set<CaseId> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(CaseId.at(at));
        }
        assertThat(ids).hasSize(10_000);
    }
}
