package org.redress.pages;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates, times and statuses in plain English for templates ({@code ${@pageText.day(x)}}). Every deadline status has
 * words and an icon, never colour alone.
 */
@Component("pageText")
public class PageText {

    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.UK);
    private static final DateTimeFormatter LONG_DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy, h:mma", Locale.UK);

    /** How a deadline status is shown: words, an icon that differs in shape, and a tag colour. */
    public record Status(String label, String icon, String tagClass) {
    }

    public String day(@Nullable Object value) {
        if (value == null) return "";
        if (value instanceof LocalDate d) return DAY.format(d);
        if (value instanceof Instant i) return DAY.format(i.atZone(UK));
        return value.toString();
    }

    public String longDay(@Nullable Object value) {
        if (value == null) return "";
        if (value instanceof LocalDate d) return LONG_DAY.format(d);
        if (value instanceof Instant i) return LONG_DAY.format(i.atZone(UK));
        return value.toString();
    }

    public String time(@Nullable Instant value) {
        return value == null ? "" : TIME.format(value.atZone(UK)).replace("AM", "am").replace("PM", "pm");
    }

    /**
     * A deadline instant as people say it: one at midnight is due "by the end of" the day before (how working-day
     * deadlines are stored); any other shows its time.
     */
    public String deadline(@Nullable Instant value) {
        if (value == null) return "";
        var local = value.atZone(UK);
        if (local.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)) {
            return "end of " + DAY.format(local.toLocalDate().minusDays(1));
        }
        return time(value);
    }

    /** ON_TIME, DUE_SOON, OVERDUE, MET, MET_LATE, PAUSED or CANCELLED as words, icon and tag. */
    public Status status(@Nullable Object status) {
        String name = status == null ? "" : status.toString();
        return switch (name) {
            case "ON_TIME" -> new Status("On time", "✓", "govuk-tag--green");
            case "DUE_SOON" -> new Status("Due soon", "◷", "govuk-tag--yellow");
            case "OVERDUE" -> new Status("Overdue", "✕", "govuk-tag--red");
            case "MET" -> new Status("Met", "✓", "govuk-tag--grey");
            case "MET_LATE" -> new Status("Met late", "!", "govuk-tag--orange");
            case "PAUSED" -> new Status("Paused", "‖", "govuk-tag--blue");
            case "CANCELLED" -> new Status("Cancelled", "–", "govuk-tag--grey");
            case "LAPSED" -> new Status("Window passed", "–", "govuk-tag--grey");
            default -> new Status("No deadline", "–", "govuk-tag--grey");
        };
    }

    /** An enum-like code (PARTLY_UPHELD, record-evidence) as plain words. */
    public String words(@Nullable Object code) {
        if (code == null) return "";
        String text = code.toString().replace('_', ' ').replace('-', ' ').toLowerCase(Locale.UK);
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
