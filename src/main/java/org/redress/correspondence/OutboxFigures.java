package org.redress.correspondence;

import org.redress.metrics.Figures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The outbox's figures for the Prometheus endpoint (issue 24): letters and notices waiting to be delivered, those it
 * gave up on, and those GOV.UK Notify sent but could not deliver (waiting for staff to reach the person another way),
 * per organisation, read from the partial index of those letters (never the sent ones) at most every refresh period.
 */
@Component
class OutboxFigures {

    static final String QUEUED = "redress.letters.queued";
    static final String FAILED = "redress.letters.failed";
    static final String NOT_DELIVERED = "redress.letters.not_delivered";

    private final JdbcClient jdbc;

    OutboxFigures(Figures figures, JdbcClient jdbc) {
        this.jdbc = jdbc;
        figures.perOrganisation("the outbox", List.of(
                new Figures.Gauged(QUEUED, "Letters and notices in the outbox waiting to be delivered (PENDING)"),
                new Figures.Gauged(FAILED, "Letters and notices the outbox gave up on (FAILED), until retried"),
                new Figures.Gauged(NOT_DELIVERED, "Letters GOV.UK Notify could not deliver (NOT_DELIVERED), until staff record "
                        + "reaching the person another way")), this::read);
    }

    private Figures.PerOrganisation read() {
        Map<String, Long> queued = new HashMap<>();
        Map<String, Long> failed = new HashMap<>();
        Map<String, Long> notDelivered = new HashMap<>();
        jdbc.sql("""
                select organisation, count(*) filter (where status = 'PENDING'), count(*) filter (where status = 'FAILED'),
                       count(*) filter (where status = 'NOT_DELIVERED')
                from correspondence.letter where status in ('PENDING', 'FAILED', 'NOT_DELIVERED') group by organisation
                """).query(rs -> {
            queued.put(rs.getString(1), rs.getLong(2));
            failed.put(rs.getString(1), rs.getLong(3));
            notDelivered.put(rs.getString(1), rs.getLong(4));
        });
        return new Figures.PerOrganisation(Map.of(QUEUED, queued, FAILED, failed, NOT_DELIVERED, notDelivered));
    }
}
