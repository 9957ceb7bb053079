package org.redress.deadlines;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.redress.metrics.Figures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The deadline sweep's figures for the Prometheus endpoint (issue 24): when its last pass ended (on whichever node ran
 * it) and how long ago that is by this node's clock. The sweep runs every {@code redress.deadlines.sweep-every}
 * (10 minutes): a lag of several periods means no node is sweeping, and missed deadlines go unreported.
 */
@Component
class SweepFigures {

    static final String LAST_RUN = "redress.deadline.sweep.last.run.timestamp";
    static final String LAG = "redress.deadline.sweep.lag";

    SweepFigures(MeterRegistry registry, Figures figures, JdbcClient jdbc, Clock clock) {
        Supplier<Optional<Instant>> lastRun = figures.every("the sweep's last run",
                () -> jdbc.sql("select finished_at from deadlines.sweep_run where id = 1").query(OffsetDateTime.class).optional()
                        .map(OffsetDateTime::toInstant), Optional.empty());
        Gauge.builder(LAST_RUN, lastRun, r -> r.get().map(i -> i.toEpochMilli() / 1000.0).orElse(Double.NaN))
                .description("When the deadline sweep's last pass ended (seconds since 1970; absent: never ran)").baseUnit("seconds")
                .strongReference(true).register(registry);
        Gauge.builder(LAG, lastRun, r -> r.get().map(i -> Duration.between(i, clock.instant()).toMillis() / 1000.0).orElse(Double.NaN))
                .description("How long ago the deadline sweep's last pass ended").baseUnit("seconds")
                .strongReference(true).register(registry);
    }
}
