package org.redress.reporting;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * A measure, defined once: its definition text (shown wherever the figures are), the cases it looks at, an optional
 * grouping, and its figures. Each piece of SQL is a predicate over one read-model row {@code r}; the parameters
 * {@code :from}, {@code :to} (the period, end exclusive), {@code :asOf} (the period's end, or now if sooner) and
 * {@code :extensionsInTime} (the organisation's setting) are bound by {@link Reports}.
 *
 * @param population the rows the measure is about (e.g. complaints at stage 1)
 * @param groupBy how rows are split (by month, stage, service area...); null for one row of totals
 * @param chart how the dashboard draws it
 */
record Measure(String id, String title, String definition, List<String> cites, String population, @Nullable Grouping groupBy,
               List<Figure> figures, Chart chart) {

    /**
     * How a measure is drawn: {@code bar}, {@code stacked} (bars split by figure), {@code line} or {@code none}, and the
     * figures drawn (one series each, one point per group).
     */
    record Chart(String type, List<String> figures) {

        static final Chart NONE = new Chart("none", List.of());

        static Chart bar(String... figures) {
            return new Chart("bar", List.of(figures));
        }

        static Chart stacked(String... figures) {
            return new Chart("stacked", List.of(figures));
        }

        static Chart line(String... figures) {
            return new Chart("line", List.of(figures));
        }
    }

    /**
     * A way of splitting rows: its label and the SQL expression giving each row's group, as text.
     *
     * @param largestFirst order groups by the first figure, largest first (otherwise in the order of {@code always}, then
     *                     by name)
     * @param always groups shown even when nothing falls in them (stage 1 and 2 for the regulator's measures)
     * @param alsoBy more expressions whose groups are rows too, beside the first's: each stage split by tenure under the
     *               stage's own total (TSM CH01 and CH02, R-2), so a row is counted once in each expression's groups
     */
    record Grouping(String label, String expression, boolean largestFirst, List<String> always, List<String> alsoBy) {

        Grouping(String label, String expression, boolean largestFirst) {
            this(label, expression, largestFirst, List.of(), List.of());
        }

        Grouping(String label, String expression, boolean largestFirst, List<String> always) {
            this(label, expression, largestFirst, always, List.of());
        }

        /** Every expression whose groups are rows of the measure, the first first. */
        List<String> expressions() {
            return java.util.stream.Stream.concat(java.util.stream.Stream.of(expression), alsoBy.stream()).toList();
        }
    }

    /** MONEY: an amount in pounds, worked out by {@link ExternalMeasures} from another module's records. */
    enum Kind { COUNT, PERCENT, AVERAGE, PER_THOUSAND_HOMES, MONEY }

    /**
     * One figure of a measure.
     *
     * @param where the rows counted (for PERCENT: the numerator, inside {@code over}; for AVERAGE: the rows averaged)
     * @param over for PERCENT, the denominator's rows
     * @param value for AVERAGE, the SQL expression averaged
     */
    record Figure(String key, String label, Kind kind, String where, @Nullable String over, @Nullable String value) {

        static Figure count(String key, String label, String where) {
            return new Figure(key, label, Kind.COUNT, where, null, null);
        }

        static Figure percent(String key, String label, String where, String over) {
            return new Figure(key, label, Kind.PERCENT, where, over, null);
        }

        static Figure average(String key, String label, String where, String value) {
            return new Figure(key, label, Kind.AVERAGE, where, null, value);
        }

        /** A figure worked out outside the read model ({@link ExternalMeasures}); it has no SQL. */
        static Figure external(String key, String label, Kind kind) {
            return new Figure(key, label, kind, "false", null, null);
        }

        static Figure perThousandHomes(String key, String label, String where) {
            return new Figure(key, label, Kind.PER_THOUSAND_HOMES, where, null, null);
        }

        /** The rows behind the figure, for drilling down: the numerator's. */
        String rows() {
            return over == null ? where : "(" + where + ") and (" + over + ")";
        }
    }

    Figure figure(String key) {
        return figures.stream().filter(f -> f.key().equals(key)).findFirst().orElseThrow();
    }
}
