package org.redress.whatif;

import org.jspecify.annotations.Nullable;
import org.redress.policy.ComplianceReport;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A replay's comparison, today's packs against the draft, side by side: each figure for both, with the cases behind it
 * (up to {@link Side#REFERENCES} each; the counts are exact).
 *
 * @param todaysVersions the pack versions the period's cases ran under, e.g. "the-trust v1"
 * @param workload for each week of the period and each role that owns cases, the cases with a clock running and the
 *                 responses due, today and under the draft
 * @param casesShown null when every case behind the figures is listed; else what a reader limited to some service
 *                   areas is told (the figures still count every case; only the lists are limited)
 */
public record WhatIfResult(String organisation, String draft, List<String> todaysVersions, LocalDate from, LocalDate to,
                           int cases, Pair<Figure> notReplayed, List<ClockRow> clocks, List<ResponseShare> responsesInTime,
                           Pair<Figure> escalationsInTime, Pair<Figure> escalationsLate, Pair<Figure> extensions,
                           Pair<Figure> refusedEvents, List<RefusalRow> refusals, List<WeekRow> responsesDuePerWeek,
                           Pair<Waited> waited, List<ChangedCase> changedCases, int changedCaseCount,
                           ComplianceReport draftCompliance, Forward forward, List<RoleWeekRow> workload,
                           @Nullable String casesShown) {

    /** One figure under today's packs and under the draft. */
    public record Pair<T>(T today, T draft) {
    }

    /** A count and the references of the cases behind it (the first {@link Side#REFERENCES}). */
    public record Figure(int count, List<String> cases) {
        static final Figure NONE = new Figure(0, List.of());
    }

    /**
     * A stage's clock of one kind (acknowledgement, response, other), stage 0 being a record type's own clocks.
     *
     * @param name the clock's name under the draft if it has one, else today's
     */
    public record ClockRow(int stage, String kind, String name, Pair<Figure> inTime, Pair<Figure> late, Pair<Figure> open,
                           Pair<Figure> notNeeded) {
    }

    /** The share of a stage's responses sent in time, as the regulator's CH02 counts them (met by the due time, extensions included). */
    public record ResponseShare(int stage, Pair<Share> share) {
    }

    public record Share(int inTime, int responses, @Nullable Double percent) {
        static Share of(int inTime, int late) {
            int all = inTime + late;
            return new Share(inTime, all, all == 0 ? null : Math.round(1000.0 * inTime / all) / 10.0);
        }
    }

    /** Events refused under a rule, on each side. */
    public record RefusalRow(String rule, Pair<Figure> refused) {
    }

    /** Responses due in the week starting on this Monday. */
    public record WeekRow(LocalDate week, int today, int draft) {
    }

    /**
     * One role's workload in the week starting on this Monday: the cases with a clock of a stage the role owns running
     * at some time in the week, and the responses of those stages due in it.
     */
    public record RoleWeekRow(LocalDate week, String role, int runningToday, int runningDraft, int dueToday, int dueDraft) {
    }

    /** Calendar days from receipt to the last response, over the cases that had one. */
    public record Waited(int cases, @Nullable Double mean, @Nullable Long median, @Nullable Long longest) {
    }

    /** A case whose figures differ under the draft, and how. */
    public record ChangedCase(String reference, List<String> differences) {
    }

    /**
     * The cases open now, under the packs they run under and under the draft: responses (and other clocks) falling due
     * in each of the next weeks, and those already overdue.
     */
    public record Forward(int openCases, LocalDate from, List<WeekRow> clocksDuePerWeek, Pair<Figure> overdueNow,
                          List<ChangedCase> changedCases, int changedCaseCount) {
    }

    /** Every case reference named behind a figure or in a list of changed cases. */
    Set<String> references() {
        Set<String> all = new java.util.HashSet<>();
        limitedTo(reference -> {
            all.add(reference);
            return true;
        }, null);
        return all;
    }

    /**
     * The same comparison naming only the cases {@code shown} accepts behind its figures and among the changed cases; the
     * counts stay whole, and {@code notice} says so.
     */
    WhatIfResult limitedTo(java.util.function.Predicate<String> shown, @Nullable String notice) {
        java.util.function.UnaryOperator<Pair<Figure>> pair = p -> new Pair<>(only(p.today(), shown), only(p.draft(), shown));
        List<ClockRow> clockRows = clocks.stream().map(r -> new ClockRow(r.stage(), r.kind(), r.name(), pair.apply(r.inTime()),
                pair.apply(r.late()), pair.apply(r.open()), pair.apply(r.notNeeded()))).toList();
        List<RefusalRow> refusalRows = refusals.stream().map(r -> new RefusalRow(r.rule(), pair.apply(r.refused()))).toList();
        Forward ahead = new Forward(forward.openCases(), forward.from(), forward.clocksDuePerWeek(), pair.apply(forward.overdueNow()),
                only(forward.changedCases(), shown), forward.changedCaseCount());
        return new WhatIfResult(organisation, draft, todaysVersions, from, to, cases, pair.apply(notReplayed), clockRows,
                responsesInTime, pair.apply(escalationsInTime), pair.apply(escalationsLate), pair.apply(extensions),
                pair.apply(refusedEvents), refusalRows, responsesDuePerWeek, waited, only(changedCases, shown), changedCaseCount,
                draftCompliance, ahead, workload, notice);
    }

    private static Figure only(Figure figure, java.util.function.Predicate<String> shown) {
        return new Figure(figure.count(), figure.cases().stream().filter(shown).toList());
    }

    private static List<ChangedCase> only(List<ChangedCase> changed, java.util.function.Predicate<String> shown) {
        return changed.stream().filter(c -> shown.test(c.reference())).toList();
    }

    static Figure figure(Side.@Nullable Count count) {
        return count == null ? Figure.NONE : count.figure();
    }

    static List<ClockRow> clockRows(Side today, Side draft) {
        Set<String> keys = new TreeSet<>(today.clocks.keySet());
        keys.addAll(draft.clocks.keySet());
        List<ClockRow> rows = new ArrayList<>();
        for (String key : keys) {
            Side.ClockCounts t = today.clocks.get(key);
            Side.ClockCounts d = draft.clocks.get(key);
            String[] parts = key.split("\\|");
            rows.add(new ClockRow(Integer.parseInt(parts[0]), parts[1], d != null ? d.name : t.name,
                    pair(t, d, Side.Outcome.IN_TIME), pair(t, d, Side.Outcome.LATE), pair(t, d, Side.Outcome.OPEN),
                    pair(t, d, Side.Outcome.NOT_NEEDED)));
        }
        return rows;
    }

    private static Pair<Figure> pair(Side.@Nullable ClockCounts today, Side.@Nullable ClockCounts draft, Side.Outcome outcome) {
        return new Pair<>(today == null ? Figure.NONE : figure(today.byOutcome.get(outcome)),
                draft == null ? Figure.NONE : figure(draft.byOutcome.get(outcome)));
    }

    static List<ResponseShare> responseShares(Side today, Side draft) {
        List<ResponseShare> shares = new ArrayList<>();
        for (int stage = 1; stage <= 2; stage++) {
            shares.add(new ResponseShare(stage, new Pair<>(share(today, stage), share(draft, stage))));
        }
        return shares;
    }

    private static Share share(Side side, int stage) {
        Side.ClockCounts counts = side.clocks.get(stage + "|response");
        if (counts == null) {
            return Share.of(0, 0);
        }
        // responses sent: met in time or late; a clock still running past its due time has no response yet
        Side.Count inTime = counts.byOutcome.get(Side.Outcome.IN_TIME);
        return Share.of(inTime == null ? 0 : inTime.count, counts.metLate);
    }

    static List<RefusalRow> refusalRows(Side today, Side draft) {
        Set<String> rules = new TreeSet<>(today.refusedByRule.keySet());
        rules.addAll(draft.refusedByRule.keySet());
        return rules.stream().map(r -> new RefusalRow(r, new Pair<>(figure(today.refusedByRule.get(r)),
                figure(draft.refusedByRule.get(r))))).toList();
    }

    static List<WeekRow> weeks(Map<LocalDate, Integer> today, Map<LocalDate, Integer> draft) {
        Set<LocalDate> weeks = new TreeSet<>(today.keySet());
        weeks.addAll(draft.keySet());
        return weeks.stream().map(w -> new WeekRow(w, today.getOrDefault(w, 0), draft.getOrDefault(w, 0))).toList();
    }

    static Waited waited(Map<Long, Integer> byDays) {
        int cases = byDays.values().stream().mapToInt(Integer::intValue).sum();
        if (cases == 0) {
            return new Waited(0, null, null, null);
        }
        long total = 0;
        Long median = null;
        int seen = 0;
        long longest = 0;
        for (Map.Entry<Long, Integer> e : byDays.entrySet()) {
            total += e.getKey() * e.getValue();
            seen += e.getValue();
            if (median == null && seen * 2 >= cases) {
                median = e.getKey();
            }
            longest = e.getKey();
        }
        return new Waited(cases, Math.round(10.0 * total / cases) / 10.0, median, longest);
    }

    /** The result's figures as rows of label, today and draft, for the exports. */
    Map<String, String[]> summaryRows() {
        Map<String, String[]> rows = new LinkedHashMap<>();
        rows.put("Cases replayed", new String[]{String.valueOf(cases), String.valueOf(cases)});
        for (ClockRow row : clocks) {
            String label = (row.stage() == 0 ? "Outside the stages" : "Stage " + row.stage()) + ", " + row.kind() + " (" + row.name() + ")";
            rows.put(label + ": in time", new String[]{n(row.inTime().today()), n(row.inTime().draft())});
            rows.put(label + ": late", new String[]{n(row.late().today()), n(row.late().draft())});
            rows.put(label + ": still open", new String[]{n(row.open().today()), n(row.open().draft())});
        }
        for (ResponseShare s : responsesInTime) {
            rows.put("Stage " + s.stage() + " responses in time (%)", new String[]{pct(s.share().today()), pct(s.share().draft())});
        }
        rows.put("Escalation requests in time", new String[]{n(escalationsInTime.today()), n(escalationsInTime.draft())});
        rows.put("Escalation requests late", new String[]{n(escalationsLate.today()), n(escalationsLate.draft())});
        rows.put("Extensions", new String[]{n(extensions.today()), n(extensions.draft())});
        rows.put("Events that would have been refused", new String[]{n(refusedEvents.today()), n(refusedEvents.draft())});
        rows.put("Days waited for the last response (mean)", new String[]{String.valueOf(waited.today().mean()),
                String.valueOf(waited.draft().mean())});
        rows.put("Days waited for the last response (median)", new String[]{String.valueOf(waited.today().median()),
                String.valueOf(waited.draft().median())});
        rows.put("Open cases: overdue now", new String[]{n(forward.overdueNow().today()), n(forward.overdueNow().draft())});
        return rows;
    }

    private static String n(Figure f) {
        return String.valueOf(f.count());
    }

    private static String pct(Share s) {
        return s.percent() == null ? "" : String.valueOf(s.percent());
    }
}
