package org.redress.remedies;

import org.jspecify.annotations.Nullable;
import org.redress.accounts.PackRoles;
import org.redress.accounts.Role;
import org.redress.web.Refusal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One thing done to put a case right: an apology, an action (with owner, due date and whether it is done) or a
 * payment (proposed, then approved or refused, then paid). Immutable: each verb checks the rules and answers the
 * remedy as it is after the change, with the event to record, or a refusal naming the rule.
 *
 * @param description for a payment, its reason
 * @param promisedAtStage for an action promised in a stage response, the stage; null for one added here
 * @param promiseIndex the action's place in the case's list of promised actions, so it is taken in once
 * @param routing who is to approve a payment, in words, decided when it was proposed
 * @param decidedBy who approved or refused a payment ("review panel" for the panel's decision)
 * @param recordedBy who recorded the decision (differs from decidedBy for a panel decision)
 * @param decidedOn the date of the decision (for the panel, the date it met)
 */
public record Remedy(UUID id, String organisation, UUID caseId, String caseReference, Kind kind, Status status,
                     String description, @Nullable String owner, @Nullable LocalDate due, @Nullable LocalDate doneOn,
                     @Nullable Integer promisedAtStage, @Nullable Integer promiseIndex, @Nullable PaymentKind paymentKind,
                     @Nullable BigDecimal amount, @Nullable String method, boolean needsPanel, @Nullable String routing,
                     String proposedBy, Instant proposedAt, @Nullable String decidedBy, @Nullable String recordedBy,
                     @Nullable Instant decidedAt, @Nullable LocalDate decidedOn, @Nullable String decisionReason,
                     @Nullable LocalDate paidOn, @Nullable String paidBy, long version) {

    public static final String REVIEW_PANEL = "review panel";

    public enum Kind { APOLOGY, ACTION, PAYMENT }

    /** GIVEN (an apology); OPEN or DONE (an action); PROPOSED, APPROVED, PAID or REFUSED (a payment). */
    public enum Status { GIVEN, OPEN, DONE, PROPOSED, APPROVED, PAID, REFUSED }

    /** The kinds of payment (F-13, H-9), and which rows of a pack's authority table cover each. */
    public enum PaymentKind {
        COMPENSATION("compensation"), EX_GRATIA("ex gratia payment"), GOODWILL("goodwill gesture");

        private final String words;

        PaymentKind(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }

        /**
         * Whether a row of the authority table, by its kind in words, covers this kind: compensation where it says
         * "compensation"; an ex gratia payment where it says "ex gratia payment"; a goodwill gesture where it says
         * "goodwill" or "ex gratia payment" (a goodwill gesture is the smaller ex gratia payment).
         */
        boolean coveredBy(String rowKind) {
            String text = rowKind.toLowerCase(Locale.UK);
            return switch (this) {
                case COMPENSATION -> text.contains("compensation");
                case EX_GRATIA -> text.contains("ex gratia payment");
                case GOODWILL -> text.contains("goodwill") || text.contains("ex gratia payment");
            };
        }
    }

    /** A change a verb allows: the remedy after it and the event to record, with its reason. */
    record Changed(Remedy after, String event, @Nullable String reason) {
    }

    /** Either the change or the refusal. */
    record Verdict(@Nullable Changed changed, @Nullable Refusal refusal) {
        static Verdict allowed(Remedy after, String event, @Nullable String reason) {
            return new Verdict(new Changed(after, event, reason), null);
        }

        static Verdict refused(String message, String rule, @Nullable String field) {
            return new Verdict(null, new Refusal(message, rule, field));
        }
    }

    /** Whether an open action's due date has passed. */
    public boolean overdueOn(LocalDate today) {
        return kind == Kind.ACTION && status == Status.OPEN && due != null && due.isBefore(today);
    }

    /** The status in words, for pages and lists: never a colour alone. */
    public String statusWords(LocalDate today) {
        if (overdueOn(today)) {
            return "Overdue";
        }
        return switch (status) {
            case GIVEN -> "Given";
            case OPEN -> "Open";
            case DONE -> "Done";
            case PROPOSED -> needsPanel ? "Awaiting the review panel" : "Awaiting approval";
            case APPROVED -> "Approved, not yet paid";
            case PAID -> "Paid";
            case REFUSED -> "Refused";
        };
    }

    /**
     * A payment approved by someone whose limit covers it (F-13). Nobody approves their own proposal. Above every
     * limit only the review panel decides, recorded by a member of staff who may decide cases, with the date it met.
     */
    Verdict approve(String approver, Optional<Role> role, boolean mayRecordPanel, boolean asPanel, @Nullable LocalDate panelMetOn,
                    @Nullable String reason, PaymentAuthority authority, Instant at, LocalDate today) {
        return approve(approver, role, role.map(PackRoles::impliedBy).orElse(Set.of()), mayRecordPanel, asPanel, panelMetOn, reason,
                authority, at, today);
    }

    /** As above, by someone holding these pack roles ({@link PackRoles#heldBy}). */
    Verdict approve(String approver, Optional<Role> role, Set<String> packRoles, boolean mayRecordPanel, boolean asPanel,
                    @Nullable LocalDate panelMetOn, @Nullable String reason, PaymentAuthority authority, Instant at, LocalDate today) {
        return decide(Status.APPROVED, "approved", approver, role, packRoles, mayRecordPanel, asPanel, panelMetOn, reason, authority, at, today);
    }

    /** A payment refused, with the reason, by someone who could have approved it. */
    Verdict refuse(String approver, Optional<Role> role, boolean mayRecordPanel, boolean asPanel, @Nullable LocalDate panelMetOn,
                   @Nullable String reason, PaymentAuthority authority, Instant at, LocalDate today) {
        return refuse(approver, role, role.map(PackRoles::impliedBy).orElse(Set.of()), mayRecordPanel, asPanel, panelMetOn, reason,
                authority, at, today);
    }

    /** As above, by someone holding these pack roles ({@link PackRoles#heldBy}). */
    Verdict refuse(String approver, Optional<Role> role, Set<String> packRoles, boolean mayRecordPanel, boolean asPanel,
                   @Nullable LocalDate panelMetOn, @Nullable String reason, PaymentAuthority authority, Instant at, LocalDate today) {
        if (reason == null || reason.isBlank()) {
            return Verdict.refused("say why the payment is refused", "F-13", "reason");
        }
        return decide(Status.REFUSED, "refused", approver, role, packRoles, mayRecordPanel, asPanel, panelMetOn, reason, authority, at, today);
    }

    private Verdict decide(Status outcome, String event, String approver, Optional<Role> role, Set<String> packRoles, boolean mayRecordPanel,
                           boolean asPanel, @Nullable LocalDate panelMetOn, @Nullable String reason, PaymentAuthority authority,
                           Instant at, LocalDate today) {
        if (kind != Kind.PAYMENT) {
            return Verdict.refused("only a payment is approved or refused", "F-13", null);
        }
        if (status != Status.PROPOSED) {
            return Verdict.refused("this payment is already " + status.name().toLowerCase(Locale.UK), "F-13", null);
        }
        BigDecimal value = java.util.Objects.requireNonNull(amount);
        PaymentKind paymentKind = java.util.Objects.requireNonNull(this.paymentKind);
        String decider;
        LocalDate on;
        if (asPanel) {
            if (!mayRecordPanel) {
                return Verdict.refused("only a member of staff who may decide cases records the review panel's decision", "F-13", "asPanel");
            }
            if (panelMetOn == null) {
                return Verdict.refused("give the date the review panel decided", "F-13", "panelDecidedOn");
            }
            if (panelMetOn.isAfter(today)) {
                return Verdict.refused("the review panel's decision cannot be dated in the future", "F-13", "panelDecidedOn");
            }
            decider = REVIEW_PANEL;
            on = panelMetOn;
        } else {
            if (approver.equals(proposedBy)) {
                return Verdict.refused("nobody approves or refuses their own proposed payment; ask someone else", "F-13", null);
            }
            if (needsPanel) {
                return Verdict.refused(routing + "; record the panel's decision", "F-13", "asPanel");
            }
            if (role.isEmpty()) {
                return Verdict.refused("you have no role in this organisation", "F-13", null);
            }
            Optional<Refusal> limit = authority.mayDecide(role.get(), packRoles, paymentKind, value);
            if (limit.isPresent()) {
                return new Verdict(null, limit.get());
            }
            decider = approver;
            on = today;
        }
        Remedy after = new Remedy(id, organisation, caseId, caseReference, kind, outcome, description, owner, due, doneOn,
                promisedAtStage, promiseIndex, paymentKind, amount, method, needsPanel, routing, proposedBy, proposedAt, decider,
                approver, at, on, reason == null || reason.isBlank() ? null : reason.strip(), paidOn, paidBy, version);
        return Verdict.allowed(after, event + (asPanel ? " by the review panel" : ""), reason);
    }

    /** An approved payment paid, on a date not in the future. */
    Verdict markPaid(String actor, LocalDate on, @Nullable String note, LocalDate today) {
        if (kind != Kind.PAYMENT) {
            return Verdict.refused("only a payment is paid", "H-9", null);
        }
        if (status != Status.APPROVED) {
            return Verdict.refused("a payment is paid only once it is approved; this one is " + status.name().toLowerCase(Locale.UK), "F-13", null);
        }
        if (on.isAfter(today)) {
            return Verdict.refused("the date paid cannot be in the future", "H-9", "paidOn");
        }
        Remedy after = new Remedy(id, organisation, caseId, caseReference, kind, Status.PAID, description, owner, due, doneOn,
                promisedAtStage, promiseIndex, paymentKind, amount, method, needsPanel, routing, proposedBy, proposedAt, decidedBy,
                recordedBy, decidedAt, decidedOn, decisionReason, on, actor, version);
        return Verdict.allowed(after, "paid", note);
    }

    /** An action done, on a date not in the future (A-5, Code 6.6). */
    Verdict markDone(String actor, LocalDate on, @Nullable String note, LocalDate today) {
        if (kind != Kind.ACTION) {
            return Verdict.refused("only an action is marked done", "A-5", null);
        }
        if (status != Status.OPEN) {
            return Verdict.refused("this action is already done", "A-5", null);
        }
        if (on.isAfter(today)) {
            return Verdict.refused("the date done cannot be in the future", "A-5", "doneOn");
        }
        Remedy after = new Remedy(id, organisation, caseId, caseReference, kind, Status.DONE, description, owner, due, on,
                promisedAtStage, promiseIndex, paymentKind, amount, method, needsPanel, routing, proposedBy, proposedAt, decidedBy,
                recordedBy, decidedAt, decidedOn, decisionReason, paidOn, paidBy, version);
        return Verdict.allowed(after, "done", note == null || note.isBlank() ? "done by " + actor : note);
    }

    /** The remedy as stored after a change: one version on. */
    Remedy nextVersion() {
        return new Remedy(id, organisation, caseId, caseReference, kind, status, description, owner, due, doneOn, promisedAtStage,
                promiseIndex, paymentKind, amount, method, needsPanel, routing, proposedBy, proposedAt, decidedBy, recordedBy,
                decidedAt, decidedOn, decisionReason, paidOn, paidBy, version + 1);
    }
}
