package org.redress.casework;

import org.jspecify.annotations.Nullable;
import org.redress.calendar.UkTime;
import org.redress.casework.CaseFact.*;
import org.redress.casework.CaseTypes.*;
import org.redress.policy.PolicyPack;
import org.redress.web.Refusal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A case's recorded history applied again, in memory, under a pack: each event becomes the verb that recorded it, at its
 * recorded time, on a {@link CaseFile} that is never stored. The verbs run through the same table, rules and clocks as
 * the real case ({@link CasePolicies}, {@link CaseClocks}), on the procedure of the case's service line (F-8), so replaying
 * a case under its own pack gives its stored clocks, and under another pack gives what that pack would have made of the same events. An event the pack refuses is kept as
 * a {@link Refused} naming the rule, and the replay goes on with the next event. Events that change nothing the
 * procedure measures (evidence, correspondence, contact details, tenure, anonymisation, reclassification) are not
 * replayed; nor is personal data, which the replay does not read.
 */
public final class CaseReplay {

    private static final String AS_RECORDED = "(as recorded)";

    /** The facts replayed: the logging, then each verb {@link #apply} runs again. */
    static final Set<Class<? extends CaseFact>> REPLAYED = Set.of(CaseLogged.class, Acknowledged.class, Contacted.class,
            Assigned.class, PointAdded.class, Extended.class, PutOnHold.class, Resumed.class, StepRecorded.class,
            StageResponded.class, EscalationRequested.class, EscalationRefused.class, Closed.class, Reopened.class,
            Withdrawn.class, Declined.class, ContactArranged.class, SummaryResolved.class, ServiceLineCorrected.class);

    /**
     * The facts that change nothing the procedure's clocks measure, so are not replayed (the late-complaint warning is
     * made again by the logging itself). Every kind of fact is in one set or the other ({@code CaseReplayTest}), so a
     * new verb cannot be left out of a replay silently.
     */
    static final Set<Class<? extends CaseFact>> NOT_REPLAYED = Set.of(UnderstandingRecorded.class, EvidenceRecorded.class,
            LateComplaintWarned.class, InvestigatedAnyway.class, CorrespondenceReceived.class, ContactDetailsCorrected.class,
            TenureRecorded.class, Anonymised.class, Reclassified.class, MediationOffered.class, MediationAnswered.class,
            MediationHeld.class, MediationConcluded.class, Imported.class, Unread.class);

    private CaseReplay() {
    }

    /** An event the pack would have refused, with the rule that refuses it. */
    public record Refused(int sequence, String event, Instant at, String rule) {
    }

    /** A request for the next stage: when it was made, when the window closed under the pack, and whether it was inside it. */
    public record EscalationAsked(int toStage, Instant requestedAt, @Nullable LocalDate windowClosedOn, boolean inTime, boolean refused) {
    }

    /** A response the pack let through, at a stage (0 for a record type's own response). */
    public record Response(int stage, Instant at) {
    }

    /**
     * What the pack made of the history: the clocks as they stand after the last event, the events refused, the
     * escalation requests and the responses let through, and the extensions granted.
     *
     * @param status empty when the pack refused the logging itself (a record type it does not have)
     * @param serviceLine the case's service line after the last event, whose procedure it was replayed under (F-8); null
     *                    for none
     */
    public record Replayed(UUID id, String reference, String recordType, Instant receivedAt, Optional<CaseStatus> status,
                           int stage, List<CaseClock> clocks, List<Refused> refused, List<EscalationAsked> escalations,
                           List<Response> responses, int extensions, @Nullable String serviceLine) {

        public Replayed {
            clocks = List.copyOf(clocks);
            refused = List.copyOf(refused);
            escalations = List.copyOf(escalations);
            responses = List.copyOf(responses);
        }

        /** A case replayed with no service line: the pack's own stages. */
        public Replayed(UUID id, String reference, String recordType, Instant receivedAt, Optional<CaseStatus> status, int stage,
                        List<CaseClock> clocks, List<Refused> refused, List<EscalationAsked> escalations, List<Response> responses,
                        int extensions) {
            this(id, reference, recordType, receivedAt, status, stage, clocks, refused, escalations, responses, extensions, null);
        }
    }

    /** As {@link #replay(UUID, String, String, List, String, PolicyPack, ClockMaker)} for a case with no service line. */
    public static Replayed replay(UUID id, String organisation, String reference, List<CaseEvent> history, PolicyPack pack,
                                  ClockMaker clocks) {
        return replay(id, organisation, reference, history, null, pack, clocks);
    }

    /**
     * Replays a history (its first event the {@code logged} one) under {@code pack}, counting time with {@code clocks}
     * (the organisation's calendar with its closure days). Reads nothing and writes nothing. The case is logged on its
     * service line as it was logged (F-8: the procedure of that line in {@code pack}, as a stored case runs it): the line
     * {@code serviceLine} (the case's line now) had before its first correction, if it was corrected.
     */
    public static Replayed replay(UUID id, String organisation, String reference, List<CaseEvent> history,
                                  @Nullable String serviceLine, PolicyPack pack, ClockMaker clocks) {
        List<CaseFact> facts = history.stream().map(CaseEvent::payload).toList();
        if (facts.isEmpty() || !(facts.get(0) instanceof CaseLogged logged)) {
            throw new IllegalArgumentException("a history starts with its logging: " + reference);
        }
        CaseEvent first = history.get(0);
        List<Refused> refused = new ArrayList<>();
        @Nullable String loggedOn = loggedLine(serviceLine, facts);
        CaseFile.Logged result = CaseFile.log(new CaseId(id), organisation, reference, pack, newCase(logged, facts, loggedOn),
                first.at(), first.actor(), clocks);
        if (result.refusal() != null) {
            refused.add(new Refused(1, first.type(), first.at(), result.refusal().describe()));
            return new Replayed(id, reference, logged.recordType(), logged.receivedAt(), Optional.empty(), 0, List.of(), refused,
                    List.of(), List.of(), 0, loggedOn);
        }
        CaseFile file = result.caseFile();
        List<EscalationAsked> escalations = new ArrayList<>();
        List<Response> responses = new ArrayList<>();
        int extensions = 0;
        for (int i = 1; i < history.size(); i++) {
            CaseEvent event = history.get(i);
            CaseFact fact = facts.get(i);
            EscalationWindow window = file.state().escalationWindow();
            Optional<Refusal> refusal = apply(file, fact, event, clocks);
            if (refusal == null) {
                continue; // not a verb of the procedure
            }
            if (refusal.isPresent()) {
                refused.add(new Refused(i + 1, event.type(), event.at(), refusal.get().describe()));
            } else if (fact instanceof Extended) {
                extensions++;
            } else if (fact instanceof StageResponded r) {
                responses.add(new Response(r.stage(), event.at()));
            }
            if (fact instanceof EscalationRequested e) {
                boolean inTime = window == null || !e.requestedAt().isAfter(window.closesAt());
                escalations.add(new EscalationAsked(e.toStage(), e.requestedAt(), window == null ? null : window.closesOn(), inTime,
                        refusal.isPresent()));
            }
        }
        CaseState state = file.state();
        return new Replayed(id, reference, state.recordType(), state.receivedAt(), Optional.of(state.status()), state.stage(),
                state.clocks(), refused, escalations, responses, extensions, state.classification().serviceLine());
    }

    /** The line a case was logged on: its line now, or the line its first correction moved it from (F-8). */
    private static @Nullable String loggedLine(@Nullable String now, List<CaseFact> facts) {
        for (CaseFact fact : facts) {
            if (fact instanceof ServiceLineCorrected c) {
                return c.from();
            }
        }
        return now;
    }

    /**
     * The verb that recorded this fact, applied again: its refusal, or empty when it went through; null for an event
     * that is not replayed. A verb recorded at a stage the replayed case is not at is refused as such (the pack has no
     * such stage, or the case never reached it under this pack).
     */
    private static @Nullable Optional<Refusal> apply(CaseFile file, CaseFact fact, CaseEvent e, ClockMaker clocks) {
        Instant at = e.at();
        String actor = e.actor();
        String reason = e.reason() == null || e.reason().isBlank() ? AS_RECORDED : e.reason();
        Integer stage = stageOf(fact);
        if (stage != null && stage != file.state().stage()) {
            return Optional.of(Refusal.of("recorded at stage " + stage + ", but under this policy the case "
                    + (file.pack().stage(stage).isEmpty() && stage > 0 ? "has no stage " + stage : "is at stage " + file.state().stage()), null));
        }
        if (fact instanceof Acknowledged a) {
            if (a.byTheResponse()) {
                return null; // the response acknowledges again by itself
            }
            return "escalation accepted".equals(a.method()) ? file.acceptEscalation(at, actor, clocks)
                    : file.acknowledge(at, actor, a.method(), clocks);
        }
        if (fact instanceof Contacted) {
            return file.recordContact(at, actor, reason, clocks);
        }
        if (fact instanceof Assigned a) {
            return file.assign(a.owner(), a.role(), file.pack().everyRoleNamed(), at, actor);
        }
        if (fact instanceof ContactArranged c) {
            return file.arrangeContact(c.method(), c.frequency(), at, actor);
        }
        if (fact instanceof PointAdded p) {
            return file.addPoint(p.summary(), p.category(), at, actor);
        }
        if (fact instanceof Extended x) {
            return file.extend(x.clock(), x.amount(), reason, x.complainantAgreed(), at, actor, clocks);
        }
        if (fact instanceof PutOnHold h) {
            return file.hold(h.kind(), reason, at, actor, clocks);
        }
        if (fact instanceof Resumed) {
            return file.resume(at, actor, e.reason(), clocks);
        }
        if (fact instanceof StepRecorded s) {
            return file.recordStep(s.step(), reason, at, actor);
        }
        if (fact instanceof StageResponded r) {
            List<PointDecision> decisions = r.outcomes().stream().map(o -> new PointDecision(o.number(), o.outcome(), AS_RECORDED)).toList();
            List<Action> actions = Collections.nCopies(r.actions(), new Action(AS_RECORDED, UkTime.dateOf(at), null));
            return file.respond(decisions, reason, actions, at, actor, clocks);
        }
        if (fact instanceof EscalationRequested r) {
            return file.requestEscalation(String.valueOf(r.toStage()), r.requestedAt(), at, r.unresolved(), r.outcomeWanted(), r.lateAcceptedBecause(), actor, clocks);
        }
        if (fact instanceof EscalationRefused r) {
            return file.refuseEscalation(r.ground(), reason, r.reviewDate(), at, actor);
        }
        if (fact instanceof Closed c) {
            return file.close(new Satisfaction(c.satisfiedWithHandling(), c.satisfiedWithOutcome(), null), e.reason(), at, actor, clocks);
        }
        if (fact instanceof SummaryResolved r) {
            // DISP 1.5: refused by a draft whose window had closed by then, or that has none
            return file.resolveSummarily(reason, r.timeLimitsWaived(), at, actor, clocks);
        }
        if (fact instanceof ServiceLineCorrected c) {
            // F-8: under a pack whose lines run other procedures, a move recorded as allowed may be refused
            return file.correctServiceLine(c.to(), reason, at, actor, clocks);
        }
        if (fact instanceof Reopened) {
            return file.reopen(reason, at, actor, clocks);
        }
        if (fact instanceof Withdrawn) {
            return file.withdraw(reason, at, actor);
        }
        if (fact instanceof Declined d) {
            return file.decline(d.ground(), d.exclusion(), d.redirectedTo(), reason,
                    new Decider(d.decidedBy() == null ? actor : d.decidedBy(), file.pack().everyRoleNamed()), at, actor);
        }
        return null;
    }

    /** The stage a verb was recorded at, for the verbs that act on the current stage. */
    private static @Nullable Integer stageOf(CaseFact fact) {
        if (fact instanceof ContactArranged c) {
            return c.stage();
        }
        if (fact instanceof Assigned a) {
            return a.stage() > 0 ? a.stage() : null; // an owner is given for a role of the stage (H-6)
        }
        if (fact instanceof Acknowledged a) {
            return a.stage();
        }
        if (fact instanceof Contacted c) {
            return c.stage();
        }
        if (fact instanceof Extended x) {
            return x.stage() == 0 ? null : x.stage();
        }
        if (fact instanceof StageResponded r) {
            return r.stage();
        }
        if (fact instanceof SummaryResolved r) {
            return r.stage();
        }
        if (fact instanceof EscalationRequested r) {
            return r.toStage() - 1;
        }
        if (fact instanceof StepRecorded s) {
            return s.stage();
        }
        return null;
    }

    /**
     * The contact as the replay logs it: its record type, channel and receipt as recorded, and as many points as its
     * responses decided (the history names each point by its number), without any personal data.
     */
    private static NewCase newCase(CaseLogged logged, List<CaseFact> facts, @Nullable String serviceLine) {
        int points = 0;
        int firstAdded = Integer.MAX_VALUE;
        for (CaseFact fact : facts) {
            if (fact instanceof StageResponded r) {
                for (PointOutcome o : r.outcomes()) {
                    points = Math.max(points, o.number());
                }
            } else if (fact instanceof PointAdded p) {
                firstAdded = Math.min(firstAdded, p.number());
            }
        }
        int loggedPoints = firstAdded == Integer.MAX_VALUE ? points : firstAdded - 1;
        List<String> summaries = new ArrayList<>();
        for (int i = 1; i <= loggedPoints; i++) {
            summaries.add("point " + i);
        }
        Complainant nobody = new Complainant(AS_RECORDED, null, null, null, null, null, List.of(), Tenure.UNKNOWN);
        return new NewCase(logged.recordType(), logged.channel(), logged.receivedAt(), nobody, null, List.of(),
                new Classification(serviceLine, null, null, null), AS_RECORDED, null, null, null, summaries, logged.linkedFrom());
    }
}
