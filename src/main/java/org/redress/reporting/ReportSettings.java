package org.redress.reporting;

import org.jspecify.annotations.Nullable;
import org.redress.web.FieldError;
import org.redress.web.InvalidInputException;
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
 * The figures and choices reports need that no case holds: the number of homes per year (TSM CH01), whether agreed
 * extensions count as in time (TSM CH02), and comparable organisations' figures to benchmark against (H-11).
 */
@Service
class ReportSettings {

    private final JdbcClient jdbc;

    ReportSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param homesByYear the number of homes the organisation manages, by year
     * @param extensionsCountAsInTime whether a response by the deadline of an extension granted under the policy counts
     *                                as within the Code's timescale for CH02 (the regulator's guidance is unsettled: a setting)
     */
    record Settings(String organisation, Map<Integer, Integer> homesByYear, boolean extensionsCountAsInTime) {
    }

    @Transactional(readOnly = true)
    Settings get(String organisation) {
        Map<Integer, Integer> homes = new LinkedHashMap<>();
        jdbc.sql("select year, homes from reporting.homes where organisation = ? order by year").param(organisation)
                .query((rs, n) -> homes.put(rs.getInt(1), rs.getInt(2))).list();
        return new Settings(organisation, homes, extensionsCountAsInTime(organisation));
    }

    Optional<Integer> homes(String organisation, int year) {
        return jdbc.sql("select homes from reporting.homes where organisation = ? and year = ?").params(organisation, year)
                .query(Integer.class).optional();
    }

    boolean extensionsCountAsInTime(String organisation) {
        return jdbc.sql("select extensions_count_as_in_time from reporting.settings where organisation = ?").param(organisation)
                .query(Boolean.class).optional().orElse(true);
    }

    @Transactional
    void setHomes(String organisation, int year, Integer homes) {
        if (year < 2000 || year > 2100) {
            throw new InvalidInputException("year", "must be between 2000 and 2100");
        }
        if (homes == null || homes <= 0) {
            throw new InvalidInputException("homes", "must be a whole number of homes, at least 1");
        }
        jdbc.sql("""
                insert into reporting.homes (organisation, year, homes) values (?, ?, ?)
                on conflict (organisation, year) do update set homes = excluded.homes
                """).params(organisation, year, homes).update();
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

    /** Adds or replaces a comparable organisations' figure; every field is checked against the measure it names. */
    @Transactional
    void setBenchmark(String organisation, @Nullable String measure, @Nullable String figure, @Nullable String group,
                      @Nullable Integer year, @Nullable BigDecimal value, @Nullable String source) {
        List<FieldError> errors = new ArrayList<>();
        Optional<Measure> m = measure == null ? Optional.empty() : Measures.find(measure);
        if (m.isEmpty()) {
            errors.add(new FieldError("measure", "must be one of " + Measures.ALL.stream().map(Measure::id).toList()));
        } else if (figure == null || m.get().figures().stream().noneMatch(f -> f.key().equals(figure))) {
            errors.add(new FieldError("figure", "must be one of the figures of '" + measure + "': "
                    + m.get().figures().stream().map(Measure.Figure::key).toList()));
        }
        if (group != null && (group.isBlank() || group.length() > 100)) {
            errors.add(new FieldError("group", "must be the row to compare with, up to 100 characters (leave out for 'All')"));
        }
        if (year == null || year < 2000 || year > 2100) {
            errors.add(new FieldError("year", "must be a year between 2000 and 2100"));
        }
        if (value == null || value.signum() < 0 || value.scale() > 2 || value.precision() - value.scale() > 10) {
            errors.add(new FieldError("value", "must be a number of at least 0 with at most 2 decimal places"));
        }
        if (source == null || source.isBlank() || source.length() > 200) {
            errors.add(new FieldError("source", "must say where the figure comes from, up to 200 characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        jdbc.sql("""
                insert into reporting.benchmark (organisation, measure, figure, grp, year, value, source) values (?, ?, ?, ?, ?, ?, ?)
                on conflict (organisation, measure, figure, grp, year) do update set value = excluded.value, source = excluded.source
                """).params(organisation, measure, figure, group == null ? "All" : group.strip(), year, value, source.strip()).update();
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
