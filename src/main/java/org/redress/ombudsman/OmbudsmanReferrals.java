package org.redress.ombudsman;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.redress.calendar.UkTime;
import org.redress.casework.CaseScope;
import org.redress.casework.CaseTypes.Point;
import org.redress.casework.CaseView;
import org.redress.casework.Casework;
import org.redress.policy.PolicyPack;
import org.redress.policy.PolicyPacks;
import org.redress.web.FieldError;
import org.redress.web.InvalidInputException;
import org.redress.web.Refusal;
import org.redress.web.RefusedException;
import org.redress.web.TextLimits;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The ombudsman module's entry point: record a case's referral, the ombudsman's findings and orders, compliance
 * with the orders; and read referrals (per case, per period) for pages, the API and reporting (F-15). Bad input is
 * refused before anything is written; a refusal by the rules names the rule.
 */
@Service
public class OmbudsmanReferrals {


    private final Casework casework;
    private final PolicyPacks packs;
    private final Referrals referrals;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    OmbudsmanReferrals(Casework casework, PolicyPacks packs, Referrals referrals, Clock clock, ApplicationEventPublisher events) {
        this.casework = casework;
        this.packs = packs;
        this.referrals = referrals;
        this.clock = clock;
        this.events = events;
    }

    /** A case's ombudsman side: the ombudsman its service line goes to (F-8, A-10), the others, and the referral if any. */
    public record CaseOmbudsman(String caseId, String caseReference, @Nullable String serviceLine,
                                PolicyPack.@Nullable OmbudsmanRoute expected, List<PolicyPack.OmbudsmanRoute> ombudsmen,
                                List<Point> points, @Nullable ReferralView referral, @Nullable ReferralWindow referralWindow) {
    }

    /** The shape of each request is declared on it and checked first, by {@link TextLimits#errorsIn}; dates and amounts against the referral after. */
    public record ReferralRequest(@NotBlank(message = "is required") @Size(max = TextLimits.NAME) @Nullable String ombudsman,
                                  @NotBlank(message = "is required") @Size(max = TextLimits.NAME) @Nullable String reference,
                                  @NotNull(message = "is required (YYYY-MM-DD)") @Nullable LocalDate referredOn, @Nullable LocalDate informationRequestedOn, @Nullable LocalDate determinedOn,
                                  @Size(max = TextLimits.TEXT) @Nullable String overrideReason) {
    }

    /**
     * One point's finding; {@code category} is the point's category as the determination gives it (e.g. Repairs), a
     * string name, so findings are counted per category as the Ombudsman publishes them.
     */
    public record FindingRequest(@NotNull(message = "is required: the number of the point of complaint") @Nullable Integer point,
                                 @NotNull(message = "is required: one of [MALADMINISTRATION, SEVERE_MALADMINISTRATION, SERVICE_FAILURE, "
                                         + "REASONABLE_REDRESS, NO_MALADMINISTRATION, OUTSIDE_JURISDICTION, WITHDRAWN]") @Nullable Finding finding,
                                 @NotBlank(message = "is required") @Size(max = TextLimits.TEXT) @Nullable String notes,
                                 @Size(max = TextLimits.NAME) @Nullable String category) {

        public FindingRequest(@Nullable Integer point, @Nullable Finding finding, @Nullable String notes) {
            this(point, finding, notes, null);
        }
    }

    /** An order; {@code point} names the point of complaint it is for (a payment order: the point it pays for). */
    public record OrderRequest(@NotNull(message = "is required: one of " + ORDER_KINDS) @Nullable OrderKind kind,
                               @NotBlank(message = "is required") @Size(max = TextLimits.TEXT) @Nullable String description, @Nullable BigDecimal amount,
                               @NotNull(message = "is required (YYYY-MM-DD)") @Nullable LocalDate dueOn, @Nullable Integer point) {

        public OrderRequest(@Nullable OrderKind kind, @Nullable String description, @Nullable BigDecimal amount, @Nullable LocalDate dueOn) {
            this(kind, description, amount, dueOn, null);
        }
    }

    /** A recommendation: what kind of action, in the ombudsman's words; kept apart from orders, with no due date. */
    public record RecommendationRequest(@NotNull(message = "is required: one of " + ORDER_KINDS) @Nullable OrderKind kind,
                                        @NotBlank(message = "is required") @Size(max = TextLimits.TEXT) @Nullable String text) {
    }

    /** Whether the organisation followed a recommendation, on a date (today if left out), and why. */
    public record DecisionRequest(@NotNull(message = "is required: true (followed) or false (not followed)") @Nullable Boolean followed,
                                  @Nullable LocalDate decidedOn, @Size(max = TextLimits.TEXT) @Nullable String note) {
    }

    /** Every order kind's code, as the request messages name them. */
    static final String ORDER_KINDS = "[APOLOGISE, PAY, CARRY_OUT_WORKS, INSPECT_OR_SURVEY, REVIEW_POLICY, STAFF_TRAINING, "
            + "REVIEW_RECORD_KEEPING, COMPLAINT_HANDLING_FAILURE, CONTACT_OR_MEET, RECONSIDER, PROVIDE_INFORMATION, MANAGEMENT_REVIEW, OTHER]";

    public record ComplianceRequest(@NotNull(message = "is required (YYYY-MM-DD)") @Nullable LocalDate compliedOn,
                                    @NotBlank(message = "is required") @Size(max = TextLimits.TEXT) @Nullable String evidence) {
    }

    @Transactional(readOnly = true)
    public CaseOmbudsman forCase(String organisation, String caseIdOrReference) {
        CaseView c = casework.get(organisation, caseIdOrReference);
        PolicyPack pack = packOf(c);
        ReferralView referral = referrals.ofCase(organisation, c.id()).map(r -> r.view(today())).orElse(null);
        PolicyPack.OmbudsmanRoute expected = Referral.expectedRoute(pack, c.classification().serviceLine()).orElse(null);
        // issue 23, R-5: the time to refer after the final response, and whether the referral came within it
        PolicyPack.OmbudsmanRoute referredTo = referral == null ? expected : pack.ombudsman(referral.ombudsman()).orElse(expected);
        return new CaseOmbudsman(c.id(), c.reference(), c.classification().serviceLine(), expected, pack.ombudsmen(), c.points(),
                referral, ReferralWindow.of(c, referredTo, referral == null ? null : referral.referredOn()).orElse(null));
    }

    /** The referral of a case already read (by id), if it has one. */
    @Transactional(readOnly = true)
    public Optional<ReferralView> referralOf(String organisation, String caseId) {
        return referrals.ofCase(organisation, caseId).map(r -> r.view(today()));
    }

    /** The scope's cases referred to an ombudsman in a period (inclusive), with the ombudsman, findings and order status (F-15). */
    @Transactional(readOnly = true)
    public List<ReferralView> referredBetween(CaseScope scope, LocalDate from, LocalDate to) {
        LocalDate today = today();
        return inScope(scope, referrals.referredBetween(scope.organisation(), from, to)).stream().map(r -> r.view(today)).toList();
    }

    /** Every referral of the scope's cases: those with orders still to comply with first, soonest due first. */
    @Transactional(readOnly = true)
    public List<ReferralView> openOrdersFirst(CaseScope scope) {
        LocalDate today = today();
        return inScope(scope, referrals.all(scope.organisation())).stream().map(r -> r.view(today))
                .sorted(Comparator.comparing(ReferralView::nextOrderDue, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    @Transactional
    public ReferralView refer(String organisation, String caseIdOrReference, ReferralRequest request, String actor) {
        CaseView c = casework.get(organisation, caseIdOrReference);
        PolicyPack pack = packOf(c);
        LocalDate today = today();
        List<FieldError> errors = new ArrayList<>(TextLimits.errorsIn(request));
        String ombudsman = strip(request.ombudsman());
        if (ombudsman != null && pack.ombudsman(ombudsman).isEmpty()) {
            errors.add(new FieldError("ombudsman", "must be one of " + pack.ombudsmen().stream().map(PolicyPack.OmbudsmanRoute::id).toList()));
        }
        String reference = strip(request.reference());
        LocalDate referredOn = request.referredOn();
        if (referredOn != null && referredOn.isAfter(today)) {
            errors.add(new FieldError("referredOn", "must not be in the future"));
        }
        notBeforeNorFuture(errors, "informationRequestedOn", request.informationRequestedOn(), referredOn, today);
        notBeforeNorFuture(errors, "determinedOn", request.determinedOn(), referredOn, today);
        throwIfAny(errors);
        Referral.Details details = new Referral.Details(ombudsman, reference, referredOn, request.informationRequestedOn(),
                request.determinedOn(), request.overrideReason());
        Optional<Referral> existing = referrals.ofCase(organisation, c.id());
        Referral referral;
        if (existing.isPresent()) {
            referral = existing.get();
            refuseIf(referral.amend(pack, details, clock.instant(), actor));
        } else {
            Referral.Made made = Referral.refer(UUID.randomUUID(), organisation, c.id(), c.reference(), c.classification().serviceLine(),
                    pack, details, clock.instant(), actor);
            refuseIf(Optional.ofNullable(made.refusal()));
            referral = java.util.Objects.requireNonNull(made.referral());
        }
        referrals.save(referral);
        if (existing.isEmpty()) {
            events.publishEvent(new OmbudsmanReferred(organisation, c.id(), reference, ombudsman, referredOn));
        }
        return referral.view(today);
    }

    @Transactional
    public ReferralView recordFindings(String organisation, String caseIdOrReference, List<FindingRequest> findings, String actor) {
        CaseView c = casework.get(organisation, caseIdOrReference);
        List<FieldError> errors = new ArrayList<>();
        if (findings.isEmpty()) {
            errors.add(new FieldError("findings", "give at least one finding"));
        }
        for (int i = 0; i < findings.size(); i++) {
            FindingRequest f = findings.get(i);
            String at = "findings[" + i + "].";
            TextLimits.errorsIn(f).forEach(e -> errors.add(new FieldError(at + e.field(), e.message())));
        }
        throwIfAny(errors);
        Referral referral = requireReferral(organisation, c);
        for (int i = 0; i < findings.size(); i++) {
            FindingRequest f = findings.get(i);
            Optional<Refusal> refused = referral.recordFinding(f.point(), f.finding(), categoryOf(f), f.notes().strip(), c.points(),
                    clock.instant(), actor);
            if (refused.isPresent()) {
                Refusal r = refused.get();
                throw r.at("findings[" + i + "]." + r.field()).refuse();
            }
        }
        referrals.save(referral);
        return referral.view(today());
    }

    @Transactional
    public ReferralView order(String organisation, String caseIdOrReference, OrderRequest request, String actor) {
        CaseView c = casework.get(organisation, caseIdOrReference);
        List<FieldError> errors = new ArrayList<>(TextLimits.errorsIn(request));
        if (request.kind() == OrderKind.PAY && request.amount() == null) {
            errors.add(new FieldError("amount", "is required for a payment, in pounds"));
        }
        if (request.amount() != null && (request.amount().signum() <= 0 || request.amount().scale() > 2
                || request.amount().compareTo(new BigDecimal("1000000")) >= 0)) {
            errors.add(new FieldError("amount", "must be a positive amount in pounds and pence, under £1,000,000"));
        }
        throwIfAny(errors);
        Referral referral = requireReferral(organisation, c);
        if (request.dueOn().isBefore(referral.stored().referredOn())) {
            throw new InvalidInputException("dueOn", "must not be before the referral on " + referral.stored().referredOn());
        }
        refuseIf(referral.order(request.kind(), request.description().strip(), request.amount(), request.dueOn(), request.point(),
                c.points(), clock.instant(), actor));
        referrals.save(referral);
        return referral.view(today());
    }

    /** Records a recommendation the ombudsman made (not an order: nothing falls due). */
    @Transactional
    public ReferralView recommend(String organisation, String caseIdOrReference, RecommendationRequest request, String actor) {
        CaseView c = casework.get(organisation, caseIdOrReference);
        throwIfAny(new ArrayList<>(TextLimits.errorsIn(request)));
        Referral referral = requireReferral(organisation, c);
        referral.recommend(request.kind(), request.text().strip(), clock.instant(), actor);
        referrals.save(referral);
        return referral.view(today());
    }

    /** Records whether a recommendation was followed (a later decision replaces an earlier one). */
    @Transactional
    public ReferralView decide(String organisation, String caseIdOrReference, UUID recommendationId, DecisionRequest request, String actor) {
        CaseView c = casework.get(organisation, caseIdOrReference);
        List<FieldError> errors = new ArrayList<>(TextLimits.errorsIn(request));
        LocalDate today = today();
        if (request.decidedOn() != null && request.decidedOn().isAfter(today)) {
            errors.add(new FieldError("decidedOn", "must not be in the future"));
        }
        throwIfAny(errors);
        Referral referral = requireReferral(organisation, c);
        if (referral.recommendations().stream().noneMatch(x -> x.id().equals(recommendationId))) {
            throw new org.redress.web.NotFoundException("id", "this case's referral has no recommendation " + recommendationId);
        }
        refuseIf(referral.decide(recommendationId, request.followed(), request.decidedOn() != null ? request.decidedOn() : today,
                strip(request.note())));
        referrals.save(referral);
        return referral.view(today);
    }

    /**
     * What a register held of a historic case's ombudsman side (issue 20 import): a finding on its point (with the point's
     * category, if given), and the kinds of the orders and recommendations made, on a date (the case's closure, or its
     * last response).
     */
    public record HistoricOmbudsman(@Nullable Finding finding, @Nullable String category, List<OrderKind> orders,
                                    List<OrderKind> recommendations, LocalDate on) {
    }

    /**
     * Records an imported case's ombudsman side as the register held it, in historic mode: referred to the ombudsman of
     * the case's service line (another of the pack's ombudsmen, with the note as the reason, when the line names none)
     * and determined on the date given; each order recorded as complied with on that date, with the note ("imported
     * from ...; not recorded at the time") as its evidence, so no order of history shows overdue; each recommendation
     * with the decision not recorded. Nothing is published. A case that already has a referral is left as it is, so a
     * re-run adds nothing.
     *
     * @return whether anything was recorded
     */
    @Transactional
    public boolean recordHistoric(String organisation, String caseIdOrReference, String sourceId, HistoricOmbudsman given,
                                  String note, String actor) {
        CaseView c = casework.get(organisation, caseIdOrReference);
        if (referrals.ofCase(organisation, c.id()).isPresent()) {
            return false;
        }
        PolicyPack pack = packOf(c);
        Optional<PolicyPack.OmbudsmanRoute> route = Referral.expectedRoute(pack, c.classification().serviceLine())
                .or(() -> pack.ombudsmen().stream().findFirst());
        if (route.isEmpty()) {
            return false;
        }
        Referral.Details details = new Referral.Details(route.get().id(), "imported " + sourceId, given.on(), null, given.on(), null);
        Referral.Made made = Referral.refer(UUID.randomUUID(), organisation, c.id(), c.reference(), c.classification().serviceLine(),
                pack, details, clock.instant(), actor);
        if (made.referral() == null) {
            made = Referral.refer(UUID.randomUUID(), organisation, c.id(), c.reference(), c.classification().serviceLine(), pack,
                    new Referral.Details(route.get().id(), details.reference(), given.on(), null, given.on(), note), clock.instant(), actor);
        }
        Referral referral = java.util.Objects.requireNonNull(made.referral());
        if (given.finding() != null && !c.points().isEmpty()) {
            referral.recordFinding(c.points().get(0).number(), given.finding(), strip(given.category()), note, c.points(), clock.instant(), actor);
        }
        for (OrderKind kind : given.orders()) {
            UUID id = referral.order(kind, kind.words() + " (" + note + ")", null, given.on(), clock.instant(), actor);
            referral.complied(id, given.on(), note);
        }
        for (OrderKind kind : given.recommendations()) {
            referral.recommend(kind, kind.words() + " (" + note + ")", clock.instant(), actor);
        }
        referrals.save(referral);
        return true;
    }

    /**
     * The category a finding counts under: the one the determination gives for the point. (When points carry their own
     * category, the point's is the one to fall back on; until then the determination's is the only one.)
     */
    private static @Nullable String categoryOf(FindingRequest f) {
        return strip(f.category());
    }

    @Transactional
    public ReferralView complied(String organisation, String caseIdOrReference, UUID orderId, ComplianceRequest request, String actor) {
        CaseView c = casework.get(organisation, caseIdOrReference);
        List<FieldError> errors = new ArrayList<>(TextLimits.errorsIn(request));
        if (request.compliedOn() != null && request.compliedOn().isAfter(today())) {
            errors.add(new FieldError("compliedOn", "must not be in the future"));
        }
        throwIfAny(errors);
        Referral referral = requireReferral(organisation, c);
        if (referral.orders().stream().noneMatch(o -> o.id().equals(orderId))) {
            throw new org.redress.web.NotFoundException("id", "this case's referral has no order " + orderId);
        }
        refuseIf(referral.complied(orderId, request.compliedOn(), request.evidence().strip()));
        referrals.save(referral);
        return referral.view(today());
    }

    private List<Referral> inScope(CaseScope scope, List<Referral> all) {
        return casework.visible(scope, all, r -> r.stored().caseId()).rows();
    }

    private Referral requireReferral(String organisation, CaseView c) {
        return referrals.ofCase(organisation, c.id()).orElseThrow(() -> new RefusedException(
                "case " + c.reference() + " has not been referred to an ombudsman: record the referral first", "F-8", "referral"));
    }

    private PolicyPack packOf(CaseView c) {
        return packs.version(c.pack().id(), c.pack().version()).forServiceLine(c.classification().serviceLine());
    }

    private LocalDate today() {
        return UkTime.dateOf(clock.instant());
    }

    private static void refuseIf(Optional<Refusal> refusal) {
        if (refusal.isPresent()) {
            Refusal r = refusal.get();
            throw r.refuse();
        }
    }

    private static @Nullable String strip(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static void notBeforeNorFuture(List<FieldError> errors, String field, @Nullable LocalDate value,
                                           @Nullable LocalDate referredOn, LocalDate today) {
        if (value == null) {
            return;
        }
        if (referredOn != null && value.isBefore(referredOn)) {
            errors.add(new FieldError(field, "must not be before the referral date"));
        } else if (value.isAfter(today)) {
            errors.add(new FieldError(field, "must not be in the future"));
        }
    }

    private static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
