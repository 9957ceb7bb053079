package org.redress.whatif;

import org.redress.calendar.UkTime;
import org.redress.casework.CaseClock;
import org.redress.casework.CaseReplay.EscalationAsked;
import org.redress.casework.CaseReplay.Refused;
import org.redress.casework.CaseReplay.Replayed;
import org.redress.casework.CaseReplay.Response;
import org.redress.casework.CaseTypes.ClockStatus;
import org.redress.policy.PolicyPack.Milestone;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One side of a comparison (today's packs, or the draft) as the replayed cases are added to it, one at a time: counts
 * only, and the references behind each count up to {@link #REFERENCES} of them, so a year of cases takes a few
 * megabytes whatever its size. Not thread-safe: the replay adds to it from one thread.
 */
final class Side {

    /** The cases named behind one figure at most; the count is always exact. */
    static final int REFERENCES = 500;

    /** What became of a clock, as the comparison counts it. */
    enum Outcome { IN_TIME, LATE, OPEN, NOT_NEEDED }

    /** Which clock of a stage: the acknowledgement (or first contact), the response, or another. */
    static String kind(CaseClock clock) {
        if (clock.stops() == Milestone.ACKNOWLEDGED || clock.stops() == Milestone.CONTACTED) {
            return "acknowledgement";
        }
        return clock.stops() == Milestone.RESPONDED ? "response" : "other";
    }

    /** In time (met by its due time), late (met late, or still running past it at {@code now}), open, or not needed (cancelled). */
    static Outcome outcome(CaseClock clock, Instant now) {
        ClockStatus status = clock.status(now);
        return switch (status) {
            case MET -> Outcome.IN_TIME;
            case MET_LATE, OVERDUE -> Outcome.LATE;
            case ON_TIME, DUE_SOON, PAUSED -> Outcome.OPEN;
            case CANCELLED, LAPSED -> Outcome.NOT_NEEDED;
        };
    }

    /** A count and the references of the cases behind it. */
    static final class Count {
        int count;
        final List<String> cases = new ArrayList<>();

        void add(String reference) {
            count++;
            if (cases.size() < REFERENCES) {
                cases.add(reference);
            }
        }

        WhatIfResult.Figure figure() {
            return new WhatIfResult.Figure(count, List.copyOf(cases));
        }
    }

    /** One stage's clock of one kind: how many were in time, late, still open and not needed. */
    static final class ClockCounts {
        final Map<Outcome, Count> byOutcome = new TreeMap<>();
        /** of those late, the ones met (late): a response sent, as against one still not sent */
        int metLate;
        String name = "";

        Count of(Outcome outcome) {
            return byOutcome.computeIfAbsent(outcome, o -> new Count());
        }
    }

    int cases;
    final Count notReplayed = new Count();
    /** by "stage|kind", e.g. "1|response" */
    final Map<String, ClockCounts> clocks = new TreeMap<>();
    final Count escalationsInTime = new Count();
    final Count escalationsLate = new Count();
    final Count extensions = new Count();
    final Count refusedEvents = new Count();
    final Map<String, Count> refusedByRule = new TreeMap<>();
    /** responses due, by the Monday of the week they are due in */
    final Map<LocalDate, Integer> responsesDueByWeek = new TreeMap<>();
    /** calendar days from receipt to the last response, by number of days */
    final Map<Long, Integer> waited = new TreeMap<>();

    void add(Replayed replayed, Instant now) {
        cases++;
        String ref = replayed.reference();
        for (CaseClock clock : replayed.clocks()) {
            ClockCounts counts = clocks.computeIfAbsent(clock.stage() + "|" + kind(clock), k -> new ClockCounts());
            counts.name = clock.name();
            counts.of(outcome(clock, now)).add(ref);
            if (clock.stoppedAt() != null && !clock.cancelled() && clock.stoppedAt().isAfter(clock.dueBy())) {
                counts.metLate++;
            }
            if (kind(clock).equals("response")) {
                responsesDueByWeek.merge(monday(clock.dueDate()), 1, Integer::sum);
            }
        }
        for (EscalationAsked asked : replayed.escalations()) {
            (asked.inTime() ? escalationsInTime : escalationsLate).add(ref);
        }
        if (replayed.extensions() > 0) {
            extensions.count += replayed.extensions() - 1;
            extensions.add(ref);
        }
        for (Refused refused : replayed.refused()) {
            refusedEvents.add(ref);
            refusedByRule.computeIfAbsent(ruleKey(refused), k -> new Count()).add(ref);
        }
        List<Response> responses = replayed.responses();
        if (!responses.isEmpty()) {
            LocalDate last = UkTime.dateOf(responses.get(responses.size() - 1).at());
            waited.merge(ChronoUnit.DAYS.between(UkTime.dateOf(replayed.receivedAt()), last), 1, Integer::sum);
        }
    }

    /**
     * The rule a refusal is counted under: its event and rule with the case's own dates taken out ("escalation window
     * closed on a date: T-8"), so a year of cases gives a handful of rows, not one per case; past {@link #RULES} rules,
     * the rest are counted together.
     */
    private String ruleKey(Refused refused) {
        String key = refused.event() + ": " + DATE.matcher(refused.rule()).replaceAll("a date");
        return refusedByRule.containsKey(key) || refusedByRule.size() < RULES ? key : refused.event() + ": another rule";
    }

    private static final java.util.regex.Pattern DATE = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /** Refusals are counted under this many rules at most. */
    static final int RULES = 100;

    static LocalDate monday(LocalDate date) {
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
