package org.redress.casework;

import org.jspecify.annotations.Nullable;
import org.redress.casework.CaseTypes.CaseStatus;

import java.time.Instant;

/**
 * A checked register filter: typed values, the order and the page. Received between is a range of instants (from the
 * start of the first UK day to the start of the day after the last).
 */
record RegisterQuery(@Nullable String text, @Nullable String recordType, @Nullable CaseStatus status, @Nullable Integer stage,
                     @Nullable String serviceLine, @Nullable String serviceArea, @Nullable String subject, @Nullable String owner,
                     @Nullable Instant receivedFrom, @Nullable Instant receivedBefore, boolean overdue, Sort sort, int size,
                     @Nullable String cursor) {

    /** The register's orders, each served by an index of its own. */
    enum Sort {
        /** Newest first ({@code case_file_received}). */
        RECEIVED,
        /** Next deadline first ({@code case_file_next_due}), then the records with none, newest first. */
        DUE,
        /** By reference ({@code case_file_organisation_reference_key}). */
        REFERENCE
    }

    boolean searchesWords() {
        return text != null;
    }

    RegisterQuery withPage(int newSize, @Nullable String newCursor) {
        return new RegisterQuery(text, recordType, status, stage, serviceLine, serviceArea, subject, owner, receivedFrom,
                receivedBefore, overdue, sort, newSize, newCursor);
    }
}
