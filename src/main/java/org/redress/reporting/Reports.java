package org.redress.reporting;

import org.jspecify.annotations.Nullable;
import org.redress.casework.CaseScope;
import org.redress.casework.Casework;
import org.redress.calendar.UkTime;
import org.redress.people.Organisations;
import org.redress.policy.PolicyPack;
import org.redress.policy.PolicyPacks;
import org.redress.reporting.Measure.Figure;
import org.redress.reporting.Measure.Kind;
import org.redress.reporting.MeasureResult.Cell;
import org.redress.reporting.MeasureResult.Column;
import org.redress.reporting.MeasureResult.Row;
import org.redress.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Works out measures: one SQL aggregate per measure over the read model (every figure a filtered count or average,
 * so a measure is one pass over the period's rows), and the cases behind any figure. Every scope it hands out carries
 * the signed-in reader's service areas (their {@link CaseScope}), and the figures and the lists behind them are
 * filtered by the same predicate, so a limited reader's figure always counts exactly the cases its list shows.
 */
@Service
class Reports {

    /** The most case references one drill-down returns. */
    static final int MAX_CASES = 5000;

    private final ReportConnections connections;
    private final JdbcClient jdbc;
    private final ReportSettings settings;
    private final Organisations organisations;
    private final Clock clock;
    private final ExternalMeasures external;
    private final Casework casework;
    private final PolicyPacks packs;

    Reports(ReportConnections connections, ReportSettings settings, Organisations organisations, Clock clock, ExternalMeasures external,
            Casework casework, PolicyPacks packs) {
        // reports read through connections of their own, never the case pages' (issue 28, ADR 0026)
        this.connections = connections;
        this.jdbc = connections.jdbc();
        this.packs = packs;
        this.casework = casework;
        this.external = external;
        this.settings = settings;
        this.organisations = organisations;
        this.clock = clock;
    }

    /**
     * The cases behind one figure.
     *
     * @param limitedTo the only service areas the reader may see, so the only ones listed; null for every area
     */
    record CaseList(String measure, String figure, @Nullable String group, String organisation, LocalDate from, LocalDate to,
                    @Nullable List<String> limitedTo, int count, boolean truncated, List<String> references) {
    }

    LocalDate today() {
        return UkTime.dateOf(clock.instant());
    }

    /**
     * The scope of a request, limited to the signed-in reader's service areas. Work with nobody signed in (the quarterly
     * email to named people) covers the whole organisation.
     */
    ReportScope scope(String organisation, @Nullable String from, @Nullable String to, @Nullable String serviceLine,
                      @Nullable String serviceArea) {
        organisations.require(organisation);
        return ReportScope.parse(organisation, from, to, serviceLine, serviceArea, today())
                .limitedTo(casework.scope(organisation).serviceAreas());
    }

    /** A measure as defined with the figures in REGULATIONS.md (its id, figures and SQL's shape do not depend on them). */
    static Measure measureDefinition(String id) {
        return measureDefinition(Measures.ALL, id);
    }

    private static Measure measureDefinition(List<Measure> measures, String id) {
        return Measures.find(measures, id).orElseThrow(() -> new NotFoundException("measure",
                "no measure '" + id + "'; measures: " + measures.stream().map(Measure::id).toList()));
    }

    /** Every measure with the timescales of the active packs ({@link PackFigures}). */
    List<Measure> definitions() {
        return Measures.all(PackFigures.of(packs));
    }

    /** One measure with the timescales of the active packs. */
    Measure definition(String id) {
        return measureDefinition(definitions(), id);
    }

    /**
     * Works out several measures. Measures that read the same rows (the same population and period filter: complaints
     * received in the period, responses sent in it...) share one query, grouped by each one's grouping at once
     * (GROUPING SETS), so a page costs one index range scan per kind of row instead of one per measure. Measures are
     * not merged further: an OR of two date ranges makes PostgreSQL read the organisation's whole history.
     */
    List<MeasureResult> all(ReportScope scope, List<String> ids) {
        return connections.read(() -> inTransaction(scope, ids));
    }

    private List<MeasureResult> inTransaction(ReportScope scope, List<String> ids) {
        List<Measure> definitions = definitions();
        List<Measure> measures = ids.stream().map(id -> measureDefinition(definitions, id)).filter(m -> !ExternalMeasures.handles(m.id())).toList();
        // (ADR 0025) index ranges are cheap here, mostly cached; each statement is planned for the period asked, not
        // once for any dates; and a period's rows, spread over the table, are read through a bitmap, each page once
        jdbc.sql("set local random_page_cost = 1.1").update();
        jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
        jdbc.sql("set local enable_indexscan = off").update();
        Map<String, Object> params = params(scope);
        Map<String, List<Measure>> batches = new LinkedHashMap<>();
        for (Measure m : measures) {
            batches.computeIfAbsent(batchKey(m), k -> new ArrayList<>()).add(m);
        }
        Map<String, Map<String, Row>> rows = new LinkedHashMap<>();
        Map<String, ReportSettings.@Nullable Homes> homes = new LinkedHashMap<>();
        for (Measure m : measures) {
            homes.put(m.id(), needsHomes(m) ? settings.homes(scope.organisation(), scope.to().getYear()) : null);
            rows.put(m.id(), new LinkedHashMap<>());
        }
        // whole months from the monthly figures where they are kept, the rest from the rows (issue 28, ADR 0029)
        java.util.Set<String> ready = batches.isEmpty() ? java.util.Set.of() : MonthFigures.ready(jdbc);
        boolean extensionsInTime = Boolean.TRUE.equals(params.get("extensionsInTime"));
        for (List<Measure> asked : batches.values()) {
            List<Measure> batch = MonthFigures.toRead(asked, definitions, ready, extensionsInTime);
            List<String> groupings = groupings(batch);
            MonthFigures.Summary summary = MonthFigures.summary(batch, extensionsInTime);
            MonthFigures.Columns columns = MonthFigures.columns(batch);
            var figures = MonthFigures.read(jdbc, batch, scope, params, summary != null && ready.contains(summary.key()) ? summary : null);
            int all = (1 << groupings.size()) - 1;
            for (var figure : figures.entrySet()) {
                int notGrouped = figure.getKey().mask();
                for (Measure m : batch) {
                    if (!rows.containsKey(m.id())) {
                        continue; // read with the measures asked for, as part of their kept batch
                    }
                    List<Integer> sets = m.groupBy() == null ? List.of(-1)
                            : m.groupBy().expressions().stream().map(groupings::indexOf).toList();
                    for (int set : sets) {
                        // GROUPING(...) has a 1 bit for each expression the row is not grouped by: all of them for the grand
                        // total, all but its own for a grouping
                        boolean mine = set < 0 ? notGrouped == all : notGrouped == all - (1 << (groupings.size() - 1 - set));
                        if (mine) {
                            String group = set < 0 ? "All" : figure.getKey().group();
                            List<Cell> cells = cells(m, scope, group, columns, figure.getValue(), homes.get(m.id()));
                            // rows read for another measure of the batch make groups this one has nothing in
                            if (cells.stream().anyMatch(c -> c.count() > 0 || (c.of() != null && c.of() > 0))) {
                                rows.get(m.id()).put(group, new Row(group, cells));
                            }
                        }
                    }
                }
            }
        }
        List<ReportSettings.Benchmark> benchmarks = settings.benchmarks(scope.organisation());
        Map<String, MeasureResult> results = new LinkedHashMap<>();
        for (Measure m : measures) {
            results.put(m.id(), result(m, scope, params, rows.get(m.id()), homes.get(m.id()), benchmarks));
        }
        for (String id : ids) {
            if (ExternalMeasures.handles(id)) {
                Measure m = measureDefinition(definitions, id);
                ExternalMeasures.Worked worked = external.work(m, scope);
                results.put(id, new MeasureResult(m.id(), m.title(), m.definition(), m.cites(), scope.organisation(), scope.from(),
                        scope.to(), scope.serviceLine(), scope.serviceArea(), scope.limitedTo(),
                        m.groupBy() == null ? null : m.groupBy().label(),
                        m.figures().stream().map(f -> new Column(f.key(), f.label(), f.kind())).toList(), worked.rows(), worked.notes(),
                        m.chart(), comparisons(m, scope, worked.rows(), benchmarks)));
            }
        }
        return ids.stream().map(results::get).toList();
    }

    MeasureResult measure(ReportScope scope, String id) {
        return all(scope, List.of(id)).get(0);
    }

    private MeasureResult result(Measure m, ReportScope scope, Map<String, Object> params, Map<String, Row> rows,
                                 ReportSettings.@Nullable Homes homes, List<ReportSettings.Benchmark> benchmarks) {
        List<Row> ordered = order(m, scope, rows, homes);
        List<String> notes = new ArrayList<>();
        if (needsHomes(m) && homes != null) {
            notes.addAll(homesNotes(scope, homes, m.groupBy() != null && !m.groupBy().alsoBy().isEmpty()));
        }
        if (m.id().equals("tsm-ch02")) {
            notes.add("Agreed extensions count as in time: " + (params.get("extensionsInTime").equals(Boolean.TRUE) ? "yes" : "no")
                    + " (a setting).");
        }
        if (m.id().equals("open-complaints")) {
            notes.add("Open at " + (scope.end().isAfter(clock.instant()) ? "now" : "the end of " + scope.to()) + ".");
        }
        return new MeasureResult(m.id(), m.title(), m.definition(), m.cites(), scope.organisation(), scope.from(), scope.to(),
                scope.serviceLine(), scope.serviceArea(), scope.limitedTo(), m.groupBy() == null ? null : m.groupBy().label(),
                m.figures().stream().map(f -> new Column(f.key(), f.label(), f.kind())).toList(), ordered, notes, m.chart(),
                comparisons(m, scope, ordered, benchmarks));
    }

    /** What CH01 divided by, and how to set what is missing. */
    private static List<String> homesNotes(ReportScope scope, ReportSettings.Homes homes, boolean byTenure) {
        List<String> notes = new ArrayList<>();
        int year = homes.year();
        String settings = "PUT /api/v1/organisations/" + scope.organisation() + "/reports/settings/homes/" + year;
        Integer total = homes.total();
        if (total == null) {
            notes.add("The number of homes for " + year + " is not set, so the rate per 1,000 homes cannot be worked out: "
                    + "set it with " + settings + " (in total) or " + settings + "/{tenure} (per tenure).");
        } else {
            String ofTenures = homes.byTenure().entrySet().stream()
                    .map(t -> Measures.TENURES.get(t.getKey()) + " " + t.getValue()).collect(java.util.stream.Collectors.joining(", "));
            notes.add("Homes in " + year + ": " + total + (homes.set() == null ? ", the homes of each tenure together (" + ofTenures + ")."
                    : homes.byTenure().isEmpty() ? "." : "; of them " + ofTenures + "."));
        }
        if (byTenure) {
            for (var tenure : ReportSettings.TENURES_WITH_HOMES) {
                if (!homes.byTenure().containsKey(tenure)) {
                    notes.add("The number of " + Measures.TENURES.get(tenure) + " homes for " + year + " is not set, so its rate per "
                            + "1,000 homes cannot be worked out: set it with " + settings + "/" + tenure.name() + ".");
                }
            }
            notes.add("Complaints of other and unknown tenure count in each stage's total and in their own rows, without a rate: "
                    + "no number of homes belongs to them.");
        }
        return notes;
    }

    /** For each figure and row with a peers' figure, the latest one up to the year the period ends in, beside ours. */
    private static List<MeasureResult.Comparison> comparisons(Measure m, ReportScope scope, List<Row> rows,
                                                              List<ReportSettings.Benchmark> benchmarks) {
        Map<String, ReportSettings.Benchmark> latest = new LinkedHashMap<>();
        for (ReportSettings.Benchmark b : benchmarks) {
            if (b.measure().equals(m.id()) && b.year() <= scope.to().getYear()) {
                latest.merge(b.figure() + "\u0000" + b.group(), b, (x, y) -> x.year() >= y.year() ? x : y);
            }
        }
        return latest.values().stream().map(b -> {
            Row row = rows.stream().filter(r -> r.group().equals(b.group())).findFirst().orElse(null);
            Cell cell = row == null ? null : row.cell(b.figure());
            return new MeasureResult.Comparison(b.group(), b.figure(), m.figure(b.figure()).label(), cell == null ? null : cell.value(),
                    b.value().doubleValue(), b.year(), b.source());
        }).toList();
    }

    CaseList cases(ReportScope scope, String id, String figureKey, @Nullable String group) {
        return connections.read(() -> casesInTransaction(scope, id, figureKey, group));
    }

    private CaseList casesInTransaction(ReportScope scope, String id, String figureKey, @Nullable String group) {
        Measure m = definition(id);
        Figure figure = m.figures().stream().filter(f -> f.key().equals(figureKey)).findFirst()
                .orElseThrow(() -> new NotFoundException("figure", "measure '" + id + "' has no figure '" + figureKey + "'; figures: "
                        + m.figures().stream().map(Figure::key).toList()));
        if (ExternalMeasures.handles(id)) {
            List<String> references = external.cases(m, scope, figureKey, m.groupBy() == null ? null : group);
            boolean truncated = references.size() > MAX_CASES;
            List<String> shown = truncated ? references.subList(0, MAX_CASES) : references;
            return new CaseList(id, figureKey, group, scope.organisation(), scope.from(), scope.to(), scope.limitedTo(), shown.size(),
                    truncated, shown);
        }
        Map<String, Object> params = params(scope);
        StringBuilder sql = new StringBuilder("select distinct r.reference from reporting.case_stage r where ")
                .append(scopeFilter(scope)).append(" and (").append(m.population()).append(") and (").append(figure.rows()).append(")");
        if (group != null && m.groupBy() != null) {
            // a group of any of the measure's groupings: a stage's total, or the stage and a tenure
            sql.append(" and (").append(m.groupBy().expressions().stream().map(e -> e + " = :group")
                    .collect(java.util.stream.Collectors.joining(" or "))).append(")");
            params.put("group", group);
        }
        sql.append(" order by 1 limit ").append(MAX_CASES + 1);
        var statement = jdbc.sql(sql.toString());
        for (var p : params.entrySet()) {
            statement = statement.param(p.getKey(), p.getValue());
        }
        List<String> references = statement.query(String.class).list();
        boolean truncated = references.size() > MAX_CASES;
        List<String> shown = truncated ? references.subList(0, MAX_CASES) : references;
        return new CaseList(id, figureKey, group, scope.organisation(), scope.from(), scope.to(), scope.limitedTo(), shown.size(),
                truncated, shown);
    }

    // ---- internals -------------------------------------------------------------------------------------------

    /**
     * The rows a measure reads: those any of its figures counts, widened to the whole period predicate a figure starts
     * with (a figure narrowing "responded in the period" with "and upheld" reads the period's responses), so measures
     * reading the same period share a query. A percentage's numerator lies inside its denominator.
     */
    static String rowFilter(Measure m) {
        List<String> any = MeasureRows.periods(m);
        return any.size() == 1 ? "(" + any.get(0) + ")" : "((" + String.join(") or (", any) + "))";
    }

    static String batchKey(Measure m) {
        return m.population() + "\n" + rowFilter(m);
    }

    /** The distinct grouping expressions of a batch, in order (ungrouped measures use the grand total). */
    private static List<String> groupings(List<Measure> batch) {
        return batch.stream().filter(m -> m.groupBy() != null).flatMap(m -> m.groupBy().expressions().stream()).distinct().toList();
    }

    /**
     * Measures of one population as one aggregate query over the rows any of them reads: for each figure a filtered count
     * (and its denominator, or its average), grouped by every measure's grouping at once.
     */
    static String aggregate(List<Measure> batch, ReportScope scope) {
        return MonthFigures.rowAggregate(batch, scope);
    }

    static String aggregate(Measure m, ReportScope scope) {
        return aggregate(List.of(m), scope);
    }

    /** The parameters every measure's SQL may use, bound by name. */
    Map<String, Object> parameters(ReportScope scope) {
        return params(scope);
    }

    private Map<String, Object> params(ReportScope scope) {
        Map<String, Object> params = new LinkedHashMap<>();
        Instant end = scope.end();
        Instant now = clock.instant();
        params.put("org", scope.organisation());
        params.put("from", Timestamp.from(scope.start()));
        params.put("to", Timestamp.from(end));
        params.put("asOf", Timestamp.from(end.isBefore(now) ? end : now));
        params.put("extensionsInTime", settings.extensionsCountAsInTime(scope.organisation()));
        // F-8: the service lines that run a procedure of their own, which the Code's measures leave out ("" when none)
        params.put("ownProcedureLines", packs.active(scope.organisation()).map(p -> p.serviceLines().stream()
                .filter(l -> l.procedure() != null).map(PolicyPack.ServiceLine::id)).orElse(java.util.stream.Stream.empty())
                .toArray(String[]::new));
        if (scope.serviceLine() != null) {
            params.put("serviceLine", scope.serviceLine());
        }
        if (scope.serviceArea() != null) {
            params.put("serviceArea", scope.serviceArea());
        }
        if (scope.limitedTo() != null) {
            params.put("areas", scope.limitedTo().toArray(String[]::new));
        }
        return params;
    }

    /** The rows a scope covers; shared by every figure and every list of cases, so the two always agree. */
    static String scopeFilter(ReportScope scope) {
        return "r.organisation = :org" + (scope.serviceLine() == null ? "" : " and r.service_line = :serviceLine")
                + (scope.serviceArea() == null ? "" : " and r.service_area = :serviceArea")
                + (scope.limitedTo() == null ? "" : " and r.service_area = any(:areas)");
    }

    private static boolean needsHomes(Measure m) {
        return m.figures().stream().anyMatch(f -> f.kind() == Kind.PER_THOUSAND_HOMES);
    }

    private static List<Cell> cells(Measure m, ReportScope scope, String group, MonthFigures.Columns columns,
                                    java.math.BigDecimal[] values, ReportSettings.@Nullable Homes allHomes) {
        List<Cell> cells = new ArrayList<>();
        Integer homes = homesOf(allHomes, group);
        for (Figure f : m.figures()) {
            int[] at = columns.of(m, f);
            long n = values[at[0]].longValueExact();
            String link = link(scope, m, f, m.groupBy() == null ? null : group);
            switch (f.kind()) {
                case COUNT -> cells.add(Cell.of(f.key(), f.kind(), (double) n, n, null, link));
                case PER_THOUSAND_HOMES -> cells.add(Cell.of(f.key(), f.kind(), homes == null ? null : round(n * 1000.0 / homes), n, null, link));
                case PERCENT -> {
                    long d = values[at[1]].longValueExact();
                    cells.add(Cell.of(f.key(), f.kind(), d == 0 ? null : round(100.0 * n / d), n, d, link));
                }
                case AVERAGE -> {
                    // the sum and count an average divides, so whole months and part months add up exactly (ADR 0029)
                    long averaged = values[at[2]].longValueExact();
                    cells.add(Cell.of(f.key(), f.kind(), averaged == 0 ? null
                            : round(values[at[1]].divide(java.math.BigDecimal.valueOf(averaged), java.math.MathContext.DECIMAL64).doubleValue()),
                            n, null, link));
                }
                case MONEY -> throw new IllegalStateException("money figures are worked out by ExternalMeasures: " + f.key());
            }
        }
        return cells;
    }

    /** The homes a row divides by: a tenure's row by that tenure's, any other row by the total. */
    private static @Nullable Integer homesOf(ReportSettings.@Nullable Homes homes, @Nullable String group) {
        return homes == null ? null : homes.of(group == null ? java.util.Optional.empty() : Measures.tenureOf(group));
    }

    private static List<Cell> emptyCells(Measure m, ReportScope scope, @Nullable String group, ReportSettings.@Nullable Homes allHomes) {
        Integer homes = homesOf(allHomes, group);
        return m.figures().stream().map(f -> Cell.of(f.key(), f.kind(), switch (f.kind()) {
            case COUNT -> 0.0;
            case PER_THOUSAND_HOMES -> homes == null ? null : 0.0;
            case PERCENT, AVERAGE, MONEY -> null;
        }, 0, f.kind() == Kind.PERCENT ? 0L : null, link(scope, m, f, group))).toList();
    }

    private List<Row> order(Measure m, ReportScope scope, Map<String, Row> rows, ReportSettings.@Nullable Homes homes) {
        if (m.groupBy() == null) {
            return List.of(rows.getOrDefault("All", new Row("All", emptyCells(m, scope, null, homes))));
        }
        Map<String, Row> all = new LinkedHashMap<>();
        List<String> always = new ArrayList<>(m.groupBy().always());
        if (m.groupBy().expression().equals(Measures.UK_MONTH)) {
            for (YearMonth month = YearMonth.from(scope.from()); !month.isAfter(YearMonth.from(scope.to())); month = month.plusMonths(1)) {
                always.add(month.toString());
            }
        }
        for (String group : always) {
            all.put(group, rows.getOrDefault(group, new Row(group, emptyCells(m, scope, group, homes))));
        }
        rows.forEach(all::putIfAbsent);
        Comparator<Row> byName = Comparator.comparing(Row::group);
        Comparator<Row> order = m.groupBy().largestFirst()
                ? Comparator.<Row>comparingLong(r -> r.cells().get(0).count()).reversed().thenComparing(byName)
                : Comparator.<Row>comparingInt(r -> always.contains(r.group()) ? always.indexOf(r.group()) : Integer.MAX_VALUE)
                .thenComparing(byName);
        return all.values().stream().sorted(order).toList();
    }

    static String link(ReportScope scope, Measure m, Figure f, @Nullable String group) {
        Map<String, @Nullable Object> q = new LinkedHashMap<>();
        q.put("figure", f.key());
        q.put("group", group);
        return "/api/v1/organisations/" + encode(scope.organisation()) + "/reports/measures/" + m.id() + "/cases?" + query(scope, q);
    }

    /** The scope (and any extra parameters) as a query string, each value encoded. */
    static String query(ReportScope scope, Map<String, @Nullable Object> extra) {
        Map<String, @Nullable Object> q = new LinkedHashMap<>(extra);
        q.put("from", scope.from());
        q.put("to", scope.to());
        q.put("serviceLine", scope.serviceLine());
        q.put("serviceArea", scope.serviceArea());
        StringBuilder out = new StringBuilder();
        q.forEach((k, v) -> {
            if (v != null) {
                out.append(out.isEmpty() ? "" : "&").append(k).append('=').append(encode(v.toString()));
            }
        });
        return out.toString();
    }

    static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
