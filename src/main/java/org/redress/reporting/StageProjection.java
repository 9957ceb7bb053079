package org.redress.reporting;

import org.jspecify.annotations.Nullable;
import org.redress.calendar.UkTime;
import org.redress.calendar.WorkingDayCalendar;
import org.redress.casework.CaseEvent;
import org.redress.casework.CaseFact.Extended;
import org.redress.casework.CaseFact.PointOutcome;
import org.redress.casework.CaseFact.StageResponded;
import org.redress.casework.CaseTypes.Outcome;
import org.redress.casework.CaseTypes.StageRecord;
import org.redress.casework.CaseView;
import org.redress.casework.CaseView.ClockView;
import org.redress.policy.PolicyPack;
import org.redress.policy.PolicyPack.ClockRule;
import org.redress.policy.PolicyPack.Milestone;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns a case, as casework shows it, into read-model rows: one per stage. A stage's acknowledgement and response
 * clocks are found by the milestone that stops them in the case's pack, so every pack's clock names work.
 */
final class StageProjection {

    private StageProjection() {
    }

    static List<StageRow> rows(CaseView c, PolicyPack pack, WorkingDayCalendar calendar) {
        boolean staged = pack.recordType(c.recordType()).map(t -> t.handling() == PolicyPack.Handling.STAGED).orElse(false);
        int lastStage = c.stages().stream().mapToInt(StageRecord::number).max().orElse(0);
        List<StageRow> rows = new ArrayList<>();
        for (StageRecord s : c.stages()) {
            ClockView ack = clock(c, pack, s.number(), Milestone.ACKNOWLEDGED).orElse(null);
            ClockView respond = clock(c, pack, s.number(), Milestone.RESPONDED).orElse(null);
            Instant acknowledged = s.acknowledgedAt();
            Instant responded = s.respondedAt();
            Integer ackDays = acknowledged == null ? null : workingDays(calendar, s.receivedAt(), acknowledged);
            Integer respondDays = responded == null ? null : workingDays(calendar, s.receivedAt(), responded);
            Integer codeDays = null;
            if (responded != null) {
                // the Code counts the response time from the acknowledgement (6.3, 6.14); a response that is itself
                // the acknowledgement is counted from receipt
                Instant from = acknowledged != null && acknowledged.isBefore(responded) ? acknowledged : s.receivedAt();
                codeDays = workingDays(calendar, from, responded);
            }
            boolean extended = respond != null && !respond.extensions().isEmpty();
            boolean agreed = respond != null && respond.extensions().stream().anyMatch(e -> e.complainantAgreed());
            rows.add(new StageRow(c.organisation(), UUID.fromString(c.id()), c.reference(), s.number(), c.recordType(), staged,
                    c.classification().serviceLine(), c.classification().serviceArea(), c.classification().subject(),
                    c.classification().subSubject(), c.receivedAt(), s.receivedAt(), acknowledged, ackDays, responded,
                    respond == null ? null : respond.dueBy(), respond == null ? null : originalDue(respond, c.history()), respondDays, codeDays,
                    extended, agreed, outcome(c.history(), s.number()), s.number() < lastStage, s.escalationRefused(),
                    c.status().name(), c.closedAt(),
                    c.satisfaction() == null ? null : c.satisfaction().withHandling(),
                    c.satisfaction() == null ? null : c.satisfaction().withOutcome(), c.complainant().tenure().name(),
                    categoryName(c, pack)));
        }
        return rows;
    }

    /** The complaint's category (H-1) by its name in the case's pack, or its id if the pack no longer has it; null when none. */
    private static @org.jspecify.annotations.Nullable String categoryName(CaseView c, PolicyPack pack) {
        String id = c.classification().category();
        return id == null ? null : pack.category(id).map(PolicyPack.ComplaintCategory::name).orElse(id);
    }

    /** The stage's clock stopped by this milestone; for stage 0 the record type's own clocks. */
    private static Optional<ClockView> clock(CaseView c, PolicyPack pack, int stage, Milestone stops) {
        List<ClockRule> rules = stage == 0
                ? pack.recordType(c.recordType()).map(PolicyPack.RecordType::clocks).orElse(List.of())
                : pack.stage(stage).map(PolicyPack.Stage::clocks).orElse(List.of());
        // an option (issue 23, R-5: DISP's summary resolution window) is no response time: the deadline after it is
        return rules.stream().filter(r -> r.stops() == stops && !r.option()).findFirst()
                .flatMap(rule -> c.clocks().stream().filter(k -> k.stage() == stage && k.id().equals(rule.id())).findFirst());
    }

    /** The deadline before any extension (holds aside): the previous due date of the clock's first extension. */
    private static Instant originalDue(ClockView clock, List<CaseEvent> history) {
        if (clock.extensions().isEmpty()) {
            return clock.dueBy();
        }
        for (CaseEvent e : history) {
            if (e.payload() instanceof Extended x && x.clock().equals(clock.id()) && x.stage() == clock.stage()) {
                return UkTime.endOf(x.previousDue());
            }
        }
        return clock.dueBy();
    }

    /**
     * The stage's decision, from the last response at that stage in the history: upheld if any point was upheld,
     * partly upheld if any was partly upheld, otherwise not upheld. Later stages overwrite points on the case, so
     * the history is the only place a stage 1 decision survives.
     */
    static @Nullable String outcome(List<CaseEvent> history, int stage) {
        Outcome result = null;
        for (CaseEvent e : history) {
            if (e.payload() instanceof StageResponded r && r.stage() == stage && !r.outcomes().isEmpty()) {
                List<Outcome> outcomes = r.outcomes().stream().map(PointOutcome::outcome).toList();
                result = outcomes.contains(Outcome.UPHELD) ? Outcome.UPHELD
                        : outcomes.contains(Outcome.PARTLY_UPHELD) ? Outcome.PARTLY_UPHELD : Outcome.NOT_UPHELD;
            }
        }
        return result == null ? null : result.name();
    }

    private static int workingDays(WorkingDayCalendar calendar, Instant from, Instant to) {
        return Math.max(0, calendar.workingDaysBetween(UkTime.dateOf(from), UkTime.dateOf(to)));
    }
}
