package org.redress.staffui;

import org.jspecify.annotations.Nullable;
import org.redress.web.FieldError;
import org.redress.web.TextLimits;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The repeatable rows of the "log a contact" form, as posted: the points of complaint (each with its category) and the
 * members of staff the complaint is about. Each row's fields are named with its number ({@code pointSummary-2},
 * {@code staffName-1}), so a browser without JavaScript adds a row by posting the form back ("Add another point") and
 * every field keeps what was typed. A row left empty is not a row.
 */
record ContactRows(List<PointRow> points, List<PersonRow> people) {

    /** Enough rows for any contact, few enough that a crafted form cannot make the page enormous. */
    static final int MAX_ROWS = 30;

    record PointRow(String summary, String category) {
        boolean empty() {
            return summary.isBlank() && category.isBlank();
        }
    }

    record PersonRow(String name, String role, String kind) {
        boolean empty() {
            return name.isBlank() && role.isBlank();
        }
    }

    private static final Pattern ROW = Pattern.compile("(pointSummary|pointCategory|staffName|staffRole|staffKind)-(\\d{1,2})");

    /** One empty point and one empty person: the form as first shown. */
    static ContactRows empty() {
        return new ContactRows(List.of(new PointRow("", "")), List.of(new PersonRow("", "", "staff")));
    }

    /** The rows of a posted form, in their numbers' order, with at least one (empty) row of each. */
    static ContactRows from(Map<String, String[]> parameters) {
        Map<Integer, Map<String, String>> byNumber = new TreeMap<>();
        parameters.forEach((name, values) -> {
            Matcher m = ROW.matcher(name);
            if (m.matches() && values.length > 0) {
                byNumber.computeIfAbsent(Integer.parseInt(m.group(2)), n -> new java.util.HashMap<>()).put(m.group(1), values[0]);
            }
        });
        List<PointRow> points = new ArrayList<>();
        List<PersonRow> people = new ArrayList<>();
        byNumber.values().forEach(fields -> {
            if (fields.containsKey("pointSummary") || fields.containsKey("pointCategory")) {
                points.add(new PointRow(value(fields, "pointSummary"), value(fields, "pointCategory")));
            }
            if (fields.containsKey("staffName") || fields.containsKey("staffRole")) {
                String kind = value(fields, "staffKind");
                people.add(new PersonRow(value(fields, "staffName"), value(fields, "staffRole"), kind.isBlank() ? "staff" : kind));
            }
        });
        return new ContactRows(atLeastOne(limited(points), new PointRow("", "")), atLeastOne(limited(people), new PersonRow("", "", "staff")));
    }

    /** The same rows and one more empty row of the kind asked for ("point" or "person"), up to {@link #MAX_ROWS}. */
    ContactRows withAnother(@Nullable String kind) {
        if ("point".equals(kind) && points.size() < MAX_ROWS) {
            List<PointRow> more = new ArrayList<>(points);
            more.add(new PointRow("", ""));
            return new ContactRows(more, people);
        }
        if ("person".equals(kind) && people.size() < MAX_ROWS) {
            List<PersonRow> more = new ArrayList<>(people);
            more.add(new PersonRow("", "", "staff"));
            return new ContactRows(points, more);
        }
        return this;
    }

    /** The rows filled in, each field within its size; too long a field adds its message. */
    List<PointRow> filledPoints(List<FieldError> errors) {
        List<PointRow> filled = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            PointRow p = points.get(i);
            sized("pointSummary-" + (i + 1), "Point " + (i + 1), p.summary(), TextLimits.TEXT, errors);
            sized("pointCategory-" + (i + 1), "The category of point " + (i + 1), p.category(), TextLimits.NAME, errors);
            if (!p.empty() && p.summary().isBlank()) {
                errors.add(new FieldError("pointSummary-" + (i + 1), "Enter point " + (i + 1) + ", or clear its category"));
            }
            if (!p.empty()) {
                filled.add(p);
            }
        }
        return filled;
    }

    List<PersonRow> filledPeople(List<FieldError> errors) {
        List<PersonRow> filled = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            PersonRow p = people.get(i);
            sized("staffName-" + (i + 1), "The name of person " + (i + 1), p.name(), TextLimits.NAME, errors);
            sized("staffRole-" + (i + 1), "The job of person " + (i + 1), p.role(), TextLimits.NAME, errors);
            if (!p.kind().equals("staff") && !p.kind().equals("contractor")) {
                errors.add(new FieldError("staffKind-" + (i + 1), "Choose whether person " + (i + 1) + " is a member of staff or a contractor"));
            }
            if (!p.empty() && p.name().isBlank()) {
                errors.add(new FieldError("staffName-" + (i + 1), "Enter the name of person " + (i + 1) + ", or clear their job"));
            }
            if (!p.empty()) {
                filled.add(p);
            }
        }
        return filled;
    }

    private static void sized(String field, String what, String value, int max, List<FieldError> errors) {
        if (value.length() > max) {
            errors.add(new FieldError(field, what + " must be " + max + " characters or fewer"));
        }
    }

    private static String value(Map<String, String> fields, String name) {
        String value = fields.get(name);
        return value == null ? "" : value;
    }

    private static <T> List<T> limited(List<T> rows) {
        return rows.size() <= MAX_ROWS ? rows : rows.subList(0, MAX_ROWS);
    }

    private static <T> List<T> atLeastOne(List<T> rows, T empty) {
        return rows.isEmpty() ? List.of(empty) : List.copyOf(rows);
    }
}
