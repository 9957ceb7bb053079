package org.redress.reporting;

import org.redress.calendar.Calendars;
import org.redress.casework.CaseChanged;
import org.redress.casework.CaseView;
import org.redress.policy.PolicyPack;
import org.redress.policy.PolicyPacks;
import org.jspecify.annotations.Nullable;
import org.redress.calendar.UkTime;
import org.redress.casework.CaseViews;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the reporting read model: every case change rewrites that case's rows in the same transaction, so the
 * figures are never behind the cases. {@link #rebuild} fills it for cases logged before the module existed,
 * reading them through casework a batch at a time, and puts back the refusals the {@link RefusalLedger} lacks.
 */
@Component
public class ReadModel {

    private static final Logger log = LoggerFactory.getLogger(ReadModel.class);
    /** Cases read, projected and written per batch by a rebuild. */
    static final int REBUILD_BATCH = 1_000;

    private final JdbcClient jdbc;
    private final PolicyPacks packs;
    private final Calendars calendars;
    private final Clock clock;
    private final Map<String, PolicyPack> packVersions = new ConcurrentHashMap<>();
    private final Map<String, Rebuild> rebuilds = new ConcurrentHashMap<>();
    private final CaseViews views;
    private final JdbcTemplate jdbcTemplate;
    private final CaseMonths months;
    private final RefusalLedger refusals;

    ReadModel(JdbcClient jdbc, JdbcTemplate jdbcTemplate, PolicyPacks packs, Calendars calendars, CaseViews views,
              Clock clock, CaseMonths months, RefusalLedger refusals) {
        this.jdbc = jdbc;
        this.refusals = refusals;
        this.months = months;
        this.jdbcTemplate = jdbcTemplate;
        this.views = views;
        this.packs = packs;
        this.calendars = calendars;
        this.clock = clock;
    }

    /** In the change's transaction on purpose: a row it cannot write rolls the change back, so figures never lag the cases. */
    @EventListener
    void rewriteRowsWithTheChange(CaseChanged change) {
        // a case whose whole history is this change was just created: it has no rows to replace
        write(change.caseFile(), change.caseFile().history().size() > change.events().size());
    }

    /**
     * Rewrites the organisation's rows from every one of its cases, read through casework a batch at a time, in one
     * transaction (the figures never show a half-rebuilt model); returns how many cases. Its progress is in
     * {@link #progress} and the log while it runs.
     */
    @Transactional
    public int rebuild(String organisation) {
        Instant started = clock.instant();
        long startedNanos = System.nanoTime();
        int total = views.count(organisation);
        rebuilds.put(organisation, new Rebuild(started, total, 0, null));
        log.info("Rebuilding the reporting read model of {}: {} cases", organisation, total);
        // the organisation's case changes in flight commit first; new ones wait for the rebuild (ADR 0029)
        months.lockForRebuild(organisation);
        jdbc.sql("delete from reporting.case_stage where organisation = ?").param(organisation).update();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger logged = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        try {
            views.each(organisation, REBUILD_BATCH, batch -> {
                List<StageRow> rows = new ArrayList<>(batch.size() * 2);
                for (CaseView c : batch) {
                    rows.addAll(rows(c));
                }
                insert(rows);
                // the refusals by reason of the annual report, from the same cases' events (issue 23)
                refused.addAndGet(refusals.refill(organisation, batch));
                int now = done.addAndGet(batch.size());
                rebuilds.put(organisation, new Rebuild(started, total, now, null));
                if (now - logged.get() >= 50_000) {
                    logged.set(now);
                    double seconds = (System.nanoTime() - startedNanos) / 1e9;
                    log.info("Rebuilt the read model for {} of {} cases of {} ({} a second)", now, total, organisation,
                            Math.round(now / seconds));
                }
            });
        } catch (RuntimeException e) {
            rebuilds.remove(organisation);
            throw e;
        }
        long monthsStarted = System.nanoTime();
        months.refill(organisation);
        log.info("Worked out the monthly figures of {} again in {} ms", organisation, (System.nanoTime() - monthsStarted) / 1_000_000);
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        rebuilds.put(organisation, new Rebuild(started, total, done.get(), clock.instant()));
        log.info("Rebuilt the reporting read model of {}: {} cases in {} s ({} a second); {} refusals put back in the ledger",
                organisation, done.get(), Math.round(seconds * 10) / 10.0, Math.round(done.get() / Math.max(seconds, 0.001)),
                refused.get());
        return done.get();
    }

    /**
     * A rebuild of an organisation's read model: when it started, how many cases it reads and has read, and when it
     * finished (null while it runs).
     */
    public record Rebuild(Instant started, int cases, int done, @Nullable Instant finished) {

        public boolean running() {
            return finished == null;
        }

        /** "Rebuilding the figures: 120,000 of 400,000 cases (30%)", or when it finished. */
        public String inWords() {
            java.text.NumberFormat n = java.text.NumberFormat.getIntegerInstance(java.util.Locale.UK);
            return running() ? "The figures are being rebuilt from the cases: " + n.format(done) + " of " + n.format(cases)
                    + " cases read (" + (cases == 0 ? 100 : done * 100L / cases) + "%). Until it finishes they show the figures before."
                    : "The figures were last rebuilt from all " + n.format(done) + " cases at "
                    + java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm", java.util.Locale.UK).format(finished.atZone(UkTime.ZONE)) + ".";
        }
    }

    /** The organisation's latest rebuild since the application started, if any. */
    public Optional<Rebuild> progress(String organisation) {
        return Optional.ofNullable(rebuilds.get(organisation));
    }

    void write(CaseView c) {
        write(c, true);
    }

    /**
     * The rows of a batch of cases written outside the verbs (an import's batch, issue 20), from the cases as the caller
     * has them, in the caller's transaction (so the cases and their rows commit together): one statement to remove the
     * rows of the cases it replaces ({@code replacing}), one batch of inserts for all their rows. The rows are exactly
     * those a case change or a {@link #rebuild} writes for the same cases.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void writeBatch(String organisation, List<CaseView> cases, boolean replacing) {
        if (cases.isEmpty()) {
            return;
        }
        List<java.util.UUID> ids = cases.stream().map(c -> java.util.UUID.fromString(c.id())).toList();
        if (replacing) {
            months.before(organisation, ids);
            jdbc.sql("delete from reporting.case_stage where organisation = ? and case_id = any(?)")
                    .params(organisation, ids.toArray(java.util.UUID[]::new)).update();
        }
        List<StageRow> rows = new ArrayList<>(cases.size() * 2);
        for (CaseView c : cases) {
            rows.addAll(rows(c));
        }
        insert(rows);
        months.after(organisation, ids);
    }

    private void write(CaseView c, boolean replacing) {
        // the monthly figures change with the rows, in the same transaction (ADR 0029)
        List<java.util.UUID> id = List.of(java.util.UUID.fromString(c.id()));
        if (replacing) {
            months.before(c.organisation(), id);
            jdbc.sql("delete from reporting.case_stage where organisation = ? and case_id = ?")
                    .params(c.organisation(), id.get(0)).update();
        }
        insert(rows(c));
        months.after(c.organisation(), id);
    }

    private List<StageRow> rows(CaseView c) {
        PolicyPack pack = packVersions.computeIfAbsent(c.pack().id() + "@" + c.pack().version(),
                k -> packs.version(c.pack().id(), c.pack().version())).forServiceLine(c.classification().serviceLine());
        return StageProjection.rows(c, pack, calendars.forOrganisation(c.organisation(), pack.organisation().jurisdiction()));
    }

    /** Rows per insert statement: 33 columns each, well inside PostgreSQL's 65,535 parameters a statement. */
    static final int ROWS_PER_INSERT = 250;

    private static final String INSERT = """
            insert into reporting.case_stage (organisation, case_id, reference, stage, record_type, staged, service_line,
                service_area, subject, sub_subject, case_received_at, received_at, acknowledged_at, ack_working_days,
                responded_at, respond_due_by, respond_original_due_by, respond_working_days, code_working_days, extended,
                extension_agreed, outcome, escalated, escalation_refused, case_status, closed_at, satisfied_handling,
                satisfied_outcome, updated_at, received_month, ended_at, tenure, category)
            values\s""";
    private static final String ROW_VALUES = "(" + String.join(", ", java.util.Collections.nCopies(33, "?")) + ")";

    /**
     * The rows in as few statements as they fit, {@value #ROWS_PER_INSERT} rows each (a single row is one statement, as
     * before): a rebuild's or an import's thousand rows are four statements, not a thousand (issue 20).
     */
    private void insert(List<StageRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
            List<StageRow> some = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT));
            Object[] values = new Object[some.size() * 33];
            int i = 0;
            for (StageRow r : some) {
                for (Object value : new Object[]{r.organisation(), r.caseId(), r.reference(), r.stage(), r.recordType(), r.staged(), r.serviceLine(),
                        r.serviceArea(), r.subject(), r.subSubject(), ts(r.caseReceivedAt()), ts(r.receivedAt()),
                        ts(r.acknowledgedAt()), r.ackWorkingDays(), ts(r.respondedAt()), ts(r.respondDueBy()),
                        ts(r.respondOriginalDueBy()), r.respondWorkingDays(), r.codeWorkingDays(), r.extended(),
                        r.extensionAgreed(), r.outcome(), r.escalated(), r.escalationRefused(), r.caseStatus(), ts(r.closedAt()),
                        r.satisfiedHandling(), r.satisfiedOutcome(), now, r.receivedMonth(), ts(r.endedAt()), r.tenure(), r.category()}) {
                    values[i++] = value;
                }
            }
            jdbcTemplate.update(INSERT + String.join(", ", java.util.Collections.nCopies(some.size(), ROW_VALUES)), values);
        }
    }

    private static @org.jspecify.annotations.Nullable Timestamp ts(@org.jspecify.annotations.Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
