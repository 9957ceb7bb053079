package org.redress.casework;

import org.jspecify.annotations.Nullable;
import org.redress.calendar.ClockUnit;
import org.redress.calendar.Deadline;
import org.redress.calendar.UkTime;
import org.redress.casework.CaseTypes.EscalationWindow;
import org.redress.casework.CaseTypes.Extension;
import org.redress.casework.CaseTypes.Hold;
import org.redress.policy.PolicyPack;
import org.redress.policy.PolicyPack.ClockRule;
import org.redress.policy.PolicyPack.ExtensionRule;
import org.redress.policy.PolicyPack.Milestone;
import org.redress.policy.PolicyPack.RecordType;
import org.redress.policy.PolicyPack.Stage;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The arithmetic of a case's clocks: which clocks a milestone starts and stops, what is left when a case is put on
 * hold and when it is due after resuming, which extension rule applies and where an extension moves the due date.
 * Every method takes the clocks as they are and returns new ones; the case decides when to call it.
 */
final class CaseClocks {

    private CaseClocks() {
    }

    /** The pack's clock rules for a stage, or for the record type itself at stage 0. */
    static List<ClockRule> rules(PolicyPack pack, String recordType, int stage) {
        if (stage == 0) {
            return pack.recordType(recordType).map(RecordType::clocks).orElse(List.of());
        }
        return pack.stage(stage).map(Stage::clocks).orElse(List.of());
    }

    static Optional<ClockRule> ruleFor(PolicyPack pack, String recordType, CaseClock clock) {
        return rules(pack, recordType, clock.stage()).stream().filter(r -> r.id().equals(clock.id())).findFirst();
    }

    /**
     * A milestone of the current stage happened: the clocks it stops stop, the clocks it starts start (paused at once
     * when the case is on hold).
     */
    static List<CaseClock> onMilestone(PolicyPack pack, String recordType, int currentStage, boolean onHold,
                                       List<CaseClock> clocks, Milestone milestone, Instant at, ClockMaker maker) {
        List<CaseClock> updated = new ArrayList<>();
        for (CaseClock clock : clocks) {
            boolean ours = clock.stage() == currentStage || clock.stage() == 0;
            updated.add(ours && clock.open() && clock.stops() == milestone ? clock.stop(at) : clock);
        }
        for (int stage : currentStage == 0 ? List.of(0) : List.of(0, currentStage)) {
            for (ClockRule rule : rules(pack, recordType, stage)) {
                boolean exists = updated.stream().anyMatch(c -> c.id().equals(rule.id()) && c.stage() == stage);
                if (rule.starts() == milestone && !exists) {
                    CaseClock started = start(rule, stage, at, maker);
                    updated.add(onHold ? started.pause(at, remaining(started, at, maker)) : started);
                }
            }
        }
        return updated;
    }

    static CaseClock start(ClockRule rule, int stage, Instant at, ClockMaker maker) {
        Deadline deadline = maker.deadline(at, rule.unit(), rule.amount());
        CaseDeadline due = CaseDeadline.started(rule.name(), milestoneText(rule.starts()) + " to " + milestoneText(rule.stops())
                + (rule.cite() == null ? "" : ", " + rule.cite()), deadline);
        CaseClock.Aim aim = null;
        if (rule.aim() != null) {
            Deadline aimed = maker.deadline(at, rule.aim().unit(), rule.aim().amount());
            aim = new CaseClock.Aim(aimed.dueBy(), aimed.dueDate(), "Aim: %s %s, within %s; at the latest %s."
                    .formatted(rule.name().toLowerCase(java.util.Locale.UK), aimed.due(), rule.aim().unit().describe(rule.aim().amount()),
                            deadline.due()));
        }
        return new CaseClock(rule.id(), stage, rule.name(), rule.starts(), rule.stops(), rule.unit(), rule.amount(), at,
                due.dueBy(), due.dueDate(), rule.option() ? optionText(due.explanation()) : due.explanation(), List.of(), null, null,
                null, false, rule.cite(), aim, rule.option());
    }

    /** The stage's clocks that stop on the response run again from {@code at}, for their full time (a reopened case). */
    static List<CaseClock> restartResponseClocks(List<ClockRule> stageRules, int stage, List<CaseClock> clocks, Instant at,
                                                 ClockMaker maker) {
        List<CaseClock> updated = new ArrayList<>(clocks);
        for (ClockRule rule : stageRules) {
            if (rule.stops() == Milestone.RESPONDED) {
                updated.removeIf(c -> c.id().equals(rule.id()) && c.stage() == stage);
                updated.add(start(rule, stage, at, maker));
            }
        }
        return updated;
    }

    /** The extension rule the next extension falls under, after {@code used} extensions; empty once all are used. */
    static Optional<ExtensionRule> applicableRule(List<ExtensionRule> rules, int used) {
        int remaining = used;
        for (ExtensionRule rule : rules) {
            if (rule.maxTimes() == null || remaining < rule.maxTimes()) {
                return Optional.of(rule);
            }
            remaining -= rule.maxTimes();
        }
        return Optional.empty();
    }

    /**
     * The clock extended under a rule: it runs on from its old due time (noon of the due day for days, so the day
     * itself is not counted twice), and a day-counted clock is due by the end of its new due date.
     */
    static CaseClock extended(CaseClock clock, ExtensionRule rule, int amount, String reason, boolean complainantAgreed,
                              Instant at, String actor, ClockMaker maker) {
        Instant from = clock.unit() == ClockUnit.CLOCK_HOURS || rule.unit() == ClockUnit.CLOCK_HOURS
                ? clock.dueBy() : clock.dueDate().atTime(LocalTime.NOON).atZone(UkTime.ZONE).toInstant();
        Deadline moved = maker.deadline(from, rule.unit(), amount);
        Instant dueBy = rule.unit() == ClockUnit.CLOCK_HOURS ? moved.dueBy() : UkTime.endOf(moved.dueDate());
        CaseDeadline due = CaseDeadline.of(clock).extended(new CaseDeadline.Extended(UkTime.dateOf(at), rule.unit(), amount,
                reason, complainantAgreed, moved), dueBy);
        Extension extension = new Extension(amount, rule.unit(), reason, complainantAgreed, at, actor, rule.cite());
        return clock.rescheduled(due.dueBy(), due.dueDate(), due.explanation(), clock.withExtension(extension));
    }

    /** Every running clock paused, each keeping what it has left. */
    static List<CaseClock> paused(List<CaseClock> clocks, Instant at, ClockMaker maker) {
        return clocks.stream().map(c -> c.running() ? c.pause(at, remaining(c, at, maker)) : c).toList();
    }

    /** Every paused clock running again with what it had left, its explanation saying so. */
    static List<CaseClock> resumed(List<CaseClock> clocks, Hold hold, Instant at, ClockMaker maker) {
        List<CaseClock> resumed = new ArrayList<>();
        for (CaseClock clock : clocks) {
            Instant pausedAt = clock.pausedAt();
            Long left = clock.remainingWhenPaused();
            if (pausedAt == null || left == null) {
                resumed.add(clock);
                continue;
            }
            Instant dueBy;
            LocalDate dueDate;
            ClockUnit unit;
            if (clock.unit() == ClockUnit.CLOCK_HOURS) {
                unit = ClockUnit.CLOCK_HOURS;
                dueBy = at.plusSeconds(left);
                dueDate = UkTime.dateOf(dueBy);
            } else {
                unit = clock.unit() == ClockUnit.WORKING_DAYS ? ClockUnit.WORKING_DAYS : ClockUnit.CALENDAR_DAYS;
                Deadline d = maker.deadline(at, unit, left.intValue());
                dueBy = d.dueBy();
                dueDate = d.dueDate();
            }
            CaseDeadline due = CaseDeadline.of(clock).paused(new CaseDeadline.Paused(UkTime.dateOf(pausedAt), UkTime.dateOf(at),
                    hold.reason(), unit, left, dueBy, dueDate));
            resumed.add(clock.rescheduled(due.dueBy(), due.dueDate(), due.explanation(), clock.extensions()));
        }
        return resumed;
    }

    /** What a clock has left at {@code at}: seconds for clock hours, otherwise days in its own counting. */
    static long remaining(CaseClock clock, Instant at, ClockMaker maker) {
        return switch (clock.unit()) {
            case CLOCK_HOURS -> Math.max(0, Duration.between(at, clock.dueBy()).getSeconds());
            case WORKING_DAYS -> Math.max(0, maker.workingDaysBetween(UkTime.dateOf(at), clock.dueDate()));
            case CALENDAR_DAYS, WEEKS, CALENDAR_MONTHS -> Math.max(0, ChronoUnit.DAYS.between(UkTime.dateOf(at), clock.dueDate()));
        };
    }

    static List<CaseClock> cancelled(List<CaseClock> clocks, Instant at) {
        return clocks.stream().map(c -> c.open() ? c.cancel(at) : c).toList();
    }

    static List<CaseClock> replaced(List<CaseClock> clocks, CaseClock old, CaseClock replacement) {
        return clocks.stream().map(c -> c == old ? replacement : c).toList();
    }

    /** The window for asking for the next stage after a response at {@code stage}, when the next stage has one. */
    static @Nullable EscalationWindow escalationWindow(PolicyPack pack, int stage, Instant respondedAt, ClockMaker maker) {
        Optional<Stage> next = pack.stage(stage + 1);
        if (stage < 1 || next.isEmpty() || next.get().entry() == null || next.get().entry().window() == null) {
            return null;
        }
        PolicyPack.Window w = next.get().entry().window();
        Deadline closes = maker.deadline(respondedAt, w.unit(), w.amount());
        return new EscalationWindow(stage, closes.dueBy(), closes.dueDate(), CaseDeadline.windowExplanation(closes),
                next.get().entry().cite());
    }

    /** An option's working, said as a window that closes rather than a deadline that is missed (issue 23, R-5). */
    static String optionText(String explanation) {
        return "An option, not a deadline: this outcome may be taken until the end of the window, and nothing is late when it "
                + "is not. " + explanation.replace("Due by the end of", "The window closes at the end of");
    }

    private static String milestoneText(Milestone milestone) {
        return switch (milestone) {
            case RECEIVED -> "from receipt";
            case LOGGED -> "from logging";
            case ACKNOWLEDGED -> "acknowledgement";
            case CONTACTED -> "contact";
            case RESPONDED -> "response";
            case CLOSED -> "closure";
        };
    }
}
