package org.redress.ombudsman;

import org.junit.jupiter.api.Test;
import org.redress.calendar.Jurisdiction;
import org.redress.casework.CaseTypes.ClockStatus;
import org.redress.casework.CaseTypes.Point;
import org.redress.policy.PolicyPack;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The referral aggregate without Spring or a database: the F-8 route rule, findings per point, order status by date. */
class ReferralTest {

    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    private static final PolicyPack PACK = new PolicyPack("test", 1, "Test", new PolicyPack.PackOrganisation("org", "Org",
            Jurisdiction.ENGLAND_AND_WALES, true, List.of()),
            List.of(new PolicyPack.ServiceLine("housing", "Housing", "hos", List.of()),
                    new PolicyPack.ServiceLine("home-care", "Home care", "lgsco", List.of())),
            List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
            List.of(new PolicyPack.OmbudsmanRoute("hos", "Housing Ombudsman Service", null, null, null, null, null, null),
                    new PolicyPack.OmbudsmanRoute("lgsco", "Local Government and Social Care Ombudsman", null, null, null, null, null, null)),
            List.of(), List.of(), List.of());

    private static Referral.Made refer(String serviceLine, String ombudsman, String reason) {
        return Referral.refer(UUID.randomUUID(), "org", UUID.randomUUID().toString(), "ORG-1", serviceLine, PACK,
                new Referral.Details(ombudsman, "REF-1", LocalDate.parse("2026-11-20"), null, null, reason), NOW, "tester");
    }

    @Test
    void aHomeCareCaseGoesToTheLocalGovernmentOmbudsmanNotTheHousingOneF8() {
        Referral.Made wrong = refer("home-care", "hos", null);
        assertThat(wrong.referral()).isNull();
        assertThat(wrong.refusal().cite()).isEqualTo("F-8");
        assertThat(wrong.refusal().message()).contains("home care").contains("Local Government and Social Care Ombudsman");
        assertThat(refer("home-care", "lgsco", null).refusal()).isNull();
        assertThat(refer("home-care", "hos", "   ").refusal()).as("a blank reason is no reason").isNotNull();
        assertThat(refer("home-care", "hos", "the care is part of the tenancy").referral().stored().overrideReason())
                .isEqualTo("the care is part of the tenancy");
        assertThat(refer(null, "hos", null).refusal().message()).contains("no service line");
    }

    @Test
    void aFindingIsOnlyForAPointTheCaseHas() {
        Referral referral = refer("housing", "hos", null).referral();
        List<Point> points = List.of(new Point(1, "Repair late", null, null, 0));
        assertThat(referral.recordFinding(1, Finding.SEVERE_MALADMINISTRATION, "notes", points, NOW, "t")).isEmpty();
        assertThat(referral.recordFinding(2, Finding.MALADMINISTRATION, "notes", points, NOW, "t")).get()
                .satisfies(r -> assertThat(r.field()).isEqualTo("point"));
        assertThat(referral.findings()).singleElement().satisfies(f -> assertThat(f.pointSummary()).isEqualTo("Repair late"));
    }

    @Test
    void anOrdersStatusComesFromTheDateItIsAskedOn() {
        Referral referral = refer("housing", "hos", null).referral();
        UUID id = referral.order(OrderKind.CARRY_OUT_WORKS, "Fix the roof", null, LocalDate.parse("2026-12-10"), NOW, "t");
        Referral.Order order = referral.orders().get(0);
        assertThat(order.status(LocalDate.parse("2026-12-02"))).isEqualTo(ClockStatus.ON_TIME);
        assertThat(order.status(LocalDate.parse("2026-12-03"))).isEqualTo(ClockStatus.DUE_SOON);
        assertThat(order.status(LocalDate.parse("2026-12-10"))).isEqualTo(ClockStatus.DUE_SOON);
        assertThat(order.status(LocalDate.parse("2026-12-11"))).isEqualTo(ClockStatus.OVERDUE);
        assertThat(referral.complied(id, LocalDate.parse("2026-12-09"), "photos")).isEmpty();
        assertThat(referral.orders().get(0).status(LocalDate.parse("2027-01-01"))).isEqualTo(ClockStatus.MET);
        assertThat(referral.complied(id, LocalDate.parse("2026-12-09"), "again")).isPresent();
    }

    @Test
    void aPaymentOrderNamesThePointItPaysForAndShowsThatPointsFindingAndCategory() {
        Referral referral = refer("housing", "hos", null).referral();
        List<Point> points = List.of(new Point(1, "Boiler", null, null, 0), new Point(2, "Complaint handling", null, null, 0));
        referral.recordFinding(1, Finding.MALADMINISTRATION, "Repairs", "notes", points, NOW, "t");
        assertThat(referral.order(OrderKind.PAY, "Pay", new java.math.BigDecimal("250.00"), LocalDate.parse("2026-12-10"), 3, points, NOW, "t"))
                .get().satisfies(r -> assertThat(r.field()).isEqualTo("point"));
        assertThat(referral.order(OrderKind.PAY, "Pay", new java.math.BigDecimal("250.00"), LocalDate.parse("2026-12-10"), 1, points, NOW, "t")).isEmpty();
        ReferralView.OrderView order = referral.view(LocalDate.parse("2026-11-23")).orders().get(0);
        assertThat(List.of(order.point(), order.finding(), order.category(), order.kindInWords()))
                .containsExactly(1, Finding.MALADMINISTRATION, "Repairs", "Pay compensation");
    }

    @Test
    void aRecommendationIsNotAnOrderAndIsMarkedFollowedOrNot() {
        Referral referral = refer("housing", "hos", null).referral();
        UUID id = referral.recommend(OrderKind.STAFF_TRAINING, "Train the repairs team", NOW, "t");
        assertThat(referral.orders()).isEmpty();
        assertThat(referral.decide(id, true, LocalDate.parse("2026-11-19"), null)).get()
                .satisfies(r -> assertThat(r.field()).isEqualTo("decidedOn"));
        assertThat(referral.decide(id, false, LocalDate.parse("2026-11-23"), "Already booked")).isEmpty();
        ReferralView.RecommendationView view = referral.view(LocalDate.parse("2026-11-23")).recommendations().get(0);
        assertThat(List.of(view.followed(), view.decidedOn(), view.note())).containsExactly(false, LocalDate.parse("2026-11-23"), "Already booked");
        assertThat(referral.decide(UUID.randomUUID(), true, LocalDate.parse("2026-11-23"), null)).isPresent();
    }

    @Test
    void theOmbudsmansOrderKindsAreTwelvePlusOtherAndReadByTheirCommonNames() {
        assertThat(OrderKind.values()).hasSize(13);
        assertThat(OrderKind.parse("CHFO")).contains(OrderKind.COMPLAINT_HANDLING_FAILURE);
        assertThat(OrderKind.parse("Complaint Handling Failure Order")).contains(OrderKind.COMPLAINT_HANDLING_FAILURE);
        assertThat(OrderKind.parse("staff training")).contains(OrderKind.STAFF_TRAINING);
        assertThat(OrderKind.parse("Survey")).contains(OrderKind.INSPECT_OR_SURVEY);
        assertThat(OrderKind.parse("record-keeping review")).contains(OrderKind.REVIEW_RECORD_KEEPING);
        assertThat(OrderKind.parse("compensation")).contains(OrderKind.PAY);
        assertThat(OrderKind.parse("REVIEW_POLICY")).contains(OrderKind.REVIEW_POLICY);
        assertThat(OrderKind.parse("send flowers")).isEmpty();
        assertThat(Finding.parse("Severe maladministration")).contains(Finding.SEVERE_MALADMINISTRATION);
        assertThat(Finding.parse("no-maladministration")).contains(Finding.NO_MALADMINISTRATION);
        assertThat(Finding.parse("partly")).isEmpty();
    }

    @Test
    void theInformationPackShowsTheFindingsCategoryThePointAPaymentIsForAndEachRecommendation() {
        Referral referral = refer("housing", "hos", null).referral();
        List<Point> points = List.of(new Point(1, "Boiler", null, null, 0));
        referral.recordFinding(1, Finding.MALADMINISTRATION, "Repairs", "Six weeks", points, NOW, "t");
        referral.order(OrderKind.PAY, "For the weeks without heating", new java.math.BigDecimal("250.00"), LocalDate.parse("2026-12-10"), 1, points, NOW, "t");
        UUID id = referral.recommend(OrderKind.STAFF_TRAINING, "Train the repairs team", NOW, "t");
        referral.decide(id, true, LocalDate.parse("2026-11-23"), null);
        InformationPackPage.Referral pack = InformationPackPage.referral(referral.view(LocalDate.parse("2026-11-23")));
        assertThat(pack.findings().get(0).finding()).isEqualTo("Maladministration (Repairs)");
        assertThat(pack.orders().get(0).order()).isEqualTo("Pay compensation £250.00 for point 1: For the weeks without heating");
        assertThat(pack.rows()).anySatisfy(r -> assertThat(r.value())
                .isEqualTo("Train staff: Train the repairs team (followed on Mon 23 Nov 2026)"));
    }
}
