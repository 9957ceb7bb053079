package org.redress.conduct;

import org.jspecify.annotations.Nullable;
import org.redress.web.Refusal;
import org.redress.web.RequestDates;
import org.redress.web.FieldError;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules a restriction's decision, review and ending must meet (H-5). Input that cannot be read is a list of
 * field errors; a change the restriction's state refuses (ending it twice) is a {@link Refusal} naming the rule.
 */
final class Rules {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    /** The longest a restriction may go without a review (H-5: restrictions are reviewed, not left to run). */
    static final int LONGEST_REVIEW_MONTHS = 12;

    private Rules() {
    }

    static Optional<Refusal> mayChange(@Nullable LocalDate endedOn, String field) {
        return endedOn == null ? Optional.empty()
                : Optional.of(Refusal.onField(field, "the restriction ended on " + DAY.format(endedOn) + "; record a new one instead", "H-5"));
    }

    /** The text without spaces around it; null when blank (a required one is declared {@code @NotBlank} on its request). */
    static @Nullable String text(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The date as typed, or {@code otherwise} when left out (a required one is declared {@code @NotBlank} on its request). */
    static @Nullable LocalDate date(@Nullable String value, String field, @Nullable LocalDate otherwise, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return RequestDates.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "Enter a real date" + RequestDates.hint(e, ", for example 2027-01-12")));
            return null;
        }
    }

    /** The next review falls after {@code from} and within {@link #LONGEST_REVIEW_MONTHS} months of it. */
    static void reviewDate(@Nullable LocalDate review, @Nullable LocalDate from, String field, List<FieldError> errors) {
        if (review == null || from == null) {
            return;
        }
        if (!review.isAfter(from)) {
            errors.add(new FieldError(field, "The review date must be after " + DAY.format(from)));
        } else if (review.isAfter(from.plusMonths(LONGEST_REVIEW_MONTHS))) {
            errors.add(new FieldError(field, "The review date must be within " + LONGEST_REVIEW_MONTHS + " months, by "
                    + DAY.format(from.plusMonths(LONGEST_REVIEW_MONTHS)) + " (H-5)"));
        }
    }

    static void notFuture(@Nullable LocalDate date, LocalDate today, String field, List<FieldError> errors) {
        if (date != null && date.isAfter(today)) {
            errors.add(new FieldError(field, "The date cannot be in the future"));
        }
    }
}
