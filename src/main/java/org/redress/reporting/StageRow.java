package org.redress.reporting;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of the read model: one stage of one case, with its dates, clocks and outcome as the measures need them, and the
 * complainant's tenure (a {@code CaseTypes.Tenure} name) that splits TSM CH01 and CH02.
 */
record StageRow(String organisation, UUID caseId, String reference, int stage, String recordType, boolean staged,
                @Nullable String serviceLine, @Nullable String serviceArea, @Nullable String subject, @Nullable String subSubject,
                Instant caseReceivedAt, Instant receivedAt, @Nullable Instant acknowledgedAt, @Nullable Integer ackWorkingDays,
                @Nullable Instant respondedAt, @Nullable Instant respondDueBy, @Nullable Instant respondOriginalDueBy,
                @Nullable Integer respondWorkingDays, @Nullable Integer codeWorkingDays, boolean extended, boolean extensionAgreed,
                @Nullable String outcome, boolean escalated, boolean escalationRefused, String caseStatus, @Nullable Instant closedAt,
                @Nullable Boolean satisfiedHandling, @Nullable Boolean satisfiedOutcome, String tenure, @Nullable String category) {

    /** A row with no complaint category, as rows were before issue 22 (H-1). */
    StageRow(String organisation, UUID caseId, String reference, int stage, String recordType, boolean staged,
             @Nullable String serviceLine, @Nullable String serviceArea, @Nullable String subject, @Nullable String subSubject,
             Instant caseReceivedAt, Instant receivedAt, @Nullable Instant acknowledgedAt, @Nullable Integer ackWorkingDays,
             @Nullable Instant respondedAt, @Nullable Instant respondDueBy, @Nullable Instant respondOriginalDueBy,
             @Nullable Integer respondWorkingDays, @Nullable Integer codeWorkingDays, boolean extended, boolean extensionAgreed,
             @Nullable String outcome, boolean escalated, boolean escalationRefused, String caseStatus, @Nullable Instant closedAt,
             @Nullable Boolean satisfiedHandling, @Nullable Boolean satisfiedOutcome, String tenure) {
        this(organisation, caseId, reference, stage, recordType, staged, serviceLine, serviceArea, subject, subSubject, caseReceivedAt,
                receivedAt, acknowledgedAt, ackWorkingDays, respondedAt, respondDueBy, respondOriginalDueBy, respondWorkingDays,
                codeWorkingDays, extended, extensionAgreed, outcome, escalated, escalationRefused, caseStatus, closedAt,
                satisfiedHandling, satisfiedOutcome, tenure, null);
    }

    /** The UK calendar month of this stage's receipt, e.g. {@code 2026-11}. */
    String receivedMonth() {
        return java.time.YearMonth.from(receivedAt.atZone(org.redress.calendar.UkTime.ZONE)).toString();
    }

    /** When the stage stopped being open: its response, or the case's closure (withdrawal, decline), whichever came first. */
    @Nullable Instant endedAt() {
        if (respondedAt == null) {
            return closedAt;
        }
        return closedAt == null || respondedAt.isBefore(closedAt) ? respondedAt : closedAt;
    }
}
