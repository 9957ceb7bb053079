package org.redress.casework;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * One record of the register: a complaint, compliment, service request or any other type, in any status.
 *
 * @param complainant the name of the person who made contact (blank once anonymised)
 * @param nextDue     the next deadline of a running clock; null when none is running
 * @param overdue     whether that deadline has passed
 */
public record RegisterEntry(String id, String reference, String recordType, String status, int stage, @Nullable String owner,
                            @Nullable String serviceLine, @Nullable String serviceArea, @Nullable String subject,
                            @Nullable String complainant, Instant receivedAt, @Nullable Instant nextDue, @Nullable Instant closedAt,
                            boolean overdue) {
}
