package org.redress.casework;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.redress.metrics.Figures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The cases' figures for the Prometheus endpoint (issue 24): cases logged, counted once their transaction has
 * committed (a change that was refused or rolled back is never counted; cases imported from a register are history,
 * written by the bulk writer that no listener sees, and are not counted), and the running and overdue clocks per
 * organisation, read from the partial index of cases with a running clock at most every refresh period.
 */
@Component
class CaseFigures {

    static final String LOGGED = "redress.cases.logged";
    static final String RUNNING = "redress.clocks.running";
    static final String OVERDUE = "redress.clocks.overdue";

    private final MeterRegistry registry;
    private final JdbcClient jdbc;
    private final Clock clock;

    CaseFigures(MeterRegistry registry, Figures figures, JdbcClient jdbc, Clock clock) {
        this.registry = registry;
        this.jdbc = jdbc;
        this.clock = clock;
        figures.perOrganisation("the running clocks", List.of(
                new Figures.Gauged(RUNNING, "Open cases with a running clock (each case once, by its next deadline)"),
                new Figures.Gauged(OVERDUE, "Open cases whose next deadline has passed")), this::clocks);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void countLogged(CaseChanged change) {
        for (CaseEvent event : change.events()) {
            if (event.payload() instanceof CaseFact.CaseLogged logged) {
                Counter.builder(LOGGED).description("Cases logged, counted once committed")
                        .tag("organisation", change.organisation()).tag("type", logged.recordType())
                        .register(registry).increment();
            }
        }
    }

    /** One index-only pass over the cases with a running clock (case_file_next_due), never the closed ones. */
    private Figures.PerOrganisation clocks() {
        Map<String, Long> running = new HashMap<>();
        Map<String, Long> overdue = new HashMap<>();
        jdbc.sql("""
                select organisation, count(*), count(*) filter (where next_due_at < ?) from casework.case_file
                where next_due_at is not null group by organisation
                """).param(clock.instant().atOffset(ZoneOffset.UTC)).query(rs -> {
            running.put(rs.getString(1), rs.getLong(2));
            overdue.put(rs.getString(1), rs.getLong(3));
        });
        return new Figures.PerOrganisation(Map.of(RUNNING, running, OVERDUE, overdue));
    }
}
