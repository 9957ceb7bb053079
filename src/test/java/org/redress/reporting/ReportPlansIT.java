package org.redress.reporting;

import org.junit.jupiter.api.Test;
import org.redress.testing.QueryPlans;
import org.redress.testing.QueryPlans.Scan;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 28: no report reads the whole read model for a small answer. Every measure's query (each batch as the dashboard
 * and returns pages run them) and the lookup of the cases other modules' facts name are served by an index range on a
 * date or the reference, in the plan PostgreSQL makes once for any period (its generic plan), so a later change cannot
 * silently bring a scan of the organisation's whole history back. Sequential scans are switched off, so a read of the
 * whole organisation would show as an index scan on the organisation alone, which is refused here as well.
 */
class ReportPlansIT extends ReportingApiSupport {

    private static final LocalDate TODAY = LocalDate.parse("2026-12-08");
    /** The columns an index range of the read model may start from, after the organisation. */
    private static final List<String> RANGES = List.of("received_at", "responded_at", "acknowledged_at", "closed_at", "ended_at",
            "reference");

    /**
     * 60,000 rows over five years and the four organisations, analysed, in the test's own transaction (rolled back): on
     * the few rows of the test database every index costs the planner the same, so its choice would say nothing.
     */
    private static final String[] A_LARGER_READ_MODEL = {"""
            insert into reporting.case_stage (organisation, case_id, reference, stage, record_type, staged, service_line,
                service_area, case_received_at, received_at, acknowledged_at, responded_at, closed_at, ended_at, case_status,
                updated_at, received_month)
            select (array['alliance-homes', 'the-trust', 'helping-our-future', '247-alliance'])[1 + g % 4], gen_random_uuid(),
                   'PLAN/' || g, 1 + (g % 7 = 0)::int, 'complaint', true, (array['housing', 'debt-advice'])[1 + g % 2],
                   (array['Repairs', 'Neighbourhoods', 'Debt advice'])[1 + g % 3], t, t, t + interval '2 days',
                   case when g % 50 = 0 then null else t + interval '10 days' end,
                   case when g % 50 = 0 then null else t + interval '12 days' end,
                   case when g % 50 = 0 then null else t + interval '10 days' end,
                   case when g % 50 = 0 then 'OPEN' else 'CLOSED' end, t, to_char(t, 'YYYY-MM')
            from generate_series(1, 60000) g, lateral (select timestamptz '2021-12-01' + g * interval '43 minutes' as t) received
            """, "analyze reporting.case_stage"};

    /**
     * 100,000 rows of monthly figures over five years, twelve summaries and the four organisations, analysed (ADR 0029):
     * about what a million cases make.
     */
    private static final String[] MONTHLY_FIGURES = {"""
            insert into reporting.case_month (organisation, summary, period, month, service_line, service_area, grp_set, grp, vals)
            select (array['alliance-homes', 'the-trust', 'helping-our-future', '247-alliance'])[1 + g % 4], 'plan-' || (g / 4 % 12),
                   'received_at', (date '2021-12-01' + (g / 48 % 60) * interval '1 month')::date,
                   (array['housing', 'debt-advice'])[1 + g % 2], (array['Repairs', 'Neighbourhoods', 'Debt advice'])[1 + g % 3],
                   g % 3, 'group ' || g, array[1, 2, 3]::numeric[]
            from generate_series(1, 100000) g
            """, "analyze reporting.case_month"};

    @Autowired
    DataSource dataSource;

    @Test
    void theMonthlyFiguresOfEveryMeasureKeptMonthlyAreReadThroughTheirIndexFromTheFirstMonthToTheLast() { // ADR 0029
        ReportScope everything = ReportScope.parse(ORG, "2025-12-01", "2026-11-30", null, null, TODAY);
        ReportScope limited = ReportScope.parse(ORG, "2021-12-01", "2026-11-30", "housing", null, TODAY).limitedTo(Set.of("Repairs"));
        List<MonthFigures.Summary> summaries = MonthFigures.all(Measures.ALL);
        assertThat(summaries).isNotEmpty();
        for (ReportScope scope : List.of(everything, limited)) {
            for (MonthFigures.Summary summary : summaries) {
                String sql = MonthFigures.monthAggregate(summary, scope);
                assertThat(QueryPlans.scans(dataSource, sql, MONTHLY_FIGURES)).as(sql)
                        .anySatisfy(s -> assertThat(s.table()).isEqualTo("case_month"))
                        .allSatisfy(s -> {
                            if (!s.nodeType().equals("Bitmap Heap Scan")) {
                                assertThat(s.index()).as(s.toString()).isEqualTo("case_month_by_month");
                                assertThat(s.conditions()).as(s.toString()).contains("Index Cond").contains("summary").contains("month");
                            }
                        });
            }
        }
    }

    @Test
    void aCaseChangeReadsOnlyThatCasesRowsToKeepTheMonthlyFigures() { // ADR 0029
        for (MonthFigures.Summary summary : MonthFigures.all(Measures.ALL)) {
            String sql = MonthFigures.contribution(summary, "r.organisation = :org and r.case_id = any(:ids)");
            assertThat(QueryPlans.scans(dataSource, sql, A_LARGER_READ_MODEL)).as(sql).isNotEmpty().allSatisfy(s -> {
                if (!s.nodeType().equals("Bitmap Heap Scan")) {
                    assertThat(s.conditions()).as(s.toString()).contains("Index Cond").contains("case_id");
                }
            });
        }
    }

    @Test
    void everyMeasureReadsItsPeriodsRowsThroughAnIndexRangeForTheWholeOrganisationAndForALimitedReader() {
        ReportScope everything = ReportScope.parse(ORG, "2025-12-01", "2026-11-30", null, null, TODAY);
        ReportScope limited = ReportScope.parse(ORG, "2021-12-01", "2026-11-30", "housing", null, TODAY).limitedTo(Set.of("Repairs"));
        for (ReportScope scope : List.of(everything, limited)) {
            for (List<Measure> batch : batches()) {
                String sql = Reports.aggregate(batch, scope);
                List<Scan> scans = QueryPlans.scans(dataSource, sql, A_LARGER_READ_MODEL);
                assertThat(scans).as(sql).anySatisfy(s -> assertThat(s.table()).isEqualTo("case_stage"))
                        .allSatisfy(ReportPlansIT::anIndexRange);
            }
        }
    }

    @Test
    void theDispReturnReadsTheCasesReceivedAndThoseEndedInThePeriodAsTwoIndexRanges() {
        Measure disp = Reports.measureDefinition("disp-return");
        List<Scan> scans = QueryPlans.scans(dataSource, Reports.aggregate(disp, ReportScope.parse(ORG, "2026-01-01", "2026-11-30", null, null, TODAY)),
                A_LARGER_READ_MODEL);
        assertThat(scans).filteredOn(s -> s.table().equals("case_stage")).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(ReportPlansIT::anIndexRange)
                .anySatisfy(s -> assertThat(s.conditions()).contains("Index Cond", "received_at"))
                .anySatisfy(s -> assertThat(s.conditions()).contains("Index Cond", "closed_at"));
    }

    @Test
    void theOmbudsmanCompensationRedressAndLessonsMeasuresFindTheirCasesByReference() {
        for (ReportScope scope : List.of(ReportScope.parse(ORG, "2026-01-01", "2026-11-30", null, null, TODAY),
                ReportScope.parse(ORG, "2026-01-01", "2026-11-30", "housing", "Repairs", TODAY).limitedTo(Set.of("Repairs")))) {
            List<Scan> scans = QueryPlans.scans(dataSource, ExternalMeasures.classifying(scope), A_LARGER_READ_MODEL);
            assertThat(scans).singleElement().satisfies(ReportPlansIT::anIndexRange)
                    .satisfies(s -> assertThat(s.conditions()).contains("Index Cond", "reference"));
        }
    }

    private static void anIndexRange(Scan scan) {
        if (!scan.table().equals("case_stage") || scan.nodeType().equals("Bitmap Heap Scan")) {
            return;  // the heap a bitmap reads: its index scans below it are checked
        }
        assertThat(scan.nodeType()).as(scan.toString()).isNotEqualTo("Seq Scan");
        String condition = scan.conditions().replaceAll(".*Index Cond: ", "").replaceAll(";.*", "");
        assertThat(RANGES).as(scan.toString()).anySatisfy(column -> assertThat(condition).contains(column));
    }

    private static List<List<Measure>> batches() {
        Map<String, List<Measure>> batches = new LinkedHashMap<>();
        for (Measure m : Measures.ALL) {
            if (!ExternalMeasures.handles(m.id())) {
                batches.computeIfAbsent(Reports.batchKey(m), k -> new ArrayList<>()).add(m);
            }
        }
        return new ArrayList<>(batches.values());
    }
}
