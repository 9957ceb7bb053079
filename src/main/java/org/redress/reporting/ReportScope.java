package org.redress.reporting;

import org.jspecify.annotations.Nullable;
import org.redress.calendar.UkTime;
import org.redress.web.FieldError;
import org.redress.web.InvalidInputException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a report covers: an organisation, a period of whole UK days (both ends included), and optionally one service
 * line and one service area.
 */
record ReportScope(String organisation, LocalDate from, LocalDate to, @Nullable String serviceLine, @Nullable String serviceArea) {

    /** The longest period one report may cover. */
    static final int MAX_YEARS = 10;

    /**
     * Reads a scope from request parameters; a missing period is the twelve months up to {@code today}. Bad dates
     * are refused naming the parameter.
     */
    static ReportScope parse(String organisation, @Nullable String from, @Nullable String to, @Nullable String serviceLine,
                             @Nullable String serviceArea, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate end = date("to", to, errors);
        LocalDate start = date("from", from, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        LocalDate last = end != null ? end : start != null ? start.plusYears(1).minusDays(1) : today;
        LocalDate first = start != null ? start : last.minusYears(1).plusDays(1);
        if (last.isBefore(first)) {
            throw new InvalidInputException("to", "must be on or after from (" + first + ")");
        }
        if (first.plusYears(MAX_YEARS).isBefore(last)) {
            throw new InvalidInputException("to", "a report covers at most " + MAX_YEARS + " years");
        }
        return new ReportScope(organisation, first, last, blankToNull(serviceLine), blankToNull(serviceArea));
    }

    Instant start() {
        return from.atStartOfDay(UkTime.ZONE).toInstant();
    }

    /** The instant the period ends (exclusive): the start of the day after {@code to}. */
    Instant end() {
        return to.plusDays(1).atStartOfDay(UkTime.ZONE).toInstant();
    }

    String describe() {
        return from + " to " + to + (serviceLine == null ? "" : ", service line " + serviceLine)
                + (serviceArea == null ? "" : ", service area " + serviceArea);
    }

    private static @Nullable LocalDate date(String name, @Nullable String text, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, "must be a date like 2026-04-01"));
            return null;
        }
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
