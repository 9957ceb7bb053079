package org.redress.casework;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.Map;

/**
 * Something that happened to a case: who, when, why, and what ({@link #payload()}, a typed {@link CaseFact}). The
 * history is append-only. The type string and details are the stored form, and what the API and pages show; other
 * modules read the payload, never the strings.
 *
 * @param sequence position in the case's history, from 1; 0 until stored
 */
public record CaseEvent(int sequence, String type, Instant at, String actor, @Nullable String reason, Map<String, Object> details) {

    public CaseEvent {
        details = Map.copyOf(details);
    }

    /** PostgreSQL keeps microseconds, so events are made at that precision: what is stored is what was made. */
    static CaseEvent of(CaseFact fact, Instant at, String actor, @Nullable String reason) {
        return new CaseEvent(0, fact.type(), at.truncatedTo(java.time.temporal.ChronoUnit.MICROS), actor, reason, fact.details());
    }

    /** What happened, as its typed record, read from the stored type and details (old rows read the same way). */
    public CaseFact payload() {
        return CaseFacts.read(type, reason, details);
    }

    CaseEvent numbered(int n) {
        return new CaseEvent(n, type, at, actor, reason, details);
    }
}
