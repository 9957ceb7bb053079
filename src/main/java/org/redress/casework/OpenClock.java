package org.redress.casework;

import org.jspecify.annotations.Nullable;
import org.redress.casework.CaseTypes.ClockStatus;

import java.time.Instant;
import java.time.LocalDate;

/** A running clock on an open case, as the deadline sweep sees it. */
public record OpenClock(String organisation, String caseId, String reference, @Nullable String owner, String clock, int stage,
                        String name, Instant dueBy, LocalDate dueDate, ClockStatus status, String explanation) {
}
