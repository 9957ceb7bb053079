package org.redress.reporting;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 28: a period of two years or more is worked out in one read of the organisation's rows, each figure limited to
 * its own measure's population and period. The figures must be exactly those worked out batch by batch, for every
 * measure of the dashboard, the returns page and the annual report, for the whole organisation and for one area.
 */
class OnePassReportsIT extends ReportingApiSupport {

    private static final LocalDate TODAY = LocalDate.parse("2026-12-08");

    /** 6,000 stages over six years with every figure's columns varied (outcomes, satisfaction, tenure, late and open ones). */
    private static final String A_VARIED_READ_MODEL = """
            insert into reporting.case_stage (organisation, case_id, reference, stage, record_type, staged, service_line, service_area,
                subject, sub_subject, case_received_at, received_at, acknowledged_at, ack_working_days, responded_at, respond_due_by,
                respond_original_due_by, respond_working_days, code_working_days, extended, extension_agreed, outcome, escalated,
                escalation_refused, case_status, closed_at, satisfied_handling, satisfied_outcome, updated_at, received_month, ended_at,
                tenure)
            select :org, gen_random_uuid(), 'PASS/' || i, 1 + (i % 6 = 0)::int, (array['complaint', 'complaint', 'compliment'])[1 + i % 3],
                true, (array['housing', 'home-care', 'debt-advice'])[1 + i % 3],
                (array['Repairs', 'Neighbourhoods', 'Rents'])[1 + i % 3], 'Subject ' || (i % 5), 'Sub ' || (i % 3), rec, rec,
                rec + (i % 9) * interval '1 day', i % 9,
                case when i % 10 <> 0 then rec + (i % 30) * interval '1 day' end, rec + interval '14 days', rec + interval '10 days',
                (i % 30) * 5 / 7, (i % 30) * 5 / 7, i % 9 = 0, i % 18 = 0,
                case when i % 10 <> 0 then (array['UPHELD', 'PARTLY_UPHELD', 'NOT_UPHELD'])[1 + i % 3] end, i % 5 = 0, i % 23 = 0,
                case when i % 10 in (0, 1) then 'OPEN' else 'CLOSED' end,
                case when i % 10 not in (0, 1) then rec + (i % 30 + 1) * interval '1 day' end,
                case when i % 4 = 0 then i % 8 < 5 end, case when i % 4 = 0 then i % 8 < 3 end, rec,
                to_char(rec at time zone 'Europe/London', 'YYYY-MM'),
                case when i % 10 <> 0 then rec + (i % 30) * interval '1 day' end,
                (array['LOW_COST_RENTAL', 'LOW_COST_RENTAL', 'LOW_COST_HOME_OWNERSHIP', 'OTHER', 'UNKNOWN'])[1 + i % 5]
            from (select i, timestamptz '2020-12-01 09:00+00' + i * interval '527 minutes' as rec from generate_series(1, 6000) i) g
            """;

    @Autowired
    Reports reports;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aFiveYearReportWorkedOutInOneReadGivesExactlyTheFiguresOfTheReadsBatchByBatch() {
        List<String> ids = Stream.of(Measures.DASHBOARD, Measures.RETURNS, BoardReport.ANNUAL).flatMap(List::stream).distinct().toList();
        ReportScope fiveYears = ReportScope.parse(ORG, "2021-12-01", "2026-11-30", null, null, TODAY);
        ReportScope oneAreaFiveYears = ReportScope.parse(ORG, "2021-12-01", "2026-11-30", "housing", "Repairs", TODAY);
        ReportScope oneYear = ReportScope.parse(ORG, "2025-12-01", "2026-11-30", null, null, TODAY);
        TransactionTemplate rolledBack = new TransactionTemplate(transactions);
        rolledBack.executeWithoutResult(status -> {
            jdbc.sql(A_VARIED_READ_MODEL).param("org", ORG).update();
            for (ReportScope scope : List.of(fiveYears, oneAreaFiveYears, oneYear)) {
                List<MeasureResult> batchByBatch = reports.all(scope, ids, false);
                List<MeasureResult> inOneRead = reports.all(scope, ids, true);
                assertThat(batchByBatch).extracting(MeasureResult::id).isEqualTo(ids);
                for (int i = 0; i < ids.size(); i++) {
                    assertThat(inOneRead.get(i)).as(scope + " " + ids.get(i)).isEqualTo(batchByBatch.get(i));
                }
                assertThat(batchByBatch.stream().filter(m -> m.id().equals("complaints-received")).findFirst().orElseThrow().rows())
                        .as("the data reaches the figures").isNotEmpty();
            }
            status.setRollbackOnly();
        });
    }

    @Test
    void periodsOfTwoYearsOrMoreAreWorkedOutInOneRead() {
        assertThat(Reports.onePass(ReportScope.parse(ORG, "2021-12-01", "2026-11-30", null, null, TODAY))).isTrue();
        assertThat(Reports.onePass(ReportScope.parse(ORG, "2024-12-01", "2026-11-30", null, null, TODAY))).isTrue();
        assertThat(Reports.onePass(ReportScope.parse(ORG, "2024-12-02", "2026-11-30", null, null, TODAY))).isFalse();
        assertThat(Reports.onePass(ReportScope.parse(ORG, "2025-12-01", "2026-11-30", null, null, TODAY))).isFalse();
    }
}
