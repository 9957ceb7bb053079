package org.redress.imports;

import org.jspecify.annotations.Nullable;
import org.redress.casework.CaseTypes.Channel;
import org.redress.casework.CaseTypes.Outcome;
import org.redress.casework.CaseTypes.Tenure;
import org.redress.ombudsman.OmbudsmanReferrals;

import java.time.Instant;
import java.util.List;

/**
 * One register row as it will be stored: every value read, checked and in Redress's terms (the area and subject as the
 * organisation's lists name them, and the sub-category when the register's subject is one).
 */
record ImportRow(int number, String sourceId, @Nullable String reference, Instant receivedAt, Channel channel, String recordType,
                 String name, @Nullable String email, @Nullable String phone, @Nullable String address,
                 @Nullable String serviceArea, @Nullable String subject, String description, @Nullable Instant acknowledgedAt,
                 @Nullable Instant stage1RespondedAt, @Nullable Outcome stage1Outcome, @Nullable Instant escalatedAt,
                 @Nullable Instant stage2RespondedAt, @Nullable Outcome stage2Outcome, @Nullable Instant closedAt,
                 @Nullable String owner, Tenure tenure, String rowHash,
                 OmbudsmanReferrals.@Nullable HistoricOmbudsman ombudsman, @Nullable String subSubject) {

    /** A problem with a row, by row and column (the file's header) and the field it maps to. */
    record Problem(int row, @Nullable String column, String field, String message) {
    }

    /** A row read: the row, or the problems that keep it out (never both). */
    record Read(@Nullable ImportRow row, List<Problem> problems) {
    }
}
