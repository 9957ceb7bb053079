package org.redress.web;

import org.jspecify.annotations.Nullable;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.List;

/**
 * The one reader of dates and times that arrive in requests (query parameters, form fields, JSON text fields). ISO
 * 8601 alone would accept {@code +999999999-12-31} or {@code 0000-01-01}, which then overflow a period's arithmetic,
 * PostgreSQL's date range or the calendar deep inside a report (a 500); so a date is also refused unless it falls in
 * the years the calendar covers ({@code redress.calendar.first-year} to {@code last-year}, 2000 to 2100 by default),
 * the same years every deadline is computed in. Every failure is a {@link DateTimeParseException}, so callers that
 * already catch that keep working; {@link #explain} gives the words for the field.
 *
 * <p>The years are read once at start-up ({@link DateSettings}); until then (plain unit tests) they are the
 * calendar's defaults.
 */
public final class RequestDates {

    /** UK local time, for the day an instant falls on (the calendar module's zone; the web module cannot depend on it). */
    private static final ZoneId UK = ZoneId.of("Europe/London");

    private record Years(int first, int last) {
    }

    private static volatile Years years = new Years(2000, 2100);

    private RequestDates() {
    }

    /** A well-formed date (or time) outside the years requests may name. */
    public static final class OutsideTheCalendar extends DateTimeParseException {
        OutsideTheCalendar(CharSequence text) {
            super(rangeMessage(), text, 0);
        }
    }

    static void limitTo(int firstYear, int lastYear) {
        if (lastYear < firstYear) {
            throw new IllegalArgumentException("the last year must not be before the first");
        }
        years = new Years(firstYear, lastYear);
    }

    public static LocalDate first() {
        return LocalDate.of(years.first(), 1, 1);
    }

    public static LocalDate last() {
        return LocalDate.of(years.last(), 12, 31);
    }

    /** A date written YYYY-MM-DD (spaces around it ignored), within the calendar's years. */
    public static LocalDate parse(CharSequence text) {
        if (text.toString().startsWith(TYPED)) {
            throw new NotARealDate(text);
        }
        return within(LocalDate.parse(strip(text)), text);
    }

    /** Marks the fields of a GOV.UK date input that do not make a date (see {@link #typed}). */
    private static final String TYPED = "day/month/year: ";

    /**
     * A GOV.UK date input's day, month and year as one field's text: empty when all three are, YYYY-MM-DD when they make a
     * real day, else the typed fields marked so that {@link #parse} refuses them saying what is missing or wrong.
     */
    public static String typed(String day, String month, String year) {
        String d = day.strip();
        String m = month.strip();
        String y = year.strip();
        if (d.isEmpty() && m.isEmpty() && y.isEmpty()) {
            return "";
        }
        if (d.matches("\\d{1,2}") && m.matches("\\d{1,2}") && y.matches("\\d{4}")) {
            try {
                return LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d)).toString();
            } catch (DateTimeException e) {
                // not a real day: refused by parse
            }
        }
        return TYPED + d + "/" + m + "/" + y;
    }

    /** Day, month and year fields that do not make a real date: the message says what is missing or wrong. */
    public static final class NotARealDate extends DateTimeParseException {
        NotARealDate(CharSequence text) {
            super(problem(text.toString().substring(TYPED.length()).split("/", -1)), text, 0);
        }

        private static String problem(String[] parts) {
            List<String> missing = new java.util.ArrayList<>();
            String[] names = {"a day", "a month", "a year"};
            for (int i = 0; i < 3; i++) {
                if (parts.length <= i || parts[i].isBlank()) {
                    missing.add(names[i]);
                }
            }
            if (!missing.isEmpty()) {
                return "must include " + String.join(" and ", missing);
            }
            return "must be a real date, with the year in four figures, like 27 3 2026";
        }
    }

    /** A local date and time written 2026-11-23T09:30 (UK time), within the calendar's years. */
    public static LocalDateTime parseDateTime(CharSequence text) {
        return within(LocalDateTime.parse(strip(text)), text);
    }

    /** A month written YYYY-MM, within the calendar's years. */
    public static YearMonth parseMonth(CharSequence text) {
        return within(YearMonth.parse(strip(text)), text);
    }

    /** An instant with its offset, 2026-11-23T09:30:00Z or 2026-11-23T09:30:00+01:00, within the calendar's years. */
    public static Instant parseInstant(CharSequence text) {
        return within(OffsetDateTime.parse(strip(text)).toInstant(), text);
    }

    /**
     * The date in a request field, or null when the field is blank; a bad one is added to {@code errors} naming the field
     * ("must be a date written YYYY-MM-DD" or the years allowed).
     */
    public static @Nullable LocalDate optional(String field, @Nullable String text, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return parse(text);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, explain(e, "must be a date written YYYY-MM-DD")));
            return null;
        }
    }

    /** What to tell the person: the allowed years when the date was well formed but outside them, else {@code otherwise}. */
    public static String explain(DateTimeException e, String otherwise) {
        return e instanceof OutsideTheCalendar || e instanceof NotARealDate ? e.getMessage() : otherwise;
    }

    /**
     * The end of a page's message ("Enter a real date" + this): the allowed years when the date was well formed but
     * outside them (" between 2000-01-01 and 2100-12-31"), else {@code otherwise} (", for example 2026-11-23").
     */
    public static String hint(DateTimeException e, String otherwise) {
        if (e instanceof NotARealDate) {
            return ": it " + e.getMessage();
        }
        return e instanceof OutsideTheCalendar ? " between " + first() + " and " + last() : otherwise;
    }

    /** Whether a date already read (from JSON, say) falls in the calendar's years. */
    public static boolean isWithin(TemporalAccessor value) {
        int year = yearOf(value);
        Years y = years;
        return year >= y.first() && year <= y.last();
    }

    static String rangeMessage() {
        return "must be between " + first() + " and " + last();
    }

    private static <T extends TemporalAccessor> T within(T value, CharSequence text) {
        if (!isWithin(value)) {
            throw new OutsideTheCalendar(text);
        }
        return value;
    }

    private static int yearOf(TemporalAccessor value) {
        if (value instanceof Instant instant) {
            // an instant near either end of the supported range has no zoned date; it is outside anyway
            if (instant.getEpochSecond() < -62_000_000_000_000L || instant.getEpochSecond() > 62_000_000_000_000L) {
                return Integer.MIN_VALUE;
            }
            return instant.atZone(UK).getYear();
        }
        if (value instanceof LocalDate d) {
            return d.getYear();
        }
        if (value instanceof LocalDateTime d) {
            return d.getYear();
        }
        if (value instanceof YearMonth m) {
            return m.getYear();
        }
        if (value instanceof OffsetDateTime d) {
            return d.getYear();
        }
        return value.get(java.time.temporal.ChronoField.YEAR);
    }

    private static String strip(CharSequence text) {
        return text.toString().strip();
    }
}
