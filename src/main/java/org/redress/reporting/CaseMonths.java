package org.redress.reporting;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;
import org.redress.policy.PolicyPacks;
import org.redress.reporting.MonthFigures.Summary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps the monthly figures ({@code reporting.case_month}, issue 28, ADR 0029) with the read model's rows, in the same
 * transaction: before a case's rows are replaced their figures are taken away, after its new rows are written theirs are
 * added, and at the commit the difference is appended as rows of its own (ADR 0030: no two changes update one row, so
 * none waits for another's commit), which {@link #merge} folds back into one row per key in the background. A summary is
 * kept only once it is filled and marked ready; until then the reports read the rows.
 *
 * <p>Locks (transaction-scoped advisory locks): a case change holds the shared lock of all figures and the shared lock
 * of its organisation's; filling a summary from every row holds the exclusive lock of all figures, a rebuild of an
 * organisation the exclusive lock of that organisation's. So a fill never misses a change made while it reads, and a
 * change never adds to figures a fill is about to replace.
 */
@Component
class CaseMonths {

    private static final Logger log = LoggerFactory.getLogger(CaseMonths.class);
    private static final String LOCK_ALL = "pg_advisory_xact_lock%s(2029, 0)";
    private static final String LOCK_ORG = "pg_advisory_xact_lock%s(2030, hashtext(?))";
    /** A change's difference, appended: no two changes ever update the same row (ADR 0030). */
    private static final String APPEND = """
            insert into reporting.case_month (organisation, summary, period, month, service_line, service_area, grp_set, grp, vals, delta)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, true)""";
    /**
     * Folds an organisation's appended differences into one row per key, month by month (at most {@code limit} months of
     * summaries at a time): each month with a difference has all its rows deleted and written again summed. Rows appended
     * after the statement began are not deleted, so they stay, to be folded the next time. Answers how many (summary,
     * month) pairs it folded.
     */
    private static final String MERGE = """
            with due as (
                select distinct organisation, summary, month from reporting.case_month where organisation = ? and delta limit ?
            ), gone as (
                delete from reporting.case_month m using due d
                where m.organisation = d.organisation and m.summary = d.summary and m.month = d.month
                returning m.organisation, m.summary, m.period, m.month, m.service_line, m.service_area, m.grp_set, m.grp, m.vals
            ), cells as (
                select organisation, summary, period, month, service_line, service_area, grp_set, grp, i, sum(v) as v
                from gone, unnest(vals) with ordinality u(v, i)
                group by organisation, summary, period, month, service_line, service_area, grp_set, grp, i
            ), written as (
                insert into reporting.case_month (organisation, summary, period, month, service_line, service_area, grp_set, grp, vals)
                select organisation, summary, period, month, service_line, service_area, grp_set, grp, array_agg(v order by i)
                from cells group by organisation, summary, period, month, service_line, service_area, grp_set, grp
            )
            select count(*) from due""";
    /** How many (summary, month) pairs one merge transaction folds. */
    static final int MERGE_BATCH = 200;
    private static final String COLUMNS = "organisation, summary, period, month, service_line, service_area, grp_set, grp, vals";

    /** The statement of a change's figures by the summaries kept, built once for each set (a handful over a lifetime). */
    private final Cache<String, String> statements = Caffeine.newBuilder().maximumSize(64).build();
    /** The summaries of the measures by the packs' figures they count against: worked out again only when a figure changes. */
    private final Cache<PackFigures, List<Summary>> summaries = Caffeine.newBuilder().maximumSize(16).build();
    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final PolicyPacks packs;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final boolean fillAtStart;

    CaseMonths(JdbcClient jdbc, JdbcTemplate jdbcTemplate, PolicyPacks packs, Clock clock, PlatformTransactionManager transactions,
               @Value("${redress.reporting.month-figures.fill-at-start:true}") boolean fillAtStart) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.packs = packs;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactions);
        this.fillAtStart = fillAtStart;
    }

    /** The summaries of the measures as the active packs define them. */
    List<Summary> current() {
        return summaries.get(PackFigures.of(packs), figures -> MonthFigures.all(Measures.all(figures)));
    }

    /** The names of the summaries filled and kept. */
    Set<String> ready(JdbcClient client) {
        return new HashSet<>(client.sql("select summary from reporting.case_month_ready").query(String.class).list());
    }

    /** One row of monthly figures, as {@code reporting.case_month} keys it. */
    private record Cell(String organisation, String summary, String period, LocalDate month, @Nullable String serviceLine,
                        @Nullable String serviceArea, int grpSet, String grp) {
    }

    /** What one transaction changes in the monthly figures, written just before it commits. */
    private final class Pending implements TransactionSynchronization {
        final Map<String, List<Summary>> kept = new HashMap<>();
        final Map<Cell, BigDecimal[]> difference = new HashMap<>();

        @Override
        public void beforeCommit(boolean readOnly) {
            write(difference);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(CaseMonths.this);
        }
    }

    /** Before the rows of these cases are replaced: takes their figures away. */
    void before(String organisation, List<UUID> cases) {
        change(organisation, cases, -1);
    }

    /** After the rows of these cases are written: adds their figures. */
    void after(String organisation, List<UUID> cases) {
        change(organisation, cases, 1);
    }

    private void change(String organisation, List<UUID> cases, int sign) {
        if (cases.isEmpty()) {
            return;
        }
        Pending pending = pending();
        List<Summary> kept = pending.kept.computeIfAbsent(organisation, this::lockAndFindKept);
        if (kept.isEmpty()) {
            return;
        }
        // one case (every create and verb) is asked for by equality: PostgreSQL then keeps one plan for the statement
        // rather than planning its dozens of branches again for each change, as it did for "= any(array)" (issue 27)
        boolean one = cases.size() == 1;
        String sql = statements.get((one ? "one:" : "many:") + String.join(",", kept.stream().map(Summary::key).toList()),
                k -> String.join("\nunion all\n", kept.stream().map(s -> MonthFigures.contribution(s,
                        one ? "r.organisation = :org and r.case_id = :id" : "r.organisation = :org and r.case_id = any(:ids)")).toList()));
        var statement = jdbc.sql(sql).param("org", organisation);
        statement = one ? statement.param("id", cases.get(0)) : statement.param("ids", cases.toArray(UUID[]::new));
        statement.query((java.sql.ResultSet rs) -> {
            Cell cell = new Cell(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate(), rs.getString(5),
                    rs.getString(6), rs.getInt(7), rs.getString(8));
            Object[] values = (Object[]) rs.getArray(9).getArray();
            BigDecimal[] sum = pending.difference.computeIfAbsent(cell, c -> zeros(values.length));
            for (int i = 0; i < values.length; i++) {
                BigDecimal v = (BigDecimal) values[i];
                sum[i] = sign < 0 ? sum[i].subtract(v) : sum[i].add(v);
            }
        });
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            write(pending.difference);
            pending.difference.clear();
        }
    }

    private Pending pending() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return new Pending();
        }
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new Pending();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        return pending;
    }

    /** Takes the shared locks of a case change (held to its commit) and finds the summaries kept: ready and current. */
    private List<Summary> lockAndFindKept(String organisation) {
        jdbc.sql("select " + LOCK_ALL.formatted("_shared") + ", " + LOCK_ORG.formatted("_shared")).param(organisation)
                .query((java.sql.ResultSet rs) -> { });
        Set<String> ready = ready(jdbc);
        if (ready.isEmpty()) {
            return List.of();
        }
        List<Summary> current = current();
        Set<String> keys = new HashSet<>(current.stream().map(Summary::key).toList());
        List<String> stale = ready.stream().filter(k -> !keys.contains(k)).toList();
        if (!stale.isEmpty()) {
            // a summary no measure reads now (a pack's timescale changed) is kept no more, so it is ready no more
            jdbc.sql("delete from reporting.case_month_ready where summary = any(?)").param(stale.toArray(String[]::new)).update();
        }
        return current.stream().filter(s -> ready.contains(s.key())).toList();
    }

    private void write(Map<Cell, BigDecimal[]> difference) {
        List<Object[]> rows = new ArrayList<>();
        // appended rows lock nothing another change writes (ADR 30), so the order they go in does not matter
        difference.entrySet().stream().filter(e -> java.util.Arrays.stream(e.getValue()).anyMatch(v -> v.signum() != 0)).forEach(e -> {
                    Cell c = e.getKey();
                    rows.add(new Object[]{c.organisation(), c.summary(), c.period(), java.sql.Date.valueOf(c.month()), c.serviceLine(),
                            c.serviceArea(), c.grpSet(), c.grp(), e.getValue()});
                });
        if (rows.isEmpty()) {
            return;
        }
        jdbcTemplate.batchUpdate(APPEND, rows, rows.size(), (ps, row) -> {
            for (int i = 0; i < 8; i++) {
                ps.setObject(i + 1, row[i]);
            }
            ps.setArray(9, ps.getConnection().createArrayOf("numeric", (Object[]) row[8]));
        });
    }

    private static BigDecimal[] zeros(int width) {
        BigDecimal[] zeros = new BigDecimal[width];
        java.util.Arrays.fill(zeros, BigDecimal.ZERO);
        return zeros;
    }

    /**
     * In a rebuild's transaction, before it deletes the organisation's rows: waits for the organisation's case changes in
     * flight and keeps new ones out until it commits.
     */
    void lockForRebuild(String organisation) {
        jdbc.sql("select " + LOCK_ALL.formatted("_shared") + ", " + LOCK_ORG.formatted("")).param(organisation)
                .query((java.sql.ResultSet rs) -> { });
    }

    /** In a rebuild's transaction, after it wrote the organisation's rows: works its kept summaries out again from them. */
    void refill(String organisation) {
        Set<String> ready = ready(jdbc);
        jdbc.sql("delete from reporting.case_month where organisation = ?").param(organisation).update();
        for (Summary s : current()) {
            if (ready.contains(s.key())) {
                jdbc.sql("insert into reporting.case_month (" + COLUMNS + ") " + MonthFigures.contribution(s, "r.organisation = :org"))
                        .param("org", organisation).update();
            }
        }
    }

    /** Fills every current summary not yet ready from all the rows, one transaction each; returns how many it filled. */
    int fillMissing() {
        List<Summary> summaries = current();
        int filled = 0;
        for (int i = 0; i < summaries.size(); i++) {
            Summary s = summaries.get(i);
            long started = System.nanoTime();
            Boolean done = transactions.execute(status -> {
                jdbc.sql("select " + LOCK_ALL.formatted("")).query((java.sql.ResultSet rs) -> { });
                if (ready(jdbc).contains(s.key())) {
                    return false;
                }
                jdbc.sql("delete from reporting.case_month where summary = ?").param(s.key()).update();
                jdbc.sql("insert into reporting.case_month (" + COLUMNS + ") " + MonthFigures.contribution(s, "true")).update();
                jdbc.sql("insert into reporting.case_month_ready (summary, filled_at) values (?, ?)")
                        .params(s.key(), Timestamp.from(clock.instant())).update();
                return true;
            });
            if (Boolean.TRUE.equals(done)) {
                filled++;
                log.info("Filled the monthly figures of {} ({} of {} summaries) in {} ms", s.batch().stream().map(Measure::id).toList(),
                        i + 1, summaries.size(), (System.nanoTime() - started) / 1_000_000);
            }
        }
        // a summary no measure reads any more (a pack's timescale changed) is no longer kept, so no longer ready
        Set<String> current = new HashSet<>(summaries.stream().map(Summary::key).toList());
        List<String> stale = ready(jdbc).stream().filter(k -> !current.contains(k)).toList();
        if (!stale.isEmpty()) {
            transactions.executeWithoutResult(status -> {
                jdbc.sql("select " + LOCK_ALL.formatted("")).query((java.sql.ResultSet rs) -> { });
                jdbc.sql("delete from reporting.case_month_ready where summary = any(?)").param(stale.toArray(String[]::new)).update();
                jdbc.sql("delete from reporting.case_month where summary = any(?)").param(stale.toArray(String[]::new)).update();
            });
        }
        return filled;
    }

    /**
     * Folds the appended differences of every organisation into one row per key (ADR 0030), run every
     * {@code redress.reporting.month-figures.merge-every} (15 s) on each node; two nodes merging at once each fold only the
     * rows they deleted. Each organisation's merge holds the shared locks a case change holds, so a fill or a rebuild never
     * runs beside it. Returns how many months of summaries it folded.
     */
    @Scheduled(fixedDelayString = "${redress.reporting.month-figures.merge-every:15s}",
            initialDelayString = "${redress.reporting.month-figures.merge-every:15s}")
    int merge() {
        int folded = 0;
        List<String> organisations = jdbc.sql("select distinct organisation from reporting.case_month where delta")
                .query(String.class).list();
        for (String organisation : organisations) {
            // a busy organisation appends while it merges: a bounded number of rounds, the rest the next time
            for (int round = 0; round < 50; round++) {
                Integer due = transactions.execute(status -> {
                    jdbc.sql("select " + LOCK_ALL.formatted("_shared") + ", " + LOCK_ORG.formatted("_shared")).param(organisation)
                            .query((java.sql.ResultSet rs) -> { });
                    return jdbc.sql(MERGE).params(organisation, MERGE_BATCH).query(Integer.class).single();
                });
                folded += due == null ? 0 : due;
                if (due == null || due < MERGE_BATCH) {
                    break;
                }
            }
        }
        return folded;
    }

    @EventListener(ApplicationReadyEvent.class)
    void fillInTheBackground() {
        if (!fillAtStart) {
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                int filled = fillMissing();
                if (filled > 0) {
                    log.info("The monthly figures are filled: the report pages read whole months from them");
                }
            } catch (RuntimeException e) {
                log.warn("Could not fill the monthly figures; the reports read the rows until the next start", e);
            }
        }, "month-figures-fill");
        thread.setDaemon(true);
        thread.start();
    }
}
