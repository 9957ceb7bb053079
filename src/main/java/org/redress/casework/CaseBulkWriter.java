package org.redress.casework;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.redress.casework.CaseTypes.CaseState;
import org.redress.casework.CaseTypes.NewCase;
import org.redress.casework.CaseTypes.CaseId;
import org.redress.policy.PolicyPack;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes many cases at once, for the benchmark and demo data the demo module generates: each case is made and taken
 * through its life by the real aggregate (so its clocks, deadlines, JSON state and history are exactly what the
 * application itself would have stored), then written here with PostgreSQL {@code COPY}, an order of magnitude faster
 * than inserts. The case tables stay written by this module alone.
 */
@Service
public class CaseBulkWriter {

    private final Casework casework;
    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    CaseBulkWriter(Casework casework, DataSource dataSource, JdbcClient jdbc, JsonMapper json) {
        this.casework = casework;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.json = json;
    }

    /** How many cases the database holds, of every organisation. */
    public long existingCases() {
        return jdbc.sql("select count(*) from casework.case_file").query(Long.class).single();
    }

    /** The organisation's clocks, counted in its own working days. */
    public ClockMaker clocksFor(String organisation, PolicyPack pack) {
        return casework.clocksFor(organisation, pack);
    }

    /** A new case made by the aggregate, not stored: {@link #write} stores it with the rest of its batch. */
    public static CaseFile.Logged log(CaseId id, String organisation, String reference, PolicyPack pack, NewCase given,
                                      Instant loggedAt, String actor, ClockMaker clocks) {
        return CaseFile.log(id, organisation, reference, pack, given, loggedAt, actor, clocks);
    }

    /** The year of a reference number: the UK year of the case's receipt. */
    public static int referenceYear(Instant received) {
        return CaseFiles.yearOf(received);
    }

    /** The reference numbers used so far, per organisation and year, handed out further by {@link ReferenceNumbers#next}. */
    public ReferenceNumbers referenceNumbers() {
        Map<String, AtomicInteger> counters = new ConcurrentHashMap<>();
        jdbc.sql("select organisation, year, casework.last_reference_number(organisation, year) from casework.reference_sequence")
                .query((rs, n) -> counters.put(rs.getString(1) + "|" + rs.getInt(2), new AtomicInteger(rs.getInt(3)))).list();
        return new ReferenceNumbers(counters);
    }

    /** Reference numbers handed out while generating, safe to use from several threads. */
    public static final class ReferenceNumbers {
        private final Map<String, AtomicInteger> counters;

        private ReferenceNumbers(Map<String, AtomicInteger> counters) {
            this.counters = counters;
        }

        public int next(String organisation, int year) {
            return counters.computeIfAbsent(organisation + "|" + year, k -> new AtomicInteger()).incrementAndGet();
        }

        /**
         * The numbers handed out so far, apart from those handed out later: an import writes one batch while it numbers
         * the next, and moves the numbers past its written batch's only (issue 20).
         */
        public ReferenceNumbers snapshot() {
            Map<String, AtomicInteger> copy = new ConcurrentHashMap<>();
            counters.forEach((k, v) -> copy.put(k, new AtomicInteger(v.get())));
            return new ReferenceNumbers(copy);
        }

        /** The number {@link #next} would hand out, without handing it out (one thread at a time). */
        public int peek(String organisation, int year) {
            AtomicInteger counter = counters.get(organisation + "|" + year);
            return (counter == null ? 0 : counter.get()) + 1;
        }
    }

    /**
     * Once every batch is written: later cases logged through the API take the numbers after the generated ones, and the
     * planner is given the tables' new size straight away.
     */
    public void finish(ReferenceNumbers numbers) {
        reserve(numbers);
        jdbc.sql("analyze casework.case_file").update();
        jdbc.sql("analyze casework.case_event").update();
    }

    /**
     * Moves the reference numbers past those handed out so far, after each written batch of an import (issue 20): an
     * import interrupted later leaves no number to be handed out twice when it is run again.
     */
    public void reserve(ReferenceNumbers numbers) {
        for (var counter : numbers.counters.entrySet()) {
            String[] key = counter.getKey().split("\\|");
            jdbc.sql("select casework.move_reference_numbers_past(?, ?, ?)")
                    .params(key[0], Integer.parseInt(key[1]), (long) counter.getValue().get()).query((rs, n) -> 1).list();
        }
    }

    /** A case imported from a register (issue 20), found by the register's own id. */
    public record ImportedCase(java.util.UUID id, String reference, String rowHash, long version, int events,
                               @Nullable String sourceReference) {
        public ImportedCase(java.util.UUID id, String reference, String rowHash, long version, int events) {
            this(id, reference, rowHash, version, events, null);
        }
    }

    /**
     * The organisation's imported cases by their source id, with the fingerprint of the row that made or last corrected
     * each: an import skips a row it has already imported as it is, so importing a file again changes nothing.
     */
    public Map<String, ImportedCase> importedCases(String organisation) {
        Map<String, ImportedCase> found = new java.util.HashMap<>();
        jdbc.sql("""
                select distinct on (e.details->>'sourceId') e.details->>'sourceId', f.id, f.reference, e.details->>'rowHash',
                       f.version, f.event_count, e.details->>'sourceReference'
                from casework.case_event e join casework.case_file f on f.id = e.case_id
                where e.organisation = ? and e.type = 'imported'
                order by e.details->>'sourceId', e.sequence desc
                """).param(organisation).query((rs, n) -> found.put(rs.getString(1), new ImportedCase(rs.getObject(2, java.util.UUID.class),
                        rs.getString(3), rs.getString(4), rs.getLong(5), rs.getInt(6), rs.getString(7)))).list();
        return found;
    }

    /** A case's tenure as stored, for a back-fill (issue 20, item 7). */
    public record CaseTenure(java.util.UUID id, String reference, String tenure) {
    }

    /** The organisation's cases by reference, with their complainant's tenure. */
    public Map<String, CaseTenure> tenures(String organisation) {
        Map<String, CaseTenure> found = new java.util.HashMap<>();
        jdbc.sql("select id, reference, coalesce(state->'complainant'->>'tenure', 'UNKNOWN') from casework.case_file where organisation = ?")
                .param(organisation).query((rs, n) -> found.put(rs.getString(2),
                        new CaseTenure(rs.getObject(1, java.util.UUID.class), rs.getString(2), rs.getString(3)))).list();
        return found;
    }

    /**
     * A back-fill by file (issue 20, item 7): one case's tenure set, and the {@link CaseFact.Imported} correction that says
     * so appended to its history; nothing else of the case changes.
     */
    public record TenureCorrection(java.util.UUID caseId, CaseTypes.Tenure tenure, CaseFact.Imported correction, String reason) {
    }

    /** Writes tenure corrections in one transaction. */
    public void correctTenures(String organisation, List<TenureCorrection> corrections, Instant at, String actor) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (var update = connection.prepareStatement("""
                    update casework.case_file set state = jsonb_set(state, '{complainant,tenure}', to_jsonb(cast(? as text))),
                        version = version + 1, event_count = event_count + 1
                    where id = ? and organisation = ? returning event_count""");
                 var insert = connection.prepareStatement("""
                    insert into casework.case_event (case_id, sequence, organisation, type, at, actor, reason, details)
                    values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))""")) {
                for (TenureCorrection c : corrections) {
                    update.setString(1, c.tenure().name());
                    update.setObject(2, c.caseId());
                    update.setString(3, organisation);
                    int sequence;
                    try (var rs = update.executeQuery()) {
                        if (!rs.next()) {
                            throw new SQLException("no case " + c.caseId());
                        }
                        sequence = rs.getInt(1);
                    }
                    CaseEvent e = CaseEvent.of(c.correction(), at, actor, c.reason());
                    insert.setObject(1, c.caseId());
                    insert.setInt(2, sequence);
                    insert.setString(3, organisation);
                    insert.setString(4, e.type());
                    insert.setObject(5, CaseFiles.ts(e.at()));
                    insert.setString(6, e.actor());
                    insert.setString(7, e.reason());
                    insert.setString(8, json.writeValueAsString(e.details()));
                    insert.executeUpdate();
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e instanceof SQLException sql ? sql : new SQLException(e);
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    /**
     * A case made under a stand-in reference, under the reference it is to be stored with: an import makes its rows on
     * several threads, then numbers the cases it keeps in the register's order (issue 20), so a refused row takes no
     * number. The reference is in no event and no state, so the case is otherwise exactly the one made.
     */
    public static CaseFile numbered(CaseFile file, String reference) {
        return file.numbered(reference);
    }

    /** An imported case as the register had it, made by the aggregate with the id and reference it was first stored under. */
    public static CaseFile.Logged logAgain(ImportedCase imported, String organisation, PolicyPack pack, NewCase given,
                                           Instant loggedAt, String actor, ClockMaker clocks) {
        return CaseFile.log(new CaseId(imported.id()), organisation, imported.reference(), pack, given, loggedAt, actor, clocks);
    }

    public Batch batch(int cases) {
        return new Batch(cases);
    }

    /** One batch of cases and their events in PostgreSQL's COPY text format. */
    public final class Batch {
        private final StringBuilder cases;
        private final StringBuilder eventRows;
        private long events;
        private final List<Correction> corrections = new java.util.ArrayList<>();
        /** The imported cases as they will be stored, for the reports' rows written with them (issue 20). */
        private final List<CaseView> importedViews = new java.util.ArrayList<>();

        private Batch(int size) {
            this.cases = new StringBuilder(size * 3_000);
            this.eventRows = new StringBuilder(size * 1_500);
        }

        /** Adds a case as it now stands, with every event of its life; {@code version} counts the verbs it took. */
        public void add(CaseFile file, long version, Instant loggedAt) {
            add(file, version, loggedAt, file.pendingEvents());
        }

        private void add(CaseFile file, long version, Instant loggedAt, List<CaseEvent> history) {
            CaseState s = file.state();
            ComplainantKeys keys = ComplainantKeys.of(s.complainant());
            row(cases, file.id().value(), file.organisation(), file.reference(), s.recordType(), s.status().name(), s.stage(),
                    file.currentStage().map(CaseTypes.StageRecord::owner).orElse(null), s.classification().serviceLine(),
                    s.classification().serviceArea(), s.classification().subject(), s.receivedAt(), loggedAt,
                    file.nextDue().orElse(null), s.closedAt(), file.pack().id(), file.pack().version(), version, history.size(),
                    CaseFiles.searchText(file), json.writeValueAsString(s), keys.name(), keys.email(), keys.phone(), keys.address());
            for (int i = 0; i < history.size(); i++) {
                CaseEvent e = history.get(i);
                row(eventRows, file.id().value(), i + 1, file.organisation(), e.type(), e.at(), e.actor(), e.reason(),
                        json.writeValueAsString(e.details()));
            }
            events += history.size();
        }

        /**
         * Adds an imported case (issue 20) with its history and, last, the {@link CaseFact.Imported} event saying where
         * it came from: written straight to the tables, no listener sees it, so nothing is sent and no hazard or
         * notice is raised for history.
         */
        public void addImported(CaseFile file, long version, Instant loggedAt, CaseFact.Imported imported, Instant at,
                                String actor, String reason) {
            List<CaseEvent> history = new java.util.ArrayList<>(file.pendingEvents());
            history.add(CaseEvent.of(imported, at, actor, reason));
            add(file, version + 1, loggedAt, history);
            List<CaseEvent> stored = new java.util.ArrayList<>(history.size());
            for (CaseEvent e : history) {
                stored.add(e.numbered(stored.size() + 1));
            }
            importedViews.add(CaseView.forReports(CaseFile.restore(file.id(), file.organisation(), file.reference(), file.pack(), file.state(),
                    version + 1), stored, at));
        }

        /**
         * The cases {@link #addImported} added, each as casework would show it once stored (its state and every event of
         * its history; not the verbs it allows, which the reports do not read), without reading it back: the reports'
         * rows of an import are written from these (issue 20).
         */
        public List<CaseView> importedViews() {
            return List.copyOf(importedViews);
        }

        /** The ids of the imported cases {@link #correctImported} replaces; read them back after {@link #write} to see them whole. */
        public List<java.util.UUID> corrected() {
            return corrections.stream().map(c -> c.before().id()).toList();
        }

        /**
         * Replaces an imported case's state by the one a corrected row gives (issue 20): its earlier history stays,
         * and one {@link CaseFact.Imported} event with {@code correction} and the changed fields is appended.
         */
        public void correctImported(CaseFile rebuilt, ImportedCase before, CaseFact.Imported correction, Instant at,
                                    String actor, String reason) {
            corrections.add(new Correction(rebuilt, before, CaseEvent.of(correction, at, actor, reason)));
        }

        /** The history events of the batch's cases. */
        public long events() {
            return events;
        }
    }

    private record Correction(CaseFile file, ImportedCase before, CaseEvent event) {
    }

    private void correct(Connection connection, Correction c) throws SQLException {
        CaseFile file = c.file();
        CaseState s = file.state();
        ComplainantKeys keys = ComplainantKeys.of(s.complainant());
        try (var update = connection.prepareStatement("""
                update casework.case_file set record_type = ?, status = ?, stage = ?, owner = ?, service_line = ?, service_area = ?,
                    subject = ?, received_at = ?, next_due_at = ?, closed_at = ?, version = version + 1, event_count = event_count + 1,
                    search_text = ?, state = cast(? as jsonb), name_key = ?, email_key = ?, phone_key = ?, address_key = ?
                where id = ? and version = ?""");
             var insert = connection.prepareStatement("""
                insert into casework.case_event (case_id, sequence, organisation, type, at, actor, reason, details)
                values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))""")) {
            int i = 0;
            update.setString(++i, s.recordType());
            update.setString(++i, s.status().name());
            update.setInt(++i, s.stage());
            update.setString(++i, file.currentStage().map(CaseTypes.StageRecord::owner).orElse(null));
            update.setString(++i, s.classification().serviceLine());
            update.setString(++i, s.classification().serviceArea());
            update.setString(++i, s.classification().subject());
            update.setObject(++i, CaseFiles.ts(s.receivedAt()));
            update.setObject(++i, file.nextDue().map(CaseFiles::ts).orElse(null));
            update.setObject(++i, s.closedAt() == null ? null : CaseFiles.ts(s.closedAt()));
            update.setString(++i, CaseFiles.searchText(file));
            update.setString(++i, json.writeValueAsString(s));
            update.setString(++i, keys.name());
            update.setString(++i, keys.email());
            update.setString(++i, keys.phone());
            update.setString(++i, keys.address());
            update.setObject(++i, c.before().id());
            update.setLong(++i, c.before().version());
            if (update.executeUpdate() != 1) {
                throw new SQLException("the imported case " + file.reference() + " changed while it was being corrected");
            }
            CaseEvent e = c.event();
            i = 0;
            insert.setObject(++i, c.before().id());
            insert.setInt(++i, c.before().events() + 1);
            insert.setString(++i, file.organisation());
            insert.setString(++i, e.type());
            insert.setObject(++i, CaseFiles.ts(e.at()));
            insert.setString(++i, e.actor());
            insert.setString(++i, e.reason());
            insert.setString(++i, json.writeValueAsString(e.details()));
            insert.executeUpdate();
        }
    }

    /**
     * Writes a batch: in the caller's transaction when there is one (an import writes a batch's cases, their report rows
     * and the batch's result together, issue 20), otherwise in a transaction of its own.
     */
    public void write(Batch batch) throws SQLException {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try {
                copy(connection, batch);
            } catch (java.io.IOException e) {
                throw new SQLException(e);
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                copy(connection, batch);
                connection.commit();
            } catch (SQLException | java.io.IOException | RuntimeException e) {
                connection.rollback();
                throw e instanceof SQLException sql ? sql : new SQLException(e);
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    private void copy(Connection connection, Batch batch) throws SQLException, java.io.IOException {
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        copy.copyIn("""
                copy casework.case_file (id, organisation, reference, record_type, status, stage, owner, service_line,
                    service_area, subject, received_at, logged_at, next_due_at, closed_at, pack_id, pack_version, version,
                    event_count, search_text, state, name_key, email_key, phone_key, address_key) from stdin""", new StringReader(batch.cases.toString()));
        copy.copyIn("""
                copy casework.case_event (case_id, sequence, organisation, type, at, actor, reason, details) from stdin""",
                new StringReader(batch.eventRows.toString()));
        for (Correction correction : batch.corrections) {
            correct(connection, correction);
        }
    }

    private static void row(StringBuilder out, @Nullable Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append('\t');
            }
            Object v = values[i];
            if (v == null) {
                out.append("\\N");
            } else if (v instanceof Instant instant) {
                out.append(instant);
            } else if (v instanceof String text) {
                escape(out, text);
            } else {
                out.append(v);
            }
        }
        out.append('\n');
    }

    /** COPY's text format: backslash, tab, newline and carriage return are escaped; everything else is as is. */
    private static void escape(StringBuilder out, String text) {
        int plain = 0;
        while (plain < text.length()) {
            char c = text.charAt(plain);
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                break;
            }
            plain++;
        }
        out.append(text, 0, plain);
        for (int i = plain; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }
}
