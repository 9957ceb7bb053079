package org.redress.reporting;

import org.junit.jupiter.api.Test;
import org.redress.reporting.MeasureResult.Row;
import org.redress.testing.Cases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 28 (ADR 0029): the monthly figures give exactly the figures the rows give. Complaints of an organisation of its
 * own, received, acknowledged, answered, escalated and closed at the first and last instants of UK months (around the
 * clock changes of March and October 2021 too) are logged through the case API after the monthly figures are filled, so
 * the read model keeps them with each change; then for every measure kept monthly, for random periods (whole months,
 * part months, a single day, a period's edges on a month's edge), for the whole organisation, one service line and a
 * reader limited to one service area, the raw figures read from whole months plus the part months' rows equal the
 * figures read from the rows of the whole period; and again after a rebuild works the monthly figures out afresh.
 */
class MonthFiguresIT extends ReportingApiSupport {

    @Autowired
    CaseMonths months;
    @Autowired
    Reports reports;
    @Autowired
    ReadModel readModel;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void everyMeasureKeptMonthlyGivesTheRowsFiguresForAnyPeriodScopeAndReader() { // T-11, R-1, H-11
        months.fillMissing();
        String org = new Cases(api()).anOrganisationLike(ORG);
        logComplaintsAtMonthEdges(org);

        List<Measure> definitions = reports.definitions();
        List<MonthFigures.Summary> summaries = MonthFigures.all(definitions);
        // every measure of the read model is kept monthly but "open at the end of the period", a state at an instant
        assertThat(summaries.stream().flatMap(s -> s.batch().stream()).map(Measure::id).distinct())
                .containsExactlyInAnyOrderElementsOf(definitions.stream().map(Measure::id)
                        .filter(id -> !ExternalMeasures.handles(id) && !id.equals("open-complaints")).toList());
        assertThat(MonthFigures.ready(jdbc)).containsAll(summaries.stream().map(MonthFigures.Summary::key).toList());

        int compared = compareForRandomPeriods(org, summaries);
        // the changes' appended differences folded into one row per key give the same figures (ADR 0030); the merge
        // answers how many (summary, month) pairs it folded (at most those due: the scheduled merge may fold some
        // first), and a second one has none left
        long due = jdbc.sql("select count(*) from (select distinct organisation, summary, month from reporting.case_month where delta) d")
                .query(Long.class).single();
        assertThat(due).isPositive();
        assertThat((long) months.merge()).isBetween(0L, due);
        assertThat(months.merge()).isZero();
        assertThat(deltaRows(org)).isZero();
        assertThat(jdbc.sql("""
                select count(*) from (select 1 from reporting.case_month where organisation = ?
                group by summary, period, month, service_line, service_area, grp_set, grp having count(*) > 1) twice""")
                .param(org).query(Long.class).single()).isZero();
        compared += compareForRandomPeriods(org, summaries);
        readModel.rebuild(org);
        compared += compareForRandomPeriods(org, summaries);
        assertThat(compared).isGreaterThan(100);
    }

    @Test
    void aPageOrOneMeasureAskingForPartOfAKeptBatchReadsItsWholeMonthsFromTheMonthlyFigures() { // issue 28, ADR 0029
        months.fillMissing();
        String org = new Cases(api()).anOrganisationLike(ORG);
        logComplaintsAtMonthEdges(org);
        ReportScope year = new ReportScope(org, LocalDate.parse("2021-01-01"), LocalDate.parse("2021-12-31"), null, null);
        // the dashboard asks for satisfaction before closed, and for the received measures without categories: parts of
        // the batches kept monthly, in another order; a single measure is a part too
        List<String> asked = List.of("satisfaction", "subjects", "received-by-month", "closed");
        Map<String, List<Row>> dashboard = rowsOf(reports.all(year, Measures.DASHBOARD), asked);
        assertThat(dashboard.get("subjects")).isNotEmpty();
        assertThat(dashboard.get("satisfaction")).isNotEmpty();
        for (String id : asked) {
            assertThat(reports.measure(year, id).rows()).as(id).isEqualTo(dashboard.get(id));
        }

        // with the organisation's monthly figures gone, whole months have nothing to count (the rows are still there)
        jdbc.sql("delete from reporting.case_month where organisation = ?").param(org).update();
        Map<String, List<Row>> withoutMonths = rowsOf(reports.all(year, Measures.DASHBOARD), asked);
        assertThat(withoutMonths.get("subjects")).isEmpty();
        assertThat(withoutMonths.get("received-by-month")).hasSize(12) // every month of the period is shown, each with 0
                .allSatisfy(month -> assertThat(month.cells()).allSatisfy(cell -> assertThat(cell.count()).isZero()));
        assertThat(reports.measure(year, "satisfaction").rows()).isEqualTo(withoutMonths.get("satisfaction"))
                .isNotEqualTo(dashboard.get("satisfaction"));

        readModel.rebuild(org);
        assertThat(rowsOf(reports.all(year, Measures.DASHBOARD), asked)).isEqualTo(dashboard);
    }

    private static Map<String, List<Row>> rowsOf(List<MeasureResult> results, List<String> ids) {
        Map<String, List<Row>> rows = new LinkedHashMap<>();
        for (String id : ids) {
            rows.put(id, results.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow().rows());
        }
        return rows;
    }

    @Test
    void twoCaseChangesOfOneMonthDoNotWaitForEachOthersCommit() throws Exception { // ADR 0030, issue 27
        months.fillMissing();
        String org = new Cases(api()).anOrganisationLike(ORG);
        complaint(org, "complaint", "2021-05-14T12:00", "housing", "Repairs", "Repairs", "Damp", 1, "LOW_COST_RENTAL");
        clock.setUk("2022-02-01T09:00");
        months.merge();
        java.util.UUID id = jdbc.sql("select case_id from reporting.case_stage where organisation = ?").param(org)
                .query(java.util.UUID.class).list().get(0);
        String figures = "select m.summary, m.period, m.month, m.grp_set, m.grp, i, sum(v) from reporting.case_month m,"
                + " unnest(m.vals) with ordinality u(v, i) where m.organisation = ? group by 1, 2, 3, 4, 5, 6 order by 1, 2, 3, 4, 5, 6";
        RowMapper<String> cell = (rs, n) -> rs.getString(1) + rs.getString(2) + rs.getString(3)
                + rs.getString(4) + rs.getString(5) + "#" + rs.getInt(6) + "=" + rs.getBigDecimal(7).stripTrailingZeros().toPlainString();
        List<String> once = jdbc.sql(figures).param(org).query(cell).list();

        // the first change has appended its difference and waits, uncommitted, just before its commit
        var transactions = new TransactionTemplate(transactionManager);
        var appended = new java.util.concurrent.CountDownLatch(1);
        var release = new java.util.concurrent.CountDownLatch(1);
        var first = java.util.concurrent.Executors.newSingleThreadExecutor().submit(() -> transactions.executeWithoutResult(status -> {
            months.after(org, List.of(id));
            TransactionSynchronizationManager.registerSynchronization(
                    new TransactionSynchronization() {
                        @Override
                        public void beforeCommit(boolean readOnly) {
                            appended.countDown();
                            try {
                                release.await();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }
                    });
        }));
        assertThat(appended.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        // a second change of the same month's figures commits without waiting for the first
        long started = System.nanoTime();
        transactions.executeWithoutResult(status -> {
            jdbc.sql("set local lock_timeout = '2s'").update();
            months.after(org, List.of(id));
        });
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofSeconds(2));
        release.countDown();
        first.get(10, java.util.concurrent.TimeUnit.SECONDS);

        // both were added: each figure of the case three times over; merged, still three times
        List<String> thrice = once.stream().map(f -> f.substring(0, f.indexOf('=') + 1)
                + new BigDecimal(f.substring(f.indexOf('=') + 1)).multiply(BigDecimal.valueOf(3)).stripTrailingZeros().toPlainString()).toList();
        List<String> read = jdbc.sql(figures).param(org).query(cell).list();
        assertThat(read).isEqualTo(thrice);
        assertThat(deltaRows(org)).isPositive();
        months.merge();
        assertThat(deltaRows(org)).isZero();
        assertThat(jdbc.sql(figures).param(org).query(cell).list()).isEqualTo(thrice);
    }

    private long deltaRows(String org) {
        return jdbc.sql("select count(*) from reporting.case_month where organisation = ? and delta").param(org).query(Long.class).single();
    }

    private int compareForRandomPeriods(String org, List<MonthFigures.Summary> summaries) {
        Random random = new Random(28);
        List<LocalDate[]> periods = new ArrayList<>(List.of(
                new LocalDate[]{LocalDate.parse("2021-01-01"), LocalDate.parse("2021-12-31")},
                new LocalDate[]{LocalDate.parse("2021-03-01"), LocalDate.parse("2021-03-31")},
                new LocalDate[]{LocalDate.parse("2021-03-31"), LocalDate.parse("2021-04-01")},
                new LocalDate[]{LocalDate.parse("2021-02-15"), LocalDate.parse("2021-11-14")},
                new LocalDate[]{LocalDate.parse("2021-10-31"), LocalDate.parse("2021-10-31")},
                new LocalDate[]{LocalDate.parse("2020-12-31"), LocalDate.parse("2022-01-01")}));
        for (int i = 0; i < 12; i++) {
            LocalDate from = LocalDate.parse("2020-12-01").plusDays(random.nextInt(400));
            periods.add(new LocalDate[]{from, from.plusDays(random.nextInt(200))});
        }
        int compared = 0;
        for (LocalDate[] period : periods) {
            ReportScope whole = new ReportScope(org, period[0], period[1], null, null);
            for (ReportScope scope : List.of(whole, new ReportScope(org, period[0], period[1], "housing", null),
                    whole.limitedTo(Set.of("Repairs")))) {
                Map<String, Object> params = reports.parameters(scope);
                for (MonthFigures.Summary s : summaries) {
                    params.put("extensionsInTime", s.extensionsInTime() == null || s.extensionsInTime());
                    var fromRows = MonthFigures.read(jdbc, s.batch(), scope, params, null);
                    var fromMonths = MonthFigures.read(jdbc, s.batch(), scope, params, s);
                    assertThat(plain(fromMonths)).as(s.batch().stream().map(Measure::id).toList() + " " + scope.describe())
                            .isEqualTo(plain(fromRows));
                    compared++;
                }
            }
        }
        return compared;
    }

    /** The figures as text, each number without trailing zeros, groups with nothing in them left out. */
    private static Map<String, List<String>> plain(Map<MonthFigures.Key, BigDecimal[]> figures) {
        Map<String, List<String>> plain = new TreeMap<>();
        figures.forEach((k, v) -> {
            if (java.util.Arrays.stream(v).anyMatch(x -> x.signum() != 0)) {
                plain.put(k.mask() + "/" + k.group(), java.util.Arrays.stream(v).map(x -> x.stripTrailingZeros().toPlainString()).toList());
            }
        });
        return plain;
    }

    /**
     * Complaints received, answered and closed on the last and first instants of months of 2021 (UK time: GMT in winter,
     * BST from 28 March to 31 October), in two service lines and three areas, some escalated, some left open.
     */
    private void logComplaintsAtMonthEdges(String org) {
        Map<String, String[]> where = new LinkedHashMap<>();
        where.put("Repairs", new String[]{"housing", "Repairs", "Repairs", "Damp"});
        where.put("Neighbourhoods", new String[]{"housing", "Neighbourhoods", "Anti-social behaviour", "Noise"});
        where.put("Debt advice", new String[]{"debt-advice", "Debt advice", "Advice", "Delay"});
        List<String[]> areas = new ArrayList<>(where.values());
        String[] edges = {"2021-01-31T23:59:59.999999", "2021-02-01T00:00", "2021-03-31T23:59:59.999999", "2021-04-01T00:00",
                "2021-03-28T00:30", "2021-06-30T23:30", "2021-10-31T23:59:59", "2021-11-01T00:00:00.000001", "2021-05-14T12:00"};
        String[] outcomes = {"UPHELD", "PARTLY_UPHELD", "NOT_UPHELD"};
        for (int i = 0; i < edges.length; i++) {
            String[] a = areas.get(i % areas.size());
            java.time.LocalDateTime received = java.time.LocalDateTime.parse(edges[i]);
            Story s = complaint(org, "complaint", edges[i], a[0], a[1], a[2], a[3], 1,
                    i % 2 == 0 ? "LOW_COST_RENTAL" : "LOW_COST_HOME_OWNERSHIP");
            if (i % 4 == 3) {
                continue;  // left open
            }
            // acknowledged a minute later, answered at the first instant of the month after next or nine days into it
            s.acknowledged(received.plusMinutes(1).toString());
            String answered = received.toLocalDate().withDayOfMonth(1).plusMonths(2).atStartOfDay().plusDays(i % 3 == 0 ? 0 : 9)
                    .toString();
            s.responded(answered, outcomes[i % 3]);
            java.time.LocalDateTime last = java.time.LocalDateTime.parse(answered);
            if (i % 3 == 1) {
                java.time.LocalDateTime escalated = last.plusDays(2);
                last = escalated.toLocalDate().withDayOfMonth(1).plusMonths(1).atStartOfDay().minusNanos(1000);
                s.at(escalated.toString(), "escalation-request", "{\"unresolved\":\"still wrong\"}")
                        .at(escalated.plusHours(1).toString(), "accept-escalation", "{}")
                        .at(escalated.plusHours(2).toString(), "steps", "{\"step\":\"case-conference\",\"note\":\"reviewed\"}")
                        .at(escalated.plusHours(3).toString(), "steps", "{\"step\":\"adverse-findings\",\"note\":\"no comment\"}")
                        .at(escalated.plusHours(4).toString(), "contact-arrangement", "{\"method\":\"phone\",\"frequency\":\"every week\"}")
                        .responded(last.toString(), outcomes[(i + 1) % 3]);
            }
            if (i % 2 == 0) {
                s.closed(last.plusDays(20).toString(), i % 4 == 0, i % 3 == 0);
            }
        }
        clock.setUk("2022-02-01T09:00");
    }
}
