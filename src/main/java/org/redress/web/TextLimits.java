package org.redress.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Size;
import jakarta.validation.groups.Default;
import org.jspecify.annotations.Nullable;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * How long any text a person or system sends may be: the one set of sizes every request field and form field is
 * limited to, declared on the field with {@code @Size(max = TextLimits.TEXT)}. Text with no limit let one request store
 * a megabyte in a note, which made the Ombudsman information pack take minutes to render and a name too long for its
 * index fail with a server error (issue 19).
 *
 * <p>Every JSON body is checked against its fields' sizes before its controller runs ({@link TextLimitsAdvice}); a page
 * form is checked with {@link #check(Object)} where the page shows its other errors. Too long: 400 naming the field and
 * its limit, nothing stored.
 *
 * <p>The same check reads every other declared rule of a field ({@code @NotBlank}, {@code @Pattern},
 * {@link EmailAddress}...), so the shape of a request (missing, too long, wrong format) is declared on its record and
 * checked here, in one place; what depends on the state of a case is a {@link Refusal}.
 */
public final class TextLimits {

    /** A person's name, an email address, a phone number, a reference, a code or choice, a date or amount typed as text. */
    public static final int NAME = 200;

    /** One line of prose or a postal address. */
    public static final int LINE = 500;

    /** A note, a description, reasons, findings: anything written in paragraphs. */
    public static final int TEXT = 10_000;

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    private TextLimits() {
    }

    /** What a field longer than {@code max} characters is told, e.g. "must be 10,000 characters or fewer". */
    public static String tooLong(int max) {
        return String.format(Locale.UK, "must be %,d characters or fewer", max);
    }

    /** Refuses a request or form (400) if any of its fields is longer than its {@code @Size} allows, naming each one. */
    public static void check(Object request) {
        List<FieldError> errors = errorsIn(request);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /**
     * Refuses a request (400) if any of its fields is longer than its {@code @Size} allows, before anything reads it
     * ({@link TextLimitsAdvice}); its other declared rules are checked with {@link #check(Object)} or
     * {@link #errorsIn(Object)} where its other errors are found, so one answer names them all.
     */
    public static void checkSizes(Object request) {
        List<FieldError> errors = errorsIn(request, false, true);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /** Refuses one value (400) longer than {@code max} characters, naming its field. */
    public static void check(String field, @Nullable String value, int max) {
        if (value != null && value.length() > max) {
            throw new InvalidInputException(field, tooLong(max));
        }
    }

    /** Adds an error naming the field when the value is longer than {@code max} characters; true if it was. */
    public static boolean check(List<FieldError> errors, String field, @Nullable String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(new FieldError(field, tooLong(max)));
            return true;
        }
        return false;
    }

    /** Every field of a request longer than its {@code @Size} allows, by its path in the request ({@code points[2]}). */
    public static List<FieldError> errorsIn(Object request) {
        return errorsIn(request, false);
    }

    /**
     * The same with the rules of the given validation groups as well as the ordinary ones: the rules that hold for one
     * kind of request only (what a payment needs that an apology does not).
     */
    public static List<FieldError> errorsIn(Object request, Class<?> group) {
        return errorsIn(request, false, false, Default.class, group);
    }

    /**
     * The same for a page form, each message naming its field in words for the error summary: "What happened must be
     * 10,000 characters or fewer".
     */
    public static List<FieldError> formErrorsIn(Object form) {
        return errorsIn(form, true);
    }

    /** Only the fields of a page form that are longer than their {@code @Size}, named in words (no other rule). */
    public static List<FieldError> formSizeErrorsIn(Object form) {
        return errorsIn(form, true, true);
    }

    /** Refuses a page form (400) if any of its fields is too long, with messages for the error summary. */
    public static void checkForm(Object form) {
        List<FieldError> errors = formErrorsIn(form);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /** The form, once {@link #checkForm(Object) checked}. */
    public static <T> T checkedForm(T form) {
        checkForm(form);
        return form;
    }

    /** Refuses one form field (400) longer than {@code max} characters, with a message for the error summary. */
    public static void checkFormField(String field, @Nullable String value, int max) {
        if (value != null && value.length() > max) {
            throw new InvalidInputException(field, inWords(field) + " " + tooLong(max));
        }
    }

    private static List<FieldError> errorsIn(Object request, boolean inWords) {
        return errorsIn(request, inWords, false);
    }

    private static List<FieldError> errorsIn(Object request, boolean inWords, boolean sizesOnly, Class<?>... groups) {
        List<ConstraintViolation<Object>> violations = new ArrayList<>(VALIDATOR.validate(request, groups));
        if (sizesOnly) {
            violations.removeIf(v -> !(v.getConstraintDescriptor().getAnnotation() instanceof Size));
        }
        // in the order the request declares its fields, as a form shows them; within one field by its path
        violations.sort(Comparator.comparingInt((ConstraintViolation<Object> v) -> declared(request.getClass(), v.getPropertyPath()))
                .thenComparingInt(v -> firstIndex(v.getPropertyPath()))
                .thenComparing(v -> field(v.getPropertyPath())));
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<Object> v : violations) {
            String field = field(v.getPropertyPath());
            // a size names its field in words on a page; any other rule's message on a form is already a whole sentence
            if (v.getConstraintDescriptor().getAnnotation() instanceof Size size) {
                errors.add(new FieldError(field, inWords ? inWords(field) + " " + tooLong(size.max()) : tooLong(size.max())));
            } else {
                errors.add(new FieldError(field, v.getMessage()));
            }
        }
        // two rules of one field that say the same (a value's sign and its decimals) are one error
        return errors.stream().distinct().toList();
    }

    /** Where the path's first field is declared in the request: its place among the record's components. */
    private static int declared(Class<?> type, Path path) {
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PROPERTY && node.getName() != null && type.isRecord()) {
                RecordComponent[] components = type.getRecordComponents();
                for (int i = 0; i < components.length; i++) {
                    if (components[i].getName().equals(node.getName())) {
                        return i;
                    }
                }
            }
            break;
        }
        return Integer.MAX_VALUE;
    }

    /** The first list index in the path ({@code points[12].reasons} is 12), so item 2 comes before item 10. */
    private static int firstIndex(Path path) {
        for (Path.Node node : path) {
            if (node.isInIterable() && node.getIndex() != null) {
                return node.getIndex();
            }
        }
        return -1;
    }

    /** A field's name as words: {@code whatHappened} is "What happened", {@code pointReasons[1]} "Point reasons". */
    static String inWords(String field) {
        String name = field.substring(field.lastIndexOf('.') + 1).replaceAll("\\[.*]", "");
        String words = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.UK);
        return words.isEmpty() ? field : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** A property path as the API names fields: {@code complainant.name}, {@code points[0]}, {@code findings[1].notes}. */
    private static String field(Path path) {
        StringBuilder out = new StringBuilder();
        for (Path.Node node : path) {
            if (node.isInIterable()) {
                out.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (node.getKind() == ElementKind.PROPERTY && node.getName() != null) {
                out.append(out.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        return out.toString();
    }
}
