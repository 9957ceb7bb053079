package org.redress.casework;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.redress.casework.CaseTypes.CaseState;
import org.redress.casework.CaseTypes.NewCase;
import org.redress.casework.CaseTypes.CaseId;
import org.redress.policy.PolicyPack;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
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
    }

    /**
     * Once every batch is written: later cases logged through the API take the numbers after the generated ones, and the
     * planner is given the tables' new size straight away.
     */
    public void finish(ReferenceNumbers numbers) {
        for (var counter : numbers.counters.entrySet()) {
            String[] key = counter.getKey().split("\\|");
            jdbc.sql("select casework.move_reference_numbers_past(?, ?, ?)")
                    .params(key[0], Integer.parseInt(key[1]), (long) counter.getValue().get()).query((rs, n) -> 1).list();
        }
        jdbc.sql("analyze casework.case_file").update();
        jdbc.sql("analyze casework.case_event").update();
    }

    public Batch batch(int cases) {
        return new Batch(cases);
    }

    /** One batch of cases and their events in PostgreSQL's COPY text format. */
    public final class Batch {
        private final StringBuilder cases;
        private final StringBuilder eventRows;
        private long events;

        private Batch(int size) {
            this.cases = new StringBuilder(size * 3_000);
            this.eventRows = new StringBuilder(size * 1_500);
        }

        /** Adds a case as it now stands, with every event of its life; {@code version} counts the verbs it took. */
        public void add(CaseFile file, long version, Instant loggedAt) {
            CaseState s = file.state();
            ComplainantKeys keys = ComplainantKeys.of(s.complainant());
            List<CaseEvent> history = file.pendingEvents();
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

        /** The history events of the batch's cases. */
        public long events() {
            return events;
        }
    }

    /** Writes a batch in one transaction. */
    public void write(Batch batch) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
                copy.copyIn("""
                        copy casework.case_file (id, organisation, reference, record_type, status, stage, owner, service_line,
                            service_area, subject, received_at, logged_at, next_due_at, closed_at, pack_id, pack_version, version,
                            event_count, search_text, state, name_key, email_key, phone_key, address_key) from stdin""", new StringReader(batch.cases.toString()));
                copy.copyIn("""
                        copy casework.case_event (case_id, sequence, organisation, type, at, actor, reason, details) from stdin""",
                        new StringReader(batch.eventRows.toString()));
                connection.commit();
            } catch (SQLException | java.io.IOException | RuntimeException e) {
                connection.rollback();
                throw e instanceof SQLException sql ? sql : new SQLException(e);
            } finally {
                connection.setAutoCommit(autoCommit);
            }
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
        for (int i = 0; i < text.length(); i++) {
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
