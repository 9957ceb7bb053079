package org.redress.casework;

import org.jspecify.annotations.Nullable;
import org.redress.casework.CaseTypes.ClockStatus;

import java.time.Instant;
import java.util.List;

/** One line of a work list. */
public record CaseSummary(String id, String reference, String recordType, String status, int stage, @Nullable String owner,
                          @Nullable String serviceArea, @Nullable String subject, String complainant, Instant receivedAt,
                          @Nullable Instant nextDue, @Nullable ClockStatus clockStatus, long version) {

    /** A page of a list, and the cursor of the next page (null on the last). */
    public record Page(List<CaseSummary> items, @Nullable String nextCursor) {
    }
}
