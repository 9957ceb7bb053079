package org.redress.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Figures read from the database for the Prometheus endpoint: each is read at most once per {@code redress.metrics.refresh}
 * (by the application's clock), when a scrape or the background refresh finds it due, and every gauge shows the last
 * reading. A gauge per organisation is added when a reading first names the organisation, and then shows 0 while
 * the organisation has nothing to count, so a rate or difference over time is never broken by a missing series.
 */
@Component
public class Figures {

    private final MeterRegistry registry;
    private final Clock clock;
    private final Duration period;
    private final List<Reading<?>> readings = new CopyOnWriteArrayList<>();

    Figures(MeterRegistry registry, Clock clock, @Value("${redress.metrics.refresh:30s}") Duration period) {
        this.registry = registry;
        this.clock = clock;
        this.period = period;
    }

    /** Figures per organisation: one gauge per name and organisation, each showing its figure in the last reading. */
    public record PerOrganisation(Map<String, Map<String, Long>> byName) {

        public static PerOrganisation empty() {
            return new PerOrganisation(Map.of());
        }

        long figure(String name, String organisation) {
            return byName.getOrDefault(name, Map.of()).getOrDefault(organisation, 0L);
        }
    }

    /** What each gauge of a reading is called and says. */
    public record Gauged(String name, String description) {
    }

    /**
     * Registers gauges {@code gauges} per organisation, each showing the organisation's figure under its name in the
     * last reading of {@code read}; read at most once per period.
     */
    public void perOrganisation(String what, List<Gauged> gauges, Supplier<PerOrganisation> read) {
        Set<String> known = ConcurrentHashMap.newKeySet();
        Reading<PerOrganisation> reading = new Reading<>(what, read, PerOrganisation.empty());
        reading.afterRead = figures -> {
            for (Map<String, Long> byOrganisation : figures.byName().values()) {
                for (String organisation : byOrganisation.keySet()) {
                    if (known.add(organisation)) {
                        for (Gauged g : gauges) {
                            Gauge.builder(g.name(), reading, r -> r.last.figure(g.name(), organisation))
                                    .description(g.description()).tag("organisation", organisation).strongReference(true).register(registry);
                        }
                    }
                }
            }
        };
        readings.add(reading);
    }

    /** A value read at most once per period, for gauges that work their figure out from it. */
    public <T> Supplier<T> every(String what, Supplier<T> read, T before) {
        Reading<T> reading = new Reading<>(what, read, before);
        readings.add(reading);
        return () -> reading.last;
    }

    /** Reads every figure that is due: before each scrape, and in the background for a scrape that comes another way. */
    public void readThoseDue() {
        Instant now = clock.instant();
        for (Reading<?> reading : readings) {
            reading.readIfDue(now);
        }
    }

    @Scheduled(fixedDelayString = "${redress.metrics.refresh:30s}", initialDelayString = "${redress.metrics.refresh:30s}")
    void inTheBackground() {
        try {
            readThoseDue();
        } catch (RuntimeException e) {
            LOG.warn("Reading the business figures failed; the last reading stays: {}", e.getMessage());
        }
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Figures.class);

    private final class Reading<T> {
        private final String what;
        private final Supplier<T> read;
        private volatile T last;
        private java.util.function.Consumer<T> afterRead = t -> { };
        private Instant readAt = Instant.MIN;

        Reading(String what, Supplier<T> read, T before) {
            this.what = what;
            this.read = read;
            this.last = before;
        }

        synchronized void readIfDue(Instant now) {
            // due after the period, or at once when the clock was set back (tests move it both ways)
            if (!readAt.equals(Instant.MIN) && now.isBefore(readAt.plus(period)) && !now.isBefore(readAt)) {
                return;
            }
            long started = System.nanoTime();
            T figures = read.get();
            last = figures;
            readAt = now;
            afterRead.accept(figures);
            LOG.debug("Read {} for the metrics in {} ms", what, (System.nanoTime() - started) / 1_000_000);
        }
    }
}
