package org.redress.whatif;

import jakarta.annotation.PreDestroy;
import org.jspecify.annotations.Nullable;
import org.redress.calendar.UkTime;
import org.redress.casework.CaseScope;
import org.redress.casework.Casework;
import org.redress.policy.PackSummary;
import org.redress.policy.PolicyPack;
import org.redress.policy.PolicyPacks;
import org.redress.web.FieldError;
import org.redress.web.InvalidInputException;
import org.redress.web.NotFoundException;
import org.redress.web.RequestDates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Replays started and their progress, kept in the {@code whatif} schema ({@link WhatIfStore}) so that any node shows
 * them and a restart loses none. This node runs the replays asked of it one at a time, in the background, in the order
 * they were asked for (a replay uses every core while it runs), writing its progress as it goes and touching the ones
 * it holds every {@link #HEARTBEAT_SECONDS} seconds; a replay left behind by a node that stopped is failed as
 * interrupted at the next start or read, to be run again (a replay changes nothing, so nothing is lost but the wait).
 */
@Service
class WhatIfJobs {

    private static final Logger log = LoggerFactory.getLogger(WhatIfJobs.class);
    /** The replays listed on the page and by the API. */
    static final int LISTED = 20;
    static final int HEARTBEAT_SECONDS = 20;
    /** Progress is written at most this often (a year of cases is a few hundred batches). */
    private static final long PROGRESS_EVERY_NANOS = 500_000_000L;

    private final WhatIfReplay replay;
    private final WhatIfStore store;
    private final PolicyPacks packs;
    private final Casework casework;
    private final Clock clock;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "what-if");
        thread.setDaemon(true);
        return thread;
    });
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "what-if-heartbeat");
        thread.setDaemon(true);
        return thread;
    });
    /** The replays this node holds: waiting for their turn or running. */
    private final Set<UUID> held = ConcurrentHashMap.newKeySet();

    WhatIfJobs(WhatIfReplay replay, WhatIfStore store, PolicyPacks packs, Casework casework, Clock clock) {
        this.replay = replay;
        this.store = store;
        this.packs = packs;
        this.casework = casework;
        this.clock = clock;
        heartbeat.scheduleWithFixedDelay(this::touch, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
    }

    /** A replay's progress, and its result once finished (as the reader may see it). */
    record Progress(UUID id, String organisation, String askedBy, String draft, LocalDate from, LocalDate to,
                    WhatIfStore.Status status, int cases, int replayed, int percent, Instant startedAt,
                    @Nullable Instant finishedAt, @Nullable String problem, @Nullable WhatIfResult result) {

        /** For the list of earlier comparisons, e.g. "finished, asked for by j.smith on 2027-01-20". */
        public String inWords() {
            String state = status == WhatIfStore.Status.FINISHED ? "finished" : status == WhatIfStore.Status.FAILED ? "stopped"
                    : percent + "% done";
            return state + ", asked for by " + askedBy + " on " + UkTime.dateOf(startedAt);
        }

        static Progress of(WhatIfStore.Row row, @Nullable WhatIfResult result) {
            return new Progress(row.id(), row.organisation(), row.askedBy(), row.draft(), row.from(), row.to(), row.status(),
                    row.total(), Math.min(row.replayed(), row.total()), row.percent(), row.startedAt(), row.finishedAt(),
                    row.problem(), result);
        }
    }

    /** What a replay is asked with: a draft version of the organisation's pack and a period (default the last 12 months). */
    record Start(@Nullable Integer version,
                 @jakarta.validation.constraints.Size(max = org.redress.web.TextLimits.NAME) @Nullable String from,
                 @jakarta.validation.constraints.Size(max = org.redress.web.TextLimits.NAME) @Nullable String to) {
    }

    /** Replays left running or waiting by a node that stopped are failed as interrupted, once this node is up. */
    @EventListener(ApplicationReadyEvent.class)
    void failInterrupted() {
        int failed = store.failInterrupted(clock.instant());
        if (failed > 0) {
            log.info("{} what-if replays left unfinished by a stopped server were marked interrupted", failed);
        }
    }

    /** Starts a replay in the background; bad input is refused naming the field, before anything runs. */
    WhatIfStore.Row start(String organisation, String askedBy, Start request) {
        PolicyPack active = packs.active(organisation).orElseThrow(() -> new InvalidInputException("version",
                "the organisation has no active policy pack to compare a draft with"));
        org.redress.web.TextLimits.check(request);
        List<FieldError> errors = new ArrayList<>();
        LocalDate to = RequestDates.optional("to", request.to(), errors);
        LocalDate from = RequestDates.optional("from", request.from(), errors);
        PolicyPack draft = null;
        if (request.version() == null) {
            errors.add(new FieldError("version", "choose the draft version of the " + active.id() + " policy to replay"));
        } else if (request.version() == active.version()) {
            errors.add(new FieldError("version", "version " + request.version() + " is the active version; choose a draft "
                    + "(a stored version that is not active): " + drafts(active.id())));
        } else {
            try {
                draft = packs.version(active.id(), request.version());
            } catch (NotFoundException unknown) {
                errors.add(new FieldError("version", "the " + active.id() + " policy has no version " + request.version()
                        + "; its drafts: " + drafts(active.id())));
            }
        }
        LocalDate today = UkTime.dateOf(clock.instant());
        to = to == null ? today : to;
        from = from == null ? to.minusMonths(12).plusDays(1) : from;
        if (to.isBefore(from)) {
            errors.add(new FieldError("to", "must not be before the start of the period (" + from + ")"));
        }
        if (!errors.isEmpty() || draft == null) {
            throw new InvalidInputException(errors);
        }
        WhatIfStore.Row row = new WhatIfStore.Row(UUID.randomUUID(), organisation, askedBy, draft.id(), draft.version(), from, to,
                WhatIfStore.Status.WAITING, 0, 0, clock.instant(), null, null);
        store.insert(row);
        held.add(row.id());
        PolicyPack chosen = draft;
        runner.submit(() -> run(row, chosen));
        return row;
    }

    /** The stored versions of the pack that are not active, for the form and for a refusal's message. */
    List<PackSummary> draftsOf(String organisation) {
        return packs.active(organisation).map(active -> packs.list().stream()
                .filter(p -> p.id().equals(active.id()) && !p.active())
                .sorted(Comparator.comparingInt(PackSummary::version).reversed()).toList()).orElse(List.of());
    }

    private String drafts(String packId) {
        List<Integer> versions = packs.list().stream().filter(p -> p.id().equals(packId) && !p.active()).map(PackSummary::version).toList();
        return versions.isEmpty() ? "none yet; upload one first" : versions.toString();
    }

    /** Counts the cases replayed, writing the count for every node to read at most every half second. */
    private final class Written implements WhatIfReplay.Progress {
        private final UUID id;
        private int replayed;
        private long writtenAt = System.nanoTime();

        Written(UUID id) {
            this.id = id;
        }

        @Override
        public void total(int cases) {
            store.total(id, cases);
        }

        @Override
        public void replayed(int cases) {
            replayed += cases;
            long now = System.nanoTime();
            if (now - writtenAt >= PROGRESS_EVERY_NANOS) {
                writtenAt = now;
                store.replayed(id, replayed);
            }
        }
    }

    private void run(WhatIfStore.Row row, PolicyPack draft) {
        Written progress = new Written(row.id());
        try {
            store.running(row.id());
            WhatIfResult result = replay.run(row.organisation(), draft, row.from(), row.to(), row.startedAt(), progress);
            store.finished(row.id(), result, progress.replayed, clock.instant());
        } catch (RuntimeException e) {
            log.error("what-if replay {} for {} failed", row.id(), row.organisation(), e);
            store.failed(row.id(), "the replay stopped: " + e.getMessage(), clock.instant());
        } finally {
            held.remove(row.id());
        }
    }

    private void touch() {
        try {
            store.heartbeat(List.copyOf(held));
        } catch (RuntimeException e) {
            log.warn("what-if heartbeat not written: {}", e.toString());
        }
    }

    /**
     * One of the organisation's replays with its result once finished, the cases behind each figure limited to those
     * the reader may open (the figures themselves count every case); another organisation's is not found.
     */
    Optional<Progress> find(CaseScope scope, UUID id) {
        store.failInterrupted(clock.instant());
        return store.find(scope.organisation(), id).map(row -> Progress.of(row, row.status() == WhatIfStore.Status.FINISHED
                ? store.result(scope.organisation(), id).map(r -> shownTo(scope, r)).orElse(null) : null));
    }

    /** The organisation's last {@link #LISTED} replays, newest first, without their results. */
    List<Progress> of(String organisation) {
        store.failInterrupted(clock.instant());
        return store.recent(organisation, LISTED).stream().map(row -> Progress.of(row, null)).toList();
    }

    /** The result with only the cases the reader may open named behind its figures, saying so when any may be left out. */
    private WhatIfResult shownTo(CaseScope scope, WhatIfResult result) {
        if (!scope.limited()) {
            return result;
        }
        Set<String> shown = new HashSet<>(casework.visible(scope, List.copyOf(result.references()), r -> r).rows());
        List<String> areas = List.copyOf(java.util.Objects.requireNonNull(scope.serviceAreas()));
        String names = areas.isEmpty() ? "no service area" : areas.size() == 1 ? areas.get(0)
                : String.join(", ", areas.subList(0, areas.size() - 1)) + " and " + areas.get(areas.size() - 1);
        return result.limitedTo(shown::contains, "The figures count every case of the organisation; the cases listed behind "
                + "them are only those in " + names + ", the service " + (areas.size() == 1 ? "area" : "areas") + " you are limited to.");
    }

    @PreDestroy
    void stop() {
        heartbeat.shutdownNow();
        runner.shutdownNow();
    }
}
