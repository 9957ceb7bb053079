package org.redress.ombudsman;

import org.jspecify.annotations.Nullable;
import org.redress.casework.CaseTypes.ClockStatus;
import org.redress.casework.CaseTypes.Point;
import org.redress.policy.PolicyPack;
import org.redress.web.Refusal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A case's referral to an ombudsman: the aggregate. Each verb checks the rule and changes the referral, or returns a
 * refusal naming the rule and changes nothing. Order status is derived from the date it is asked on.
 */
final class Referral {

    /** An order "due soon" within this many days of its due date. */
    static final int DUE_SOON_DAYS = 7;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.UK);

    /** What staff give when they record or amend a referral. */
    record Details(String ombudsman, String reference, LocalDate referredOn, @Nullable LocalDate informationRequestedOn,
                   @Nullable LocalDate determinedOn, @Nullable String overrideReason) {
    }

    /** An order; {@code point} is the point of complaint it is for (a payment: the point it pays for), when it names one. */
    record Order(UUID id, OrderKind kind, String description, @Nullable BigDecimal amount, LocalDate dueOn,
                 @Nullable LocalDate compliedOn, @Nullable String evidence, Instant recordedAt, String recordedBy,
                 @Nullable Integer point) {

        ClockStatus status(LocalDate today) {
            if (compliedOn != null) {
                return compliedOn.isAfter(dueOn) ? ClockStatus.MET_LATE : ClockStatus.MET;
            }
            if (today.isAfter(dueOn)) {
                return ClockStatus.OVERDUE;
            }
            return ChronoUnit.DAYS.between(today, dueOn) <= DUE_SOON_DAYS ? ClockStatus.DUE_SOON : ClockStatus.ON_TIME;
        }

        String statusText(LocalDate today) {
            return switch (status(today)) {
                case MET -> "Complied with on " + DAY.format(compliedOn) + ", on time";
                case MET_LATE -> "Complied with on " + DAY.format(compliedOn) + ", late (was due by " + DAY.format(dueOn) + ")";
                case OVERDUE -> "Overdue: was due by " + DAY.format(dueOn);
                case DUE_SOON -> "Due soon: by " + DAY.format(dueOn);
                default -> "Due by " + DAY.format(dueOn);
            };
        }
    }

    record Stored(UUID id, String organisation, String caseId, String caseReference, String ombudsman, String ombudsmanName,
                  @Nullable String serviceLine, @Nullable String overrideReason, String reference, LocalDate referredOn,
                  @Nullable LocalDate informationRequestedOn, @Nullable LocalDate determinedOn, Instant recordedAt,
                  String recordedBy) {
    }

    /** The outcome of referring: the new referral, or why not. */
    record Made(@Nullable Referral referral, @Nullable Refusal refusal) {
    }

    private Stored referral;
    private final Map<Integer, ReferralView.PointFinding> findings = new TreeMap<>();
    private final List<Order> orders = new ArrayList<>();
    private final List<Recommendation> recommendations = new ArrayList<>();

    /**
     * A recommendation the ombudsman made: apart from orders, with no compliance date; the organisation decides whether
     * to follow it ({@code followed} null until it has).
     */
    record Recommendation(UUID id, OrderKind kind, String text, @Nullable Boolean followed, @Nullable LocalDate decidedOn,
                          @Nullable String note, Instant recordedAt, String recordedBy) {
    }

    private Referral(Stored referral) {
        this.referral = referral;
    }

    static Referral restore(Stored referral, List<ReferralView.PointFinding> findings, List<Order> orders) {
        return restore(referral, findings, orders, List.of());
    }

    static Referral restore(Stored referral, List<ReferralView.PointFinding> findings, List<Order> orders,
                            List<Recommendation> recommendations) {
        Referral r = new Referral(referral);
        findings.forEach(f -> r.findings.put(f.point(), f));
        r.orders.addAll(orders);
        r.recommendations.addAll(recommendations);
        return r;
    }

    /** Refers a case; refused when the ombudsman is not the one the case's service line goes to, unless a reason is given (F-8). */
    static Made refer(UUID id, String organisation, String caseId, String caseReference, @Nullable String serviceLine,
                      PolicyPack pack, Details details, Instant now, String actor) {
        Optional<Refusal> refused = checkRoute(pack, serviceLine, details);
        if (refused.isPresent()) {
            return new Made(null, refused.get());
        }
        String name = pack.ombudsman(details.ombudsman()).map(PolicyPack.OmbudsmanRoute::name).orElse(details.ombudsman());
        return new Made(new Referral(new Stored(id, organisation, caseId, caseReference, details.ombudsman(), name,
                serviceLineOf(pack, serviceLine).map(PolicyPack.ServiceLine::id).orElse(serviceLine),
                blankToNull(details.overrideReason()), details.reference(), details.referredOn(), details.informationRequestedOn(),
                details.determinedOn(), now, actor)), null);
    }

    /** Changes the referral's reference or dates (when the ombudsman asked for information, when it determined). */
    Optional<Refusal> amend(PolicyPack pack, Details details, Instant now, String actor) {
        Optional<Refusal> refused = checkRoute(pack, referral.serviceLine(), details);
        if (refused.isPresent()) {
            return refused;
        }
        Stored r = referral;
        String name = pack.ombudsman(details.ombudsman()).map(PolicyPack.OmbudsmanRoute::name).orElse(details.ombudsman());
        referral = new Stored(r.id(), r.organisation(), r.caseId(), r.caseReference(), details.ombudsman(), name, r.serviceLine(),
                blankToNull(details.overrideReason()), details.reference(), details.referredOn(), details.informationRequestedOn(),
                details.determinedOn(), now, actor);
        return Optional.empty();
    }

    /** The ombudsman's finding on one point of the case (a later finding on the same point replaces it). */
    Optional<Refusal> recordFinding(int point, Finding finding, String notes, List<Point> casePoints, Instant now, String actor) {
        return recordFinding(point, finding, null, notes, casePoints, now, actor);
    }

    /** The finding on one point with the point's category (a string name, e.g. Repairs), so reports count per category. */
    Optional<Refusal> recordFinding(int point, Finding finding, @Nullable String category, String notes, List<Point> casePoints,
                                    Instant now, String actor) {
        Optional<Point> p = casePoints.stream().filter(cp -> cp.number() == point).findFirst();
        if (p.isEmpty()) {
            return Optional.of(noSuchPoint(point, casePoints));
        }
        findings.put(point, new ReferralView.PointFinding(point, p.get().summary(), finding, notes, now, actor, category));
        return Optional.empty();
    }

    UUID order(OrderKind kind, String description, @Nullable BigDecimal amount, LocalDate dueOn, Instant now, String actor) {
        UUID id = UUID.randomUUID();
        orders.add(new Order(id, kind, description, amount, dueOn, null, null, now, actor, null));
        return id;
    }

    /** An order for one point of the case (a payment order names the point it pays for); refused for a point the case lacks. */
    Optional<Refusal> order(OrderKind kind, String description, @Nullable BigDecimal amount, LocalDate dueOn, @Nullable Integer point,
                            List<Point> casePoints, Instant now, String actor) {
        if (point != null && casePoints.stream().noneMatch(cp -> cp.number() == point)) {
            return Optional.of(noSuchPoint(point, casePoints));
        }
        orders.add(new Order(UUID.randomUUID(), kind, description, amount, dueOn, null, null, now, actor, point));
        return Optional.empty();
    }

    /** Records a recommendation: no due date, nothing to comply with. */
    UUID recommend(OrderKind kind, String text, Instant now, String actor) {
        UUID id = UUID.randomUUID();
        recommendations.add(new Recommendation(id, kind, text, null, null, null, now, actor));
        return id;
    }

    /** Records whether the organisation followed a recommendation (a later decision replaces an earlier one). */
    Optional<Refusal> decide(UUID recommendationId, boolean followed, LocalDate on, @Nullable String note) {
        if (on.isBefore(referral.referredOn())) {
            return Optional.of(new Refusal("the decision cannot be before the referral on " + referral.referredOn(), "F-9", "decidedOn"));
        }
        for (int i = 0; i < recommendations.size(); i++) {
            Recommendation r = recommendations.get(i);
            if (r.id().equals(recommendationId)) {
                recommendations.set(i, new Recommendation(r.id(), r.kind(), r.text(), followed, on, note, r.recordedAt(), r.recordedBy()));
                return Optional.empty();
            }
        }
        return Optional.of(new Refusal("no recommendation " + recommendationId + " on this referral", null, "id"));
    }

    private static Refusal noSuchPoint(int point, List<Point> casePoints) {
        return new Refusal("the case has no point " + point + " (its points are "
                + casePoints.stream().map(Point::number).toList() + ")", "F-9", "point");
    }

    /** Records that an order was complied with, with the evidence; refused if it already was. */
    Optional<Refusal> complied(UUID orderId, LocalDate on, String evidence) {
        for (int i = 0; i < orders.size(); i++) {
            Order o = orders.get(i);
            if (o.id().equals(orderId)) {
                if (o.compliedOn() != null) {
                    return Optional.of(new Refusal("this order was already complied with on " + o.compliedOn(), "F-9", "compliedOn"));
                }
                if (on.isBefore(referral.referredOn())) {
                    return Optional.of(new Refusal("compliance cannot be before the referral on " + referral.referredOn(), "F-9", "compliedOn"));
                }
                orders.set(i, new Order(o.id(), o.kind(), o.description(), o.amount(), o.dueOn(), on, evidence, o.recordedAt(), o.recordedBy(),
                        o.point()));
                return Optional.empty();
            }
        }
        return Optional.of(new Refusal("no order " + orderId + " on this referral", null, "id"));
    }

    Stored stored() {
        return referral;
    }

    List<ReferralView.PointFinding> findings() {
        return List.copyOf(findings.values());
    }

    List<Order> orders() {
        return List.copyOf(orders);
    }

    List<Recommendation> recommendations() {
        return List.copyOf(recommendations);
    }

    ReferralView view(LocalDate today) {
        Stored r = referral;
        List<ReferralView.OrderView> orderViews = orders.stream().map(o -> {
            ReferralView.PointFinding on = o.point() == null ? null : findings.get(o.point());
            return new ReferralView.OrderView(o.id(), o.kind(), o.description(), o.amount(), o.dueOn(), o.compliedOn(), o.evidence(),
                    o.status(today), o.statusText(today), o.kind().words(), o.point(), on == null ? null : on.finding(),
                    on == null ? null : on.category());
        }).toList();
        List<ReferralView.RecommendationView> recommendationViews = recommendations.stream().map(x -> new ReferralView.RecommendationView(
                x.id(), x.kind(), x.kind().words(), x.text(), x.followed(), x.decidedOn(), x.note())).toList();
        return new ReferralView(r.id(), r.organisation(), r.caseId(), r.caseReference(), r.ombudsman(), r.ombudsmanName(),
                r.serviceLine(), r.overrideReason(), r.reference(), r.referredOn(), r.informationRequestedOn(), r.determinedOn(),
                r.recordedAt(), r.recordedBy(), findings(), orderViews, recommendationViews);
    }

    /** The ombudsman route a case's service line goes to (F-8); a pack with one service line needs none on the case. */
    static Optional<PolicyPack.OmbudsmanRoute> expectedRoute(PolicyPack pack, @Nullable String serviceLine) {
        return serviceLineOf(pack, serviceLine).flatMap(line -> pack.ombudsman(line.ombudsman()));
    }

    private static Optional<PolicyPack.ServiceLine> serviceLineOf(PolicyPack pack, @Nullable String serviceLine) {
        if (serviceLine != null && !serviceLine.isBlank()) {
            return pack.serviceLine(serviceLine);
        }
        return pack.serviceLines().size() == 1 ? Optional.of(pack.serviceLines().get(0)) : Optional.empty();
    }

    private static Optional<Refusal> checkRoute(PolicyPack pack, @Nullable String serviceLine, Details details) {
        boolean overridden = blankToNull(details.overrideReason()) != null;
        Optional<PolicyPack.ServiceLine> line = serviceLineOf(pack, serviceLine);
        if (line.isEmpty()) {
            return overridden ? Optional.empty() : Optional.of(new Refusal("the case has no service line, so which ombudsman it goes to is not known; "
                    + "set the case's service line, or give an override reason", "F-8", "ombudsman"));
        }
        if (!line.get().ombudsman().equals(details.ombudsman()) && !overridden) {
            String expected = pack.ombudsman(line.get().ombudsman()).map(PolicyPack.OmbudsmanRoute::name).orElse(line.get().ombudsman());
            return Optional.of(new Refusal("complaints about " + line.get().name().toLowerCase(Locale.UK) + " go to the " + expected
                    + ", not '" + details.ombudsman() + "'; to refer elsewhere give an override reason", "F-8", "ombudsman"));
        }
        return Optional.empty();
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
