package org.redress.correspondence;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A letter as composed and kept on the case. Its status is where delivery has got to.
 *
 * @param serviceArea the service area of the case it is for (null for none, or for a letter written before it was kept)
 * @param channel EMAIL or POST (a PDF to print and post)
 * @param addressee the member of staff (username) a notice belonging to no case is for, when known
 * @param formats formats the person needs (large print, easy read, another language), flagged for whoever sends it (F-16)
 * @param answersClock the clock this letter answers, e.g. {@code acknowledge@1}
 */
public record Letter(UUID id, String organisation, @Nullable UUID caseId, @Nullable String caseReference, @Nullable String serviceArea,
                     LetterKind kind, String channel, String recipient, @Nullable String copyTo, @Nullable String addressee,
                     String subject, String body, List<String> formats, @Nullable String answersClock, String status, int attempts,
                     @Nullable String lastError, Instant createdAt, @Nullable Instant sentAt, @Nullable String deliveredVia) {
}
