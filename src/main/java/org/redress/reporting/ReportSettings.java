package org.redress.reporting;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.redress.casework.CaseTypes.Tenure;
import org.redress.web.FieldError;
import org.redress.web.InvalidInputException;
import org.redress.web.TextLimits;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The figures and choices reports need that no case holds: the number of homes per year, in total and per tenure (TSM
 * CH01, R-2), whether agreed extensions count as in time (TSM CH02), and comparable organisations' figures to benchmark
 * against (H-11). Public so the demo can set homes as an administrator would.
 */
@Service
public class ReportSettings {

    /** The tenures the regulator counts homes of: CH01's rows for other and unknown tenures have no homes to divide by. */
    static final List<Tenure> TENURES_WITH_HOMES = List.of(Tenure.LOW_COST_RENTAL, Tenure.LOW_COST_HOME_OWNERSHIP);

    private final JdbcClient jdbc;

    ReportSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param homesByYear the number of homes the organisation manages in total, by year, as set
     * @param homesByYearAndTenure the homes of each tenure (low-cost rental, low-cost home ownership), by year, as set
     * @param extensionsCountAsInTime whether a response by the deadline of an extension granted under the policy counts
     *                                as within the Code's timescale for CH02 (the regulator's guidance is unsettled: a setting)
     */
    record Settings(String organisation, Map<Integer, Integer> homesByYear, Map<Integer, Map<Tenure, Integer>> homesByYearAndTenure,
                    boolean extensionsCountAsInTime) {
    }

    /**
     * The homes of one year that CH01 divides by.
     *
     * @param set the total set for the year, if it was
     * @param byTenure the homes set for each tenure
     */
    record Homes(int year, @Nullable Integer set, Map<Tenure, Integer> byTenure) {

        /** The total: as set for the year, or else the homes of the tenures set, together; null when neither is set. */
        @Nullable Integer total() {
            if (set != null) {
                return set;
            }
            return byTenure.isEmpty() ? null : byTenure.values().stream().mapToInt(Integer::intValue).sum();
        }

        /** The homes a row divides by: the total for a stage's row, a tenure's own for its row, none for other or unknown. */
        @Nullable Integer of(Optional<Tenure> tenure) {
            return tenure.isEmpty() ? total() : byTenure.get(tenure.get());
        }
    }

    @Transactional(readOnly = true)
    Settings get(String organisation) {
        Map<Integer, Integer> homes = new LinkedHashMap<>();
        jdbc.sql("select year, homes from reporting.homes where organisation = ? order by year").param(organisation)
                .query((rs, n) -> homes.put(rs.getInt(1), rs.getInt(2))).list();
        Map<Integer, Map<Tenure, Integer>> byTenure = new LinkedHashMap<>();
        jdbc.sql("select year, tenure, homes from reporting.homes_by_tenure where organisation = ? order by year")
                .param(organisation)
                .query((rs, n) -> byTenure.computeIfAbsent(rs.getInt(1), y -> new java.util.EnumMap<>(Tenure.class))
                        .put(Tenure.valueOf(rs.getString(2)), rs.getInt(3))).list();
        return new Settings(organisation, homes, byTenure, extensionsCountAsInTime(organisation));
    }

    Homes homes(String organisation, int year) {
        Integer set = jdbc.sql("select homes from reporting.homes where organisation = ? and year = ?").params(organisation, year)
                .query(Integer.class).optional().orElse(null);
        Map<Tenure, Integer> byTenure = new java.util.EnumMap<>(Tenure.class);
        jdbc.sql("select tenure, homes from reporting.homes_by_tenure where organisation = ? and year = ?").params(organisation, year)
                .query((rs, n) -> byTenure.put(Tenure.valueOf(rs.getString(1)), rs.getInt(2))).list();
        return new Homes(year, set, byTenure);
    }

    boolean extensionsCountAsInTime(String organisation) {
        return jdbc.sql("select extensions_count_as_in_time from reporting.settings where organisation = ?").param(organisation)
                .query(Boolean.class).optional().orElse(true);
    }

    /** Sets the number of homes the organisation manages in a year, in total (TSM CH01). */
    @Transactional
    public void setHomes(String organisation, int year, @Nullable Integer homes) {
        checkHomes(year, homes);
        jdbc.sql("""
                insert into reporting.homes (organisation, year, homes) values (?, ?, ?)
                on conflict (organisation, year) do update set homes = excluded.homes
                """).params(organisation, year, homes).update();
    }

    /** Sets the number of homes of one tenure in a year: low-cost rental or low-cost home ownership (TSM CH01, R-2). */
    @Transactional
    public void setHomes(String organisation, int year, Tenure tenure, @Nullable Integer homes) {
        if (!TENURES_WITH_HOMES.contains(tenure)) {
            throw new InvalidInputException("tenure", "must be " + TENURES_WITH_HOMES.get(0) + " or " + TENURES_WITH_HOMES.get(1)
                    + ": the tenures the regulator counts homes of");
        }
        checkHomes(year, homes);
        jdbc.sql("""
                insert into reporting.homes_by_tenure (organisation, year, tenure, homes) values (?, ?, ?, ?)
                on conflict (organisation, year, tenure) do update set homes = excluded.homes
                """).params(organisation, year, tenure.name(), homes).update();
    }

    /** A tenure as written in a settings address, e.g. {@code LOW_COST_RENTAL}; only those homes are counted of. */
    static Tenure tenureWithHomes(String text) {
        for (Tenure tenure : TENURES_WITH_HOMES) {
            if (tenure.name().equals(text)) {
                return tenure;
            }
        }
        throw new InvalidInputException("tenure", "must be " + TENURES_WITH_HOMES.get(0) + " or " + TENURES_WITH_HOMES.get(1)
                + ": the tenures the regulator counts homes of");
    }

    /** The homes set for a year: a year the reports can cover and at least one home. */
    private record HomesOfYear(@Min(value = 2000, message = YEARS) @Max(value = 2100, message = YEARS) int year,
                               @NotNull(message = HOMES) @Min(value = 1, message = HOMES) @Nullable Integer homes) {
        static final String YEARS = "must be between 2000 and 2100";
        static final String HOMES = "must be a whole number of homes, at least 1";
    }

    private static void checkHomes(int year, @Nullable Integer homes) {
        TextLimits.check(new HomesOfYear(year, homes));
    }

    /**
     * A comparable organisation's figure for one of our measures' figures, for a year (H-11 benchmarking).
     *
     * @param group the measure's row it compares with ({@code All} for an ungrouped measure, e.g. {@code Stage 1})
     * @param source where the figure comes from, as the Board should read it (e.g. "RSH TSM 2025/26, median of large landlords")
     */
    record Benchmark(String measure, String figure, String group, int year, BigDecimal value, String source) {
    }

    List<Benchmark> benchmarks(String organisation) {
        return jdbc.sql("select measure, figure, grp, year, value, source from reporting.benchmark where organisation = ? "
                        + "order by measure, figure, grp, year")
                .param(organisation)
                .query((rs, n) -> new Benchmark(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getBigDecimal(5),
                        rs.getString(6)))
                .list();
    }

    /**
     * A comparable organisations' figure as sent: which measure's figure and row it compares with, the year, the value and
     * where it comes from. The measure and figure are checked against the measures when it is set.
     *
     * @param group the row to compare with; left out for "All"
     */
    record BenchmarkRequest(@Size(max = TextLimits.NAME) @Nullable String measure, @Size(max = TextLimits.NAME) @Nullable String figure,
                            @Pattern(regexp = "(?s).*\\S.*", message = GROUP) @Size(max = TextLimits.NAME) @Nullable String group,
                            @NotNull(message = YEAR) @Min(value = 2000, message = YEAR) @Max(value = 2100, message = YEAR) @Nullable Integer year,
                            @NotNull(message = VALUE) @DecimalMin(value = "0", message = VALUE) @Digits(integer = 10, fraction = 2, message = VALUE)
                            java.math.@Nullable BigDecimal value,
                            @NotBlank(message = SOURCE) @Size(max = TextLimits.NAME) @Nullable String source) {
        static final String GROUP = "must be the row to compare with, up to " + TextLimits.NAME + " characters (leave out for 'All')";
        static final String YEAR = "must be a year between 2000 and 2100";
        static final String VALUE = "must be a number of at least 0 with at most 2 decimal places";
        static final String SOURCE = "must say where the figure comes from, up to " + TextLimits.NAME + " characters";
    }

    /** Adds or replaces a comparable organisations' figure; every field is checked against the measure it names. */
    @Transactional
    void setBenchmark(String organisation, BenchmarkRequest request) {
        List<FieldError> errors = new ArrayList<>();
        String measure = request.measure();
        String figure = request.figure();
        Optional<Measure> m = measure == null ? Optional.empty() : Measures.find(measure);
        if (m.isEmpty()) {
            errors.add(new FieldError("measure", "must be one of " + Measures.ALL.stream().map(Measure::id).toList()));
        } else if (figure == null || m.get().figures().stream().noneMatch(f -> f.key().equals(figure))) {
            errors.add(new FieldError("figure", "must be one of the figures of '" + measure + "': "
                    + m.get().figures().stream().map(Measure.Figure::key).toList()));
        }
        errors.addAll(TextLimits.errorsIn(request));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String group = request.group();
        jdbc.sql("""
                insert into reporting.benchmark (organisation, measure, figure, grp, year, value, source) values (?, ?, ?, ?, ?, ?, ?)
                on conflict (organisation, measure, figure, grp, year) do update set value = excluded.value, source = excluded.source
                """).params(organisation, measure, figure, group == null ? "All" : group.strip(), request.year(), request.value(),
                        request.source().strip()).update();
    }

    @Transactional
    boolean removeBenchmark(String organisation, String measure, String figure, String group, int year) {
        return jdbc.sql("delete from reporting.benchmark where organisation = ? and measure = ? and figure = ? and grp = ? and year = ?")
                .params(organisation, measure, figure, group, year).update() > 0;
    }

    @Transactional
    void setExtensionsCountAsInTime(String organisation, boolean value) {
        jdbc.sql("""
                insert into reporting.settings (organisation, extensions_count_as_in_time) values (?, ?)
                on conflict (organisation) do update set extensions_count_as_in_time = excluded.extensions_count_as_in_time
                """).params(organisation, value).update();
    }
}
