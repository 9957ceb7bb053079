package org.redress.casework;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * An earlier case that may be the same complaint again (F-11): why it matched (same email, phone, name or address)
 * and how alike its text is, 0 to 100.
 */
public record SimilarCase(String id, String reference, Instant receivedAt, String status, @Nullable String serviceArea,
                          @Nullable String subject, List<String> matchedOn, int score) {
}
