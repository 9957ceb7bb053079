package org.redress.staffui;

import org.jspecify.annotations.Nullable;
import org.redress.casework.RegisterFilter;
import org.redress.web.FieldError;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The register page's filters as typed: the dates received between in day, month and year boxes (the GOV.UK date
 * pattern), put together here as the API's YYYY-MM-DD; every other field is the API's parameter of the same meaning.
 */
record RegisterForm(@Nullable String q, @Nullable String type, @Nullable String status, @Nullable String stage,
                    @Nullable String serviceLine, @Nullable String serviceArea, @Nullable String subject, @Nullable String owner,
                    @Nullable String fromDay, @Nullable String fromMonth, @Nullable String fromYear,
                    @Nullable String toDay, @Nullable String toMonth, @Nullable String toYear,
                    @Nullable String overdue, @Nullable String sort, @Nullable String cursor) {

    /** The filter the register checks; a date that is not a real one is left out here and named by {@link #dateErrors()}. */
    RegisterFilter filter() {
        return new RegisterFilter(q, type, status, stage, serviceLine, serviceArea, subject, owner, iso(fromDay, fromMonth, fromYear),
                iso(toDay, toMonth, toYear), overdue, sort, null, cursor);
    }

    /** What is wrong with the dates as typed, named by the field the error summary links to (the day box). */
    List<FieldError> dateErrors() {
        List<FieldError> errors = new ArrayList<>();
        check(errors, "receivedFrom", "Received from", fromDay, fromMonth, fromYear);
        check(errors, "receivedTo", "Received to", toDay, toMonth, toYear);
        return errors;
    }

    /** A problem the register named by its API parameter, in the page's words where they differ. */
    static FieldError onThePage(FieldError error) {
        return switch (error.field()) {
            case "receivedTo" -> error.message().startsWith("must be the same day")
                    ? new FieldError("receivedTo", "Received to must be the same day as received from or after it")
                    : new FieldError("receivedTo", "Received to " + error.message());
            case "receivedFrom" -> new FieldError("receivedFrom", "Received from " + error.message());
            case "text" -> new FieldError("q", "Search " + error.message());
            case "type" -> new FieldError("type", "Type " + error.message());
            case "status" -> new FieldError("status", "Status " + error.message());
            case "stage" -> new FieldError("stage", "Stage " + error.message());
            case "serviceLine" -> new FieldError("serviceLine", "Service line " + error.message());
            case "serviceArea" -> new FieldError("serviceArea", "Service area " + error.message());
            case "subject" -> new FieldError("subject", "Subject " + error.message());
            case "owner" -> new FieldError("owner", "Owner's username " + error.message());
            case "overdue" -> new FieldError("overdue", "Only records past their deadline " + error.message());
            case "sort" -> new FieldError("sort", "Order " + error.message());
            case "cursor" -> new FieldError("q", "The next page " + error.message() + ": search again");
            default -> error;
        };
    }

    /** The query of the CSV and Excel links ("?status=CLOSED&..." or ""): these filters by the API's names, from the first record. */
    String exportQuery() {
        return questionMark(query(null).build().encode().getQuery());
    }

    /** The address of the page after this one: these filters as typed and the register's cursor. */
    String pageQuery(String nextCursor) {
        UriComponentsBuilder b = UriComponentsBuilder.newInstance();
        add(b, "q", q);
        add(b, "type", type);
        add(b, "status", status);
        add(b, "stage", stage);
        add(b, "serviceLine", serviceLine);
        add(b, "serviceArea", serviceArea);
        add(b, "subject", subject);
        add(b, "owner", owner);
        add(b, "fromDay", fromDay);
        add(b, "fromMonth", fromMonth);
        add(b, "fromYear", fromYear);
        add(b, "toDay", toDay);
        add(b, "toMonth", toMonth);
        add(b, "toYear", toYear);
        add(b, "overdue", overdue);
        add(b, "sort", sort);
        add(b, "cursor", nextCursor);
        return questionMark(b.build().encode().getQuery());
    }

    private UriComponentsBuilder query(@Nullable String cursor) {
        RegisterFilter f = filter();
        UriComponentsBuilder b = UriComponentsBuilder.newInstance();
        add(b, "text", f.text());
        add(b, "type", f.type());
        add(b, "status", f.status());
        add(b, "stage", f.stage());
        add(b, "serviceLine", f.serviceLine());
        add(b, "serviceArea", f.serviceArea());
        add(b, "subject", f.subject());
        add(b, "owner", f.owner());
        add(b, "receivedFrom", f.receivedFrom());
        add(b, "receivedTo", f.receivedTo());
        add(b, "overdue", f.overdue());
        add(b, "sort", f.sort());
        add(b, "cursor", cursor);
        return b;
    }

    private static String questionMark(@Nullable String query) {
        return query == null || query.isEmpty() ? "" : "?" + query;
    }

    private static void add(UriComponentsBuilder b, String name, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            b.queryParam(name, value.strip());
        }
    }

    private static @Nullable String iso(@Nullable String day, @Nullable String month, @Nullable String year) {
        LocalDate date = date(day, month, year);
        return date == null ? null : date.toString();
    }

    private static @Nullable LocalDate date(@Nullable String day, @Nullable String month, @Nullable String year) {
        if (blank(day) || blank(month) || blank(year)) {
            return null;
        }
        try {
            int y = Integer.parseInt(year.strip());
            if (year.strip().length() != 4) {
                return null;
            }
            return LocalDate.of(y, Integer.parseInt(month.strip()), Integer.parseInt(day.strip()));
        } catch (NumberFormatException | DateTimeException e) {
            return null;
        }
    }

    private static void check(List<FieldError> errors, String field, String label, @Nullable String day, @Nullable String month,
                              @Nullable String year) {
        boolean none = blank(day) && blank(month) && blank(year);
        if (none) {
            return;
        }
        if (blank(day) || blank(month) || blank(year)) {
            errors.add(new FieldError(field, label + " must include a day, month and year"));
        } else if (date(day, month, year) == null) {
            errors.add(new FieldError(field, label + " must be a real date, for example 27 3 2026"));
        }
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
