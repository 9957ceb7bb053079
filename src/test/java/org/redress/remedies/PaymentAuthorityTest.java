package org.redress.remedies;

import org.junit.jupiter.api.Test;
import org.redress.accounts.Role;
import org.redress.policy.PolicyPack.CompensationAuthority;
import org.redress.remedies.Remedy.Kind;
import org.redress.remedies.Remedy.PaymentKind;
import org.redress.remedies.Remedy.Status;
import org.redress.web.Refusal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may approve a payment, read from a pack's authority table (F-13, H-9). */
class PaymentAuthorityTest {

    static final PaymentAuthority LIMITS = new PaymentAuthority(List.of(
            new CompensationAuthority("director", "compensation or ex gratia payment for an upheld complaint", new BigDecimal("1000"), "F-13; 002 2.7.1"),
            new CompensationAuthority("local-manager", "ex gratia gesture of goodwill", new BigDecimal("250"), "F-13; 002 2.7.2")));
    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final LocalDate TODAY = LocalDate.parse("2026-11-23");

    static Remedy proposed(PaymentKind kind, String amount, String by, PaymentAuthority authority) {
        PaymentAuthority.Routing routing = authority.route(kind, new BigDecimal(amount));
        return new Remedy(UUID.randomUUID(), "org", UUID.randomUUID(), "AH-2026-000001", Kind.PAYMENT, Status.PROPOSED, "missed repairs",
                null, null, null, null, null, kind, new BigDecimal(amount), "BANK_TRANSFER", routing.needsPanel(), routing.explanation(),
                by, NOW, null, null, null, null, null, null, null, 0);
    }

    @Test
    void aGoodwillGestureWithinTheLocalManagersLimitMayBeApprovedByAFeedbackManager() { // F-13
        assertThat(LIMITS.mayDecide(Role.FEEDBACK_MANAGER, PaymentKind.GOODWILL, new BigDecimal("250.00"))).isEmpty();
        assertThat(LIMITS.mayDecide(Role.COMPLAINT_MANAGEMENT_OFFICER, PaymentKind.GOODWILL, new BigDecimal("99.99"))).isEmpty();
        assertThat(LIMITS.route(PaymentKind.GOODWILL, new BigDecimal("200")).needsPanel()).isFalse();
    }

    @Test
    void anAmountAboveTheLocalManagersLimitIsRefusedNamingTheRule() { // F-13
        Optional<Refusal> refusal = LIMITS.mayDecide(Role.FEEDBACK_MANAGER, PaymentKind.GOODWILL, new BigDecimal("600"));
        assertThat(refusal).get().satisfies(r -> {
            assertThat(r.message()).isEqualTo("£600 is above the local manager's limit of £250");
            assertThat(r.cite()).startsWith("F-13");
        });
        assertThat(LIMITS.mayDecide(Role.DIRECTOR, PaymentKind.GOODWILL, new BigDecimal("600"))).isEmpty();
    }

    @Test
    void aRoleTheTableDoesNotNameForThatKindMayNotApproveIt() { // F-13
        assertThat(LIMITS.mayDecide(Role.FEEDBACK_MANAGER, PaymentKind.COMPENSATION, new BigDecimal("10"))).get()
                .satisfies(r -> assertThat(r.describe()).contains("may not approve a compensation", "the director", "F-13"));
        assertThat(LIMITS.mayDecide(Role.CASE_WORKER, PaymentKind.GOODWILL, new BigDecimal("10"))).isPresent();
        assertThat(LIMITS.mayDecide(Role.ADMINISTRATOR, PaymentKind.GOODWILL, new BigDecimal("10"))).isPresent();
    }

    @Test
    void aPaymentAboveEveryLimitIsRoutedToTheReviewPanel() { // F-13
        PaymentAuthority.Routing routing = LIMITS.route(PaymentKind.COMPENSATION, new BigDecimal("1500"));
        assertThat(routing.needsPanel()).isTrue();
        assertThat(routing.explanation()).contains("£1,500 is above every limit", "director up to £1,000", "review panel");
    }

    @Test
    void aKindNoRowCoversGoesToTheReviewPanelAndANoLimitRowCoversAnyAmount() { // H-9, F-13
        PaymentAuthority hof = new PaymentAuthority(List.of(new CompensationAuthority("complaint-management-officer",
                "ex gratia payment or goodwill gesture under the Ex Gratia Payments policy", null, "H-9")));
        assertThat(hof.route(PaymentKind.COMPENSATION, new BigDecimal("5")).needsPanel()).isTrue();
        assertThat(hof.route(PaymentKind.EX_GRATIA, new BigDecimal("50000")).needsPanel()).isFalse();
        assertThat(hof.mayDecide(Role.COMPLAINT_MANAGEMENT_OFFICER, PaymentKind.EX_GRATIA, new BigDecimal("50000"))).isEmpty();
        assertThat(new PaymentAuthority(List.of()).route(PaymentKind.GOODWILL, BigDecimal.ONE).needsPanel()).isTrue();
    }

    @Test
    void nobodyApprovesTheirOwnProposedPayment() { // F-13
        Remedy payment = proposed(PaymentKind.GOODWILL, "100", "dee.director", LIMITS);
        Remedy.Verdict own = payment.approve("dee.director", Optional.of(Role.DIRECTOR), true, false, null, null, LIMITS, NOW, TODAY);
        assertThat(own.refusal()).isNotNull();
        assertThat(own.refusal().message()).contains("own proposed payment");
        Remedy.Verdict other = payment.approve("fay.feedback", Optional.of(Role.FEEDBACK_MANAGER), true, false, null, "fair", LIMITS, NOW, TODAY);
        assertThat(other.changed()).isNotNull();
        assertThat(other.changed().after().status()).isEqualTo(Status.APPROVED);
        assertThat(other.changed().after().decidedBy()).isEqualTo("fay.feedback");
    }

    @Test
    void aPaymentForThePanelIsApprovedOnlyAsThePanelsDecisionWithItsDate() { // F-13
        Remedy payment = proposed(PaymentKind.COMPENSATION, "1500", "sam.worker", LIMITS);
        assertThat(payment.approve("dee.director", Optional.of(Role.DIRECTOR), true, false, null, null, LIMITS, NOW, TODAY).refusal())
                .satisfies(r -> assertThat(r.field()).isEqualTo("asPanel"));
        assertThat(payment.approve("dee.director", Optional.of(Role.DIRECTOR), true, true, null, null, LIMITS, NOW, TODAY).refusal())
                .satisfies(r -> assertThat(r.field()).isEqualTo("panelDecidedOn"));
        assertThat(payment.approve("cal.caseworker", Optional.of(Role.CASE_WORKER), false, true, TODAY, null, LIMITS, NOW, TODAY).refusal())
                .isNotNull();
        Remedy approved = payment.approve("dee.director", Optional.of(Role.DIRECTOR), true, true, TODAY.minusDays(2), "panel met",
                LIMITS, NOW, TODAY).changed().after();
        assertThat(approved.decidedBy()).isEqualTo(Remedy.REVIEW_PANEL);
        assertThat(approved.recordedBy()).isEqualTo("dee.director");
        assertThat(approved.decidedOn()).isEqualTo(TODAY.minusDays(2));
    }

    @Test
    void theCaseSectionCallsAnOverduePromisedActionGroundsToEscalate() {
        assertThat(RemediesSection.describe(new Remedies.CaseSummary(3, 1, 1, 1, 1)))
                .isEqualTo("3 remedies; 1 payment awaiting a decision; 1 promised action overdue: grounds to escalate (A-6)");
        assertThat(RemediesSection.describe(new Remedies.CaseSummary(2, 0, 2, 1, 0)))
                .isEqualTo("2 remedies; 1 action open; 1 action overdue");
        assertThat(RemediesSection.describe(new Remedies.CaseSummary(0, 0, 0, 0, 0))).isNull();
    }
}
