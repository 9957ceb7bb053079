package org.redress.reporting;

import org.jspecify.annotations.Nullable;
import org.redress.calendar.UkTime;
import org.redress.reporting.Measure.Figure;
import org.redress.reporting.Measure.Kind;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The raw figures of a batch of measures (those {@link Reports} reads together: one population and period), read from
 * the rows or from the monthly figures ({@code reporting.case_month}, issue 28, ADR 0029). Raw: each figure as counts,
 * and an average as the sum and count it divides, so whole months from the monthly figures and the part months at a
 * period's edges from the rows add up to exactly what the rows of the whole period give.
 *
 * <p>A batch is kept monthly (it has a {@link Summary}) when every figure counts rows by one date of the row in the
 * period ({@code r.received_at >= :from and r.received_at < :to}, and the like) and uses no other parameter but the
 * "agreed extensions count as in time" setting (kept for both settings). "Open at the end of the period" is a state at
 * an instant, not a sum over months: it stays on the rows.
 */
final class MonthFigures {

    private MonthFigures() {
    }

    /** Bump to give every summary a new name, so all are filled again (a change in how they are kept). */
    private static final String VERSION = "1";
    private static final Pattern PERIOD = Pattern.compile("r\\.(\\w+) >= :from and r\\.\\1 < :to");
    private static final String SETTING = ":extensionsInTime";
    /** A named parameter (not a cast, nor a colon inside a string such as {@code ': '}). */
    private static final Pattern PARAMETER = Pattern.compile("(?<![:\\w]):[A-Za-z]");
    private static final Map<List<Measure>, List<Summary>> SUMMARIES = new ConcurrentHashMap<>();

    /** The raw figures of one group of one grouping: {@code mask} is GROUPING() of the batch's group expressions. */
    record Key(int mask, String group) {
    }

    /**
     * A batch's raw columns: each distinct counting expression once (with {@code :from}/{@code :to} for its period),
     * the date column each counts by, and for each figure of each measure the columns it reads.
     */
    record Columns(List<String> groupings, List<String> sql, Map<String, int[]> slots) {

        int[] of(Measure m, Figure f) {
            return slots.get(m.id() + "\u0000" + f.key());
        }
    }

    /**
     * A batch kept monthly for one value of the setting: its name (a digest of its SQL), its columns, the date column
     * each column counts by, and the statement that works its monthly figures out of rows.
     */
    record Summary(String key, List<Measure> batch, @Nullable Boolean extensionsInTime, Columns columns, List<String> periods,
                   String population, boolean leavesOutOwnProcedureLines) {

        /** The distinct date columns its figures count by. */
        List<String> dates() {
            return periods.stream().distinct().toList();
        }
    }

    static Columns columns(List<Measure> batch) {
        List<String> groupings = batch.stream().filter(m -> m.groupBy() != null).flatMap(m -> m.groupBy().expressions().stream())
                .distinct().toList();
        List<String> sql = new ArrayList<>();
        Map<String, int[]> slots = new LinkedHashMap<>();
        for (Measure m : batch) {
            for (Figure f : m.figures()) {
                List<String> raw = new ArrayList<>();
                raw.add("count(*) filter (where " + f.rows() + ")");
                if (f.kind() == Kind.PERCENT) {
                    raw.add("count(*) filter (where " + f.over() + ")");
                } else if (f.kind() == Kind.AVERAGE) {
                    raw.add("sum(" + f.value() + ") filter (where " + f.where() + ")");
                    raw.add("count(" + f.value() + ") filter (where " + f.where() + ")");
                }
                int[] at = new int[raw.size()];
                for (int i = 0; i < raw.size(); i++) {
                    int index = sql.indexOf(raw.get(i));
                    if (index < 0) {
                        index = sql.size();
                        sql.add(raw.get(i));
                    }
                    at[i] = index;
                }
                slots.put(m.id() + "\u0000" + f.key(), at);
            }
        }
        return new Columns(groupings, List.copyOf(sql), slots);
    }

    /** The batch's summaries (one per value of the setting where its SQL reads it), or none when it is not kept monthly. */
    static List<Summary> summaries(List<Measure> batch) {
        return SUMMARIES.computeIfAbsent(List.copyOf(batch), MonthFigures::define);
    }

    /** The summary of the batch for the setting's value; null when the batch is not kept monthly. */
    static @Nullable Summary summary(List<Measure> batch, boolean extensionsInTime) {
        for (Summary s : summaries(batch)) {
            if (s.extensionsInTime() == null || s.extensionsInTime() == extensionsInTime) {
                return s;
            }
        }
        return null;
    }

    /** Every summary of the measures, batched as {@link Reports} batches them. */
    static List<Summary> all(List<Measure> measures) {
        return batches(measures).values().stream().flatMap(b -> summaries(b).stream()).toList();
    }

    /**
     * The measures read by the read model (not {@link ExternalMeasures}) batched by {@link Reports#batchKey}, each batch in
     * the measures' order: over every definition, these are the batches kept monthly.
     */
    static Map<String, List<Measure>> batches(List<Measure> measures) {
        Map<String, List<Measure>> batches = new LinkedHashMap<>();
        for (Measure m : measures) {
            if (!ExternalMeasures.handles(m.id())) {
                batches.computeIfAbsent(Reports.batchKey(m), k -> new ArrayList<>()).add(m);
            }
        }
        return batches;
    }

    /**
     * The batch to read for {@code asked} (measures of one batch key, in a page's order): the whole batch of the
     * definitions when it is kept monthly and ready for the setting's value, so a page or a single measure that asks for
     * part of a batch, or in another order, still reads its whole months from the monthly figures (a summary is named
     * by its batch's SQL, so a part of it has no summary of its own); otherwise {@code asked}, read from the rows.
     */
    static List<Measure> toRead(List<Measure> asked, List<Measure> definitions, java.util.Set<String> ready, boolean extensionsInTime) {
        List<Measure> whole = WHOLE_BATCHES.computeIfAbsent(definitions, MonthFigures::batches).get(Reports.batchKey(asked.get(0)));
        Summary kept = whole == null ? null : summary(whole, extensionsInTime);
        return kept != null && ready.contains(kept.key()) ? whole : asked;
    }

    /** The batches of each list of definitions (one list per pack figures, {@code Measures.all}, so few). */
    private static final Map<List<Measure>, Map<String, List<Measure>>> WHOLE_BATCHES = new ConcurrentHashMap<>();

    private static List<Summary> define(List<Measure> batch) {
        Columns columns = columns(batch);
        // F-8: the Code's measures leave out the service lines with a procedure of their own, a list of the organisation's
        // pack; the months keep every line (service line is one of their columns) and the read leaves those lines out
        boolean byLines = batch.get(0).population().contains(Measures.PACK_PROCEDURE);
        String population = byLines ? batch.get(0).population().replace(" and " + Measures.PACK_PROCEDURE, "") : batch.get(0).population();
        String fixed = population + String.join("", columns.groupings());
        if (PARAMETER.matcher(fixed).find()) {
            return List.of();
        }
        List<String> periods = new ArrayList<>();
        for (String sql : columns.sql()) {
            Matcher period = PERIOD.matcher(sql);
            if (!period.find()) {
                return List.of();
            }
            String date = period.group(1);
            // the rest of the column may use no other period or parameter than the setting
            String rest = PERIOD.matcher(sql).replaceAll("true").replace(SETTING, "true");
            if (PARAMETER.matcher(rest).find() || !PERIOD.matcher(sql).replaceAll("r." + date + " >= :from and r." + date + " < :to").equals(sql)) {
                return List.of();
            }
            periods.add(date);
        }
        boolean readsSetting = columns.sql().stream().anyMatch(s -> s.contains(SETTING));
        List<Summary> summaries = new ArrayList<>();
        for (Boolean setting : readsSetting ? List.of(Boolean.TRUE, Boolean.FALSE) : java.util.Collections.<Boolean>singletonList(null)) {
            Summary draft = new Summary("", batch, setting, columns, List.copyOf(periods), population, byLines);
            summaries.add(new Summary(digest(VERSION + "\n" + contribution(draft, "r.organisation = :org")), batch, setting, columns,
                    List.copyOf(periods), population, byLines));
        }
        return List.copyOf(summaries);
    }

    /**
     * The monthly figures of the rows the filter selects, one SELECT per date column, each column counting only the rows
     * of its own date column: the columns of (organisation, summary, period, month, service line, service area, grouping,
     * group, values) as {@code reporting.case_month} keeps them.
     */
    static String contribution(Summary s, String filter) {
        List<String> groupings = s.columns().groupings();
        List<String> selects = new ArrayList<>();
        for (String date : s.dates()) {
            StringBuilder sql = new StringBuilder("select r.organisation, '").append(s.key()).append("'::text as summary, '").append(date)
                    .append("'::text as period, (date_trunc('month', r.").append(date).append(" at time zone '").append(UkTime.ZONE.getId())
                    .append("'))::date as month, r.service_line, r.service_area, ")
                    .append(groupings.isEmpty() ? "0" : "grouping(" + String.join(", ", groupings) + ")").append(" as grp_set, ")
                    .append(groupings.isEmpty() ? "''" : "coalesce(" + String.join(", ", groupings.stream().map(g -> "(" + g + ")::text").toList())
                            + ", '')").append(" as grp, array[");
            List<String> values = new ArrayList<>();
            for (int i = 0; i < s.columns().sql().size(); i++) {
                String column = s.columns().sql().get(i);
                if (!s.periods().get(i).equals(date)) {
                    values.add("0");
                    continue;
                }
                column = PERIOD.matcher(column).replaceAll("true");
                if (s.extensionsInTime() != null) {
                    column = column.replace(SETTING, s.extensionsInTime().toString());
                }
                values.add("coalesce(" + column + ", 0)");
            }
            sql.append(String.join(", ", values)).append("]::numeric[] as vals from reporting.case_stage r where (").append(filter)
                    .append(") and (").append(s.population()).append(") and r.").append(date).append(" is not null group by r.organisation, ")
                    .append("(date_trunc('month', r.").append(date).append(" at time zone '").append(UkTime.ZONE.getId()).append("'))::date, ")
                    .append("r.service_line, r.service_area, grouping sets (");
            List<String> sets = new ArrayList<>(groupings.stream().map(g -> "(" + g + ")").toList());
            if (s.batch().stream().anyMatch(m -> m.groupBy() == null) || groupings.isEmpty()) {
                sets.add("()");
            }
            sql.append(String.join(", ", sets)).append(")");
            selects.add(sql.toString());
        }
        return String.join("\nunion all\n", selects);
    }

    /** The batch's raw figures over the rows of the scope's period (or any part of it bound to :from and :to). */
    static String rowAggregate(List<Measure> batch, ReportScope scope) {
        Columns columns = columns(batch);
        List<String> groupings = columns.groupings();
        StringBuilder sql = new StringBuilder(groupings.isEmpty() ? "select 0" : "select grouping(" + String.join(", ", groupings) + ")");
        sql.append(", ").append(groupings.isEmpty() ? "''" : "coalesce(" + String.join(", ", groupings.stream().map(g -> "(" + g + ")::text").toList())
                + ", '')");
        for (String column : columns.sql()) {
            sql.append(", ").append(column);
        }
        sql.append(" from ").append(MeasureRows.of(batch, scope)).append(" group by grouping sets (");
        List<String> sets = new ArrayList<>(groupings.stream().map(g -> "(" + g + ")").toList());
        if (batch.stream().anyMatch(m -> m.groupBy() == null) || groupings.isEmpty()) {
            sets.add("()");
        }
        return sql.append(String.join(", ", sets)).append(")").toString();
    }

    /** The monthly figures of a summary over whole months, summed per date column and group. */
    static String monthAggregate(Summary s, ReportScope scope) {
        StringBuilder sql = new StringBuilder("select m.period, m.grp_set, m.grp");
        for (int i = 1; i <= s.columns().sql().size(); i++) {
            sql.append(", sum(m.vals[").append(i).append("])");
        }
        return sql.append(" from reporting.case_month m where m.organisation = :org and m.summary = :summary")
                .append(" and m.month >= :firstMonth and m.month <= :lastMonth")
                .append(scope.serviceLine() == null ? "" : " and m.service_line = :serviceLine")
                .append(scope.serviceArea() == null ? "" : " and m.service_area = :serviceArea")
                .append(scope.limitedTo() == null ? "" : " and m.service_area = any(:areas)")
                .append(s.leavesOutOwnProcedureLines() ? " and coalesce(m.service_line, '') <> all(:ownProcedureLines)" : "")
                .append(" group by m.period, m.grp_set, m.grp").toString();
    }

    /** The whole UK months of the scope's period, first and last; null when it has none. */
    static YearMonth @Nullable [] wholeMonths(ReportScope scope) {
        YearMonth first = scope.from().getDayOfMonth() == 1 ? YearMonth.from(scope.from()) : YearMonth.from(scope.from()).plusMonths(1);
        YearMonth last = scope.to().equals(YearMonth.from(scope.to()).atEndOfMonth()) ? YearMonth.from(scope.to())
                : YearMonth.from(scope.to()).minusMonths(1);
        return first.isAfter(last) ? null : new YearMonth[]{first, last};
    }

    /**
     * The batch's raw figures for the scope: from the monthly figures for its whole months and from the rows for the part
     * months at its edges when {@code summary} is given (and ready), otherwise from the rows of the whole period.
     */
    static Map<Key, BigDecimal[]> read(JdbcClient jdbc, List<Measure> batch, ReportScope scope, Map<String, Object> params,
                                       @Nullable Summary summary) {
        YearMonth[] whole = summary == null ? null : wholeMonths(scope);
        if (whole == null) {
            return rows(jdbc, batch, scope, params);
        }
        Map<Key, BigDecimal[]> figures = new LinkedHashMap<>();
        int width = summary.columns().sql().size();
        Map<String, Object> monthly = new LinkedHashMap<>(params);
        monthly.put("summary", summary.key());
        monthly.put("firstMonth", java.sql.Date.valueOf(whole[0].atDay(1)));
        monthly.put("lastMonth", java.sql.Date.valueOf(whole[1].atDay(1)));
        bind(jdbc.sql(monthAggregate(summary, scope)), monthly).query((java.sql.ResultSet rs) -> {
            String period = rs.getString(1);
            BigDecimal[] values = figures.computeIfAbsent(new Key(rs.getInt(2), rs.getString(3)), k -> zeros(width));
            for (int i = 0; i < width; i++) {
                if (summary.periods().get(i).equals(period)) {
                    values[i] = values[i].add(rs.getBigDecimal(4 + i));
                }
            }
        });
        if (scope.from().isBefore(whole[0].atDay(1))) {
            add(figures, rows(jdbc, batch, scope, edge(params, scope.start(), whole[0].atDay(1).atStartOfDay(UkTime.ZONE).toInstant())));
        }
        if (scope.to().isAfter(whole[1].atEndOfMonth())) {
            add(figures, rows(jdbc, batch, scope, edge(params, whole[1].plusMonths(1).atDay(1).atStartOfDay(UkTime.ZONE).toInstant(), scope.end())));
        }
        return figures;
    }

    private static Map<String, Object> edge(Map<String, Object> params, java.time.Instant from, java.time.Instant to) {
        Map<String, Object> edge = new LinkedHashMap<>(params);
        edge.put("from", Timestamp.from(from));
        edge.put("to", Timestamp.from(to));
        return edge;
    }

    private static Map<Key, BigDecimal[]> rows(JdbcClient jdbc, List<Measure> batch, ReportScope scope, Map<String, Object> params) {
        Map<Key, BigDecimal[]> figures = new LinkedHashMap<>();
        int width = columns(batch).sql().size();
        bind(jdbc.sql(rowAggregate(batch, scope)), params).query((java.sql.ResultSet rs) -> {
            BigDecimal[] values = zeros(width);
            for (int i = 0; i < width; i++) {
                BigDecimal v = rs.getBigDecimal(3 + i);
                values[i] = v == null ? BigDecimal.ZERO : v;
            }
            figures.put(new Key(rs.getInt(1), rs.getString(2)), values);
        });
        return figures;
    }

    private static void add(Map<Key, BigDecimal[]> to, Map<Key, BigDecimal[]> more) {
        more.forEach((k, v) -> {
            BigDecimal[] sum = to.get(k);
            if (sum == null) {
                to.put(k, v);
            } else {
                for (int i = 0; i < v.length; i++) {
                    sum[i] = sum[i].add(v[i]);
                }
            }
        });
    }

    private static BigDecimal[] zeros(int width) {
        BigDecimal[] zeros = new BigDecimal[width];
        java.util.Arrays.fill(zeros, BigDecimal.ZERO);
        return zeros;
    }

    /** The names of the summaries filled and kept by the read model. */
    static java.util.Set<String> ready(JdbcClient jdbc) {
        return new java.util.HashSet<>(jdbc.sql("select summary from reporting.case_month_ready").query(String.class).list());
    }

    static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, Map<String, Object> params) {
        for (var p : params.entrySet()) {
            statement = statement.param(p.getKey(), p.getValue());
        }
        return statement;
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8))).substring(0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
