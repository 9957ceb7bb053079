package org.redress.whatif;

import jakarta.annotation.PreDestroy;
import org.jspecify.annotations.Nullable;
import org.redress.calendar.UkTime;
import org.redress.policy.PackSummary;
import org.redress.policy.PolicyPack;
import org.redress.policy.PolicyPacks;
import org.redress.web.FieldError;
import org.redress.web.InvalidInputException;
import org.redress.web.NotFoundException;
import org.redress.web.RequestDates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Replays started and their progress. One replay runs at a time, in the background, in the order they were asked for
 * (a replay uses every core while it runs); the last {@link #KEPT} are kept in memory for their results, none across
 * a restart, since a replay can always be run again and changes nothing.
 */
@Service
class WhatIfJobs {

    private static final Logger log = LoggerFactory.getLogger(WhatIfJobs.class);
    static final int KEPT = 20;

    private final WhatIfReplay replay;
    private final PolicyPacks packs;
    private final Clock clock;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "what-if");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<UUID, Job> jobs = new LinkedHashMap<>();

    WhatIfJobs(WhatIfReplay replay, PolicyPacks packs, Clock clock) {
        this.replay = replay;
        this.packs = packs;
        this.clock = clock;
    }

    enum Status { WAITING, RUNNING, FINISHED, FAILED }

    /** A replay asked for: its draft and period, how far it has gone, and its result once finished. */
    static final class Job implements WhatIfReplay.Progress {
        final UUID id = UUID.randomUUID();
        final String organisation;
        final PolicyPack draft;
        final LocalDate from;
        final LocalDate to;
        final Instant startedAt;
        final AtomicInteger total = new AtomicInteger();
        final AtomicInteger replayed = new AtomicInteger();
        volatile Status status = Status.WAITING;
        volatile @Nullable Instant finishedAt;
        volatile @Nullable WhatIfResult result;
        volatile @Nullable String problem;

        Job(String organisation, PolicyPack draft, LocalDate from, LocalDate to, Instant startedAt) {
            this.organisation = organisation;
            this.draft = draft;
            this.from = from;
            this.to = to;
            this.startedAt = startedAt;
        }

        @Override
        public void total(int cases) {
            total.set(cases);
        }

        @Override
        public void replayed(int cases) {
            replayed.addAndGet(cases);
        }

        /** Whole per cent of the cases replayed so far (100 once finished). */
        int percent() {
            int all = total.get();
            return status == Status.FINISHED ? 100 : all == 0 ? 0 : Math.min(99, (int) (100L * replayed.get() / all));
        }

        Progress progress() {
            return new Progress(id, organisation, draft.id() + " v" + draft.version(), from, to, status, total.get(),
                    Math.min(replayed.get(), total.get()), percent(), startedAt, finishedAt, problem, result);
        }
    }

    /** A replay's progress, and its result once finished. */
    record Progress(UUID id, String organisation, String draft, LocalDate from, LocalDate to, Status status, int cases,
                    int replayed, int percent, Instant startedAt, @Nullable Instant finishedAt, @Nullable String problem,
                    @Nullable WhatIfResult result) {
    }

    /** What a replay is asked with: a draft version of the organisation's pack and a period (default the last 12 months). */
    record Start(@Nullable Integer version,
                 @jakarta.validation.constraints.Size(max = org.redress.web.TextLimits.NAME) @Nullable String from,
                 @jakarta.validation.constraints.Size(max = org.redress.web.TextLimits.NAME) @Nullable String to) {
    }

    /** Starts a replay in the background; bad input is refused naming the field, before anything runs. */
    Job start(String organisation, Start request) {
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
        Job job = new Job(organisation, draft, from, to, clock.instant());
        synchronized (jobs) {
            jobs.put(job.id, job);
            forgetOldest();
        }
        runner.submit(() -> run(job));
        return job;
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

    private void run(Job job) {
        job.status = Status.RUNNING;
        try {
            job.result = replay.run(job.organisation, job.draft, job.from, job.to, job.startedAt, job);
            job.status = Status.FINISHED;
        } catch (RuntimeException e) {
            log.error("what-if replay {} for {} failed", job.id, job.organisation, e);
            job.problem = "the replay stopped: " + e.getMessage();
            job.status = Status.FAILED;
        } finally {
            job.finishedAt = clock.instant();
        }
    }

    /** One of the organisation's replays; another organisation's is not found, as if it did not exist. */
    Optional<Job> find(String organisation, UUID id) {
        synchronized (jobs) {
            Job job = jobs.get(id);
            return job != null && job.organisation.equals(organisation) ? Optional.of(job) : Optional.empty();
        }
    }

    /** The organisation's replays kept, newest first. */
    List<Job> of(String organisation) {
        synchronized (jobs) {
            List<Job> mine = new ArrayList<>(jobs.values().stream().filter(j -> j.organisation.equals(organisation)).toList());
            java.util.Collections.reverse(mine);
            return mine;
        }
    }

    private void forgetOldest() {
        var it = jobs.values().iterator();
        while (jobs.size() > KEPT && it.hasNext()) {
            Job oldest = it.next();
            if (oldest.status == Status.FINISHED || oldest.status == Status.FAILED) {
                it.remove();
            } else {
                break;
            }
        }
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }
}
