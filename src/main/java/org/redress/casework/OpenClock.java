package org.redress.casework;

import org.jspecify.annotations.Nullable;
import org.redress.casework.CaseTypes.ClockStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A running clock on an open case, as the deadline sweep sees it; {@code importedAt} is when the case was imported from
 * a register (issue 20), so a clock already missed then is not reported as newly missed.
 */
public record OpenClock(String organisation, String caseId, String reference, @Nullable String owner, String clock, int stage,
                        String name, Instant dueBy, LocalDate dueDate, ClockStatus status, String explanation,
                        @Nullable Instant importedAt) {

    public OpenClock(String organisation, String caseId, String reference, @Nullable String owner, String clock, int stage,
                     String name, Instant dueBy, LocalDate dueDate, ClockStatus status, String explanation) {
        this(organisation, caseId, reference, owner, clock, stage, name, dueBy, dueDate, status, explanation, null);
    }

    /** Whether the clock was already overdue when its case was imported: history, recorded on the case, never a notice. */
    public boolean missedBeforeImport() {
        return importedAt != null && dueBy.isBefore(importedAt);
    }

    /** Where the next page starts: after this case, whose next due time this is. */
    public record Cursor(Instant due, UUID caseId) {
    }

    /** Some cases' running clocks, and where the next page starts (null after the last page). */
    public record Page(List<OpenClock> clocks, @Nullable Cursor next) {
    }
}
