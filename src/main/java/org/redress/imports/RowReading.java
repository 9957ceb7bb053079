package org.redress.imports;

import org.jspecify.annotations.Nullable;
import org.redress.calendar.UkTime;
import org.redress.casework.CaseTypes.Channel;
import org.redress.casework.CaseTypes.Outcome;
import org.redress.casework.CaseTypes.Tenure;
import org.redress.imports.ImportRow.Problem;
import org.redress.ombudsman.Finding;
import org.redress.ombudsman.OmbudsmanReferrals;
import org.redress.ombudsman.OrderKind;
import org.redress.policy.PolicyPack;
import org.redress.vocabulary.Filing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one register row through the mapping into an {@link ImportRow}, or every problem that keeps it out, by row and
 * column: a blank required field, a date that cannot be read or lies outside the calendar's years or in the future, a
 * date before the case was received or before the step it follows, an unknown record type, channel, outcome, tenure or
 * service area, and a source id the file has already had. One instance reads one file (it remembers the source ids).
 */
final class RowReading {

    /** What a row is checked against. */
    record Context(PolicyPack pack, Filing.Lists lists, LocalDate firstDay, LocalDate lastDay, Instant now) {
    }

    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})(?:[ T](\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?");
    private static final Pattern SERIAL = Pattern.compile("\\d{1,6}(\\.\\d+)?");
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);
    private static final Pattern NOT_LETTERS = Pattern.compile("[^A-Z]+");
    private static final Pattern EDGES = Pattern.compile("^_|_$");
    private static final Map<String, Channel> CHANNELS = Map.of("TELEPHONE", Channel.PHONE, "POST", Channel.LETTER, "ONLINE", Channel.WEB_FORM,
            "WEB", Channel.WEBSITE, "IN_PERSON", Channel.VISIT, "FACE_TO_FACE", Channel.VISIT, "E_MAIL", Channel.EMAIL,
            "SOCIAL", Channel.SOCIAL_MEDIA, "TEXT", Channel.TEXTPHONE);
    private static final Map<String, Tenure> TENURES = Map.of("SOCIAL_RENT", Tenure.LOW_COST_RENTAL, "GENERAL_NEEDS", Tenure.LOW_COST_RENTAL,
            "AFFORDABLE_RENT", Tenure.LOW_COST_RENTAL, "SHARED_OWNERSHIP", Tenure.LOW_COST_HOME_OWNERSHIP,
            "LEASEHOLD", Tenure.OTHER, "NOT_KNOWN", Tenure.UNKNOWN);

    private final ColumnMapping mapping;
    private final Map<String, Integer> columnIndex = new HashMap<>();
    private final Context context;
    private final Map<String, Integer> seen = new HashMap<>();
    /** Each area and subject as the lists file them: a register repeats a few of each in every row. */
    private final Map<String, Filing> filings = new HashMap<>();

    RowReading(List<String> headers, ColumnMapping mapping, Context context) {
        this.mapping = mapping;
        this.context = context;
        for (int i = 0; i < headers.size(); i++) {
            columnIndex.putIfAbsent(headers.get(i).strip(), i);
        }
    }

    ImportRow.Read read(int number, List<String> cells) {
        Row r = new Row(number, cells);
        String sourceId = r.required(ImportField.SOURCE_ID);
        if (sourceId != null) {
            Integer first = seen.putIfAbsent(sourceId, number);
            if (first != null) {
                r.problem(ImportField.SOURCE_ID, "appears again: row " + first + " has the same source id");
            }
        }
        Instant received = r.date(ImportField.RECEIVED_AT, true);
        String recordType = r.text(ImportField.RECORD_TYPE);
        String type = recordType == null ? "complaint" : recordTypeOf(r, recordType);
        Channel channel = channelOf(r, r.text(ImportField.CHANNEL));
        // the organisation's lists (issue 20): an alias is stored as its entry, an unknown value refused naming its column
        Filing filed = filed(r.text(ImportField.SERVICE_AREA), r.text(ImportField.SUBJECT));
        filed.problems().forEach(p -> r.problem(p.field().equals("serviceArea") ? ImportField.SERVICE_AREA : ImportField.SUBJECT, p.message()));
        String area = filed.serviceArea();
        Instant acknowledged = r.after(ImportField.ACKNOWLEDGED_AT, received, ImportField.RECEIVED_AT);
        Instant responded1 = r.after(ImportField.STAGE1_RESPONDED_AT, received, ImportField.RECEIVED_AT);
        Outcome outcome1 = outcomeOf(r, ImportField.STAGE1_OUTCOME);
        Instant escalated = r.after(ImportField.ESCALATED_AT, responded1 != null ? responded1 : received,
                responded1 != null ? ImportField.STAGE1_RESPONDED_AT : ImportField.RECEIVED_AT);
        Instant responded2 = r.after(ImportField.STAGE2_RESPONDED_AT, escalated != null ? escalated : received,
                escalated != null ? ImportField.ESCALATED_AT : ImportField.RECEIVED_AT);
        Outcome outcome2 = outcomeOf(r, ImportField.STAGE2_OUTCOME);
        Instant lastResponse = responded2 != null ? responded2 : responded1;
        Instant closed = r.after(ImportField.CLOSED_AT, lastResponse != null ? lastResponse : received,
                lastResponse != null ? (responded2 != null ? ImportField.STAGE2_RESPONDED_AT : ImportField.STAGE1_RESPONDED_AT)
                        : ImportField.RECEIVED_AT);
        if (responded2 != null && escalated == null && r.problems.stream().noneMatch(p -> p.field().equals(ImportField.ESCALATED_AT.key()))) {
            r.problem(ImportField.ESCALATED_AT, "is required when the row has a stage 2 response");
        }
        if (escalated != null && context.pack().stage(2).isEmpty()) {
            r.problem(ImportField.ESCALATED_AT, "the " + context.pack().id() + " procedure has no stage 2");
        }
        if (outcome1 != null && responded1 == null) {
            r.problem(ImportField.STAGE1_RESPONDED_AT, "is required when the row has a stage 1 outcome");
        }
        if (outcome2 != null && responded2 == null) {
            r.problem(ImportField.STAGE2_RESPONDED_AT, "is required when the row has a stage 2 outcome");
        }
        Tenure tenure = tenureOf(r, r.text(ImportField.TENURE));
        Instant ended = closed != null ? closed : lastResponse != null ? lastResponse : received;
        OmbudsmanReferrals.HistoricOmbudsman ombudsman = ombudsmanOf(r, filed.subject(), ended);
        if (!r.problems.isEmpty() || sourceId == null || received == null) {
            return new ImportRow.Read(null, List.copyOf(r.problems));
        }
        String name = r.text(ImportField.NAME);
        String description = r.text(ImportField.DESCRIPTION);
        return new ImportRow.Read(new ImportRow(number, sourceId, r.text(ImportField.REFERENCE), received, channel, type,
                name == null ? "" : name, r.text(ImportField.EMAIL), r.text(ImportField.PHONE), r.text(ImportField.ADDRESS), area,
                filed.subject(), description == null ? "" : description, acknowledged, responded1, outcome1, escalated,
                responded2, outcome2, closed, r.text(ImportField.OWNER), tenure, r.hash(), ombudsman, filed.subSubject()), List.of());
    }

    private Filing filed(@Nullable String area, @Nullable String subject) {
        String key = (area == null ? "\u0001" : area) + '\u0000' + (subject == null ? "\u0001" : subject);
        Filing known = filings.get(key);
        if (known == null) {
            known = context.lists().file(area, subject, null);
            if (filings.size() < 10_000) {
                filings.put(key, known);
            }
        }
        return known;
    }

    /** The ombudsman's side, when the row has any: one finding (on the case's one point), order and recommendation kinds. */
    private OmbudsmanReferrals.@Nullable HistoricOmbudsman ombudsmanOf(Row r, @Nullable String subject, @Nullable Instant on) {
        String finding = r.text(ImportField.OMBUDSMAN_FINDING);
        String orders = r.text(ImportField.OMBUDSMAN_ORDERS);
        String recommendations = r.text(ImportField.OMBUDSMAN_RECOMMENDATIONS);
        if ((finding == null && orders == null && recommendations == null) || on == null) {
            return null;
        }
        Finding found = null;
        String category = subject;
        if (finding != null) {
            int colon = finding.lastIndexOf(':');
            if (colon > 0) {
                category = finding.substring(0, colon).strip();
            }
            String named = finding.substring(colon + 1).strip();
            found = Finding.parse(named).orElse(null);
            if (found == null) {
                r.problem(ImportField.OMBUDSMAN_FINDING, "'" + named + "' is not a finding; the findings are " + Arrays.stream(Finding.values())
                        .map(f -> f.name().toLowerCase(Locale.UK).replace('_', ' ')).toList() + " (one per row, optionally after the category and a colon)");
            }
        }
        return new OmbudsmanReferrals.HistoricOmbudsman(found, category, kinds(r, ImportField.OMBUDSMAN_ORDERS, orders),
                kinds(r, ImportField.OMBUDSMAN_RECOMMENDATIONS, recommendations), UkTime.dateOf(on));
    }

    /** Order kinds separated by semicolons, by code, words or alias (CHFO, staff training, survey...). */
    private static List<OrderKind> kinds(Row r, ImportField field, @Nullable String given) {
        List<OrderKind> kinds = new ArrayList<>();
        if (given == null) {
            return kinds;
        }
        for (String part : given.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            OrderKind kind = OrderKind.parse(part.strip()).orElse(null);
            if (kind == null) {
                r.problem(field, "'" + part.strip() + "' is not a kind of order; the kinds are "
                        + Arrays.stream(OrderKind.values()).map(OrderKind::words).toList());
            } else {
                kinds.add(kind);
            }
        }
        return kinds;
    }

    private String recordTypeOf(Row r, String given) {
        for (PolicyPack.RecordType t : context.pack().recordTypes()) {
            if (t.id().equalsIgnoreCase(given.replace(' ', '-')) || t.name().equalsIgnoreCase(given)) {
                return t.id();
            }
        }
        r.problem(ImportField.RECORD_TYPE, "'" + given + "' is not a record type of the " + context.pack().id() + " procedure; "
                + "the record types are " + context.pack().recordTypes().stream().map(PolicyPack.RecordType::id).toList());
        return "complaint";
    }

    private Channel channelOf(Row r, @Nullable String given) {
        String text = given == null ? mapping.defaultChannel() : given;
        String key = EDGES.matcher(NOT_LETTERS.matcher(text.strip().toUpperCase(Locale.ROOT)).replaceAll("_")).replaceAll("");
        if (CHANNELS.containsKey(key)) {
            return CHANNELS.get(key);
        }
        try {
            return Channel.valueOf(key);
        } catch (IllegalArgumentException e) {
            r.problem(ImportField.CHANNEL, "'" + text + "' is not a channel; the channels are " + List.of(Channel.values()));
            return Channel.LETTER;
        }
    }

    private @Nullable Outcome outcomeOf(Row r, ImportField field) {
        String given = r.text(field);
        if (given == null) {
            return null;
        }
        String key = NOT_LETTERS.matcher(given.strip().toUpperCase(Locale.ROOT).replace("PARTIALLY", "PARTLY")).replaceAll("_");
        try {
            return Outcome.valueOf(key);
        } catch (IllegalArgumentException e) {
            r.problem(field, "'" + given + "' is not an outcome; the outcomes are upheld, partly upheld and not upheld");
            return null;
        }
    }

    /** A register's tenure in Redress's terms ("Social rent" is low-cost rental); an unknown one is an IllegalArgumentException. */
    static Tenure tenure(String given) {
        String key = NOT_LETTERS.matcher(given.strip().toUpperCase(Locale.ROOT)).replaceAll("_");
        return TENURES.containsKey(key) ? TENURES.get(key) : Tenure.valueOf(key);
    }

    private Tenure tenureOf(Row r, @Nullable String given) {
        if (given == null) {
            return Tenure.UNKNOWN;
        }
        Tenure tenure;
        try {
            tenure = tenure(given);
        } catch (IllegalArgumentException e) {
            r.problem(ImportField.TENURE, "'" + given + "' is not a tenure; the tenures are " + List.of(Tenure.values()));
            return Tenure.UNKNOWN;
        }
        if (tenure != Tenure.UNKNOWN && !context.pack().organisation().socialLandlord()) {
            r.problem(ImportField.TENURE, "only a social landlord's cases record a tenure");
            return Tenure.UNKNOWN;
        }
        return tenure;
    }

    /** One row's cells, read field by field, collecting its problems. */
    private final class Row {
        final int number;
        final List<String> cells;
        final List<Problem> problems = new ArrayList<>();

        Row(int number, List<String> cells) {
            this.number = number;
            this.cells = cells;
        }

        @Nullable String text(ImportField field) {
            String column = mapping.column(field);
            Integer index = column == null ? null : columnIndex.get(column);
            if (index == null || index >= cells.size()) {
                return null;
            }
            String value = cells.get(index).strip();
            return value.isEmpty() ? null : value;
        }

        @Nullable String required(ImportField field) {
            String value = text(field);
            if (value == null) {
                problem(field, "is required");
            }
            return value;
        }

        void problem(ImportField field, String message) {
            problems.add(new Problem(number, mapping.column(field), field.key(), message));
        }

        @Nullable Instant date(ImportField field, boolean required) {
            String value = required ? required(field) : text(field);
            if (value == null) {
                return null;
            }
            LocalDateTime local;
            try {
                local = parse(value);
            } catch (DateTimeException e) {
                problem(field, "'" + value + "' is not a date written " + (mapping.dates() == ColumnMapping.DateOrder.ISO
                        ? "as 2024-12-31 (or 2024-12-31T14:30)" : "as 31/12/2024 (or 31/12/2024 14:30)") + ", nor an Excel date");
                return null;
            }
            if (local.toLocalDate().isBefore(context.firstDay()) || local.toLocalDate().isAfter(context.lastDay())) {
                problem(field, "'" + value + "' is outside the calendar's years (" + context.firstDay().getYear() + " to "
                        + context.lastDay().getYear() + ")");
                return null;
            }
            Instant instant = local.atZone(UkTime.ZONE).toInstant();
            if (instant.isAfter(context.now())) {
                problem(field, "'" + value + "' is in the future");
                return null;
            }
            return instant;
        }

        /** A date that may not be before {@code earliest} (the case's receipt or the step it follows). */
        @Nullable Instant after(ImportField field, @Nullable Instant earliest, ImportField earliestField) {
            Instant at = date(field, false);
            if (at != null && earliest != null && at.isBefore(earliest)) {
                problem(field, "is before the " + (earliestField == ImportField.RECEIVED_AT ? "case was received"
                        : earliestField.key() + " it follows") + " (" + shown(earliest) + ")");
                return null;
            }
            return at;
        }

        /** A date as the mapping writes them, with its time when it has one. */
        private String shown(Instant at) {
            LocalDateTime local = LocalDateTime.ofInstant(at, UkTime.ZONE);
            String day = mapping.dates() == ColumnMapping.DateOrder.ISO ? local.toLocalDate().toString()
                    : local.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
            return local.toLocalTime().equals(LocalTime.MIDNIGHT) ? day : day + " " + local.format(DateTimeFormatter.ofPattern("HH:mm"));
        }

        private LocalDateTime parse(String value) {
            if (SERIAL.matcher(value).matches()) {
                double serial = Double.parseDouble(value);
                long days = (long) Math.floor(serial);
                long seconds = Math.round((serial - days) * 86_400);
                return EXCEL_EPOCH.plusDays(days).atStartOfDay().plusSeconds(seconds);
            }
            if (mapping.dates() == ColumnMapping.DateOrder.DAY_MONTH_YEAR) {
                Matcher m = DAY_MONTH_YEAR.matcher(value);
                if (!m.matches()) {
                    throw new DateTimeException(value);
                }
                LocalDate day = LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
                return m.group(4) == null ? day.atStartOfDay() : day.atTime(LocalTime.of(Integer.parseInt(m.group(4)),
                        Integer.parseInt(m.group(5)), m.group(6) == null ? 0 : Integer.parseInt(m.group(6))));
            }
            try {
                if (value.length() == 10) {
                    return LocalDate.parse(value).atStartOfDay();
                }
                if (value.endsWith("Z") || value.matches(".*[+-]\\d{2}:\\d{2}$")) {
                    return OffsetDateTime.parse(value).atZoneSameInstant(UkTime.ZONE).toLocalDateTime();
                }
                return LocalDateTime.parse(value.replace(' ', 'T'), DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            } catch (DateTimeParseException e) {
                throw new DateTimeException(value, e);
            }
        }

        /** Six hex digits per field, of the field's value as the file has it: the changed fields of a corrected row show. */
        String hash() {
            StringBuilder out = new StringBuilder();
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                for (ImportField field : ImportField.values()) {
                    String value = text(field);
                    if (value == null && field.name().startsWith("OMBUDSMAN_")) {
                        continue; // a register without the Ombudsman's columns keeps the fingerprints it had before they existed
                    }
                    byte[] digest = sha.digest((value == null ? "" : value).getBytes(StandardCharsets.UTF_8));
                    out.append(out.isEmpty() ? "" : ",").append(field.key()).append('=').append(HexFormat.of().formatHex(digest, 0, 3));
                }
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            return out.toString();
        }
    }

    /** The fields whose values differ between two row fingerprints. */
    static List<String> changedFields(String before, String after) {
        Map<String, String> old = new HashMap<>();
        for (String part : before.split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                old.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        List<String> changed = new ArrayList<>();
        for (String part : after.split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0 && !part.substring(eq + 1).equals(old.get(part.substring(0, eq)))) {
                changed.add(part.substring(0, eq));
            }
        }
        return changed;
    }
}
