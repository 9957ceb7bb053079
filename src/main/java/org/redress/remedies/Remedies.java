package org.redress.remedies;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.redress.accounts.Accounts;
import org.redress.accounts.Permission;
import org.redress.calendar.UkTime;
import org.redress.casework.CaseEvent;
import org.redress.casework.CaseFact;
import org.redress.casework.CaseScope;
import org.redress.casework.CaseTypes;
import org.redress.casework.CaseView;
import org.redress.casework.Casework;
import org.redress.policy.PolicyPacks;
import org.redress.remedies.Remedy.Kind;
import org.redress.remedies.Remedy.PaymentKind;
import org.redress.remedies.Remedy.Status;
import org.redress.web.Refusal;
import org.redress.web.RequestDates;
import org.redress.web.TextLimits;
import org.redress.web.FieldError;
import org.redress.web.InvalidInputException;
import org.redress.web.NotFoundException;
import org.redress.web.RefusedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The remedies module's entry point: add an apology, action or payment to a case; approve, refuse or pay a payment;
 * mark an action done; list what is open or overdue; and the read facade reporting uses (compensation consistency,
 * H-11; redress paid, DISP). Bad input changes nothing and names each field; a refusal names the rule.
 */
@Service
public class Remedies {

    /** Ways a payment is made (H-9). */
    public static final Set<String> METHODS = Set.of("BANK_TRANSFER", "CHEQUE", "RENT_ACCOUNT_CREDIT", "OTHER");
    private static final BigDecimal MOST = new BigDecimal("9999999999.99");

    private final RemedyStore store;
    private final Casework casework;
    private final PolicyPacks packs;
    private final Accounts accounts;
    private final org.redress.accounts.PackRoles packRoles;
    private final Clock clock;

    Remedies(RemedyStore store, Casework casework, PolicyPacks packs, Accounts accounts, org.redress.accounts.PackRoles packRoles, Clock clock) {
        this.packRoles = packRoles;
        this.store = store;
        this.casework = casework;
        this.packs = packs;
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * A remedy to add, as typed: every value is text so that the API and the page forms are checked the same way.
     *
     * @param kind APOLOGY, ACTION or PAYMENT
     * @param paymentKind COMPENSATION, EX_GRATIA or GOODWILL
     * @param amount pounds, more than 0 with at most 2 decimals
     * @param method BANK_TRANSFER, CHEQUE, RENT_ACCOUNT_CREDIT or OTHER
     */
    public record NewRemedy(@Size(max = TextLimits.NAME) @Nullable String kind,
                            @NotBlank(groups = Apology.class, message = "is required: the apology, who gave it and how")
                            @NotBlank(groups = Action.class, message = "is required: what will be done")
                            @NotBlank(groups = Payment.class, message = "is required: the reason for the payment")
                            @Size(max = TextLimits.TEXT) @Nullable String description,
                            @NotBlank(groups = Action.class, message = "is required: who will do it") @Size(max = TextLimits.NAME) @Nullable String owner,
                            @Size(max = TextLimits.NAME) @Nullable String due,
                            @Size(max = TextLimits.NAME) @Nullable String paymentKind,
                            @NotBlank(groups = Payment.class, message = "is required: the amount in pounds, such as 250 or 250.50")
                            @Size(max = TextLimits.NAME) @Nullable String amount,
                            @Size(max = TextLimits.NAME) @Nullable String method) {

        /** What an apology needs (and a remedy of no kind is told, beside its kind). */
        interface Apology {
        }

        /** What an action needs. */
        interface Action {
        }

        /** What a payment needs. */
        interface Payment {
        }

        /** The rules of this kind of remedy. */
        static Class<?> rulesOf(@Nullable Kind kind) {
            return kind == Kind.PAYMENT ? Payment.class : kind == Kind.ACTION ? Action.class : Apology.class;
        }
    }

    /** A decision on a payment; {@code asPanel} records the review panel's decision with the date it was made. */
    public record Decision(boolean asPanel, @Size(max = TextLimits.NAME) @Nullable String panelDecidedOn,
                           @Size(max = TextLimits.TEXT) @Nullable String reason) {
    }

    /** Payments on one case of one kind (H-11 consistency of compensation). */
    public record CasePayments(String caseReference, PaymentKind kind, int count, BigDecimal proposed, BigDecimal approved,
                               BigDecimal paid) {
    }

    /** Redress paid on a case (DISP): what was paid, and what is approved but not yet paid. */
    public record CaseRedress(String caseReference, BigDecimal paid, BigDecimal approvedNotPaid) {
    }

    /** What the case page says about a case's remedies. */
    public record CaseSummary(int remedies, int awaitingDecision, int openActions, int overdueActions, int overduePromised) {
    }

    @Transactional(readOnly = true)
    public List<RemedyView> ofCase(String organisation, String caseRef) {
        CaseView c = casework.get(organisation, caseRef);
        LocalDate today = today();
        return store.ofCase(organisation, UUID.fromString(c.id())).stream()
                .map(r -> RemedyView.of(r, today, store.events(r.id()))).toList();
    }

    @Transactional
    public RemedyView add(String organisation, String caseRef, NewRemedy input, String actor) {
        TextLimits.check(input);
        CaseView c = casework.get(organisation, caseRef);
        List<FieldError> errors = new ArrayList<>();
        Kind kind = parse(Kind.class, input.kind(), "kind", errors, true);
        errors.addAll(TextLimits.errorsIn(input, NewRemedy.rulesOf(kind))); // what this kind of remedy needs
        String description = text(input.description());
        Instant now = clock.instant();
        LocalDate today = today();
        Remedy remedy = null;
        if (kind == Kind.APOLOGY) {
            remedy = base(c, Kind.APOLOGY, Status.GIVEN, description, actor, now, null, null, today);
        } else if (kind == Kind.ACTION) {
            String owner = text(input.owner());
            LocalDate due = date(input.due(), "due", errors, true);
            remedy = base(c, Kind.ACTION, Status.OPEN, description, actor, now, owner, due, null);
        } else if (kind == Kind.PAYMENT) {
            PaymentKind paymentKind = parse(PaymentKind.class, input.paymentKind(), "paymentKind", errors, true);
            BigDecimal amount = amount(input.amount(), errors);
            String method = text(input.method());
            if (method == null || !METHODS.contains(method.toUpperCase(Locale.UK).replace(' ', '_').replace('-', '_'))) {
                errors.add(new FieldError("method", "must be one of " + METHODS.stream().sorted().toList()));
            } else {
                method = method.toUpperCase(Locale.UK).replace(' ', '_').replace('-', '_');
            }
            if (errors.isEmpty() && paymentKind != null && amount != null) {
                PaymentAuthority.Routing routing = authority(c).route(paymentKind, amount);
                remedy = new Remedy(UUID.randomUUID(), organisation, UUID.fromString(c.id()), c.reference(), Kind.PAYMENT,
                        Status.PROPOSED, description == null ? "" : description, null, null, null, null, null, paymentKind, amount,
                        method, routing.needsPanel(), routing.explanation(), actor, now, null, null, null, null, null, null, null, 0);
            }
        }
        if (!errors.isEmpty() || remedy == null) {
            throw new InvalidInputException(errors);
        }
        store.insert(remedy);
        store.event(remedy.id(), kind == Kind.PAYMENT ? "proposed" : "added", now, actor, remedy.routing());
        return RemedyView.of(remedy, today, store.events(remedy.id()));
    }

    @Transactional
    public RemedyView approve(String organisation, String caseRef, String id, Decision decision, String actor) {
        return decide(organisation, caseRef, id, decision, actor, true);
    }

    @Transactional
    public RemedyView refuse(String organisation, String caseRef, String id, Decision decision, String actor) {
        return decide(organisation, caseRef, id, decision, actor, false);
    }

    private RemedyView decide(String organisation, String caseRef, String id, Decision decision, String actor, boolean approve) {
        TextLimits.check(decision);
        CaseView c = casework.get(organisation, caseRef);
        Remedy remedy = load(organisation, c, id);
        List<FieldError> errors = new ArrayList<>();
        LocalDate panelDate = date(decision.panelDecidedOn(), "panelDecidedOn", errors, false);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        boolean mayRecordPanel = accounts.may(actor, organisation, Permission.DECIDE);
        Instant now = clock.instant();
        Remedy.Verdict verdict = approve
                ? remedy.approve(actor, accounts.roleIn(actor, organisation), packRoles.heldBy(organisation, actor), mayRecordPanel, decision.asPanel(), panelDate,
                        text(decision.reason()), authority(c), now, today())
                : remedy.refuse(actor, accounts.roleIn(actor, organisation), packRoles.heldBy(organisation, actor), mayRecordPanel, decision.asPanel(), panelDate,
                        text(decision.reason()), authority(c), now, today());
        return apply(verdict, now, actor);
    }

    @Transactional
    public RemedyView markPaid(String organisation, String caseRef, String id, @Nullable String paidOn, @Nullable String note, String actor) {
        TextLimits.check("paidOn", paidOn, TextLimits.NAME);
        TextLimits.check("note", note, TextLimits.TEXT);
        CaseView c = casework.get(organisation, caseRef);
        Remedy remedy = load(organisation, c, id);
        List<FieldError> errors = new ArrayList<>();
        LocalDate on = date(paidOn, "paidOn", errors, false);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return apply(remedy.markPaid(actor, on == null ? today() : on, text(note), today()), clock.instant(), actor);
    }

    @Transactional
    public RemedyView markDone(String organisation, String caseRef, String id, @Nullable String doneOn, @Nullable String note, String actor) {
        TextLimits.check("doneOn", doneOn, TextLimits.NAME);
        TextLimits.check("note", note, TextLimits.TEXT);
        CaseView c = casework.get(organisation, caseRef);
        Remedy remedy = load(organisation, c, id);
        List<FieldError> errors = new ArrayList<>();
        LocalDate on = date(doneOn, "doneOn", errors, false);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return apply(remedy.markDone(actor, on == null ? today() : on, text(note), today()), clock.instant(), actor);
    }

    /**
     * The organisation's remedies, by due date.
     *
     * @param status a {@link Status}, or OVERDUE for open actions past their due date
     */
    @Transactional(readOnly = true)
    public List<RemedyView> list(CaseScope scope, @Nullable String status, @Nullable String kind, @Nullable String owner) {
        List<FieldError> errors = new ArrayList<>();
        boolean overdue = status != null && status.equalsIgnoreCase("OVERDUE");
        Status wanted = overdue ? null : parse(Status.class, status, "status", errors, false);
        Kind wantedKind = parse(Kind.class, kind, "kind", errors, false);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        LocalDate today = today();
        return inScope(scope, store.list(scope.organisation(), wanted, wantedKind, text(owner), overdue ? today : null, 500)).stream()
                .map(r -> RemedyView.of(r, today, List.of())).toList();
    }

    /** Open actions on the scope's cases, overdue first, then by due date: the organisation's action list. */
    @Transactional(readOnly = true)
    public List<RemedyView> openActions(CaseScope scope, @Nullable String owner) {
        LocalDate today = today();
        return inScope(scope, store.list(scope.organisation(), Status.OPEN, Kind.ACTION, text(owner), null, 500)).stream()
                .map(r -> RemedyView.of(r, today, List.of()))
                .sorted(Comparator.comparing((RemedyView v) -> !v.overdue()).thenComparing(RemedyView::due, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    /** Only the remedies of cases in the scope (a member limited to some service areas sees no other area's). */
    private List<Remedy> inScope(CaseScope scope, List<Remedy> remedies) {
        return casework.visible(scope, remedies, r -> r.caseId().toString()).rows();
    }

    /** Counts for the case page. */
    @Transactional(readOnly = true)
    public CaseSummary summaryOf(String organisation, String caseId) {
        LocalDate today = today();
        List<Remedy> all = store.ofCase(organisation, UUID.fromString(caseId));
        return new CaseSummary(all.size(), (int) all.stream().filter(r -> r.status() == Status.PROPOSED).count(),
                (int) all.stream().filter(r -> r.kind() == Kind.ACTION && r.status() == Status.OPEN).count(),
                (int) all.stream().filter(r -> r.overdueOn(today)).count(),
                (int) all.stream().filter(r -> r.overdueOn(today) && r.promisedAtStage() != null).count());
    }

    /** Payments proposed in a period on the scope's cases, totalled by case and kind (H-11 consistency of compensation). */
    @Transactional(readOnly = true)
    public List<CasePayments> paymentTotals(CaseScope scope, Instant from, Instant to) {
        Map<String, CasePayments> totals = new LinkedHashMap<>();
        for (Remedy r : inScope(scope, store.payments(scope.organisation(), from, to))) {
            PaymentKind kind = java.util.Objects.requireNonNull(r.paymentKind());
            BigDecimal amount = java.util.Objects.requireNonNull(r.amount());
            boolean approved = r.status() == Status.APPROVED || r.status() == Status.PAID;
            totals.merge(r.caseReference() + "|" + kind, new CasePayments(r.caseReference(), kind, 1, amount,
                            approved ? amount : BigDecimal.ZERO, r.status() == Status.PAID ? amount : BigDecimal.ZERO),
                    (a, b) -> new CasePayments(a.caseReference(), a.kind(), a.count() + 1, a.proposed().add(b.proposed()),
                            a.approved().add(b.approved()), a.paid().add(b.paid())));
        }
        return List.copyOf(totals.values());
    }

    /** Redress paid per case of the scope for payments proposed in a period (DISP). */
    @Transactional(readOnly = true)
    public List<CaseRedress> redressPaid(CaseScope scope, Instant from, Instant to) {
        Map<String, CaseRedress> totals = new LinkedHashMap<>();
        for (Remedy r : inScope(scope, store.payments(scope.organisation(), from, to))) {
            BigDecimal amount = java.util.Objects.requireNonNull(r.amount());
            BigDecimal paid = r.status() == Status.PAID ? amount : BigDecimal.ZERO;
            BigDecimal waiting = r.status() == Status.APPROVED ? amount : BigDecimal.ZERO;
            totals.merge(r.caseReference(), new CaseRedress(r.caseReference(), paid, waiting),
                    (a, b) -> new CaseRedress(a.caseReference(), a.paid().add(b.paid()), a.approvedNotPaid().add(b.approvedNotPaid())));
        }
        return List.copyOf(totals.values());
    }

    /**
     * Takes in the actions a stage response promised (A-5, Code 6.6) so they stay tracked after the case closes; each
     * once, by its place in the case's list of actions. Called in the transaction of the case change.
     */
    void takeInPromisedActions(String organisation, CaseView c, List<CaseEvent> events) {
        Optional<CaseEvent> responded = events.stream().filter(e -> e.payload() instanceof CaseFact.StageResponded).reduce((a, b) -> b);
        if (responded.isEmpty() || c.actions().isEmpty()) {
            return;
        }
        int stage = ((CaseFact.StageResponded) responded.get().payload()).stage();
        Instant now = clock.instant();
        List<CaseTypes.Action> actions = c.actions();
        for (int i = 0; i < actions.size(); i++) {
            CaseTypes.Action a = actions.get(i);
            String owner = a.owner() != null && !a.owner().isBlank() ? a.owner() : responded.get().actor();
            Remedy remedy = new Remedy(UUID.randomUUID(), organisation, UUID.fromString(c.id()), c.reference(), Kind.ACTION,
                    Status.OPEN, a.description(), owner, a.due(), null, stage, i,
                    null, null, null, false, null, responded.get().actor(), now, null, null, null, null, null, null, null, 0);
            if (store.insert(remedy)) {
                store.event(remedy.id(), "promised", now, responded.get().actor(), "promised in the stage response");
            }
        }
    }

    private RemedyView apply(Remedy.Verdict verdict, Instant now, String actor) {
        if (verdict.refusal() != null) {
            Refusal r = verdict.refusal();
            throw r.refuse();
        }
        Remedy.Changed changed = java.util.Objects.requireNonNull(verdict.changed());
        if (!store.update(changed.after())) {
            throw new RefusedException("someone else changed this remedy at the same time; reload it and try again", "F-13", null);
        }
        store.event(changed.after().id(), changed.event(), now, actor, changed.reason());
        Remedy stored = changed.after().nextVersion();
        return RemedyView.of(stored, today(), store.events(stored.id()));
    }

    private Remedy load(String organisation, CaseView c, String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("id", "no remedy " + id + " on case " + c.reference());
        }
        return store.find(organisation, UUID.fromString(c.id()), uuid)
                .orElseThrow(() -> new NotFoundException("id", "no remedy " + id + " on case " + c.reference()));
    }

    private PaymentAuthority authority(CaseView c) {
        return new PaymentAuthority(packs.version(c.pack().id(), c.pack().version()).compensation());
    }

    private Remedy base(CaseView c, Kind kind, Status status, @Nullable String description, String actor, Instant now,
                        @Nullable String owner, @Nullable LocalDate due, @Nullable LocalDate doneOn) {
        return new Remedy(UUID.randomUUID(), c.organisation(), UUID.fromString(c.id()), c.reference(), kind, status,
                description == null ? "" : description, owner, due, doneOn, null, null, null, null, null, false, null, actor, now,
                null, null, null, null, null, null, null, 0);
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), UkTime.ZONE);
    }

    private static @Nullable BigDecimal amount(@Nullable String text, List<FieldError> errors) {
        String value = text(text);
        if (value == null) {
            return null; // required of a payment: NewRemedy says so
        }
        try {
            BigDecimal amount = new BigDecimal(value.replace("£", "").replace(",", "").strip());
            if (amount.signum() <= 0) {
                errors.add(new FieldError("amount", "must be more than £0"));
            } else if (amount.stripTrailingZeros().scale() > 2) {
                errors.add(new FieldError("amount", "must have at most 2 decimal places (pounds and pence)"));
            } else if (amount.compareTo(MOST) > 0) {
                errors.add(new FieldError("amount", "is too large"));
            } else {
                return amount.setScale(2, java.math.RoundingMode.UNNECESSARY);
            }
        } catch (NumberFormatException e) {
            errors.add(new FieldError("amount", "must be an amount in pounds, such as 250 or 250.50, not '" + value + "'"));
        }
        return null;
    }

    private static @Nullable LocalDate date(@Nullable String text, String field, List<FieldError> errors, boolean required) {
        String value = text(text);
        if (value == null) {
            if (required) {
                errors.add(new FieldError(field, "is required: a date written YYYY-MM-DD"));
            }
            return null;
        }
        try {
            return RequestDates.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, RequestDates.explain(e, "must be a date written YYYY-MM-DD") + ", not '" + value + "'"));
            return null;
        }
    }

    private static <E extends Enum<E>> @Nullable E parse(Class<E> type, @Nullable String text, String field, List<FieldError> errors,
                                                         boolean required) {
        String value = text(text);
        if (value == null) {
            if (required) {
                errors.add(new FieldError(field, "is required: one of " + java.util.Arrays.toString(type.getEnumConstants())));
            }
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.UK).replace(' ', '_').replace('-', '_'));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()) + ", not '" + value + "'"));
            return null;
        }
    }

    private static @Nullable String text(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
