package org.redress.remedies;

import org.jspecify.annotations.Nullable;
import org.redress.remedies.Remedy.Kind;
import org.redress.remedies.Remedy.PaymentKind;
import org.redress.remedies.Remedy.Status;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A remedy as the API and the pages show it: its state, its status in words (overdue included), and its history.
 *
 * @param statusInWords e.g. "Overdue", "Awaiting the review panel", "Approved, not yet paid"
 */
public record RemedyView(UUID id, String caseReference, Kind kind, Status status, String statusInWords, boolean overdue,
                         String description, @Nullable String owner, @Nullable LocalDate due, @Nullable LocalDate doneOn,
                         @Nullable Integer promisedAtStage, @Nullable PaymentKind paymentKind, @Nullable BigDecimal amount,
                         @Nullable String amountInWords, @Nullable String method, boolean needsPanel, @Nullable String routing,
                         String proposedBy, Instant proposedAt, @Nullable String decidedBy, @Nullable String recordedBy,
                         @Nullable LocalDate decidedOn, @Nullable String decisionReason, @Nullable LocalDate paidOn,
                         @Nullable String paidBy, List<RemedyEvent> history) {

    static RemedyView of(Remedy r, LocalDate today, List<RemedyEvent> history) {
        return new RemedyView(r.id(), r.caseReference(), r.kind(), r.status(), r.statusWords(today), r.overdueOn(today),
                r.description(), r.owner(), r.due(), r.doneOn(), r.promisedAtStage(), r.paymentKind(), r.amount(),
                r.amount() == null ? null : Money.pounds(r.amount()), r.method(), r.needsPanel(), r.routing(), r.proposedBy(),
                r.proposedAt(), r.decidedBy(), r.recordedBy(), r.decidedOn(), r.decisionReason(), r.paidOn(), r.paidBy(), history);
    }

    /** A payment still waiting for a decision. */
    public boolean awaitingDecision() {
        return kind == Kind.PAYMENT && status == Status.PROPOSED;
    }
}
