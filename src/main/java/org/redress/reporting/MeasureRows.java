package org.redress.reporting;

import org.redress.reporting.Measure.Figure;

import java.util.ArrayList;
import java.util.List;

/** Which read-model rows a batch of measures reads, shaped so each period is one index range (issue 28). */
final class MeasureRows {

    private MeasureRows() {
    }

    /** The period predicates a measure's figures start with, each once ({@link Reports#rowFilter}). */
    static List<String> periods(Measure m) {
        List<String> any = new ArrayList<>();
        for (Figure f : m.figures()) {
            String rows = f.over() != null ? f.over() : f.where();
            String widened = Measures.PERIODS.stream().filter(p -> rows.equals(p) || rows.startsWith(p + " and ")).findFirst().orElse(rows);
            if (!any.contains(widened)) {
                any.add(widened);
            }
        }
        return any;
    }

    /**
     * The rows a batch reads, as a FROM item named r. Rows in one period (received in it, responded in it...) are one
     * index range. Rows in any of two periods (the DISP return's received or ended in the period) are each period's range
     * in turn, the second without the rows the first had: an OR of two ranges in one WHERE makes PostgreSQL read the
     * organisation's whole history instead (issue 28).
     */
    static String of(List<Measure> batch, ReportScope scope) {
        List<String> periods = batch.stream().flatMap(m -> periods(m).stream()).distinct().toList();
        String rows = "reporting.case_stage r where " + Reports.scopeFilter(scope) + " and (" + batch.get(0).population() + ")";
        if (periods.size() == 1) {
            return rows + " and (" + periods.get(0) + ")";
        }
        List<String> ranges = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            StringBuilder range = new StringBuilder("select r.* from " + rows + " and (" + periods.get(i) + ")");
            for (String earlier : periods.subList(0, i)) {
                range.append(" and (").append(earlier).append(") is not true");
            }
            ranges.add(range.toString());
        }
        return "(" + String.join(" union all ", ranges) + ") r";
    }
}
