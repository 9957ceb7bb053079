package org.redress.whatif;

import org.jspecify.annotations.Nullable;
import org.redress.calendar.UkTime;
import org.redress.casework.CaseClock;
import org.redress.casework.CaseHistories;
import org.redress.casework.CaseHistories.RecordedCase;
import org.redress.casework.CaseReplay;
import org.redress.casework.CaseReplay.Replayed;
import org.redress.casework.ClockMaker;
import org.redress.policy.PolicyPack;
import org.redress.policy.PolicyPacks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The replay: every case of the organisation received in the period, and every case open now, read in batches
 * ({@link CaseHistories}) and replayed twice in memory ({@link CaseReplay}), under the pack version it ran under and
 * under the draft, each on the procedure of the case's service line (F-8), with the organisation's calendar and closure
 * days; the two sides are counted as they go ({@link Side}) and only the counts are kept. A batch is replayed on the
 * machine's cores while the next waits.
 */
@Service
class WhatIfReplay {

    private static final Logger log = LoggerFactory.getLogger(WhatIfReplay.class);
    static final int BATCH = 1_000;
    /** The forward look covers the open cases' clocks falling due in the next eight weeks. */
    static final int FORWARD_WEEKS = 8;
    static final int CHANGED_CASES = 500;

    private final CaseHistories histories;
    private final PolicyPacks packs;

    WhatIfReplay(CaseHistories histories, PolicyPacks packs) {
        this.histories = histories;
        this.packs = packs;
    }

    /** How far a replay has gone, for its progress bar. */
    interface Progress {
        void total(int cases);

        void replayed(int cases);
    }

    /** One case under both: what today's pack and the draft make of its history (null when it could not be replayed). */
    private record Both(RecordedCase recorded, PolicyPack pack, @Nullable Replayed today, @Nullable Replayed draft) {
    }

    WhatIfResult run(String organisation, PolicyPack draft, LocalDate from, LocalDate to, Instant now, Progress progress) {
        Instant start = from.atStartOfDay(UkTime.ZONE).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(UkTime.ZONE).toInstant();
        progress.total(histories.countReceivedBetween(organisation, start, end) + histories.countOpen(organisation));
        Map<String, ClockMaker> calendars = new HashMap<>();
        TreeSet<String> versions = new TreeSet<>();

        Side today = new Side();
        Side drafted = new Side();
        Changes changes = new Changes();
        Workload workToday = new Workload(from, to);
        Workload workDraft = new Workload(from, to);
        Pipeline period = new Pipeline(progress);
        histories.receivedBetween(organisation, start, end, BATCH, batch -> period.next(
                replay(organisation, batch, draft, calendars, versions), both -> {
                    add(both, today, drafted, changes, now);
                    if (both.today() != null && both.draft() != null) {
                        // F-8: a stage's owner is its service line's procedure's
                        workToday.add(both.today(), both.pack().forServiceLine(both.today().serviceLine()), now);
                        workDraft.add(both.draft(), draft.forServiceLine(both.draft().serviceLine()), now);
                    }
                }));
        period.finish();

        LocalDate todayDate = UkTime.dateOf(now);
        Forward forward = new Forward(todayDate);
        Pipeline open = new Pipeline(progress);
        histories.open(organisation, BATCH, batch -> open.next(replay(organisation, batch, draft, calendars, versions),
                both -> forward.add(both, now)));
        open.finish();

        return new WhatIfResult(organisation, draft.id() + " v" + draft.version(), List.copyOf(versions), from, to, today.cases,
                new WhatIfResult.Pair<>(today.notReplayed.figure(), drafted.notReplayed.figure()),
                WhatIfResult.clockRows(today, drafted), WhatIfResult.responseShares(today, drafted),
                new WhatIfResult.Pair<>(today.escalationsInTime.figure(), drafted.escalationsInTime.figure()),
                new WhatIfResult.Pair<>(today.escalationsLate.figure(), drafted.escalationsLate.figure()),
                new WhatIfResult.Pair<>(today.extensions.figure(), drafted.extensions.figure()),
                new WhatIfResult.Pair<>(today.refusedEvents.figure(), drafted.refusedEvents.figure()),
                WhatIfResult.refusalRows(today, drafted), WhatIfResult.weeks(today.responsesDueByWeek, drafted.responsesDueByWeek),
                new WhatIfResult.Pair<>(WhatIfResult.waited(today.waited), WhatIfResult.waited(drafted.waited)),
                changes.rows, changes.count, packs.compliance(draft), forward.result(), Workload.rows(workToday, workDraft), null);
    }

    /**
     * One batch being replayed while the next is read: the reader hands each batch over, and its results are counted
     * (in this thread, in order) once the next batch has been read and handed over too. Two batches at most are held.
     */
    private static final class Pipeline {
        private final Progress progress;
        private @Nullable CompletableFuture<List<Both>> replaying;
        private @Nullable Consumer<Both> counting;

        Pipeline(Progress progress) {
            this.progress = progress;
        }

        void next(CompletableFuture<List<Both>> batch, Consumer<Both> count) {
            finish();
            replaying = batch;
            counting = count;
        }

        void finish() {
            if (replaying != null && counting != null) {
                List<Both> done = replaying.join();
                done.forEach(counting);
                progress.replayed(done.size());
            }
            replaying = null;
        }
    }

    /** A batch replayed under both packs, on every core, in the background; the packs and calendars are looked up first, here. */
    private CompletableFuture<List<Both>> replay(String organisation, List<RecordedCase> batch, PolicyPack draft, Map<String, ClockMaker> calendars,
                              TreeSet<String> versions) {
        List<PolicyPack> own = new ArrayList<>(batch.size());
        for (RecordedCase c : batch) {
            PolicyPack pack = packs.version(c.packId(), c.packVersion());
            versions.add(pack.id() + " v" + pack.version());
            calendars.computeIfAbsent(pack.organisation().jurisdiction().name(), j -> histories.clocksFor(organisation, pack));
            own.add(pack);
        }
        ClockMaker draftClocks = calendars.computeIfAbsent(draft.organisation().jurisdiction().name(),
                j -> histories.clocksFor(organisation, draft));
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            indexes.add(i);
        }
        Map<String, ClockMaker> found = Map.copyOf(calendars);
        return CompletableFuture.supplyAsync(() -> indexes.parallelStream().map(i -> {
            RecordedCase c = batch.get(i);
            PolicyPack pack = own.get(i);
            ClockMaker clocks = Objects.requireNonNull(found.get(pack.organisation().jurisdiction().name()));
            return new Both(c, pack, replayed(organisation, c, pack, clocks), replayed(organisation, c, draft, draftClocks));
        }).toList());
    }

    private static @Nullable Replayed replayed(String organisation, RecordedCase c, PolicyPack pack, ClockMaker clocks) {
        try {
            return CaseReplay.replay(c.id(), organisation, c.reference(), c.history(), c.serviceLine(), pack, clocks);
        } catch (RuntimeException unreadable) {
            log.warn("case {} could not be replayed under {} v{}: {}", c.reference(), pack.id(), pack.version(), unreadable.toString());
            return null;
        }
    }

    private static void add(Both both, Side today, Side draft, Changes changes, Instant now) {
        if (both.today() == null || both.draft() == null) {
            today.notReplayed.add(both.recorded().reference());
            draft.notReplayed.add(both.recorded().reference());
            return;
        }
        today.add(both.today(), now);
        draft.add(both.draft(), now);
        changes.add(both.today(), both.draft(), now);
    }

    /** The cases whose figures differ under the draft, the first {@link #CHANGED_CASES} of them with how. */
    static final class Changes {
        final List<WhatIfResult.ChangedCase> rows = new ArrayList<>();
        int count;

        void add(Replayed today, Replayed draft, Instant now) {
            List<String> differences = differences(today, draft, now);
            if (!differences.isEmpty()) {
                count++;
                if (rows.size() < CHANGED_CASES) {
                    rows.add(new WhatIfResult.ChangedCase(today.reference(), differences));
                }
            }
        }
    }

    /** Each clock whose due date or outcome differs, each clock only one side has, and each event only the draft refuses. */
    static List<String> differences(Replayed today, Replayed draft, Instant now) {
        Map<String, CaseClock> before = byKey(today.clocks());
        Map<String, CaseClock> after = byKey(draft.clocks());
        TreeSet<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        List<String> differences = new ArrayList<>();
        for (String key : keys) {
            CaseClock t = before.get(key);
            CaseClock d = after.get(key);
            if (t == null || d == null) {
                CaseClock only = t == null ? d : t;
                differences.add(label(only) + (t == null ? ": only under the draft, due " + only.dueDate() + " (" + text(Side.outcome(only, now)) + ")"
                        : ": not under the draft (today due " + only.dueDate() + ", " + text(Side.outcome(only, now)) + ")"));
                continue;
            }
            Side.Outcome ot = Side.outcome(t, now);
            Side.Outcome od = Side.outcome(d, now);
            if (!t.dueDate().equals(d.dueDate()) || ot != od) {
                differences.add(label(d) + ": due " + t.dueDate() + " today, " + d.dueDate() + " under the draft"
                        + (ot == od ? " (" + text(ot) + " under both)" : "; " + text(ot) + " today, " + text(od) + " under the draft"));
            }
        }
        for (CaseReplay.Refused refused : draft.refused()) {
            boolean alsoToday = today.refused().stream().anyMatch(r -> r.sequence() == refused.sequence());
            if (!alsoToday) {
                differences.add("event " + refused.sequence() + " (" + refused.event() + " on " + UkTime.dateOf(refused.at())
                        + ") would have been refused: " + refused.rule());
            }
        }
        return differences;
    }

    private static Map<String, CaseClock> byKey(List<CaseClock> clocks) {
        Map<String, CaseClock> byKey = new LinkedHashMap<>();
        for (CaseClock c : clocks) {
            byKey.put(c.stage() + "|" + c.id(), c);
        }
        return byKey;
    }

    private static String label(CaseClock clock) {
        String name = clock.name().toLowerCase(java.util.Locale.ROOT);
        return clock.stage() == 0 || name.startsWith("stage " + clock.stage()) ? name : "stage " + clock.stage() + " " + name;
    }

    static String text(Side.Outcome outcome) {
        return switch (outcome) {
            case IN_TIME -> "in time";
            case LATE -> "late";
            case OPEN -> "still open";
            case NOT_NEEDED -> "not needed";
        };
    }

    /** The forward look: the open cases' running clocks by the week they fall due in, over the next eight weeks. */
    static final class Forward {
        final LocalDate from;
        final LocalDate until;
        int open;
        final Map<LocalDate, Integer> today = new TreeMap<>();
        final Map<LocalDate, Integer> draft = new TreeMap<>();
        final Side.Count overdueToday = new Side.Count();
        final Side.Count overdueDraft = new Side.Count();
        final Changes changes = new Changes();

        Forward(LocalDate from) {
            this.from = from;
            this.until = from.plusWeeks(FORWARD_WEEKS);
            for (int w = 0; w < FORWARD_WEEKS; w++) {
                today.put(Side.monday(from.plusWeeks(w)), 0);
                draft.put(Side.monday(from.plusWeeks(w)), 0);
            }
        }

        void add(Both both, Instant now) {
            if (both.today() == null || both.draft() == null) {
                return;
            }
            open++;
            count(both.today(), today, overdueToday, now);
            count(both.draft(), draft, overdueDraft, now);
            changes.add(both.today(), both.draft(), now);
        }

        private void count(Replayed replayed, Map<LocalDate, Integer> weeks, Side.Count overdue, Instant now) {
            boolean late = false;
            for (CaseClock clock : replayed.clocks()) {
                if (!clock.running()) {
                    continue;
                }
                if (clock.dueBy().isBefore(now)) {
                    late = true;
                } else if (clock.dueDate().isBefore(until)) {
                    weeks.merge(Side.monday(clock.dueDate()), 1, Integer::sum);
                }
            }
            if (late) {
                overdue.add(replayed.reference());
            }
        }

        WhatIfResult.Forward result() {
            return new WhatIfResult.Forward(open, from, WhatIfResult.weeks(today, draft),
                    new WhatIfResult.Pair<>(overdueToday.figure(), overdueDraft.figure()), changes.rows, changes.count);
        }
    }
}
