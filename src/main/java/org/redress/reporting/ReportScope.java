package org.redress.reporting;

import org.jspecify.annotations.Nullable;
import org.redress.calendar.UkTime;
import org.redress.web.FieldError;
import org.redress.web.InvalidInputException;
import org.redress.web.RequestDates;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What a report covers: an organisation, a period of whole UK days (both ends included), and optionally one service
 * line and one service area. A reader limited to some service areas (accounts' {@code CaseAccess}) gets a scope
 * {@link #limitedTo} those areas, so every figure and every list of cases behind it covers only their cases; the
 * limit comes from who is signed in, never from the request, so no parameter lifts it.
 *
 * @param limitedTo the only service areas the reader may see, sorted; null for every area
 */
record ReportScope(String organisation, LocalDate from, LocalDate to, @Nullable String serviceLine, @Nullable String serviceArea,
                   @Nullable List<String> limitedTo) {

    ReportScope {
        limitedTo = limitedTo == null ? null : limitedTo.stream().sorted().distinct().toList();
    }

    /** A scope over every service area the filters allow. */
    ReportScope(String organisation, LocalDate from, LocalDate to, @Nullable String serviceLine, @Nullable String serviceArea) {
        this(organisation, from, to, serviceLine, serviceArea, null);
    }

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

    /** The same scope, seen by a reader limited to these service areas (null: every area). */
    ReportScope limitedTo(@Nullable Collection<String> serviceAreas) {
        return new ReportScope(organisation, from, to, serviceLine, serviceArea, serviceAreas == null ? null : List.copyOf(serviceAreas));
    }

    /**
     * What a limited reader is told wherever figures are shown, e.g. "Showing Repairs only: you are limited to these
     * service areas."; null for a reader who sees every area.
     */
    @Nullable String limitNotice() {
        if (limitedTo == null) {
            return null;
        }
        String areas = limitedTo.isEmpty() ? "no service area" : limitedTo.size() == 1 ? limitedTo.get(0)
                : String.join(", ", limitedTo.subList(0, limitedTo.size() - 1)) + " and " + limitedTo.get(limitedTo.size() - 1);
        String chosen = serviceArea == null || limitedTo.contains(serviceArea) ? ""
                : " The service area chosen, " + serviceArea + ", is not one of them, so there is nothing to show.";
        return "Showing " + areas + " only: you are limited to "
                + (limitedTo.size() == 1 ? "this service area." : "these service areas.") + chosen;
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
                + (serviceArea == null ? "" : ", service area " + serviceArea)
                + (limitedTo == null ? "" : ", limited to " + String.join(", ", limitedTo));
    }

    private static @Nullable LocalDate date(String name, @Nullable String text, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return RequestDates.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, RequestDates.explain(e, "must be a date like 2026-04-01")));
            return null;
        }
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
