package org.redress.conduct;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A restriction on contact with a person (H-5), as recorded: what it limits, why, who decided and when, when it is
 * next reviewed, its reviews, and whether (and why) it ended.
 */
public record Restriction(UUID id, String organisation, String personName, @Nullable String email, @Nullable String phone,
                          @Nullable String address, RestrictionKind kind, @Nullable String details, String reason,
                          String decidedBy, LocalDate decidedOn, LocalDate reviewOn, String recordedBy, Instant recordedAt,
                          @Nullable LocalDate endedOn, @Nullable String endedBy, @Nullable String endReason,
                          List<Review> reviews, ReviewStatus reviewStatus) {

    /** A review of the restriction: what was decided and when it is next looked at. */
    public record Review(LocalDate reviewedOn, String reviewedBy, String outcome, LocalDate nextReviewOn) {
    }

    /** Where the restriction's review stands today. */
    public enum ReviewStatus {
        /** the review date is more than {@link #DUE_WITHIN_DAYS} days away */
        SCHEDULED,
        /** the review date is today or within {@link #DUE_WITHIN_DAYS} days */
        DUE,
        /** the review date has passed */
        OVERDUE,
        /** the restriction has ended: no review */
        ENDED;

        /** How early a coming review shows as due. */
        public static final int DUE_WITHIN_DAYS = 14;

        static ReviewStatus of(LocalDate reviewOn, @Nullable LocalDate endedOn, LocalDate today) {
            if (endedOn != null) {
                return ENDED;
            }
            if (today.isAfter(reviewOn)) {
                return OVERDUE;
            }
            return today.plusDays(DUE_WITHIN_DAYS).isBefore(reviewOn) ? SCHEDULED : DUE;
        }
    }

    public boolean active() {
        return endedOn == null;
    }

    /** "Restriction: written contact only, review due 12 Jan 2027 (F-10)" */
    public String summary() {
        String review = switch (reviewStatus) {
            case OVERDUE -> "review overdue since " + Rules.DAY.format(reviewOn);
            case ENDED -> "ended " + Rules.DAY.format(endedOn);
            default -> "review due " + Rules.DAY.format(reviewOn);
        };
        return "Restriction: " + kind.label() + ", " + review + " (F-10)";
    }
}
