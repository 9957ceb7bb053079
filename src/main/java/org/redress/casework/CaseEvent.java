package org.redress.casework;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.Map;

/**
 * Something that happened to a case: who, when, why, and the details. The history is append-only.
 *
 * @param sequence position in the case's history, from 1; 0 until stored
 */
public record CaseEvent(int sequence, String type, Instant at, String actor, @Nullable String reason, Map<String, Object> details) {

    public CaseEvent {
        details = Map.copyOf(details);
    }

    /** PostgreSQL keeps microseconds, so events are made at that precision: what is stored is what was made. */
    static CaseEvent of(String type, Instant at, String actor, @Nullable String reason, Map<String, Object> details) {
        return new CaseEvent(0, type, at.truncatedTo(java.time.temporal.ChronoUnit.MICROS), actor, reason, details);
    }

    CaseEvent numbered(int n) {
        return new CaseEvent(n, type, at, actor, reason, details);
    }
}
