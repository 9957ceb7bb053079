package org.redress.casework;

import org.jspecify.annotations.Nullable;
import org.redress.casework.CaseFact.*;
import org.redress.casework.CaseTypes.*;
import org.redress.policy.PolicyPack;
import org.redress.policy.PolicyPack.ExtensionRule;
import org.redress.policy.PolicyPack.Handling;
import org.redress.policy.PolicyPack.Milestone;
import org.redress.policy.PolicyPack.RecordType;
import org.redress.policy.PolicyPack.Stage;
import org.redress.policy.PolicyPack.StepRule;
import org.redress.web.Refusal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The case aggregate. Each verb checks the transition table ({@link CaseVerb}) and its policy ({@link CasePolicies})
 * against the case's policy pack version, and either refuses (returning the {@link Refusal}, changing nothing) or
 * changes the case and records an event. Clocks start and stop on the milestones of a stage, as the pack's clock rules
 * say; their arithmetic is {@link CaseClocks}', their explanations {@link CaseDeadline}'s.
 */
public final class CaseFile {

    private final CaseId id;
    private final String organisation;
    private final String reference;
    /** The pack version as a whole, and as the case's service line runs it (F-8: {@code whole.forServiceLine(line)}). */
    private final PolicyPack whole;
    private PolicyPack pack;
    private CaseState state;
    private final long version;
    private final List<CaseEvent> pending = new ArrayList<>();

    private CaseFile(CaseId id, String organisation, String reference, PolicyPack whole, PolicyPack pack, CaseState state, long version) {
        this.id = id;
        this.organisation = organisation;
        this.reference = reference;
        this.whole = whole;
        this.pack = pack;
        this.state = state;
        this.version = version;
    }

    /** This newly logged case under its reference, with the events that logged it (see {@code Casework.create}). */
    CaseFile numbered(String reference) {
        CaseFile numbered = new CaseFile(id, organisation, reference, whole, pack, state, version);
        numbered.pending.addAll(pending);
        return numbered;
    }

    /** A case as stored, under the pack version it started with and its service line's procedure (F-8). */
    static CaseFile restore(CaseId id, String organisation, String reference, PolicyPack pack, CaseState state, long version) {
        return new CaseFile(id, organisation, reference, pack, pack.forServiceLine(state.classification().serviceLine()), state, version);
    }

    /** The result of logging: the case, or why it could not be logged. */
    public record Logged(@Nullable CaseFile caseFile, @Nullable Refusal refusal) {
    }

    /** Logs a new contact: stage 1 (or the record type's own clocks) starts with its receipt and its logging. */
    static Logged log(CaseId id, String organisation, String reference, PolicyPack whole, NewCase given,
                      Instant loggedAt, String actor, ClockMaker clocks) {
        NewCase request = given.receivedAt() != null ? given : given.withReceivedAt(loggedAt);
        Optional<Refusal> refused = CasePolicies.logging(whole, request, loggedAt);
        if (refused.isPresent()) {
            return new Logged(null, refused.get());
        }
        // F-8: the case runs its service line's procedure, chosen at intake
        PolicyPack pack = whole.forServiceLine(request.classification().serviceLine());
        RecordType type = pack.recordType(request.recordType()).orElseThrow();
        Instant receivedAt = Objects.requireNonNull(request.receivedAt());
        CaseState state = CaseStates.opened(pack, type, request, receivedAt, loggedAt);
        CaseFile file = new CaseFile(id, organisation, reference, whole, pack, state, 0);
        Tenure tenure = request.complainant().tenure();
        file.record(new CaseLogged(type.id(), request.channel(), receivedAt, pack.id() + " v" + pack.version(),
                tenure == Tenure.UNKNOWN ? null : tenure, request.linkedFrom(), request.receivedBy()), loggedAt, actor, null);
        CaseDecisions.lateWarning(pack, state).ifPresent(late -> file.record(late, loggedAt, actor, null));
        file.fire(Milestone.RECEIVED, receivedAt, clocks);
        file.fire(Milestone.LOGGED, loggedAt, clocks);
        return new Logged(file, null);
    }

    // ---- verbs: each checks the table and its policy (CasePolicies), then records its event and the new state ----

    public Optional<Refusal> acknowledge(Instant at, String actor, @Nullable String method, ClockMaker clocks) {
        return attempt(CaseVerb.ACKNOWLEDGE, CasePolicies::none, () -> acknowledged(at, actor, null, method, clocks));
    }

    private void acknowledged(Instant at, String actor, @Nullable String reason, @Nullable String method, ClockMaker clocks) {
        record(new Acknowledged(state.stage(), method, Acknowledged.BY_THE_RESPONSE.equals(reason)), at, actor, reason);
        updateStage(s -> s.withAcknowledged(at));
        fire(Milestone.ACKNOWLEDGED, at, clocks);
    }

    /** Contact made with the complainant, e.g. a support service request's first contact (T-5). */
    public Optional<Refusal> recordContact(Instant at, String actor, String note, ClockMaker clocks) {
        return attempt(CaseVerb.CONTACT, CasePolicies::none, () -> {
            record(new Contacted(state.stage()), at, actor, note);
            updateStage(s -> s.withContacted(at));
            fire(Milestone.CONTACTED, at, clocks);
        });
    }

    /**
     * Gives the current stage an owner for one of the roles that own it (the stage's own role when none is named; H-6),
     * who must hold that role ({@code ownerHolds}: the pack roles they hold; A-3).
     */
    public Optional<Refusal> assign(String owner, @Nullable String role, java.util.Set<String> ownerHolds, Instant at, String actor) {
        String stageRole = state.stage() >= 1 ? pack.stage(state.stage()).orElseThrow().owner() : "";
        String ownerRole = role == null ? stageRole : role;
        return attempt(CaseVerb.ASSIGN, () -> CaseOwners.assignment(pack, state, owner, ownerRole, ownerHolds)
                .or(() -> ownerRole.equals(stageRole) ? CasePolicies.handler(pack, state, owner) : Optional.empty()), () -> {
            record(new Assigned(state.stage(), owner, ownerRole), at, actor, null);
            updateStage(s -> ownerRole.equals(stageRole) ? s.withOwner(owner) : s.withCoOwner(ownerRole, owner));
        });
    }

    /** Records the method and frequency of contact agreed with the complainant at this stage. */
    public Optional<Refusal> arrangeContact(String method, String frequency, Instant at, String actor) {
        return attempt(CaseVerb.CONTACT_ARRANGEMENT, () -> CaseContact.arrangement(method, frequency), () -> {
            record(new ContactArranged(state.stage(), method, frequency), at, actor, null);
            updateStage(s -> s.withContactArrangement(new ContactArrangement(method, frequency, at, actor)));
        });
    }

    public Optional<Refusal> addPoint(String summary, @Nullable String category, Instant at, String actor) {
        return attempt(CaseVerb.POINTS, CasePolicies::none, () -> {
            record(new PointAdded(state.points().size() + 1, summary, category), at, actor, null);
            state = CaseStates.with(state, b -> b.points = CaseStates.appended(state.points(), new Point(state.points().size() + 1, summary, null, null, 0, category)));
        });
    }

    /** Records the organisation's understanding and the outcome wanted at the current stage (Code 5.6, A-6). */
    public Optional<Refusal> recordUnderstanding(@Nullable String understanding, @Nullable String outcomeWanted, Instant at, String actor) {
        return attempt(CaseVerb.UNDERSTANDING, CasePolicies::none, () -> {
            record(new UnderstandingRecorded(state.stage(), understanding, outcomeWanted), at, actor, null);
            updateStage(s -> s.withUnderstanding(understanding, outcomeWanted));
        });
    }

    public Optional<Refusal> recordEvidence(EvidenceKind kind, LocalDate date, String who, String notes, Instant at, String actor) {
        return attempt(CaseVerb.EVIDENCE, CasePolicies::none, () -> {
            record(new EvidenceRecorded(kind, date, who), at, actor, null);
            state = CaseStates.with(state, b -> b.evidence = CaseStates.appended(state.evidence(), new Evidence(kind, date, who, notes, at, actor)));
        });
    }

    public Optional<Refusal> extend(String clockId, int amount, String reason, boolean complainantAgreed,
                                    Instant at, String actor, ClockMaker clocks) {
        return attempt(CaseVerb.EXTEND, () -> CasePolicies.extension(pack, state, clockId, amount, reason, complainantAgreed), () -> {
            CaseClock clock = CasePolicies.openClock(state, clockId).orElseThrow();
            ExtensionRule rule = CaseClocks.applicableRule(CaseClocks.ruleFor(pack, state.recordType(), clock).orElseThrow()
                    .extensions(), clock.extensions().size()).orElseThrow();
            CaseClock extended = CaseClocks.extended(clock, rule, amount, reason, complainantAgreed, at, actor, clocks);
            record(new Extended(clock.id(), clock.stage(), amount, rule.unit(), clock.dueDate(), extended.dueDate(), complainantAgreed,
                    CaseDecisions.extensionTellsOmbudsman(rule, complainantAgreed), ombudsman(), rule.cite(),
                    rule.needsAgreement() && !complainantAgreed), at, actor, reason);
            state = CaseStates.with(state, b -> b.clocks = CaseClocks.replaced(state.clocks(), clock, extended));
        });
    }

    public Optional<Refusal> hold(HoldKind kind, String reason, Instant at, String actor, ClockMaker clocks) {
        return attempt(CaseVerb.HOLD, () -> CasePolicies.reasonGiven(reason, "reason", "a hold must say why the case is paused", "A-11"), () -> {
            record(new PutOnHold(kind), at, actor, reason);
            state = CaseStates.held(state, CaseClocks.paused(state.clocks(), at, clocks), new Hold(kind, reason, at));
        });
    }

    public Optional<Refusal> resume(Instant at, String actor, @Nullable String note, ClockMaker clocks) {
        return attempt(CaseVerb.RESUME, CasePolicies::none, () -> {
            Hold hold = Objects.requireNonNull(state.hold());
            record(new Resumed(hold.since(), hold.kind()), at, actor, note);
            state = CaseStates.held(state, CaseClocks.resumed(state.clocks(), hold, at, clocks), null);
        });
    }

    /** A recorded step inside a stage: case conference, adverse-findings comment, mediation offer (F-6). */
    public Optional<Refusal> recordStep(String stepId, String note, Instant at, String actor) {
        return attempt(CaseVerb.STEPS, () -> CasePolicies.step(pack, state, stepId, note), () -> {
            StepRule rule = pack.steps().stream().filter(s -> s.id().equals(stepId)).findFirst().orElseThrow();
            List<StepRecord> steps = new ArrayList<>(state.steps());
            steps.add(new StepRecord(stepId, rule.kind().name(), state.stage(), at, actor, note));
            record(new StepRecorded(stepId, rule.kind().name(), state.stage()), at, actor, note);
            state = CaseStates.with(state, b -> b.steps = steps);
        });
    }

    /** A step of mediation (F-6): offered, accepted or declined, held, its outcome; the rules are {@link Mediation}'s. */
    public Optional<Refusal> recordMediation(Mediation.Step step, @Nullable String mediator, LocalDate on, Mediation.@Nullable Result result,
                                             @Nullable String notes, Instant at, String actor) {
        return attempt(CaseVerb.MEDIATION, () -> Mediation.refused(state, step, mediator, on, result, at), () -> {
            List<StepRecord> steps = new ArrayList<>(state.steps());
            steps.add(Mediation.stepRecord(Mediation.rule(pack, state.stage()).orElseThrow().id(), state.stage(), step, mediator, on, at, actor));
            record(Mediation.fact(state.stage(), step, mediator, on, result), at, actor, notes);
            state = CaseStates.with(state, b -> b.steps = steps);
        });
    }

    public Optional<Refusal> respond(List<PointDecision> decisions, String summary, List<Action> actions,
                                     Instant at, String actor, ClockMaker clocks) {
        boolean staged = pack.recordType(state.recordType()).map(t -> t.handling() == Handling.STAGED).orElse(false);
        List<Point> points = staged ? CaseStates.decided(state, decisions) : state.points();
        return attempt(CaseVerb.RESPOND, () -> CasePolicies.response(pack, state, decisions, points, summary)
                .or(() -> CaseContact.beforeResponse(pack, state)), () -> {
            if (currentStage().map(StageRecord::acknowledgedAt).isEmpty()) {
                acknowledged(at, actor, "acknowledged by the response", null, clocks);
            }
            boolean finalResponse = state.stage() == 0 || state.stage() == pack.finalStage();
            record(new StageResponded(state.stage(), finalResponse, points.stream().filter(p -> p.outcome() != null)
                    .map(p -> new PointOutcome(p.number(), p.outcome())).toList(), actions.size(), ombudsman()), at, actor, summary);
            List<Action> allActions = new ArrayList<>(state.actions());
            allActions.addAll(actions);
            EscalationWindow window = CaseClocks.escalationWindow(pack, state.stage(), at, clocks);
            state = CaseStates.with(state, b -> {
                b.points = points;
                b.actions = allActions;
                b.status = CaseStatus.RESPONDED;
                b.escalationWindow = window;
            });
            updateStage(s -> s.withResponse(at, summary));
            fire(Milestone.RESPONDED, at, clocks);
        });
    }

    /** DISP 1.5 (issue 23, R-5): resolved inside the pack's option window, the case closes by a Summary Resolution Communication. */
    public Optional<Refusal> resolveSummarily(String summary, boolean timeLimitsWaived, Instant at, String actor, ClockMaker clocks) {
        return attempt(CaseVerb.SUMMARY_RESOLUTION, () -> SummaryResolution.refused(state, summary, at), () -> {
            record(SummaryResolution.fact(state, timeLimitsWaived), at, actor, summary);
            updateStage(s -> s.withResponse(at, summary));
            fire(Milestone.RESPONDED, at, clocks);
            ended(CaseStatus.CLOSED, at);
        });
    }

    /**
     * The complainant asks for the next stage, or the stage named by id or number (H-10: step 1 straight to the review; null:
     * the next). Outside the pack's window it is refused, naming the rule, unless staff accept it late with a reason.
     */
    public Optional<Refusal> requestEscalation(@Nullable String toStage, Instant requestedAt, Instant loggedAt, @Nullable String unresolved,
                                               @Nullable String outcomeWanted, @Nullable String lateAcceptedBecause,
                                               String actor, ClockMaker clocks) {
        return attempt(CaseVerb.ESCALATION_REQUEST, () -> CasePolicies.escalationTarget(pack, state, toStage)
                .or(() -> CasePolicies.escalationRequest(state, requestedAt, lateAcceptedBecause)), () -> {
            boolean late = CasePolicies.lateEscalation(state, requestedAt);
            Stage stage = CasePolicies.targetStage(pack, state, toStage).orElseThrow();
            record(new EscalationRequested(stage.number(), requestedAt, !late, late ? lateAcceptedBecause : null, unresolved,
                    outcomeWanted), loggedAt, actor, unresolved);
            List<StageRecord> stages = new ArrayList<>(state.stages());
            stages.add(new StageRecord(stage.number(), stage.name(), null, unresolved, outcomeWanted, requestedAt, loggedAt,
                    null, null, null, null, false));
            state = CaseStates.with(state, b -> {
                b.stages = stages;
                b.stage = stage.number();
                b.status = CaseStatus.OPEN;
                b.closedAt = null;
            });
            fire(Milestone.RECEIVED, requestedAt, clocks);
            fire(Milestone.LOGGED, loggedAt, clocks);
        });
    }

    /** Accepting an escalation is acknowledging the new stage (Code 6.11). */
    public Optional<Refusal> acceptEscalation(Instant at, String actor, ClockMaker clocks) {
        return attempt(CaseVerb.ACCEPT_ESCALATION, CasePolicies::none, () -> acknowledged(at, actor, null, "escalation accepted", clocks));
    }

    /** Refuses an escalation request with reasons (T-3, T-8, H-5); the complainant is given the ombudsman's details. */
    /** The same, with the date the refusal will be reviewed, which the pack may require (H-5). */
    public Optional<Refusal> refuseEscalation(String ground, String reasons, @Nullable LocalDate reviewDate, Instant at, String actor) {
        return attempt(CaseVerb.REFUSE_ESCALATION, () -> CasePolicies.escalationRefusal(entry(), ground, reasons)
                .or(() -> CaseDecisions.reviewDate(entry(), reviewDate, at)), () -> {
            record(new EscalationRefused(state.stage(), ground, entry().refusalMustInclude(), ombudsman(), reviewDate), at, actor, reasons);
            updateStage(StageRecord::withEscalationRefused);
            ended(CaseStatus.CLOSED, at);
        });
    }

    private PolicyPack.Escalation entry() {
        return Objects.requireNonNull(pack.stage(state.stage()).orElseThrow().entry());
    }

    public Optional<Refusal> close(@Nullable Satisfaction satisfaction, @Nullable String note, Instant at, String actor, ClockMaker clocks) {
        return attempt(CaseVerb.CLOSE, () -> CasePolicies.closing(pack, state, satisfaction), () -> {
            record(new Closed(state.stage(), satisfaction == null ? null : satisfaction.withHandling(),
                    satisfaction == null ? null : satisfaction.withOutcome(), state.actions().size()), at, actor, note);
            fire(Milestone.CLOSED, at, clocks);
            ended(CaseStatus.CLOSED, at);
            state = CaseStates.with(state, b -> b.satisfaction = satisfaction);
        });
    }

    public Optional<Refusal> reopen(String reason, Instant at, String actor, ClockMaker clocks) {
        return attempt(CaseVerb.REOPEN, () -> CasePolicies.reasonGiven(reason, "reason", "say why the case is reopened", null), () -> {
            record(new Reopened(state.stage()), at, actor, reason);
            // the stage's response clocks run again from the reopening, for their full time
            List<CaseClock> restarted = CaseClocks.restartResponseClocks(CaseClocks.rules(pack, state.recordType(), state.stage()),
                    state.stage(), state.clocks(), at, clocks);
            state = CaseStates.with(state, b -> {
                b.status = CaseStatus.OPEN;
                b.closedAt = null;
                b.clocks = restarted;
                b.escalationWindow = null;
            });
            updateStage(s -> s.withResponse(null, null));
        });
    }

    public Optional<Refusal> withdraw(String reason, Instant at, String actor) {
        return attempt(CaseVerb.WITHDRAW, CasePolicies::none, () -> {
            record(new Withdrawn(state.stage()), at, actor, reason);
            ended(CaseStatus.WITHDRAWN, at);
            state = CaseStates.with(state, b -> b.hold = null);
        });
    }

    /**
     * Declines a complaint at admission: too old (F-3), a repeat (F-11), vexatious (F-10, T-4), in legal proceedings,
     * or out of scope (S0-3, F-2), always with reasons and the ombudsman told of (T-3). Declines, naming where an out-of-scope matter goes instead when its exclusion offers a choice (S0-3); the decider
     * must hold the role the pack gives the decision to (F-10, T-4), and the decision records them.
     */
    public Optional<Refusal> decline(DeclineGround ground, @Nullable String exclusion, @Nullable String redirectTo, String reasons,
                                     Decider decider, Instant at, String actor) {
        return attempt(CaseVerb.DECLINE, () -> CasePolicies.declining(pack, ground, exclusion, reasons, decider)
                .or(() -> CaseDecisions.declineGroundAtThisPoint(pack, state, ground))
                .or(() -> CaseDecisions.redirection(pack, state, ground, exclusion, redirectTo)), () -> {
            record(new Declined(ground, exclusion, decider.member(), CasePolicies.declineCite(pack, ground, exclusion),
                    CaseDecisions.declineOmbudsman(pack, ground, exclusion, ombudsman()),
                    CaseDecisions.redirectedTo(pack, ground, exclusion, redirectTo)), at, actor, reasons);
            ended(CaseStatus.DECLINED, at);
        });
    }

    /** F-3: investigates a complaint made after the pack's time limit anyway, saying why; the actor is who decided. */
    public Optional<Refusal> investigateLate(String reason, Instant at, String actor) {
        return attempt(CaseVerb.INVESTIGATE_LATE, () -> CasePolicies.reasonGiven(reason, "reason",
                "say why this late complaint is investigated anyway", "F-3"), () -> CaseDecisions.lateWarning(pack, state)
                .map(w -> new InvestigatedAnyway(w.awareSince(), w.months(), w.cite())).ifPresent(f -> record(f, at, actor, reason)));
    }

    /**
     * A message that arrived about this case (an email reply threaded by its reference). It is recorded whatever
     * the case's status: nothing the complainant sends is lost, even after closure.
     */
    public Optional<Refusal> recordCorrespondence(String from, String subject, String excerpt, String messageId, Instant at, String actor) {
        record(new CorrespondenceReceived(from, subject, messageId), at, actor, excerpt);
        return Optional.empty();
    }

    /**
     * Corrects the complainant's contact details (rectification, UK GDPR Art. 16): the fields given replace the
     * recorded ones; the history names which fields changed and why, not the old or new values.
     */
    public Optional<Refusal> correctContactDetails(@Nullable String name, @Nullable String email, @Nullable String phone,
                                                   @Nullable String address, String reason, Instant at, String actor) {
        Optional<Refusal> refused = CasePolicies.correction(state, reason);
        if (refused.isPresent()) {
            return refused;
        }
        Complainant corrected = CaseStates.corrected(state.complainant(), name, email, phone, address);
        List<String> fields = CaseStates.changedFields(state.complainant(), corrected);
        if (fields.isEmpty()) {
            return Optional.of(Refusal.of("the details given are the ones already recorded: nothing to correct", null));
        }
        record(new ContactDetailsCorrected(fields), at, actor, reason);
        state = Anonymisation.withComplainant(state, corrected);
        return Optional.empty();
    }

    /**
     * Records the complainant's tenure (or that it is not known), which splits the regulator's measures CH01 and CH02
     * . It can be corrected whatever the case's status, since a case counts in the figures of the period it was
     * received in whatever became of it; only a social landlord's cases have one.
     */
    public Optional<Refusal> recordTenure(Tenure tenure, Instant at, String actor) {
        Tenure previous = state.complainant().tenure();
        return attempt(CaseVerb.TENURE, () -> CasePolicies.tenure(pack, tenure, "tenure").or(() -> CasePolicies.tenureChange(previous, tenure)), () -> {
            record(new TenureRecorded(tenure, previous), at, actor, null);
            state = Anonymisation.withComplainant(state, state.complainant().withTenure(tenure));
        });
    }

    /**
     * Replaces the personal data this case holds and keeps what the statistics are made of (dates, types,
     * outcomes, areas, stages, clocks), for retention or erasure. Refused on legal hold. The history's earlier
     * events are scrubbed by the store in the same transaction (the one exception to an append-only history).
     */
    public Optional<Refusal> anonymise(String basis, Instant at, String actor) {
        Optional<Refusal> refused = CasePolicies.anonymising(state);
        if (refused.isEmpty()) {
            record(new Anonymised(basis), at, actor, null);
            state = Anonymisation.of(state);
        }
        return refused;
    }

    /** Corrects the service line the case was logged on (F-8); to another procedure only before anything was sent ({@link ServiceLineCorrection}). */
    public Optional<Refusal> correctServiceLine(String line, String reason, Instant at, String actor, ClockMaker clocks) {
        return attempt(CaseVerb.SERVICE_LINE, () -> ServiceLineCorrection.refused(whole, state, line, reason), () -> {
            record(ServiceLineCorrection.fact(whole, state, line), at, actor, reason);
            pack = whole.forServiceLine(line);
            state = ServiceLineCorrection.corrected(whole, pack, state, line, clocks);
        });
    }

    /** Notes that this case was reclassified into a new linked case (a service request that became a complaint, Code 1.5). */
    void linkTo(String newReference, String newType, Instant at, String actor) {
        List<String> links = new ArrayList<>(state.linkedTo());
        links.add(newReference);
        record(new Reclassified(newReference, newType), at, actor, null);
        state = CaseStates.with(state, b -> b.linkedTo = links);
    }

    // ---- queries -----------------------------------------------------------------------------------------

    public CaseId id() { return id; }

    public String organisation() { return organisation; }

    public String reference() { return reference; }

    public PolicyPack pack() { return pack; }

    public CaseState state() { return state; }

    public long version() { return version; }

    List<CaseEvent> pendingEvents() { return List.copyOf(pending); }

    /** The earliest due instant of the clocks still running, for sorting work by the next deadline. */
    public Optional<Instant> nextDue() {
        return state.clocks().stream().filter(CaseClock::running).map(CaseClock::dueBy).min(Comparator.naturalOrder());
    }

    public Optional<StageRecord> currentStage() { return state.stages().stream().filter(s -> s.number() == state.stage()).findFirst(); }

    /** The verbs the pack and the state allow now, by their names, for the case page and API clients: exactly those {@link #refused} lets through. */
    public List<String> allowedActions() {
        return Arrays.stream(CaseVerb.values()).filter(verb -> refused(verb).isEmpty()).map(CaseVerb::id).toList();
    }

    /**
     * Why a verb cannot be used on this case now, whatever it is given: what the case is (a record with no stages, a
     * landlord's measure), its status against the transition table ({@link CaseVerb}), then the verb's own conditions.
     * Empty exactly when the verb is offered; every verb asks this before anything else.
     */
    Optional<Refusal> refused(CaseVerb verb) {
        return CasePolicies.kindRefused(verb, pack, state).or(() -> CasePolicies.statusRefused(verb, state.status()))
                .or(() -> CasePolicies.conditionRefused(verb, pack, state));
    }

    /** The verb if the table and then its policy allow it: the change runs only when nothing refuses it. */
    private Optional<Refusal> attempt(CaseVerb verb, Supplier<Optional<Refusal>> policy, Runnable change) {
        Optional<Refusal> refusal = refused(verb).or(policy);
        if (refusal.isEmpty()) {
            change.run();
        }
        return refusal;
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    /** A milestone of the current stage happened: stop the clocks it stops, start the clocks it starts. */
    private void fire(Milestone milestone, Instant at, ClockMaker clocks) {
        List<CaseClock> updated = CaseClocks.onMilestone(pack, state.recordType(), state.stage(), state.status() == CaseStatus.ON_HOLD,
                state.clocks(), milestone, at, clocks);
        state = CaseStates.with(state, b -> b.clocks = updated);
    }

    /** The case ends (closed, withdrawn, declined): its open clocks are cancelled. */
    private void ended(CaseStatus status, Instant at) {
        state = CaseStates.with(state, b -> {
            b.clocks = CaseClocks.cancelled(state.clocks(), at);
            b.status = status;
            b.closedAt = at;
        });
    }

    private @Nullable String ombudsman() {
        return CasePolicies.ombudsmanId(pack, state).orElse(null);
    }

    private void updateStage(java.util.function.UnaryOperator<StageRecord> change) {
        List<StageRecord> stages = state.stages().stream().map(s -> s.number() == state.stage() ? change.apply(s) : s).toList();
        state = CaseStates.with(state, b -> b.stages = stages);
    }

    private void record(CaseFact fact, Instant at, String actor, @Nullable String reason) {
        pending.add(CaseEvent.of(fact, at, actor, reason));
    }
}
