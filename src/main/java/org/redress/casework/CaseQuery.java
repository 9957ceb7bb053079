package org.redress.casework;

import org.jspecify.annotations.Nullable;
import org.redress.casework.CaseTypes.CaseStatus;
import org.redress.casework.CaseTypes.ClockStatus;

import java.time.Instant;

/**
 * Filters for a list of cases. {@code sort=due} lists cases with a running clock by their next deadline;
 * {@code sort=received} lists newest first. Pagination is by cursor, so pages stay stable and fast.
 */
public record CaseQuery(@Nullable String recordType, @Nullable CaseStatus status, @Nullable Integer stage, @Nullable String owner,
                        @Nullable String serviceArea, @Nullable ClockStatus clockStatus, @Nullable Instant dueBefore,
                        @Nullable String text, String sort, int size, @Nullable String cursor) {
}
