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

    record Order(UUID id, OrderKind kind, String description, @Nullable BigDecimal amount, LocalDate dueOn,
                 @Nullable LocalDate compliedOn, @Nullable String evidence, Instant recordedAt, String recordedBy) {

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

    private Referral(Stored referral) {
        this.referral = referral;
    }

    static Referral restore(Stored referral, List<ReferralView.PointFinding> findings, List<Order> orders) {
        Referral r = new Referral(referral);
        findings.forEach(f -> r.findings.put(f.point(), f));
        r.orders.addAll(orders);
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
        Optional<Point> p = casePoints.stream().filter(cp -> cp.number() == point).findFirst();
        if (p.isEmpty()) {
            return Optional.of(new Refusal("the case has no point " + point + " (its points are "
                    + casePoints.stream().map(Point::number).toList() + ")", "F-9", "point"));
        }
        findings.put(point, new ReferralView.PointFinding(point, p.get().summary(), finding, notes, now, actor));
        return Optional.empty();
    }

    UUID order(OrderKind kind, String description, @Nullable BigDecimal amount, LocalDate dueOn, Instant now, String actor) {
        UUID id = UUID.randomUUID();
        orders.add(new Order(id, kind, description, amount, dueOn, null, null, now, actor));
        return id;
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
                orders.set(i, new Order(o.id(), o.kind(), o.description(), o.amount(), o.dueOn(), on, evidence, o.recordedAt(), o.recordedBy()));
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

    ReferralView view(LocalDate today) {
        Stored r = referral;
        List<ReferralView.OrderView> orderViews = orders.stream().map(o -> new ReferralView.OrderView(o.id(), o.kind(), o.description(),
                o.amount(), o.dueOn(), o.compliedOn(), o.evidence(), o.status(today), o.statusText(today))).toList();
        return new ReferralView(r.id(), r.organisation(), r.caseId(), r.caseReference(), r.ombudsman(), r.ombudsmanName(),
                r.serviceLine(), r.overrideReason(), r.reference(), r.referredOn(), r.informationRequestedOn(), r.determinedOn(),
                r.recordedAt(), r.recordedBy(), findings(), orderViews);
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
