package org.redress.casework;

import org.jspecify.annotations.Nullable;
import org.redress.casework.CaseTypes.CaseState;
import org.redress.casework.CaseTypes.Evidence;
import org.redress.casework.CaseTypes.NewCase;
import org.redress.casework.CaseTypes.PointDecision;
import org.redress.casework.CaseTypes.Action;
import org.redress.casework.CaseTypes.CaseStatus;
import org.redress.casework.CaseTypes.Complainant;
import org.redress.casework.CaseTypes.EscalationWindow;
import org.redress.casework.CaseTypes.Hold;
import org.redress.casework.CaseTypes.Point;
import org.redress.casework.CaseTypes.Satisfaction;
import org.redress.casework.CaseTypes.StageRecord;
import org.redress.casework.CaseTypes.StepRecord;
import org.redress.policy.PolicyPack;
import org.redress.policy.PolicyPack.Handling;
import org.redress.policy.PolicyPack.RecordType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How {@link CaseFile} builds its next state: the state a case opens with, a copy with some fields changed, the points
 * with a response's decisions applied, the complainant with corrected details. The case decides when; these only build.
 */
final class CaseStates {

    private CaseStates() {
    }

    /** A newly logged case: at stage 1 of a staged record type, otherwise at stage 0, its one record of the contact. */
    static CaseState opened(PolicyPack pack, RecordType type, NewCase request, Instant receivedAt, Instant loggedAt) {
        boolean staged = type.handling() == Handling.STAGED && !pack.stages().isEmpty();
        List<Point> points = new ArrayList<>();
        for (String summary : request.points()) {
            // a point logged with the case is about its own category, or the case's subject (issue 20: reports count points by category)
            points.add(new Point(points.size() + 1, summary, null, null, 0, request.pointCategory(points.size())));
        }
        // a contact handled outside the stages still has one record of its receipt, acknowledgement and response
        int number = staged ? pack.stages().get(0).number() : 0;
        String name = staged ? pack.stages().get(0).name() : type.name();
        List<StageRecord> stages = List.of(new StageRecord(number, name, null, request.understanding(), request.outcomeWanted(),
                receivedAt, loggedAt, null, null, null, null, false));
        return new CaseState(type.id(), CaseStatus.OPEN, number, request.channel(), receivedAt, request.complainant(),
                request.representative(), request.namedPeople(), request.classification(), request.description(),
                request.awareSince(), points, stages, List.of(), List.of(), List.of(), List.of(), null, null, null, null,
                request.linkedFrom(), List.of());
    }

    /** The points with these decisions applied at the current stage; a decision for no such point is left to the policy to refuse. */
    static List<Point> decided(CaseState state, List<PointDecision> decisions) {
        List<Point> points = new ArrayList<>(state.points());
        for (PointDecision decision : decisions) {
            if (decision.number() >= 1 && decision.number() <= points.size()) {
                Point p = points.get(decision.number() - 1);
                points.set(decision.number() - 1, new Point(p.number(), p.summary(), decision.outcome(), decision.reasons(), state.stage(), p.category()));
            }
        }
        return points;
    }

    /** The complainant with the details given in place of the recorded ones. */
    static Complainant corrected(Complainant c, @Nullable String name, @Nullable String email, @Nullable String phone,
                                 @Nullable String address) {
        return new Complainant(name != null ? name : c.name(), email != null ? email : c.email(),
                phone != null ? phone : c.phone(), address != null ? address : c.address(), c.preferredContact(),
                c.reasonableAdjustments(), c.formats(), c.tenure());
    }

    /** Which contact details differ: the history names them, never their values. */
    static List<String> changedFields(Complainant before, Complainant after) {
        List<String> fields = new ArrayList<>();
        if (!Objects.equals(after.name(), before.name())) fields.add("name");
        if (!Objects.equals(after.email(), before.email())) fields.add("email");
        if (!Objects.equals(after.phone(), before.phone())) fields.add("phone");
        if (!Objects.equals(after.address(), before.address())) fields.add("address");
        return fields;
    }

    /** A mutable copy of the state's fields, so each verb can build the next state in one place. */
    static final class Builder {
        String recordType;
        CaseStatus status;
        int stage;
        List<Point> points;
        List<StageRecord> stages;
        List<CaseClock> clocks;
        List<Action> actions;
        List<Evidence> evidence;
        List<StepRecord> steps;
        @Nullable Hold hold;
        @Nullable EscalationWindow escalationWindow;
        @Nullable Satisfaction satisfaction;
        @Nullable Instant closedAt;
        List<String> linkedTo;

        Builder(CaseState s) {
            recordType = s.recordType();
            status = s.status();
            stage = s.stage();
            points = s.points();
            stages = s.stages();
            clocks = s.clocks();
            actions = s.actions();
            evidence = s.evidence();
            steps = s.steps();
            hold = s.hold();
            escalationWindow = s.escalationWindow();
            satisfaction = s.satisfaction();
            closedAt = s.closedAt();
            linkedTo = s.linkedTo();
        }
    }

    /** The case put on hold with its clocks paused ({@code hold} given), or resumed with its clocks running again (null). */
    static CaseState held(CaseState s, List<CaseClock> clocks, @Nullable Hold hold) {
        return with(s, b -> {
            b.clocks = clocks;
            b.hold = hold;
            b.status = hold == null ? CaseStatus.OPEN : CaseStatus.ON_HOLD;
        });
    }

    /** The list with one more item at its end. */
    static <T> List<T> appended(List<T> list, T item) {
        List<T> more = new java.util.ArrayList<>(list);
        more.add(item);
        return more;
    }

    static CaseState with(CaseState s, Consumer<Builder> change) {
        Builder b = new Builder(s);
        change.accept(b);
        return new CaseState(b.recordType, b.status, b.stage, s.channel(), s.receivedAt(), s.complainant(), s.representative(),
                s.namedPeople(), s.classification(), s.description(), s.awareSince(), b.points, b.stages, b.clocks, b.actions,
                b.evidence, b.steps, b.hold, b.escalationWindow, b.satisfaction, b.closedAt, s.linkedFrom(), b.linkedTo);
    }
}
