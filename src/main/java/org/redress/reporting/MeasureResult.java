package org.redress.reporting;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.List;

/**
 * A measure's figures for one scope: a table whose rows are the groups (one row, "All", when not grouped) and whose
 * columns are the figures. Each cell links to the cases behind it.
 *
 * @param limitedTo the only service areas the reader may see, and so the only ones counted; null for every area
 */
record MeasureResult(String id, String title, String definition, List<String> cites, String organisation, LocalDate from,
                     LocalDate to, @Nullable String serviceLine, @Nullable String serviceArea, @Nullable List<String> limitedTo,
                     @Nullable String groupedBy,
                     List<Column> columns, List<Row> rows, List<String> notes, Measure.Chart chart, List<Comparison> comparisons) {

    /**
     * Our figure beside a comparable organisations' figure (H-11 benchmarking): the peers' figure of the latest year up
     * to the year the period ends in.
     *
     * @param ours our figure for the period, or null when there is none
     */
    record Comparison(String group, String figure, String figureLabel, @Nullable Double ours, double theirs, int year, String source) {

        /** In words, e.g. "4.5 points above" or "the same". */
        public String difference() {
            if (ours == null) {
                return "no figure of ours to compare";
            }
            double d = Math.round((ours - theirs) * 10) / 10.0;
            if (d == 0) {
                return "the same";
            }
            String amount = d == Math.rint(d) ? String.valueOf((long) Math.abs(d)) : String.valueOf(Math.abs(d));
            return amount + (d > 0 ? " above" : " below");
        }
    }

    record Column(String key, String label, Measure.Kind kind) {
    }

    /**
     * @param value the figure (a count, a percentage, an average or a rate); null when it cannot be worked out
     *              (nothing to divide by, or a setting is missing)
     * @param count how many cases stand behind it (the numerator)
     * @param of for a percentage, the denominator
     * @param text the figure as people read it, e.g. {@code 80% (4 of 5)}, or {@code n/a}
     * @param cases the API address listing the case references behind the figure
     */
    record Cell(String figure, @Nullable Double value, long count, @Nullable Long of, String text, String cases) {

        static Cell of(String figure, Measure.Kind kind, @Nullable Double value, long count, @Nullable Long of, String cases) {
            String text;
            if (value == null) {
                text = "n/a";
            } else {
                String number = value == Math.rint(value) ? String.valueOf(value.longValue()) : String.valueOf(value);
                text = kind == Measure.Kind.PERCENT ? number + "% (" + count + " of " + of + ")"
                        : kind == Measure.Kind.MONEY ? String.format(java.util.Locale.UK, "£%,.2f", value) : number;
            }
            return new Cell(figure, value, count, of, text, cases);
        }
    }

    record Row(String group, List<Cell> cells) {

        @Nullable Cell cell(String figure) {
            return cells.stream().filter(c -> c.figure().equals(figure)).findFirst().orElse(null);
        }
    }

    /** The single row of an ungrouped measure, or the named group. */
    @Nullable Row row(String group) {
        return rows.stream().filter(r -> r.group().equals(group)).findFirst().orElse(null);
    }

    @Nullable Double value(String group, String figure) {
        Row row = row(group);
        Cell cell = row == null ? null : row.cell(figure);
        return cell == null ? null : cell.value();
    }
}
