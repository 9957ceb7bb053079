package org.redress.ombudsman;

import org.jspecify.annotations.Nullable;
import org.redress.casework.CaseTypes.ClockStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A case's referral to the ombudsman as the API, the pages and other modules see it: its dates, the findings per
 * point, and each order with its status derived from today's date (never stored).
 *
 * @param overrideReason why the case went to another ombudsman than its service line's (F-8), when it did
 */
public record ReferralView(UUID id, String organisation, String caseId, String caseReference, String ombudsman,
                           String ombudsmanName, @Nullable String serviceLine, @Nullable String overrideReason,
                           String reference, LocalDate referredOn, @Nullable LocalDate informationRequestedOn,
                           @Nullable LocalDate determinedOn, Instant recordedAt, String recordedBy,
                           List<PointFinding> findings, List<OrderView> orders, List<RecommendationView> recommendations) {

    /**
     * The ombudsman's finding on one of the case's points of complaint.
     *
     * @param category the point's category as the determination gave it (e.g. Repairs), so findings count per category
     *                 as the Ombudsman publishes them; null when none was given
     */
    public record PointFinding(int point, String pointSummary, Finding finding, String notes, Instant recordedAt, String recordedBy,
                               @Nullable String category) {
    }

    /**
     * A recommendation: kept apart from orders, it has no compliance date; the organisation records whether it followed it.
     *
     * @param followed true (followed), false (not followed), or null while not yet decided
     */
    public record RecommendationView(UUID id, OrderKind kind, String kindInWords, String text, @Nullable Boolean followed,
                                     @Nullable LocalDate decidedOn, @Nullable String note) {
    }

    /**
     * An order and whether it has been complied with.
     *
     * @param status ON_TIME or DUE_SOON while open, OVERDUE after its due date, MET or MET_LATE once complied with
     * @param statusText the status in words, e.g. "Overdue: was due by Mon 4 Jan 2027"
     * @param point the point of complaint the order is for (a payment: the point it pays for), if it names one
     * @param finding the ombudsman's finding on that point, and {@code category} the point's category, when recorded
     */
    public record OrderView(UUID id, OrderKind kind, String description, @Nullable BigDecimal amount, LocalDate dueOn,
                            @Nullable LocalDate compliedOn, @Nullable String evidence, ClockStatus status, String statusText,
                            String kindInWords, @Nullable Integer point, @Nullable Finding finding, @Nullable String category) {

        public boolean open() {
            return compliedOn == null;
        }
    }

    public long openOrders() {
        return orders.stream().filter(OrderView::open).count();
    }

    public long overdueOrders() {
        return orders.stream().filter(o -> o.status() == ClockStatus.OVERDUE).count();
    }

    /** The earliest due date of an order not yet complied with, if any. */
    public @Nullable LocalDate nextOrderDue() {
        return orders.stream().filter(OrderView::open).map(OrderView::dueOn).min(LocalDate::compareTo).orElse(null);
    }
}
