package org.redress.casework;

import org.jspecify.annotations.Nullable;
import org.redress.calendar.ClockUnit;
import org.redress.calendar.Deadline;
import org.redress.calendar.UkTime;
import org.redress.casework.CaseTypes.Action;
import org.redress.casework.CaseTypes.CaseId;
import org.redress.casework.CaseTypes.CaseStatus;
import org.redress.casework.CaseTypes.Channel;
import org.redress.casework.CaseTypes.Classification;
import org.redress.casework.CaseTypes.Complainant;
import org.redress.casework.CaseTypes.DeclineGround;
import org.redress.casework.CaseTypes.EscalationWindow;
import org.redress.casework.CaseTypes.EvidenceKind;
import org.redress.casework.CaseTypes.Extension;
import org.redress.casework.CaseTypes.Hold;
import org.redress.casework.CaseTypes.HoldKind;
import org.redress.casework.CaseTypes.NamedPerson;
import org.redress.casework.CaseTypes.Outcome;
import org.redress.casework.CaseTypes.Point;
import org.redress.casework.CaseTypes.Representative;
import org.redress.casework.CaseTypes.Satisfaction;
import org.redress.casework.CaseTypes.StageRecord;
import org.redress.casework.CaseTypes.StepRecord;
import org.redress.casework.CaseTypes.Tenure;
import org.redress.policy.PolicyPack;
import org.redress.policy.PolicyPack.ClockRule;
import org.redress.policy.PolicyPack.ExtensionRule;
import org.redress.policy.PolicyPack.Handling;
import org.redress.policy.PolicyPack.Milestone;
import org.redress.policy.PolicyPack.RecordType;
import org.redress.policy.PolicyPack.Stage;
import org.redress.policy.PolicyPack.StepKind;
import org.redress.policy.PolicyPack.StepRule;
import org.redress.web.Refusal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The case aggregate. Each verb checks the current state and the case's policy pack version, and either
 * refuses (returning the {@link Refusal}, changing nothing) or changes the case and records an event.
 * Clocks start and stop on the milestones of a stage, as the pack's clock rules say.
 */
public final class CaseFile {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", java.util.Locale.UK);

    private final CaseId id;
    private final String organisation;
    private final String reference;
    private final PolicyPack pack;
    private CaseState state;
    private final long version;
    private final List<CaseEvent> pending = new ArrayList<>();

    /** Everything a case holds, as stored. Replaced whole by each verb, never edited in place. */
    public record CaseState(String recordType, CaseStatus status, int stage, Channel channel, Instant receivedAt,
                            Complainant complainant, @Nullable Representative representative, List<NamedPerson> namedPeople,
                            Classification classification, String description, @Nullable LocalDate awareSince,
                            List<Point> points, List<StageRecord> stages, List<CaseClock> clocks, List<Action> actions,
                            List<Evidence> evidence, List<StepRecord> steps, @Nullable Hold hold,
                            @Nullable EscalationWindow escalationWindow, @Nullable Satisfaction satisfaction,
                            @Nullable Instant closedAt, @Nullable String linkedFrom, List<String> linkedTo) {

        public CaseState {
            namedPeople = List.copyOf(namedPeople);
            points = List.copyOf(points);
            stages = List.copyOf(stages);
            clocks = List.copyOf(clocks);
            actions = List.copyOf(actions);
            evidence = List.copyOf(evidence);
            steps = List.copyOf(steps);
            linkedTo = List.copyOf(linkedTo);
        }
    }

    /** Evidence gathered in an investigation (S0-6). */
    public record Evidence(EvidenceKind kind, LocalDate date, String who, String notes, Instant recordedAt, String recordedBy) {
    }

    /** What a new case is logged with. */
    public record NewCase(String recordType, Channel channel, @Nullable Instant receivedAt, Complainant complainant,
                          @Nullable Representative representative, List<NamedPerson> namedPeople,
                          Classification classification, String description, @Nullable String outcomeWanted,
                          @Nullable String understanding, @Nullable LocalDate awareSince, List<String> points,
                          @Nullable String linkedFrom) {
    }

    /** A point's decision in a response. */
    public record PointDecision(int number, Outcome outcome, String reasons) {
    }

    private CaseFile(CaseId id, String organisation, String reference, PolicyPack pack, CaseState state, long version) {
        this.id = id;
        this.organisation = organisation;
        this.reference = reference;
        this.pack = pack;
        this.state = state;
        this.version = version;
    }

    /** This newly logged case under its reference, with the events that logged it (see {@code Casework.create}). */
    CaseFile numbered(String reference) {
        CaseFile numbered = new CaseFile(id, organisation, reference, pack, state, version);
        numbered.pending.addAll(pending);
        return numbered;
    }

    /** A case as stored, under the pack version it started with. */
    static CaseFile restore(CaseId id, String organisation, String reference, PolicyPack pack, CaseState state, long version) {
        return new CaseFile(id, organisation, reference, pack, state, version);
    }

    /** The result of logging: the case, or why it could not be logged. */
    public record Logged(@Nullable CaseFile caseFile, @Nullable Refusal refusal) {
    }

    /**
     * Logs a new contact: stage 1 (or the record type's own clocks) starts with its receipt and its logging.
     */
    static Logged log(CaseId id, String organisation, String reference, PolicyPack pack, NewCase given,
                      Instant loggedAt, String actor, ClockMaker clocks) {
        NewCase request = given.receivedAt() != null ? given : new NewCase(given.recordType(), given.channel(), loggedAt,
                given.complainant(), given.representative(), given.namedPeople(), given.classification(), given.description(),
                given.outcomeWanted(), given.understanding(), given.awareSince(), given.points(), given.linkedFrom());
        Optional<RecordType> type = pack.recordType(request.recordType());
        if (type.isEmpty()) {
            return new Logged(null, Refusal.onField("recordType", "must be one of " + pack.recordTypes().stream()
                    .map(RecordType::id).toList() + " under the " + pack.id() + " policy", null));
        }
        String serviceLine = request.classification().serviceLine();
        if (serviceLine != null && pack.serviceLine(serviceLine).isEmpty()) {
            return new Logged(null, Refusal.onField("serviceLine", "must be one of " + pack.serviceLines().stream()
                    .map(PolicyPack.ServiceLine::id).toList(), "F-8"));
        }
        if (request.receivedAt().isAfter(loggedAt.plusSeconds(300))) {
            return new Logged(null, Refusal.onField("receivedAt", "cannot be in the future", null));
        }
        Optional<Refusal> tenure = tenureRefused(pack, request.complainant().tenure(), "complainant.tenure");
        if (tenure.isPresent()) {
            return new Logged(null, tenure.get());
        }
        boolean staged = type.get().handling() == Handling.STAGED && !pack.stages().isEmpty();
        List<Point> points = new ArrayList<>();
        for (String summary : request.points()) {
            points.add(new Point(points.size() + 1, summary, null, null, 0));
        }
        List<StageRecord> stages = new ArrayList<>();
        if (staged) {
            Stage first = pack.stages().get(0);
            stages.add(new StageRecord(first.number(), first.name(), null, request.understanding(), request.outcomeWanted(),
                    request.receivedAt(), loggedAt, null, null, null, null, false));
        } else {
            // a contact handled outside the stages still has one record of its receipt, acknowledgement and response
            stages.add(new StageRecord(0, type.get().name(), null, request.understanding(), request.outcomeWanted(),
                    request.receivedAt(), loggedAt, null, null, null, null, false));
        }
        CaseState state = new CaseState(type.get().id(), CaseStatus.OPEN, staged ? pack.stages().get(0).number() : 0,
                request.channel(), request.receivedAt(), request.complainant(), request.representative(), request.namedPeople(),
                request.classification(), request.description(), request.awareSince(), points, stages, List.of(), List.of(),
                List.of(), List.of(), null, null, null, null, request.linkedFrom(), List.of());
        CaseFile file = new CaseFile(id, organisation, reference, pack, state, 0);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("recordType", type.get().id());
        details.put("channel", request.channel().name());
        details.put("receivedAt", request.receivedAt().toString());
        details.put("packVersion", pack.id() + " v" + pack.version());
        if (request.complainant().tenure() != Tenure.UNKNOWN) {
            details.put("tenure", request.complainant().tenure().name());
        }
        if (request.linkedFrom() != null) {
            details.put("linkedFrom", request.linkedFrom());
        }
        file.record("logged", loggedAt, actor, null, details);
        file.fire(Milestone.RECEIVED, request.receivedAt(), clocks);
        file.fire(Milestone.LOGGED, loggedAt, clocks);
        return new Logged(file, null);
    }

    // ---- verbs -------------------------------------------------------------------------------------------

    public Optional<Refusal> acknowledge(Instant at, String actor, @Nullable String method, ClockMaker clocks) {
        Optional<Refusal> refused = refused(CaseVerb.ACKNOWLEDGE);
        if (refused.isPresent()) {
            return refused;
        }
        record("acknowledged", at, actor, null, method == null ? Map.of("stage", state.stage) : Map.of("stage", state.stage, "method", method));
        updateStage(s -> s.withAcknowledged(at));
        fire(Milestone.ACKNOWLEDGED, at, clocks);
        return Optional.empty();
    }

    /** Contact made with the complainant, e.g. a support service request's first contact (T-5). */
    public Optional<Refusal> recordContact(Instant at, String actor, String note, ClockMaker clocks) {
        Optional<Refusal> refused = refused(CaseVerb.CONTACT);
        if (refused.isPresent()) {
            return refused;
        }
        record("contacted", at, actor, note, Map.of("stage", state.stage));
        updateStage(s -> s.withContacted(at));
        fire(Milestone.CONTACTED, at, clocks);
        return Optional.empty();
    }

    public Optional<Refusal> assign(String owner, Instant at, String actor) {
        Optional<Refusal> refused = refused(CaseVerb.ASSIGN);
        if (refused.isPresent()) {
            return refused;
        }
        if (state.stage >= 1) {
            Stage stage = pack.stage(state.stage).orElseThrow();
            if (stage.differentHandler() && state.stage > 1) {
                String previousOwner = state.stages.stream().filter(s -> s.number() == state.stage - 1)
                        .map(StageRecord::owner).filter(Objects::nonNull).findFirst().orElse(null);
                if (owner.equals(previousOwner)) {
                    return Optional.of(Refusal.onField("owner", "the %s handler must not be the person who handled %s (%s)"
                            .formatted(stage.name(), pack.stage(state.stage - 1).map(Stage::name).orElse("the previous stage"),
                                    owner), citeOr(stage.cite(), "Code 6.13")));
                }
            }
        }
        record("assigned", at, actor, null, Map.of("stage", state.stage, "owner", owner,
                "role", state.stage >= 1 ? pack.stage(state.stage).orElseThrow().owner() : ""));
        updateStage(s -> s.withOwner(owner));
        return Optional.empty();
    }

    public Optional<Refusal> addPoint(String summary, Instant at, String actor) {
        Optional<Refusal> refused = refused(CaseVerb.POINTS);
        if (refused.isPresent()) {
            return refused;
        }
        List<Point> points = new ArrayList<>(state.points);
        points.add(new Point(points.size() + 1, summary, null, null, 0));
        record("point-added", at, actor, null, Map.of("number", points.size(), "summary", summary));
        state = with(state, b -> b.points = points);
        return Optional.empty();
    }

    /** Records the organisation's understanding and the outcome wanted at the current stage (Code 5.6, A-6). */
    public Optional<Refusal> recordUnderstanding(@Nullable String understanding, @Nullable String outcomeWanted, Instant at, String actor) {
        Optional<Refusal> refused = refused(CaseVerb.UNDERSTANDING);
        if (refused.isPresent()) {
            return refused;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("stage", state.stage);
        if (understanding != null) details.put("understanding", understanding);
        if (outcomeWanted != null) details.put("outcomeWanted", outcomeWanted);
        record("understanding-recorded", at, actor, null, details);
        updateStage(s -> s.withUnderstanding(understanding, outcomeWanted));
        return Optional.empty();
    }

    public Optional<Refusal> recordEvidence(EvidenceKind kind, LocalDate date, String who, String notes, Instant at, String actor) {
        Optional<Refusal> refused = refused(CaseVerb.EVIDENCE);
        if (refused.isPresent()) {
            return refused;
        }
        List<Evidence> evidence = new ArrayList<>(state.evidence);
        evidence.add(new Evidence(kind, date, who, notes, at, actor));
        record("evidence-recorded", at, actor, null, Map.of("kind", kind.name(), "date", date.toString(), "who", who));
        state = with(state, b -> b.evidence = evidence);
        return Optional.empty();
    }

    public Optional<Refusal> extend(String clockId, int amount, String reason, boolean complainantAgreed,
                                    Instant at, String actor, ClockMaker clocks) {
        Optional<Refusal> refused = refused(CaseVerb.EXTEND);
        if (refused.isPresent()) {
            return refused;
        }
        Optional<CaseClock> found = state.clocks.stream().filter(c -> c.id().equals(clockId) && c.open()).findFirst();
        if (found.isEmpty()) {
            return Optional.of(Refusal.onField("clock", "no running clock '" + clockId + "' on this case; running: "
                    + state.clocks.stream().filter(CaseClock::open).map(CaseClock::id).toList(), null));
        }
        CaseClock clock = found.get();
        List<ExtensionRule> rules = ruleFor(clock).map(ClockRule::extensions).orElse(List.of());
        if (rules.isEmpty()) {
            return Optional.of(Refusal.onField("clock", "the " + clock.name() + " clock cannot be extended under this policy", clock.cite()));
        }
        ExtensionRule rule = applicableRule(rules, clock.extensions().size());
        if (rule == null) {
            return Optional.of(Refusal.of("the " + clock.name() + " clock has had every extension the policy allows ("
                    + clock.extensions().size() + ")", rules.get(rules.size() - 1).cite()));
        }
        if (amount <= 0) {
            return Optional.of(Refusal.onField("amount", "must be at least 1", null));
        }
        if (rule.upTo() != null && amount > rule.upTo()) {
            return Optional.of(Refusal.onField("amount", "an extension of the %s clock may add at most %s, not %d"
                    .formatted(clock.name(), rule.unit().describe(rule.upTo()), amount), rule.cite()));
        }
        if (rule.needsAgreement() && !complainantAgreed) {
            return Optional.of(Refusal.onField("complainantAgreed", "the complainant must agree to this extension"
                    + (rule.condition() == null ? "" : " (" + rule.condition() + ")"), rule.cite()));
        }
        if (rule.needsReason() && reason.isBlank()) {
            return Optional.of(Refusal.onField("reason", "an extension must give the reason for the delay", rule.cite()));
        }
        Instant from = clock.unit() == ClockUnit.CLOCK_HOURS || rule.unit() == ClockUnit.CLOCK_HOURS
                ? clock.dueBy() : clock.dueDate().atTime(LocalTime.NOON).atZone(UkTime.ZONE).toInstant();
        Deadline extended = clocks.deadline(from, rule.unit(), amount);
        Instant dueBy = rule.unit() == ClockUnit.CLOCK_HOURS ? extended.dueBy() : UkTime.endOf(extended.dueDate());
        Extension extension = new Extension(amount, rule.unit(), reason, complainantAgreed, at, actor, rule.cite());
        String explanation = clock.explanation() + " Extended on %s by %s (%s%s): %s".formatted(DAY.format(UkTime.dateOf(at)),
                rule.unit().describe(amount), reason, complainantAgreed ? ", agreed with the complainant" : "",
                extended.explanation().replaceFirst("^Due by", "now due by"));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("clock", clock.id());
        details.put("stage", clock.stage());
        details.put("amount", amount);
        details.put("unit", rule.unit().name());
        details.put("previousDue", clock.dueDate().toString());
        details.put("newDue", extended.dueDate().toString());
        details.put("complainantAgreed", complainantAgreed);
        details.put("tellOmbudsman", rule.tellOmbudsman());
        ombudsmanId().ifPresent(o -> details.put("ombudsman", o));
        if (rule.cite() != null) details.put("cite", rule.cite());
        record("extended", at, actor, reason, details);
        replaceClock(clock, clock.rescheduled(dueBy, extended.dueDate(), explanation, clock.withExtension(extension)));
        return Optional.empty();
    }

    public Optional<Refusal> hold(HoldKind kind, String reason, Instant at, String actor, ClockMaker clocks) {
        Optional<Refusal> refused = refused(CaseVerb.HOLD);
        if (refused.isPresent()) {
            return refused;
        }
        if (reason.isBlank()) {
            return Optional.of(Refusal.onField("reason", "a hold must say why the case is paused", "A-11"));
        }
        List<CaseClock> paused = new ArrayList<>();
        for (CaseClock clock : state.clocks) {
            paused.add(clock.running() ? clock.pause(at, remaining(clock, at, clocks)) : clock);
        }
        record("put-on-hold", at, actor, reason, Map.of("kind", kind.name()));
        state = with(state, b -> {
            b.clocks = paused;
            b.hold = new Hold(kind, reason, at);
            b.status = CaseStatus.ON_HOLD;
        });
        return Optional.empty();
    }

    public Optional<Refusal> resume(Instant at, String actor, @Nullable String note, ClockMaker clocks) {
        Optional<Refusal> refused = refused(CaseVerb.RESUME);
        if (refused.isPresent()) {
            return refused;
        }
        Hold hold = Objects.requireNonNull(state.hold);
        List<CaseClock> resumed = new ArrayList<>();
        for (CaseClock clock : state.clocks) {
            if (clock.pausedAt() == null || clock.remainingWhenPaused() == null) {
                resumed.add(clock);
                continue;
            }
            long left = clock.remainingWhenPaused();
            Instant dueBy;
            LocalDate dueDate;
            String leftText;
            if (clock.unit() == ClockUnit.CLOCK_HOURS) {
                dueBy = at.plusSeconds(left);
                dueDate = UkTime.dateOf(dueBy);
                leftText = Duration.ofSeconds(left).toHours() + " hours " + Duration.ofSeconds(left).toMinutesPart() + " minutes";
            } else {
                ClockUnit unit = clock.unit() == ClockUnit.WORKING_DAYS ? ClockUnit.WORKING_DAYS : ClockUnit.CALENDAR_DAYS;
                Deadline d = clocks.deadline(at, unit, (int) left);
                dueBy = d.dueBy();
                dueDate = d.dueDate();
                leftText = unit.describe((int) left);
            }
            String explanation = clock.explanation() + " Paused from %s to %s (%s); %s left, now due by the end of %s."
                    .formatted(DAY.format(UkTime.dateOf(clock.pausedAt())), DAY.format(UkTime.dateOf(at)), hold.reason(),
                            leftText, DAY.format(dueDate));
            if (clock.unit() == ClockUnit.CLOCK_HOURS) {
                explanation = explanation.replaceFirst("now due by the end of [^.]*\\.$", "now due by " + dueBy + ".");
            }
            resumed.add(clock.rescheduled(dueBy, dueDate, explanation, clock.extensions()));
        }
        record("resumed", at, actor, note, Map.of("heldSince", hold.since().toString(), "kind", hold.kind().name()));
        state = with(state, b -> {
            b.clocks = resumed;
            b.hold = null;
            b.status = CaseStatus.OPEN;
        });
        return Optional.empty();
    }

    /** A recorded step inside a stage: case conference, adverse-findings comment, mediation offer (F-6). */
    public Optional<Refusal> recordStep(String stepId, String note, Instant at, String actor) {
        Optional<Refusal> refused = refused(CaseVerb.STEPS);
        if (refused.isPresent()) {
            return refused;
        }
        Optional<StepRule> rule = pack.steps().stream().filter(s -> s.id().equals(stepId)).findFirst();
        if (rule.isEmpty()) {
            return Optional.of(Refusal.onField("step", "this policy has no step '" + stepId + "'; its steps are "
                    + pack.steps().stream().map(StepRule::id).toList(), null));
        }
        if (!rule.get().stages().isEmpty() && !rule.get().stages().contains(state.stage)) {
            return Optional.of(Refusal.onField("step", "the %s step belongs to stage %s, and the case is at stage %d"
                    .formatted(stepId, rule.get().stages(), state.stage), rule.get().cite()));
        }
        if (note.isBlank()) {
            return Optional.of(Refusal.onField("note", "say what was decided or said", rule.get().cite()));
        }
        List<StepRecord> steps = new ArrayList<>(state.steps);
        steps.add(new StepRecord(stepId, rule.get().kind().name(), state.stage, at, actor, note));
        record("step-recorded", at, actor, note, Map.of("step", stepId, "kind", rule.get().kind().name(), "stage", state.stage));
        state = with(state, b -> b.steps = steps);
        return Optional.empty();
    }

    public Optional<Refusal> respond(List<PointDecision> decisions, String summary, List<Action> actions,
                                     Instant at, String actor, ClockMaker clocks) {
        Optional<Refusal> refused = refused(CaseVerb.RESPOND);
        if (refused.isPresent()) {
            return refused;
        }
        RecordType type = pack.recordType(state.recordType).orElseThrow();
        if (summary.isBlank()) {
            return Optional.of(Refusal.onField("summary", "a response must explain how the concerns were resolved", "S0-8"));
        }
        List<Point> points = new ArrayList<>(state.points);
        if (type.handling() == Handling.STAGED) {
            for (StepRule step : pack.stepsIn(state.stage)) {
                if (step.beforeResponse() && state.steps.stream().noneMatch(s -> s.step().equals(step.id()) && s.stage() == state.stage)) {
                    return Optional.of(Refusal.of("the %s step must be recorded before the response at this stage"
                            .formatted(step.id()), step.cite()));
                }
            }
            if (points.isEmpty() && decisions.isEmpty()) {
                return Optional.of(Refusal.onField("points", "a response must give a decision and reasons for each point of complaint; add the points first", "Code 6.7"));
            }
            for (PointDecision decision : decisions) {
                if (decision.number() < 1 || decision.number() > points.size()) {
                    return Optional.of(Refusal.onField("points", "there is no point " + decision.number(), "Code 6.7"));
                }
                if (decision.reasons().isBlank()) {
                    return Optional.of(Refusal.onField("points", "point " + decision.number() + " needs the reasons for its decision", "Code 6.7"));
                }
                Point p = points.get(decision.number() - 1);
                points.set(decision.number() - 1, new Point(p.number(), p.summary(), decision.outcome(), decision.reasons(), state.stage));
            }
            List<Integer> undecided = points.stream().filter(p -> p.outcome() == null || p.decidedAtStage() != state.stage)
                    .map(Point::number).toList();
            if (!undecided.isEmpty()) {
                return Optional.of(Refusal.onField("points", "a response must decide every point; undecided: " + undecided, "Code 6.7"));
            }
        }
        if (currentStage().map(StageRecord::acknowledgedAt).isEmpty()) {
            record("acknowledged", at, actor, "acknowledged by the response", Map.of("stage", state.stage));
            updateStage(s -> s.withAcknowledged(at));
            fire(Milestone.ACKNOWLEDGED, at, clocks);
        }
        boolean finalStage = state.stage >= 1 && state.stage == pack.finalStage();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("stage", state.stage);
        details.put("final", finalStage || state.stage == 0);
        details.put("points", points.stream().filter(p -> p.outcome() != null).map(p -> p.number() + ": " + p.outcome()).toList());
        details.put("actions", actions.size());
        ombudsmanId().ifPresent(o -> details.put("ombudsman", o));
        record("responded", at, actor, summary, details);
        List<Action> allActions = new ArrayList<>(state.actions);
        allActions.addAll(actions);
        EscalationWindow window = null;
        Optional<Stage> next = pack.stage(state.stage + 1);
        if (state.stage >= 1 && next.isPresent() && next.get().entry() != null && next.get().entry().window() != null) {
            PolicyPack.Window w = next.get().entry().window();
            Deadline closes = clocks.deadline(at, w.unit(), w.amount());
            window = new EscalationWindow(state.stage, closes.dueBy(), closes.dueDate(),
                    "Escalation may be requested until the end of " + DAY.format(closes.dueDate()) + ": "
                            + closes.explanation().replaceFirst("^Due by the end of [^:]*: ", ""), next.get().entry().cite());
        }
        EscalationWindow finalWindow = window;
        state = with(state, b -> {
            b.points = points;
            b.actions = allActions;
            b.status = CaseStatus.RESPONDED;
            b.escalationWindow = finalWindow;
        });
        updateStage(s -> s.withResponse(at, summary));
        fire(Milestone.RESPONDED, at, clocks);
        return Optional.empty();
    }

    /**
     * The complainant asks for the next stage. Outside the pack's window it is refused, naming the rule,
     * unless staff accept it late with a reason (the Code leaves discretion).
     */
    public Optional<Refusal> requestEscalation(Instant requestedAt, Instant loggedAt, @Nullable String unresolved,
                                               @Nullable String outcomeWanted, @Nullable String lateAcceptedBecause,
                                               String actor, ClockMaker clocks) {
        Optional<Refusal> refused = refused(CaseVerb.ESCALATION_REQUEST);
        if (refused.isPresent()) {
            return refused;
        }
        Optional<Stage> next = pack.stage(state.stage + 1);
        EscalationWindow window = state.escalationWindow;
        boolean late = window != null && requestedAt.isAfter(window.closesAt());
        if (late && (lateAcceptedBecause == null || lateAcceptedBecause.isBlank())) {
            return Optional.of(Refusal.onField("requestedAt", "escalation window closed on " + window.closesOn(), window.cite()));
        }
        Stage stage = next.orElseThrow();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("toStage", stage.number());
        details.put("requestedAt", requestedAt.toString());
        details.put("insideWindow", !late);
        if (late) details.put("lateAcceptedBecause", lateAcceptedBecause);
        if (unresolved != null) details.put("unresolved", unresolved);
        if (outcomeWanted != null) details.put("outcomeWanted", outcomeWanted);
        record("escalation-requested", loggedAt, actor, unresolved, details);
        List<StageRecord> stages = new ArrayList<>(state.stages);
        stages.add(new StageRecord(stage.number(), stage.name(), null, unresolved, outcomeWanted, requestedAt, loggedAt,
                null, null, null, null, false));
        state = with(state, b -> {
            b.stages = stages;
            b.stage = stage.number();
            b.status = CaseStatus.OPEN;
            b.closedAt = null;
        });
        fire(Milestone.RECEIVED, requestedAt, clocks);
        fire(Milestone.LOGGED, loggedAt, clocks);
        return Optional.empty();
    }

    /** Accepting an escalation is acknowledging the new stage (Code 6.11). */
    public Optional<Refusal> acceptEscalation(Instant at, String actor, ClockMaker clocks) {
        Optional<Refusal> refused = refused(CaseVerb.ACCEPT_ESCALATION);
        if (refused.isPresent()) {
            return refused;
        }
        return acknowledge(at, actor, "escalation accepted", clocks);
    }

    /** Refuses an escalation request with reasons (T-3, T-8, H-5); the complainant is given the ombudsman's details. */
    public Optional<Refusal> refuseEscalation(String ground, String reasons, Instant at, String actor) {
        Optional<Refusal> refused = refused(CaseVerb.REFUSE_ESCALATION);
        if (refused.isPresent()) {
            return refused;
        }
        PolicyPack.Escalation entry = Objects.requireNonNull(pack.stage(state.stage).orElseThrow().entry());
        if (!entry.refusalGrounds().contains(ground)) {
            return Optional.of(Refusal.onField("ground", "must be one of " + entry.refusalGrounds(), entry.cite()));
        }
        if (reasons.isBlank()) {
            return Optional.of(Refusal.onField("reasons", "a refusal must give the complainant its reasons", entry.cite()));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("stage", state.stage);
        details.put("ground", ground);
        details.put("mustInclude", entry.refusalMustInclude());
        ombudsmanId().ifPresent(o -> details.put("ombudsman", o));
        record("escalation-refused", at, actor, reasons, details);
        cancelOpenClocks(at);
        updateStage(StageRecord::withEscalationRefused);
        state = with(state, b -> {
            b.status = CaseStatus.CLOSED;
            b.closedAt = at;
        });
        return Optional.empty();
    }

    public Optional<Refusal> close(@Nullable Satisfaction satisfaction, @Nullable String note, Instant at, String actor, ClockMaker clocks) {
        Optional<Refusal> refused = refused(CaseVerb.CLOSE);
        if (refused.isPresent()) {
            return refused;
        }
        RecordType type = pack.recordType(state.recordType).orElseThrow();
        boolean recordOnly = type.handling() == Handling.RECORDED;
        Optional<StepRule> survey = pack.steps().stream().filter(s -> s.kind() == StepKind.SATISFACTION_QUESTION).findFirst();
        if (survey.isPresent() && !recordOnly && satisfaction == null) {
            return Optional.of(Refusal.onField("satisfaction", "ask the complainant how satisfied they are with the handling "
                    + "and the outcome before closing (record their answers, or that they declined)", survey.get().cite()));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("stage", state.stage);
        if (satisfaction != null) {
            if (satisfaction.withHandling() != null) details.put("satisfiedWithHandling", satisfaction.withHandling());
            if (satisfaction.withOutcome() != null) details.put("satisfiedWithOutcome", satisfaction.withOutcome());
        }
        details.put("openActions", state.actions.size());
        record("closed", at, actor, note, details);
        fire(Milestone.CLOSED, at, clocks);
        cancelOpenClocks(at);
        state = with(state, b -> {
            b.status = CaseStatus.CLOSED;
            b.closedAt = at;
            b.satisfaction = satisfaction;
        });
        return Optional.empty();
    }

    public Optional<Refusal> reopen(String reason, Instant at, String actor, ClockMaker clocks) {
        Optional<Refusal> refused = refused(CaseVerb.REOPEN);
        if (refused.isPresent()) {
            return refused;
        }
        if (reason.isBlank()) {
            return Optional.of(Refusal.onField("reason", "say why the case is reopened", null));
        }
        record("reopened", at, actor, reason, Map.of("stage", state.stage));
        // the stage's response clocks run again from the reopening, for their full time
        List<ClockRule> responseRules = rules(state.stage).stream().filter(r -> r.stops() == Milestone.RESPONDED).toList();
        List<CaseClock> clocks1 = new ArrayList<>(state.clocks);
        for (ClockRule rule : responseRules) {
            clocks1.removeIf(c -> c.id().equals(rule.id()) && c.stage() == state.stage);
            clocks1.add(start(rule, state.stage, at, clocks));
        }
        state = with(state, b -> {
            b.status = CaseStatus.OPEN;
            b.closedAt = null;
            b.clocks = clocks1;
            b.escalationWindow = null;
        });
        updateStage(s -> s.withResponse(null, null));
        return Optional.empty();
    }

    public Optional<Refusal> withdraw(String reason, Instant at, String actor) {
        Optional<Refusal> refused = refused(CaseVerb.WITHDRAW);
        if (refused.isPresent()) {
            return refused;
        }
        record("withdrawn", at, actor, reason, Map.of("stage", state.stage));
        cancelOpenClocks(at);
        state = with(state, b -> {
            b.status = CaseStatus.WITHDRAWN;
            b.closedAt = at;
            b.hold = null;
        });
        return Optional.empty();
    }

    /**
     * Declines a complaint at admission: too old (F-3), a repeat (F-11), vexatious (F-10, T-4), in legal proceedings,
     * or out of scope (S0-3, F-2). Always a recorded decision with reasons; the complainant is told of the ombudsman (T-3).
     */
    public Optional<Refusal> decline(DeclineGround ground, @Nullable String exclusion, String reasons, @Nullable String decidedBy,
                                     Instant at, String actor) {
        Optional<Refusal> refused = refused(CaseVerb.DECLINE);
        if (refused.isPresent()) {
            return refused;
        }
        if (reasons.isBlank()) {
            return Optional.of(Refusal.onField("reasons", "a decision not to consider a complaint must give its reasons", "T-3"));
        }
        String cite;
        if (ground == DeclineGround.OUT_OF_SCOPE) {
            Optional<PolicyPack.Exclusion> excluded = pack.exclusions().stream().filter(e -> e.id().equals(exclusion)).findFirst();
            if (excluded.isEmpty()) {
                return Optional.of(Refusal.onField("exclusion", "must be one of this policy's exclusions: "
                        + pack.exclusions().stream().map(PolicyPack.Exclusion::id).toList(), null));
            }
            cite = excluded.get().cite();
        } else {
            Optional<PolicyPack.AdmissionRule> rule = pack.admission().stream().filter(r -> r.kind().name().equals(ground.name())).findFirst();
            if (rule.isEmpty()) {
                return Optional.of(Refusal.onField("ground", "this policy has no " + ground.name().toLowerCase().replace('_', ' ')
                        + " rule; grounds it has: " + pack.admission().stream().map(r -> r.kind().name()).toList(), null));
            }
            if (rule.get().decidedBy() != null && !rule.get().decidedBy().equals(decidedBy)) {
                String role = pack.role(rule.get().decidedBy()).map(PolicyPack.Role::name).orElse(rule.get().decidedBy());
                return Optional.of(Refusal.onField("decidedBy", "this decision is for the " + role, rule.get().cite()));
            }
            cite = rule.get().cite();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("ground", ground.name());
        if (exclusion != null) details.put("exclusion", exclusion);
        if (decidedBy != null) details.put("decidedBy", decidedBy);
        if (cite != null) details.put("cite", cite);
        ombudsmanId().ifPresent(o -> details.put("ombudsman", o));
        record("declined", at, actor, reasons, details);
        cancelOpenClocks(at);
        state = with(state, b -> {
            b.status = CaseStatus.DECLINED;
            b.closedAt = at;
        });
        return Optional.empty();
    }

    /**
     * A message that arrived about this case (an email reply threaded by its reference). It is recorded whatever
     * the case's status: nothing the complainant sends is lost, even after closure.
     */
    public Optional<Refusal> recordCorrespondence(String from, String subject, String excerpt, String messageId, Instant at, String actor) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("from", from);
        details.put("subject", subject);
        details.put("messageId", messageId);
        record("correspondence-received", at, actor, excerpt, details);
        return Optional.empty();
    }

    /**
     * Corrects the complainant's contact details (rectification, UK GDPR Art. 16): the fields given replace the
     * recorded ones; the history names which fields changed and why, not the old or new values.
     */
    public Optional<Refusal> correctContactDetails(@Nullable String name, @Nullable String email, @Nullable String phone,
                                                   @Nullable String address, String reason, Instant at, String actor) {
        if (Anonymisation.isAnonymised(state)) {
            return Optional.of(Refusal.of("the case was anonymised: it holds no contact details to correct", "UK GDPR Art. 16"));
        }
        if (reason.isBlank()) {
            return Optional.of(Refusal.onField("reason", "say why the details are corrected", "UK GDPR Art. 16"));
        }
        Complainant c = state.complainant();
        Complainant corrected = new Complainant(name != null ? name : c.name(), email != null ? email : c.email(),
                phone != null ? phone : c.phone(), address != null ? address : c.address(), c.preferredContact(),
                c.reasonableAdjustments(), c.formats(), c.tenure());
        List<String> fields = new ArrayList<>();
        if (!Objects.equals(corrected.name(), c.name())) fields.add("name");
        if (!Objects.equals(corrected.email(), c.email())) fields.add("email");
        if (!Objects.equals(corrected.phone(), c.phone())) fields.add("phone");
        if (!Objects.equals(corrected.address(), c.address())) fields.add("address");
        if (fields.isEmpty()) {
            return Optional.of(Refusal.of("the details given are the ones already recorded: nothing to correct", null));
        }
        record("contact-details-corrected", at, actor, reason, Map.of("fields", fields));
        state = Anonymisation.withComplainant(state, corrected);
        return Optional.empty();
    }

    /**
     * Records the complainant's tenure (or that it is not known), which splits the regulator's measures CH01 and CH02
     * . It can be corrected whatever the case's status, since a case counts in the figures of the period it was
     * received in whatever became of it; only a social landlord's cases have one.
     */
    public Optional<Refusal> recordTenure(Tenure tenure, Instant at, String actor) {
        Optional<Refusal> refused = refused(CaseVerb.TENURE).or(() -> tenureRefused(pack, tenure, "tenure"));
        if (refused.isPresent()) {
            return refused;
        }
        Tenure previous = state.complainant().tenure();
        if (tenure == previous) {
            return Optional.of(Refusal.onField("tenure", "the tenure recorded is already " + tenure.name() + ": nothing to change", "R-2"));
        }
        record("tenure-recorded", at, actor, null, Map.of("tenure", tenure.name(), "previous", previous.name()));
        state = Anonymisation.withComplainant(state, state.complainant().withTenure(tenure));
        return Optional.empty();
    }

    /** Tenure is a social landlord's measure (TSM): any other organisation's cases keep it unknown. */
    private static Optional<Refusal> tenureRefused(PolicyPack pack, Tenure tenure, String field) {
        if (tenure != Tenure.UNKNOWN && !pack.organisation().socialLandlord()) {
            return Optional.of(Refusal.onField(field, "only a social landlord's cases record a tenure (Tenant Satisfaction Measures); "
                    + "the " + pack.id() + " policy is not a social landlord's, so leave it out or send UNKNOWN", "R-2"));
        }
        return Optional.empty();
    }

    /**
     * Replaces the personal data this case holds and keeps what the statistics are made of (dates, types,
     * outcomes, areas, stages, clocks), for retention or erasure. Refused on legal hold. The history's earlier
     * events are scrubbed by the store in the same transaction (the one exception to an append-only history).
     */
    public Optional<Refusal> anonymise(String basis, Instant at, String actor) {
        if (state.hold() != null && state.hold().kind() == HoldKind.LEGAL) {
            return Optional.of(Refusal.of("the case is on legal hold: its data must be kept", "UK GDPR Art. 17(3)(e)"));
        }
        if (Anonymisation.isAnonymised(state)) {
            return Optional.of(Refusal.of("the case was anonymised already", null));
        }
        record("anonymised", at, actor, null, Map.of("basis", basis));
        state = Anonymisation.of(state);
        return Optional.empty();
    }

    /** Notes that this case was reclassified into a new linked case (a service request that became a complaint, Code 1.5). */
    void linkTo(String newReference, String newType, Instant at, String actor) {
        List<String> links = new ArrayList<>(state.linkedTo);
        links.add(newReference);
        record("reclassified", at, actor, null, Map.of("newCase", newReference, "as", newType));
        state = with(state, b -> b.linkedTo = links);
    }

    // ---- queries -----------------------------------------------------------------------------------------

    public CaseId id() {
        return id;
    }

    public String organisation() {
        return organisation;
    }

    public String reference() {
        return reference;
    }

    public PolicyPack pack() {
        return pack;
    }

    public CaseState state() {
        return state;
    }

    public long version() {
        return version;
    }

    List<CaseEvent> pendingEvents() {
        return List.copyOf(pending);
    }

    /** The earliest due instant of the clocks still running, for sorting work by the next deadline. */
    public Optional<Instant> nextDue() {
        return state.clocks.stream().filter(CaseClock::running).map(CaseClock::dueBy).min(Comparator.naturalOrder());
    }

    public Optional<StageRecord> currentStage() {
        return state.stages.stream().filter(s -> s.number() == state.stage).findFirst();
    }

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
        Optional<Refusal> kind = kindRefused(verb);
        if (kind.isPresent()) {
            return kind;
        }
        if (!verb.allowedIn(state.status)) {
            return refusal("cannot %s a case that is %s".formatted(verb.phrase(), describe(state.status)), null);
        }
        return conditionRefused(verb);
    }

    private Optional<Refusal> kindRefused(CaseVerb verb) {
        boolean acknowledged = currentStage().map(StageRecord::acknowledgedAt).isPresent();
        return switch (verb) {
            case UNDERSTANDING -> state.stage < 1 ? refusal("only a complaint in a stage has an understanding to record", "Code 5.6") : none();
            case ESCALATION_REQUEST -> state.stage < 1 ? refusal("a " + state.recordType + " has no stages to escalate through", null) : none();
            case ACCEPT_ESCALATION -> state.stage < 2 ? refusal("there is no escalation to accept: the case is at " + stageName(), null) : none();
            case REFUSE_ESCALATION -> state.stage < 2 || state.status != CaseStatus.OPEN || acknowledged
                    ? refusal("only an escalation request not yet accepted can be refused", null) : none();
            case TENURE -> pack.organisation().socialLandlord() ? none() : refusal("only a social landlord's cases record a tenure "
                    + "(Tenant Satisfaction Measures); the " + pack.id() + " policy is not a social landlord's", "R-2");
            case RECLASSIFY -> pack.recordType(state.recordType).map(t -> !t.becomes().isEmpty()).orElse(false) ? none()
                    : refusal("a " + state.recordType + " can become nothing else under this policy", "Code 1.5");
            default -> none();
        };
    }

    private Optional<Refusal> conditionRefused(CaseVerb verb) {
        boolean acknowledged = currentStage().map(StageRecord::acknowledgedAt).isPresent();
        return switch (verb) {
            case ACKNOWLEDGE, ACCEPT_ESCALATION -> acknowledged ? refusal("this " + stageName() + " is already acknowledged", null) : none();
            case STEPS -> state.stage >= 1 && !pack.stepsAt(state.stage).isEmpty() ? none()
                    : refusal("this policy has no step to record at " + stageName(), null);
            case ESCALATION_REQUEST -> {
                if (currentStage().map(StageRecord::escalationRefused).orElse(false)) {
                    yield refusal("escalation of this case was refused", null);
                }
                yield pack.stage(state.stage + 1).isPresent() ? none() : refusal("%s is the final stage of this procedure; the complainant may go to %s"
                        .formatted(stageName(), ombudsmanName()), citeOr(pack.stage(state.stage).orElseThrow().cite(), null));
            }
            case REFUSE_ESCALATION -> {
                PolicyPack.Escalation entry = pack.stage(state.stage).orElseThrow().entry();
                yield entry != null && !entry.refusalGrounds().isEmpty() ? none() : refusal("this policy does not allow escalation to "
                        + stageName() + " to be refused; no reason is needed to escalate", "Code 6.12");
            }
            case CLOSE -> state.status == CaseStatus.OPEN
                    && pack.recordType(state.recordType).map(t -> t.handling() != Handling.RECORDED).orElse(true)
                    ? refusal("respond before closing: the case has had no response at " + stageName(), null) : none();
            case DECLINE -> state.stage > 1 || currentStage().map(StageRecord::respondedAt).isPresent()
                    ? refusal("a complaint can only be declined at admission, before any response", "Code 2.1") : none();
            default -> none();
        };
    }

    private static Optional<Refusal> refusal(String text, @Nullable String cite) {
        return Optional.of(Refusal.of(text, cite));
    }

    private static Optional<Refusal> none() {
        return Optional.empty();
    }

    // ---- clocks ------------------------------------------------------------------------------------------

    /** A milestone of the current stage happened: stop the clocks it stops, start the clocks it starts. */
    private void fire(Milestone milestone, Instant at, ClockMaker clocks) {
        List<CaseClock> updated = new ArrayList<>();
        for (CaseClock clock : state.clocks) {
            boolean ours = clock.stage() == state.stage || clock.stage() == 0;
            updated.add(ours && clock.open() && clock.stops() == milestone ? clock.stop(at) : clock);
        }
        for (int stage : state.stage == 0 ? List.of(0) : List.of(0, state.stage)) {
            for (ClockRule rule : rules(stage)) {
                boolean exists = updated.stream().anyMatch(c -> c.id().equals(rule.id()) && c.stage() == stage);
                if (rule.starts() == milestone && !exists) {
                    CaseClock started = start(rule, stage, at, clocks);
                    updated.add(state.status == CaseStatus.ON_HOLD ? started.pause(at, remaining(started, at, clocks)) : started);
                }
            }
        }
        state = with(state, b -> b.clocks = updated);
    }

    private CaseClock start(ClockRule rule, int stage, Instant at, ClockMaker clocks) {
        Deadline deadline = clocks.deadline(at, rule.unit(), rule.amount());
        String explanation = rule.name() + " (" + milestoneText(rule.starts()) + " to " + milestoneText(rule.stops())
                + (rule.cite() == null ? "" : ", " + rule.cite()) + "): " + deadline.explanation();
        return new CaseClock(rule.id(), stage, rule.name(), rule.starts(), rule.stops(), rule.unit(), rule.amount(), at,
                deadline.dueBy(), deadline.dueDate(), explanation, List.of(), null, null, null, false, rule.cite());
    }

    private List<ClockRule> rules(int stage) {
        if (stage == 0) {
            return pack.recordType(state.recordType).map(RecordType::clocks).orElse(List.of());
        }
        return pack.stage(stage).map(Stage::clocks).orElse(List.of());
    }

    private Optional<ClockRule> ruleFor(CaseClock clock) {
        return rules(clock.stage()).stream().filter(r -> r.id().equals(clock.id())).findFirst();
    }

    private static @Nullable ExtensionRule applicableRule(List<ExtensionRule> rules, int used) {
        int remaining = used;
        for (ExtensionRule rule : rules) {
            if (rule.maxTimes() == null) {
                return rule;
            }
            if (remaining < rule.maxTimes()) {
                return rule;
            }
            remaining -= rule.maxTimes();
        }
        return null;
    }

    private static long remaining(CaseClock clock, Instant at, ClockMaker clocks) {
        return switch (clock.unit()) {
            case CLOCK_HOURS -> Math.max(0, Duration.between(at, clock.dueBy()).getSeconds());
            case WORKING_DAYS -> Math.max(0, clocks.workingDaysBetween(UkTime.dateOf(at), clock.dueDate()));
            case CALENDAR_DAYS, WEEKS, CALENDAR_MONTHS -> Math.max(0, ChronoUnit.DAYS.between(UkTime.dateOf(at), clock.dueDate()));
        };
    }

    private void cancelOpenClocks(Instant at) {
        List<CaseClock> updated = state.clocks.stream().map(c -> c.open() ? c.cancel(at) : c).toList();
        state = with(state, b -> b.clocks = updated);
    }

    private void replaceClock(CaseClock old, CaseClock replacement) {
        List<CaseClock> updated = state.clocks.stream().map(c -> c == old ? replacement : c).toList();
        state = with(state, b -> b.clocks = updated);
    }

    private static String milestoneText(Milestone milestone) {
        return switch (milestone) {
            case RECEIVED -> "from receipt";
            case LOGGED -> "from logging";
            case ACKNOWLEDGED -> milestone == Milestone.ACKNOWLEDGED ? "acknowledgement" : "";
            case CONTACTED -> "contact";
            case RESPONDED -> "response";
            case CLOSED -> "closure";
        };
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    private static String describe(CaseStatus status) {
        return switch (status) {
            case OPEN -> "open";
            case ON_HOLD -> "on hold";
            case RESPONDED -> "responded to";
            case CLOSED -> "closed";
            case WITHDRAWN -> "withdrawn";
            case DECLINED -> "declined";
        };
    }

    private String stageName() {
        return state.stage == 0 ? state.recordType : pack.stage(state.stage).map(Stage::name).orElse("stage " + state.stage);
    }

    private Optional<String> ombudsmanId() {
        String line = state.classification.serviceLine();
        if (line != null) {
            return pack.serviceLine(line).map(PolicyPack.ServiceLine::ombudsman);
        }
        return pack.serviceLines().isEmpty() ? pack.ombudsmen().stream().findFirst().map(PolicyPack.OmbudsmanRoute::id)
                : Optional.of(pack.serviceLines().get(0).ombudsman());
    }

    private String ombudsmanName() {
        return ombudsmanId().flatMap(pack::ombudsman).map(PolicyPack.OmbudsmanRoute::name).orElse("the ombudsman");
    }

    private static @Nullable String citeOr(@Nullable String cite, @Nullable String fallback) {
        return cite != null ? cite : fallback;
    }

    private void updateStage(java.util.function.UnaryOperator<StageRecord> change) {
        List<StageRecord> stages = state.stages.stream().map(s -> s.number() == state.stage ? change.apply(s) : s).toList();
        state = with(state, b -> b.stages = stages);
    }

    private void record(String type, Instant at, String actor, @Nullable String reason, Map<String, Object> details) {
        pending.add(CaseEvent.of(type, at, actor, reason, details));
    }

    /** A mutable copy of the state's fields, so each verb can build the next state in one place. */
    private static final class Builder {
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

    private static CaseState with(CaseState s, java.util.function.Consumer<Builder> change) {
        Builder b = new Builder(s);
        change.accept(b);
        return new CaseState(b.recordType, b.status, b.stage, s.channel(), s.receivedAt(), s.complainant(), s.representative(),
                s.namedPeople(), s.classification(), s.description(), s.awareSince(), b.points, b.stages, b.clocks, b.actions,
                b.evidence, b.steps, b.hold, b.escalationWindow, b.satisfaction, b.closedAt, s.linkedFrom(), b.linkedTo);
    }
}
