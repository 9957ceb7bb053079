package org.redress.demo.generation;

import org.redress.casework.CaseBulkWriter;
import org.redress.casework.ClockMaker;
import org.redress.people.Organisation;
import org.redress.people.Organisations;
import org.redress.policy.PolicyPack;
import org.redress.policy.PolicyPacks;
import org.redress.reporting.ReadModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fills the database with a realistic spread of cases for benchmarks and demos: the four shipped organisations,
 * mostly complaints, a social landlord's with a mix of tenures, over five years before "now", each case taken through
 * its life by the real aggregate ({@link CaseLife}), cut off at "now" so recent cases are still open. The case module
 * writes them ({@link CaseBulkWriter}, with PostgreSQL {@code COPY}): a million cases take minutes.
 */
@Service
public class CaseGenerator {

    private static final Logger log = LoggerFactory.getLogger(CaseGenerator.class);
    private static final int BATCH = 2_000;
    static final String ACTOR = "generator";

    private final CaseBulkWriter writer;
    private final PolicyPacks packs;
    private final Organisations organisations;
    private final Clock clock;
    private final ReadModel readModel;

    CaseGenerator(CaseBulkWriter writer, PolicyPacks packs, Organisations organisations, Clock clock, ReadModel readModel) {
        this.writer = writer;
        this.readModel = readModel;
        this.packs = packs;
        this.organisations = organisations;
        this.clock = clock;
    }

    /**
     * What to generate.
     *
     * @param seed the same seed gives the same cases (ids and reference numbers apart)
     * @param intoNonEmpty add to a database that already has cases; refused otherwise, so a second run is not an accident
     */
    public record Request(int cases, long seed, int workers, boolean intoNonEmpty) {
        public Request {
            if (cases < 1) {
                throw new IllegalArgumentException("generate at least one case");
            }
            workers = Math.max(1, workers);
        }
    }

    /** What was written, and how each case ended; {@code refusals} counts verbs the aggregate refused (the case stops there). */
    public record Generated(long cases, long events, Map<String, Long> byStatus, long refusals, Duration took) {
    }

    /** The database already has cases and adding to them was not asked for. */
    public static final class NotEmpty extends RuntimeException {
        NotEmpty(long cases) {
            super("the database already has " + cases + " cases; set redress.generate.into-non-empty=true to add to them");
        }
    }

    public Generated generate(Request request) {
        long existing = writer.existingCases();
        if (existing > 0 && !request.intoNonEmpty()) {
            throw new NotEmpty(existing);
        }
        Instant now = clock.instant();
        List<Source> sources = sources();
        CaseBulkWriter.ReferenceNumbers numbers = writer.referenceNumbers();
        Map<String, AtomicLong> byStatus = new ConcurrentHashMap<>();
        AtomicLong written = new AtomicLong();
        AtomicLong events = new AtomicLong();
        AtomicLong refusals = new AtomicLong();
        Map<String, Long> refusalReasons = new ConcurrentHashMap<>();
        long started = System.nanoTime();
        long reportEvery = Math.max(BATCH, Math.min(50_000, request.cases() / 20 / BATCH * BATCH));
        AtomicLong nextReport = new AtomicLong(reportEvery);
        int batches = (request.cases() + BATCH - 1) / BATCH;
        log.info("Generating {} cases over the five years before {} with {} workers", request.cases(), now, request.workers());
        ExecutorService pool = Executors.newFixedThreadPool(request.workers());
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int b = 0; b < batches; b++) {
                int batch = b;
                int size = Math.min(BATCH, request.cases() - b * BATCH);
                running.add(pool.submit(() -> {
                    CaseBulkWriter.Batch out = writer.batch(size);
                    SplittableRandom random = new SplittableRandom(request.seed() * 1_000_003L + batch);
                    for (int i = 0; i < size; i++) {
                        CaseLife.Lived lived = CaseLife.live(pick(sources, random), random, now, numbers);
                        out.add(lived.file(), lived.version(), lived.loggedAt());
                        byStatus.computeIfAbsent(lived.file().state().status().name(), k -> new AtomicLong()).incrementAndGet();
                        if (lived.refusal() != null) {
                            refusals.incrementAndGet();
                            refusalReasons.merge(lived.refusal(), 1L, Long::sum);
                        }
                    }
                    writer.write(out);
                    events.addAndGet(out.events());
                    long done = written.addAndGet(size);
                    long report = nextReport.get();
                    if ((done >= report || done == request.cases()) && nextReport.compareAndSet(report, report + reportEvery)) {
                        double seconds = (System.nanoTime() - started) / 1e9;
                        double rate = done / seconds;
                        log.info("Generated {} of {} cases ({} a second, about {} s to go)", done, request.cases(),
                                Math.round(rate), Math.round((request.cases() - done) / rate));
                    }
                    return null;
                }));
                // keep at most a few batches in memory: the queue would otherwise hold every batch at once
                while (running.size() > request.workers() * 2) {
                    running.remove(0).get();
                }
            }
            for (Future<?> f : running) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while generating cases", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("generating cases failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        // later cases logged through the API take the numbers after the generated ones; fresh statistics
        writer.finish(numbers);
        // the cases are written in bulk, past the listeners that keep the reports; the figures are then made from all
        // of each organisation's cases at once, as an administrator's rebuild makes them (issue 28)
        log.info("Generated {} cases in {} s; filling the reporting read model", written.get(),
                Duration.ofNanos(System.nanoTime() - started).toSeconds());
        sources.stream().map(s -> s.organisation().code()).distinct().forEach(readModel::rebuild);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        Map<String, Long> statuses = new java.util.TreeMap<>();
        byStatus.forEach((k, v) -> statuses.put(k, v.get()));
        log.info("Generated {} cases with {} history events in {} s: {}; {} verbs refused", written.get(), events.get(),
                took.toSeconds(), statuses, refusals.get());
        if (!refusalReasons.isEmpty()) {
            log.info("Refused verbs (the case stops where it was): {}", refusalReasons);
        }
        return new Generated(written.get(), events.get(), statuses, refusals.get(), took);
    }

    // ---- the organisations and their packs --------------------------------------------------------------------

    /** An organisation with its active pack and calendar, and how large a share of the cases it has. */
    record Source(Organisation organisation, PolicyPack pack, ClockMaker clocks, double share,
                          List<String> otherTypes) {
    }

    private static final Map<String, Double> SHARES = Map.of("alliance-homes", 0.40, "the-trust", 0.25,
            "helping-our-future", 0.20, "247-alliance", 0.15);

    private List<Source> sources() {
        List<Source> sources = new ArrayList<>();
        for (var share : SHARES.entrySet()) {
            Organisation org = organisations.find(share.getKey()).orElse(null);
            Optional<PolicyPack> pack = org == null ? Optional.empty() : packs.active(org.policyPack());
            if (org == null || pack.isEmpty()) {
                continue;
            }
            List<String> others = pack.get().recordTypes().stream().map(PolicyPack.RecordType::id)
                    .filter(t -> !t.equals("complaint")).toList();
            sources.add(new Source(org, pack.get(), writer.clocksFor(org.code(), pack.get()), share.getValue(), others));
        }
        if (sources.isEmpty()) {
            throw new IllegalStateException("none of the shipped organisations has an active policy pack");
        }
        sources.sort(java.util.Comparator.comparing(s -> s.organisation().code()));
        return sources;
    }

    /** Shares are of the organisations present, so they need not add up to one. */
    private static Source pick(List<Source> sources, SplittableRandom random) {
        double total = sources.stream().mapToDouble(Source::share).sum();
        double r = random.nextDouble() * total;
        for (Source source : sources) {
            r -= source.share();
            if (r < 0) {
                return source;
            }
        }
        return sources.get(sources.size() - 1);
    }
}
