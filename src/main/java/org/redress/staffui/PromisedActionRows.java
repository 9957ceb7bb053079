package org.redress.staffui;

import org.jspecify.annotations.Nullable;
import org.redress.casework.CaseTypes.Action;
import org.redress.web.FieldError;
import org.redress.web.TextLimits;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The promised actions of a response as rows (issue 21, A-5): what will be done and its due date as day, month and
 * year, and who will do it (the API's owner; left empty, whoever sends the response owns it), instead of a typed
 * "what | YYYY-MM-DD". Each row's fields are named with its number ({@code actionWhat-2}),
 * so "Add another action" posts the form back and the page shows one more empty row with everything typed kept,
 * without JavaScript. A row left empty is not an action.
 */
record PromisedActionRows(List<Row> rows) {

    static final int MAX_ROWS = 30;

    record Row(String what, String dueDay, String dueMonth, String dueYear, String owner) {
        boolean empty() {
            return what.isBlank() && dueDay.isBlank() && dueMonth.isBlank() && dueYear.isBlank() && owner.isBlank();
        }
    }

    private static final Pattern FIELD = Pattern.compile("action(What|DueDay|DueMonth|DueYear|Owner)-(\\d{1,2})");

    static PromisedActionRows empty() {
        return new PromisedActionRows(List.of(new Row("", "", "", "", "")));
    }

    static PromisedActionRows from(Map<String, String[]> parameters) {
        Map<Integer, Map<String, String>> byNumber = new TreeMap<>();
        parameters.forEach((name, values) -> {
            Matcher m = FIELD.matcher(name);
            if (m.matches() && values.length > 0) {
                byNumber.computeIfAbsent(Integer.parseInt(m.group(2)), n -> new HashMap<>()).put(m.group(1), values[0]);
            }
        });
        List<Row> rows = new ArrayList<>();
        byNumber.values().forEach(f -> rows.add(new Row(f.getOrDefault("What", ""), f.getOrDefault("DueDay", ""),
                f.getOrDefault("DueMonth", ""), f.getOrDefault("DueYear", ""), f.getOrDefault("Owner", ""))));
        if (rows.isEmpty()) {
            return empty();
        }
        return new PromisedActionRows(List.copyOf(rows.size() <= MAX_ROWS ? rows : rows.subList(0, MAX_ROWS)));
    }

    PromisedActionRows withAnother() {
        if (rows.size() >= MAX_ROWS) {
            return this;
        }
        List<Row> more = new ArrayList<>(rows);
        more.add(new Row("", "", "", "", ""));
        return new PromisedActionRows(more);
    }

    /** The actions the rows promise, each with its date; a row's problem is added to {@code errors} naming its field. */
    List<Action> actions(List<FieldError> errors) {
        List<Action> actions = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            int n = i + 1;
            if (r.empty()) {
                continue;
            }
            if (r.what().isBlank()) {
                errors.add(new FieldError("actionWhat-" + n, "Enter what will be done for action " + n));
            } else if (r.what().length() > TextLimits.TEXT) {
                errors.add(new FieldError("actionWhat-" + n, "Action " + n + " must be " + TextLimits.TEXT + " characters or fewer"));
            }
            boolean ownerFits = r.owner().strip().length() <= TextLimits.NAME;
            if (!ownerFits) {
                errors.add(new FieldError("actionOwner-" + n, "Who will do action " + n + " must be " + TextLimits.NAME + " characters or fewer"));
            }
            LocalDate due = due(r, n, errors);
            if (due != null && !r.what().isBlank() && r.what().length() <= TextLimits.TEXT && ownerFits) {
                actions.add(new Action(r.what().strip(), due, r.owner().isBlank() ? null : r.owner().strip()));
            }
        }
        return actions;
    }

    private static @Nullable LocalDate due(Row r, int n, List<FieldError> errors) {
        String field = "actionDue-" + n;
        List<String> missing = new ArrayList<>();
        if (r.dueDay().isBlank()) missing.add("a day");
        if (r.dueMonth().isBlank()) missing.add("a month");
        if (r.dueYear().isBlank()) missing.add("a year");
        if (missing.size() == 3) {
            errors.add(new FieldError(field, "Enter the date action " + n + " will be done by: every promised action has a date"));
            return null;
        }
        if (!missing.isEmpty()) {
            errors.add(new FieldError(field, "The date of action " + n + " must include " + String.join(" and ", missing)));
            return null;
        }
        if (!r.dueDay().strip().matches("\\d{1,2}") || !r.dueMonth().strip().matches("\\d{1,2}") || !r.dueYear().strip().matches("\\d{4}")) {
            errors.add(new FieldError(field, "The date of action " + n + " must be a real date, like 8 1 2027"));
            return null;
        }
        List<FieldError> problems = new ArrayList<>();
        LocalDate date = FormValues.date("%s-%02d-%02d".formatted(r.dueYear().strip(), Integer.parseInt(r.dueMonth().strip()),
                Integer.parseInt(r.dueDay().strip())), field, "the date of action " + n, problems);
        errors.addAll(problems);
        return date;
    }
}
