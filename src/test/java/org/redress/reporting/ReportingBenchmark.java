package org.redress.reporting;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.redress.testing.TestClockConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kept out of the test run (its name ends in neither Test nor IT): a million cases of one organisation over six years
 * in the read model (generated in SQL, 20% escalated to stage 2), then the dashboard for one year and each measure
 * alone, timed after one warm-up. Run it with {@code ./mvnw -B test -Dtest=ReportingBenchmark -Dredress.bench=true}.
 */
@SpringBootTest
@ActiveProfiles("test")
@EnabledIfSystemProperty(named = "redress.bench", matches = "true")
@Import(TestClockConfiguration.class)
class ReportingBenchmark {

    static final int CASES = 1_000_000;

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Reports reports;

    @Test
    void theDashboardForAYearOfAMillionCasesLoadsInUnderASecond() {
        long t0 = System.nanoTime();
        jdbc.sql("""
                insert into reporting.case_stage (organisation, case_id, reference, stage, record_type, staged, service_line, service_area,
                    subject, sub_subject, case_received_at, received_at, acknowledged_at, ack_working_days, responded_at, respond_due_by,
                    respond_original_due_by, respond_working_days, code_working_days, extended, extension_agreed, outcome, escalated,
                    escalation_refused, case_status, closed_at, satisfied_handling, satisfied_outcome, updated_at, received_month, ended_at,
                    tenure)
                select 'bench', md5(i::text)::uuid, 'B-' || i, 1, 'complaint', true,
                    (array['housing', 'home-care', 'debt-advice'])[1 + i % 3],
                    (array['Repairs', 'Neighbourhoods', 'Rents', 'Home care', 'Debt advice', 'Customer services'])[1 + i % 6],
                    'Subject ' || (i % 20), 'Sub ' || (i % 7), rec, rec, rec + interval '2 days', i % 8,
                    case when i % 10 <> 0 or rec < timestamptz '2025-11-01' then rec + (i % 30) * interval '1 day' end, rec + interval '14 days', rec + interval '14 days',
                    (i % 30) * 5 / 7, (i % 30) * 5 / 7, i % 9 = 0, i % 18 = 0,
                    case when i % 10 <> 0 or rec < timestamptz '2025-11-01' then (array['UPHELD', 'PARTLY_UPHELD', 'NOT_UPHELD'])[1 + i % 3] end, i % 5 = 0, false,
                    case when i % 10 in (0, 1) and rec >= timestamptz '2025-11-01' then 'OPEN' else 'CLOSED' end,
                    case when i % 10 not in (0, 1) or rec < timestamptz '2025-11-01' then rec + (i % 30 + 1) * interval '1 day' end,
                    case when i % 4 = 0 then i % 8 < 5 end, case when i % 4 = 0 then i % 8 < 3 end, now(),
                    to_char(rec at time zone 'Europe/London', 'YYYY-MM'),
                    case when i % 10 <> 0 or rec < timestamptz '2025-11-01' then rec + (i % 30) * interval '1 day' end,
                    (array['LOW_COST_RENTAL', 'LOW_COST_RENTAL', 'LOW_COST_RENTAL', 'LOW_COST_RENTAL', 'LOW_COST_RENTAL', 'LOW_COST_RENTAL',
                           'LOW_COST_RENTAL', 'LOW_COST_RENTAL', 'LOW_COST_HOME_OWNERSHIP', 'OTHER', 'UNKNOWN'])[1 + i % 11]
                from (select i, timestamptz '2020-01-01 09:00+00' + i * interval '189 seconds' as rec
                      from generate_series(1, :n) i) g
                """).param("n", CASES).update();
        jdbc.sql("""
                insert into reporting.case_stage (organisation, case_id, reference, stage, record_type, staged, service_line, service_area,
                    subject, sub_subject, case_received_at, received_at, acknowledged_at, ack_working_days, responded_at, respond_due_by,
                    respond_working_days, code_working_days, outcome, case_status, closed_at, updated_at, received_month, ended_at, tenure)
                select organisation, case_id, reference, 2, record_type, true, service_line, service_area, subject, sub_subject,
                    case_received_at, responded_at + interval '3 days', responded_at + interval '4 days', 1, responded_at + interval '20 days',
                    responded_at + interval '31 days', 14, 12, outcome, case_status, closed_at, now(),
                    to_char((responded_at + interval '3 days') at time zone 'Europe/London', 'YYYY-MM'), responded_at + interval '20 days',
                    tenure
                from reporting.case_stage where organisation = 'bench' and escalated and responded_at is not null
                """).update();
        jdbc.sql("analyze reporting.case_stage").update();
        long loaded = System.nanoTime();
        System.out.printf("BENCH loaded %d cases (%d rows) in %d ms%n", CASES,
                jdbc.sql("select count(*) from reporting.case_stage where organisation = 'bench'").query(Long.class).single(),
                (loaded - t0) / 1_000_000);

        ReportScope year = new ReportScope("bench", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), null, null);
        reports.all(year, Measures.DASHBOARD);  // warm-up
        List<Long> runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            reports.all(year, Measures.DASHBOARD);
            runs.add((System.nanoTime() - start) / 1_000_000);
        }
        System.out.println("BENCH dashboard for 2024 (" + Measures.DASHBOARD.size() + " measures): " + runs + " ms");
        List<Long> returnRuns = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            reports.all(year, Measures.RETURNS);
            returnRuns.add((System.nanoTime() - start) / 1_000_000);
        }
        System.out.println("BENCH returns page for 2024 (" + Measures.RETURNS.size() + " measures): " + returnRuns + " ms");
        long slowest = 0;
        for (Measure m : Measures.ALL) {
            reports.measure(year, m.id());
            long start = System.nanoTime();
            reports.measure(year, m.id());
            long ms = (System.nanoTime() - start) / 1_000_000;
            slowest = Math.max(slowest, ms);
            System.out.println("BENCH measure " + m.id() + ": " + ms + " ms");
        }
        System.out.println("BENCH jit = " + jdbc.sql("show jit").query(String.class).single());
        for (List<String> page : List.of(Measures.DASHBOARD, Measures.RETURNS)) {
            Map<String, List<Measure>> batches = new java.util.LinkedHashMap<>();
            page.forEach(id -> batches.computeIfAbsent(Reports.batchKey(Measures.find(id).orElseThrow()), k -> new ArrayList<>())
                    .add(Measures.find(id).orElseThrow()));
            for (List<Measure> batch : batches.values()) {
                String id = batch.stream().map(Measure::id).toList().toString();
                var explain = jdbc.sql("explain (analyze) " + Reports.aggregate(batch, year));
                for (var p : reports.parameters(year).entrySet()) {
                    explain = explain.param(p.getKey(), p.getValue());
                }
                explain.query(String.class).list().stream().filter(l -> l.contains("Scan") || l.contains("Execution") || l.contains("Aggregate"))
                        .forEach(l -> System.out.println("BENCH " + id + " | " + l));
            }
        }
        ReportScope line = new ReportScope("bench", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), "debt-advice", null);
        long start = System.nanoTime();
        reports.all(line, Measures.DASHBOARD);
        System.out.println("BENCH dashboard for 2024, debt advice only: " + (System.nanoTime() - start) / 1_000_000 + " ms");
        assertThat(runs.stream().mapToLong(Long::longValue).min().orElseThrow()).isLessThan(1000);
        assertThat(returnRuns.stream().mapToLong(Long::longValue).min().orElseThrow()).isLessThan(1000);
        assertThat(slowest).isLessThan(300);
    }
}
