package org.redress.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * When something is due, and how that was worked out.
 *
 * @param start the instant the clock started
 * @param unit what it counts in
 * @param amount how many units
 * @param calendar the working-day calendar used ("England and Wales", with closures where the organisation has them)
 * @param skipped the non-working days a working-day clock passed over, each with its reason
 * @param dueDate the UK date it falls due
 * @param dueBy the instant by which it must be met: the exact instant for clock hours, otherwise the end of the due date
 */
public record Deadline(Instant start, ClockUnit unit, int amount, String calendar,
                       List<NonWorkingDay> skipped, LocalDate dueDate, Instant dueBy) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm zzz 'on' EEE d MMM yyyy", Locale.UK);

    public Deadline {
        skipped = List.copyOf(skipped);
    }

    public LocalDate startDate() {
        return UkTime.dateOf(start);
    }

    /** A plain-English sentence saying what is due when, and why. */
    public String explanation() {
        return "Due " + due() + ": " + workings();
    }

    /** When it is due: "by the end of Wed 30 Dec 2026", or "by 16:00 GMT on Tue 24 Nov 2026" for clock hours. */
    public String due() {
        return unit == ClockUnit.CLOCK_HOURS ? "by " + TIME.format(dueBy.atZone(UkTime.ZONE)) : "by the end of " + DAY.format(dueDate);
    }

    /** How that was worked out, as a sentence: "10 working days after Mon 7 Dec 2026 in the ... calendar (...)." */
    public String workings() {
        return switch (unit) {
            case CLOCK_HOURS -> "%s from %s (every hour counts, including nights, weekends and holidays)."
                    .formatted(unit.describe(amount), TIME.format(start.atZone(UkTime.ZONE)));
            case WORKING_DAYS -> "%s after %s in the %s calendar (the start day is day 0)%s."
                    .formatted(unit.describe(amount), DAY.format(startDate()), calendar,
                            skipped.isEmpty() ? ", no days skipped" : ", skipping " + skipped.stream()
                                    .map(d -> DAY.format(d.date()) + " (" + d.reason() + ")")
                                    .collect(Collectors.joining(", ")));
            case CALENDAR_MONTHS -> "%s after %s%s."
                    .formatted(unit.describe(amount), DAY.format(startDate()),
                            dueDate.getDayOfMonth() != startDate().getDayOfMonth()
                                    ? " (that month has no " + ordinal(startDate().getDayOfMonth()) + ", so its last day)"
                                    : "");
            case CALENDAR_DAYS, WEEKS -> "%s after %s (every day counts)."
                    .formatted(unit.describe(amount), DAY.format(startDate()));
        };
    }

    private static String ordinal(int day) {
        String suffix = (day % 100 >= 11 && day % 100 <= 13) ? "th"
                : switch (day % 10) {
                    case 1 -> "st";
                    case 2 -> "nd";
                    case 3 -> "rd";
                    default -> "th";
                };
        return day + suffix;
    }
}
