package org.redress.casework;

import org.redress.web.Refusal;
import org.jspecify.annotations.Nullable;
import org.redress.casework.CaseTypes.CaseState;
import org.redress.casework.CaseTypes.NewCase;
import org.redress.casework.CaseTypes.PointDecision;
import org.redress.casework.CaseTypes.CaseStatus;
import org.redress.casework.CaseTypes.DeclineGround;
import org.redress.casework.CaseTypes.EscalationWindow;
import org.redress.casework.CaseTypes.HoldKind;
import org.redress.casework.CaseTypes.Point;
import org.redress.casework.CaseTypes.Satisfaction;
import org.redress.casework.CaseTypes.StageRecord;
import org.redress.casework.CaseTypes.Tenure;
import org.redress.policy.PolicyPack;
import org.redress.policy.PolicyPack.ClockRule;
import org.redress.policy.PolicyPack.ExtensionRule;
import org.redress.policy.PolicyPack.Handling;
import org.redress.policy.PolicyPack.RecordType;
import org.redress.policy.PolicyPack.Stage;
import org.redress.policy.PolicyPack.StepKind;
import org.redress.policy.PolicyPack.StepRule;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The rules each verb checks beyond the transition table, one small function per rule: each answers empty (allowed)
 * or the {@link Refusal} naming the rule, and changes nothing. {@link CaseFile} asks them before it records anything.
 */
final class CasePolicies {

    private CasePolicies() {
    }

    // ---- what the case is, and the verb's conditions (see CaseVerb) --------------------------------------------

    /** What the case is (a record with no stages, a landlord's measure) rules the verb out. */
    static Optional<Refusal> kindRefused(CaseVerb verb, PolicyPack pack, CaseState state) {
        boolean acknowledged = acknowledged(state);
        return switch (verb) {
            case UNDERSTANDING -> state.stage() < 1 ? refusal("only a complaint in a stage has an understanding to record", "Code 5.6") : none();
            case ESCALATION_REQUEST -> state.stage() < 1 ? refusal("a " + state.recordType() + " has no stages to escalate through", null) : none();
            case ACCEPT_ESCALATION -> state.stage() < 2 ? refusal("there is no escalation to accept: the case is at " + stageName(pack, state), null) : none();
            case REFUSE_ESCALATION -> state.stage() < 2 || state.status() != CaseStatus.OPEN || acknowledged
                    ? refusal("only an escalation request not yet accepted can be refused", null) : none();
            case TENURE -> pack.organisation().socialLandlord() ? none() : refusal("only a social landlord's cases record a tenure "
                    + "(Tenant Satisfaction Measures); the " + pack.id() + " policy is not a social landlord's", "R-2");
            case RECLASSIFY -> pack.recordType(state.recordType()).map(t -> !t.becomes().isEmpty()).orElse(false) ? none()
                    : refusal("a " + state.recordType() + " can become nothing else under this policy", "Code 1.5");
            case MEDIATION -> Mediation.notOffered(pack, state);
            case SUMMARY_RESOLUTION -> SummaryResolution.notOffered(pack, state);
            default -> none();
        };
    }

    /** The verb's own condition on the case as it stands (an acknowledgement not yet made, a next stage to go to). */
    static Optional<Refusal> conditionRefused(CaseVerb verb, PolicyPack pack, CaseState state) {
        String stageName = stageName(pack, state);
        return switch (verb) {
            case ACKNOWLEDGE, ACCEPT_ESCALATION -> acknowledged(state) ? refusal("this " + stageName + " is already acknowledged", null) : none();
            case STEPS -> state.stage() >= 1 && !pack.stepsAt(state.stage()).isEmpty() ? none()
                    : refusal("this policy has no step to record at " + stageName, null);
            case ESCALATION_REQUEST -> {
                if (currentStage(state).map(StageRecord::escalationRefused).orElse(false)) {
                    yield refusal("escalation of this case was refused", null);
                }
                yield !pack.stagesAfter(state.stage()).isEmpty() ? none() : refusal("%s is the final stage of this procedure; the complainant may go to %s"
                        .formatted(stageName, ombudsmanName(pack, state)), pack.stage(state.stage()).orElseThrow().cite());
            }
            case REFUSE_ESCALATION -> {
                PolicyPack.Escalation entry = pack.stage(state.stage()).orElseThrow().entry();
                yield entry != null && !entry.refusalGrounds().isEmpty() ? none() : refusal("this policy does not allow escalation to "
                        + stageName + " to be refused; no reason is needed to escalate", "Code 6.12");
            }
            case CLOSE -> state.status() == CaseStatus.OPEN
                    && pack.recordType(state.recordType()).map(t -> t.handling() != Handling.RECORDED).orElse(true)
                    ? refusal("respond before closing: the case has had no response at " + stageName, null) : none();
            case CONTACT_ARRANGEMENT -> CaseContact.offered(pack, state);
            case DECLINE -> CaseDecisions.declineAtThisPoint(pack, state);
            case INVESTIGATE_LATE -> CaseDecisions.lateInvestigationAtThisPoint(pack, state);
            case SERVICE_LINE -> ServiceLineCorrection.offered(pack, state);
            default -> none();
        };
    }

    /** "cannot respond to a case that is on hold": the status is not one the transition table allows the verb in. */
    static Optional<Refusal> statusRefused(CaseVerb verb, CaseStatus status) {
        return verb.allowedIn(status) ? none() : refusal("cannot %s a case that is %s".formatted(verb.phrase(), describe(status)), null);
    }

    // ---- each verb's own rules ---------------------------------------------------------------------------------

    /** A new contact needs a record type and service line of its pack, a receipt not in the future and a tenure it may have. */
    static Optional<Refusal> logging(PolicyPack pack, NewCase request, Instant loggedAt) {
        if (pack.recordType(request.recordType()).isEmpty()) {
            return Optional.of(Refusal.onField("recordType", "must be one of " + pack.recordTypes().stream()
                    .map(RecordType::id).toList() + " under the " + pack.id() + " policy", null));
        }
        String serviceLine = request.classification().serviceLine();
        if (serviceLine != null && pack.serviceLine(serviceLine).isEmpty()) {
            return Optional.of(Refusal.onField("serviceLine", "must be one of " + pack.serviceLines().stream()
                    .map(PolicyPack.ServiceLine::id).toList(), "F-8"));
        }
        if (Objects.requireNonNull(request.receivedAt()).isAfter(loggedAt.plusSeconds(300))) {
            return Optional.of(Refusal.onField("receivedAt", "cannot be in the future", null));
        }
        return tenure(pack, request.complainant().tenure(), "complainant.tenure");
    }

    /**
     * A category, where given, is one of the pack's complaint categories (H-1). Bad input, not a rule: the caller answers
     * 400 naming the field.
     */
    static Optional<Refusal> category(PolicyPack pack, NewCase request) {
        String category = request.classification().category();
        if (category == null || pack.category(category).isPresent()) {
            return none();
        }
        return Optional.of(Refusal.onField("category", pack.categories().isEmpty() ? "the " + pack.id() + " policy has no "
                + "complaint categories: leave it out" : "must be one of the " + pack.id() + " policy's complaint categories: "
                + pack.categories().stream().map(PolicyPack.ComplaintCategory::id).toList(), "H-1"));
    }

    /** Tenure is a social landlord's measure (TSM): any other organisation's cases keep it unknown. */
    static Optional<Refusal> tenure(PolicyPack pack, Tenure tenure, String field) {
        if (tenure != Tenure.UNKNOWN && !pack.organisation().socialLandlord()) {
            return Optional.of(Refusal.onField(field, "only a social landlord's cases record a tenure (Tenant Satisfaction Measures); "
                    + "the " + pack.id() + " policy is not a social landlord's, so leave it out or send UNKNOWN", "R-2"));
        }
        return none();
    }

    static Optional<Refusal> tenureChange(Tenure previous, Tenure tenure) {
        return tenure == previous ? Optional.of(Refusal.onField("tenure", "the tenure recorded is already " + tenure.name()
                + ": nothing to change", "R-2")) : none();
    }

    /** Code 6.13: where a stage needs a different handler, not the person who handled the stage before. */
    static Optional<Refusal> handler(PolicyPack pack, CaseState state, String owner) {
        if (state.stage() < 2) {
            return none();
        }
        Stage stage = pack.stage(state.stage()).orElseThrow();
        // the stage the case came from: the one before, or an earlier one where the pack lets a stage be skipped (H-10)
        Optional<StageRecord> previous = state.stages().stream().filter(s -> s.number() < state.stage())
                .max(java.util.Comparator.comparingInt(StageRecord::number));
        String previousOwner = previous.map(StageRecord::owner).orElse(null);
        if (stage.differentHandler() && owner.equals(previousOwner)) {
            return Optional.of(Refusal.onField("owner", "the %s handler must not be the person who handled %s (%s)"
                    .formatted(stage.name(), previous.map(StageRecord::name).orElse("the previous stage"),
                            owner), stage.cite() != null ? stage.cite() : "Code 6.13"));
        }
        return none();
    }

    /** An extension needs a running clock the pack lets be extended, an extension left, an amount within the rule, and its conditions. */
    static Optional<Refusal> extension(PolicyPack pack, CaseState state, String clockId, int amount, String reason,
                                       boolean complainantAgreed) {
        Optional<CaseClock> found = openClock(state, clockId);
        if (found.isEmpty()) {
            return Optional.of(Refusal.onField("clock", "no running clock '" + clockId + "' on this case; running: "
                    + state.clocks().stream().filter(CaseClock::open).map(CaseClock::id).toList(), null));
        }
        CaseClock clock = found.get();
        List<ExtensionRule> rules = CaseClocks.ruleFor(pack, state.recordType(), clock).map(ClockRule::extensions).orElse(List.of());
        if (rules.isEmpty()) {
            return Optional.of(Refusal.onField("clock", "the " + clock.name() + " clock cannot be extended under this policy", clock.cite()));
        }
        Optional<ExtensionRule> applicable = CaseClocks.applicableRule(rules, clock.extensions().size());
        if (applicable.isEmpty()) {
            return Optional.of(Refusal.of("the " + clock.name() + " clock has had every extension the policy allows ("
                    + clock.extensions().size() + ")", rules.get(rules.size() - 1).cite()));
        }
        ExtensionRule rule = applicable.get();
        if (amount <= 0) {
            return Optional.of(Refusal.onField("amount", "must be at least 1", null));
        }
        if (rule.upTo() != null && amount > rule.upTo()) {
            return Optional.of(Refusal.onField("amount", "an extension of the %s clock may add at most %s, not %d"
                    .formatted(clock.name(), rule.unit().describe(rule.upTo()), amount), rule.cite()));
        }
        // T-7: where the pack says so, an extension not agreed goes ahead and the notice gives the ombudsman's details
        if (rule.needsAgreement() && !complainantAgreed && rule.withoutAgreement() != PolicyPack.WithoutAgreement.TELL_OMBUDSMAN) {
            return Optional.of(Refusal.onField("complainantAgreed", "the complainant must agree to this extension"
                    + (rule.condition() == null ? "" : " (" + rule.condition() + ")"), rule.cite()));
        }
        if (rule.needsReason() && reason.isBlank()) {
            return Optional.of(Refusal.onField("reason", "an extension must give the reason for the delay", rule.cite()));
        }
        return none();
    }

    static Optional<CaseClock> openClock(CaseState state, String clockId) {
        return state.clocks().stream().filter(c -> c.id().equals(clockId) && c.open()).findFirst();
    }

    /** A recorded step must be one of the pack's, belong to the case's stage and say what was decided. */
    static Optional<Refusal> step(PolicyPack pack, CaseState state, String stepId, String note) {
        Optional<StepRule> rule = pack.steps().stream().filter(s -> s.id().equals(stepId)).findFirst();
        if (rule.isEmpty()) {
            return Optional.of(Refusal.onField("step", "this policy has no step '" + stepId + "'; its steps are "
                    + pack.steps().stream().map(StepRule::id).toList(), null));
        }
        if (!rule.get().stages().isEmpty() && !rule.get().stages().contains(state.stage())) {
            return Optional.of(Refusal.onField("step", "the %s step belongs to stage %s, and the case is at stage %d"
                    .formatted(stepId, rule.get().stages(), state.stage()), rule.get().cite()));
        }
        return note.isBlank() ? Optional.of(Refusal.onField("note", "say what was decided or said", rule.get().cite())) : none();
    }

    /**
     * A response explains itself (S0-8); at a stage, it follows the steps due before it and decides every point with
     * reasons (Code 6.7). {@code decided} is the points with these decisions applied.
     */
    static Optional<Refusal> response(PolicyPack pack, CaseState state, List<PointDecision> decisions, List<Point> decided,
                                      String summary) {
        if (summary.isBlank()) {
            return Optional.of(Refusal.onField("summary", "a response must explain how the concerns were resolved", "S0-8"));
        }
        if (pack.recordType(state.recordType()).orElseThrow().handling() != Handling.STAGED) {
            return none();
        }
        for (StepRule step : pack.stepsIn(state.stage())) {
            if (step.beforeResponse() && state.steps().stream().noneMatch(s -> s.step().equals(step.id()) && s.stage() == state.stage())) {
                return Optional.of(Refusal.of("the %s step must be recorded before the response at this stage"
                        .formatted(step.id()), step.cite()));
            }
        }
        if (state.points().isEmpty() && decisions.isEmpty()) {
            return Optional.of(Refusal.onField("points", "a response must give a decision and reasons for each point of complaint; add the points first", "Code 6.7"));
        }
        for (PointDecision decision : decisions) {
            if (decision.number() < 1 || decision.number() > state.points().size()) {
                return Optional.of(Refusal.onField("points", "there is no point " + decision.number(), "Code 6.7"));
            }
            if (decision.reasons().isBlank()) {
                return Optional.of(Refusal.onField("points", "point " + decision.number() + " needs the reasons for its decision", "Code 6.7"));
            }
        }
        List<Integer> undecided = decided.stream().filter(p -> p.outcome() == null || p.decidedAtStage() != state.stage())
                .map(Point::number).toList();
        return undecided.isEmpty() ? none()
                : Optional.of(Refusal.onField("points", "a response must decide every point; undecided: " + undecided, "Code 6.7"));
    }

    /** Outside the window an escalation request is refused, naming the rule, unless staff accept it late with a reason. */
    static Optional<Refusal> escalationRequest(CaseState state, Instant requestedAt, @Nullable String lateAcceptedBecause) {
        EscalationWindow window = state.escalationWindow();
        if (lateEscalation(state, requestedAt) && (lateAcceptedBecause == null || lateAcceptedBecause.isBlank())) {
            return Optional.of(Refusal.onField("requestedAt", "escalation window closed on " + window.closesOn(), window.cite()));
        }
        return none();
    }

    /**
     * The stage an escalation goes to: the one named (by id or number) if the pack lets a case come to it from this stage
     * (H-10: {@code entry.from}), else refused naming the field; none named, the first stage the case may go to.
     */
    static Optional<Refusal> escalationTarget(PolicyPack pack, CaseState state, @Nullable String toStage) {
        if (toStage == null || targetStage(pack, state, toStage).isPresent()) {
            return none();
        }
        List<Stage> open = pack.stagesAfter(state.stage());
        return Optional.of(Refusal.onField("toStage", "from %s a case may go to %s, not '%s'".formatted(stageName(pack, state),
                open.stream().map(s -> s.id() + " (" + s.name() + ")").toList(), toStage),
                open.stream().filter(s -> s.entry() != null && !s.entry().from().isEmpty()).findFirst()
                        .or(() -> open.stream().findFirst()).map(Stage::cite).orElse(null)));
    }

    static Optional<Stage> targetStage(PolicyPack pack, CaseState state, @Nullable String toStage) {
        List<Stage> open = pack.stagesAfter(state.stage());
        return toStage == null || toStage.isBlank() ? open.stream().findFirst()
                : open.stream().filter(s -> s.id().equals(toStage.strip()) || String.valueOf(s.number()).equals(toStage.strip())).findFirst();
    }

    static boolean lateEscalation(CaseState state, Instant requestedAt) {
        return state.escalationWindow() != null && requestedAt.isAfter(state.escalationWindow().closesAt());
    }

    /** A refused escalation names one of the stage's grounds and gives the complainant its reasons (T-3, T-8, H-5). */
    static Optional<Refusal> escalationRefusal(PolicyPack.Escalation entry, String ground, String reasons) {
        if (!entry.refusalGrounds().contains(ground)) {
            return Optional.of(Refusal.onField("ground", "must be one of " + entry.refusalGrounds(), entry.cite()));
        }
        return reasons.isBlank() ? Optional.of(Refusal.onField("reasons", "a refusal must give the complainant its reasons", entry.cite())) : none();
    }

    /** Where the pack asks it (H-7), a case handled by the procedure closes only once the complainant was asked how satisfied they are. */
    static Optional<Refusal> closing(PolicyPack pack, CaseState state, @Nullable Satisfaction satisfaction) {
        boolean recordOnly = pack.recordType(state.recordType()).orElseThrow().handling() == Handling.RECORDED;
        Optional<StepRule> survey = pack.steps().stream().filter(s -> s.kind() == StepKind.SATISFACTION_QUESTION).findFirst();
        if (survey.isPresent() && !recordOnly && satisfaction == null) {
            return Optional.of(Refusal.onField("satisfaction", "ask the complainant how satisfied they are with the handling "
                    + "and the outcome before closing (record their answers, or that they declined)", survey.get().cite()));
        }
        return none();
    }

    static Optional<Refusal> reasonGiven(String reason, String field, String message, @Nullable String cite) {
        return reason.isBlank() ? Optional.of(Refusal.onField(field, message, cite)) : none();
    }

    /**
     * A decline gives reasons (T-3) on one of the pack's grounds: an exclusion it lists, or an admission rule it has,
     * decided by a member who holds the role that rule names (F-10, T-4).
     */
    static Optional<Refusal> declining(PolicyPack pack, DeclineGround ground, @Nullable String exclusion, String reasons,
                                       Decider decider) {
        if (reasons.isBlank()) {
            return Optional.of(Refusal.onField("reasons", "a decision not to consider a complaint must give its reasons", "T-3"));
        }
        if (ground == DeclineGround.OUT_OF_SCOPE) {
            return exclusion(pack, exclusion).isPresent() ? none() : Optional.of(Refusal.onField("exclusion",
                    "must be one of this policy's exclusions: " + pack.exclusions().stream().map(PolicyPack.Exclusion::id).toList(), null));
        }
        Optional<PolicyPack.AdmissionRule> rule = admissionRule(pack, ground);
        if (rule.isEmpty()) {
            return Optional.of(Refusal.onField("ground", "this policy has no " + ground.name().toLowerCase().replace('_', ' ')
                    + " rule; grounds it has: " + pack.admission().stream().map(r -> r.kind().name()).toList(), null));
        }
        String needed = rule.get().decidedBy();
        if (needed != null && !decider.holds(needed)) {
            String role = pack.role(needed).map(PolicyPack.Role::name).orElse(needed);
            return Optional.of(Refusal.onField("decidedBy", "this decision is for the " + role + ", and " + decider.member()
                    + " does not hold that role (an administrator gives it on the team page)", rule.get().cite()));
        }
        return none();
    }

    /** The rule a decline on this ground cites. */
    static @Nullable String declineCite(PolicyPack pack, DeclineGround ground, @Nullable String exclusion) {
        return ground == DeclineGround.OUT_OF_SCOPE ? exclusion(pack, exclusion).map(PolicyPack.Exclusion::cite).orElse(null)
                : admissionRule(pack, ground).map(PolicyPack.AdmissionRule::cite).orElse(null);
    }

    private static Optional<PolicyPack.Exclusion> exclusion(PolicyPack pack, @Nullable String id) {
        return pack.exclusions().stream().filter(e -> e.id().equals(id)).findFirst();
    }

    private static Optional<PolicyPack.AdmissionRule> admissionRule(PolicyPack pack, DeclineGround ground) {
        return pack.admission().stream().filter(r -> r.kind().name().equals(ground.name())).findFirst();
    }

    /** Rectification (UK GDPR Art. 16) needs contact details still held and a reason. */
    static Optional<Refusal> correction(CaseState state, String reason) {
        if (Anonymisation.isAnonymised(state)) {
            return Optional.of(Refusal.of("the case was anonymised: it holds no contact details to correct", "UK GDPR Art. 16"));
        }
        return reasonGiven(reason, "reason", "say why the details are corrected", "UK GDPR Art. 16");
    }

    /** A case on legal hold keeps its data; a case anonymised once has nothing left to replace. */
    static Optional<Refusal> anonymising(CaseState state) {
        if (state.hold() != null && state.hold().kind() == HoldKind.LEGAL) {
            return Optional.of(Refusal.of("the case is on legal hold: its data must be kept", "UK GDPR Art. 17(3)(e)"));
        }
        return Anonymisation.isAnonymised(state) ? Optional.of(Refusal.of("the case was anonymised already", null)) : none();
    }

    // ---- what the rules read -----------------------------------------------------------------------------------

    static Optional<StageRecord> currentStage(CaseState state) {
        return state.stages().stream().filter(s -> s.number() == state.stage()).findFirst();
    }

    private static boolean acknowledged(CaseState state) {
        return currentStage(state).map(StageRecord::acknowledgedAt).isPresent();
    }

    static String stageName(PolicyPack pack, CaseState state) {
        return state.stage() == 0 ? state.recordType() : pack.stage(state.stage()).map(Stage::name).orElse("stage " + state.stage());
    }

    /** The ombudsman for the case's service line, or the pack's first. */
    static Optional<String> ombudsmanId(PolicyPack pack, CaseState state) {
        String line = state.classification().serviceLine();
        if (line != null) {
            return pack.serviceLine(line).map(PolicyPack.ServiceLine::ombudsman);
        }
        return pack.serviceLines().isEmpty() ? pack.ombudsmen().stream().findFirst().map(PolicyPack.OmbudsmanRoute::id)
                : Optional.of(pack.serviceLines().get(0).ombudsman());
    }

    private static String ombudsmanName(PolicyPack pack, CaseState state) {
        return ombudsmanId(pack, state).flatMap(pack::ombudsman).map(PolicyPack.OmbudsmanRoute::name).orElse("the ombudsman");
    }

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

    private static Optional<Refusal> refusal(String text, @Nullable String cite) {
        return Optional.of(Refusal.of(text, cite));
    }

    static Optional<Refusal> none() {
        return Optional.empty();
    }
}
