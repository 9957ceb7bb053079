package org.redress.staffui;

import org.jspecify.annotations.Nullable;
import org.redress.web.FieldError;
import org.redress.web.InvalidInputException;
import org.redress.web.RequestDates;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Reading the staff pages' forms, where every field arrives as text: a choice, a date or a yes/no that does not read
 * adds a message for the error summary instead of failing the page.
 */
final class FormValues {

    private FormValues() {
    }

    static @Nullable Boolean yesNo(@Nullable String value) {
        return "yes".equals(value) ? Boolean.TRUE : "no".equals(value) ? Boolean.FALSE : null;
    }

    /** The choice, or null with {@code message} added when it is missing or not one of the list. */
    static <E extends Enum<E>> @Nullable E enumValue(Class<E> type, @Nullable String value, String field, String message, List<FieldError> errors) {
        try {
            if (!blank(value)) return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            // reported below
        }
        errors.add(new FieldError(field, message));
        return null;
    }

    /** The date, or null when it was left empty; a date that does not read adds "Enter {what} as a real date". */
    static @Nullable LocalDate date(@Nullable String value, String field, String what, List<FieldError> errors) {
        if (blank(value)) return null;
        try {
            return RequestDates.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "Enter " + what + " as a real date" + RequestDates.hint(e, "")));
            return null;
        }
    }

    static String required(String field, @Nullable String value, String message) {
        if (blank(value)) throw new InvalidInputException(field, message);
        return value.strip();
    }

    static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) throw new InvalidInputException(errors);
    }

    static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }

    static @Nullable String blankToNull(@Nullable String value) {
        return blank(value) ? null : value.strip();
    }
}
