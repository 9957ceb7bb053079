package org.redress.demo;

import org.redress.calendar.UkTime;
import org.redress.casework.CaseTypes.NewCase;
import org.redress.casework.CaseTypes.PointDecision;
import org.redress.casework.CaseTypes.Channel;
import org.redress.casework.CaseTypes.Classification;
import org.redress.casework.CaseTypes.Complainant;
import org.redress.casework.CaseTypes.ContactMethod;
import org.redress.casework.CaseTypes.Outcome;
import org.redress.casework.CaseTypes.Tenure;
import org.redress.casework.CaseView;
import org.redress.casework.Casework;
import org.redress.hazards.AttemptOutcome;
import org.redress.hazards.HazardClassification;
import org.redress.hazards.HazardView;
import org.redress.hazards.Hazards;
import org.redress.ombudsman.Finding;
import org.redress.ombudsman.OmbudsmanReferrals;
import org.redress.ombudsman.OrderKind;
import org.redress.ombudsman.ReferralView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * For the housing organisations: a damp-and-mould complaint with its hazard record and a failed visit, and a
 * case referred to the Housing Ombudsman with findings and orders, one of them overdue (F-8, F-9). Added once.
 */
@Component
@Profile("demo")
@Order(120)
class DemoOmbudsmanAndHazards implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoOmbudsmanAndHazards.class);
    private static final List<String> ORGANISATIONS = List.of("alliance-homes", "the-trust");

    private final Casework casework;
    private final Hazards hazards;
    private final OmbudsmanReferrals referrals;
    private final Clock clock;

    DemoOmbudsmanAndHazards(Casework casework, Hazards hazards, OmbudsmanReferrals referrals, Clock clock) {
        this.casework = casework;
        this.hazards = hazards;
        this.referrals = referrals;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (String organisation : ORGANISATIONS) {
            try {
                // once: the demo's own referral (recorded by "demo") is there after the first start
                if (referrals.openOrdersFirst(casework.scope(organisation)).stream().noneMatch(r -> r.recordedBy().equals("demo"))) {
                    add(organisation);
                }
            } catch (RuntimeException e) {
                log.warn("Demo ombudsman and hazard cases for {} not added: {}", organisation, e.getMessage());
            }
        }
    }

    private void add(String organisation) {
        Instant now = clock.instant();
        LocalDate today = UkTime.dateOf(now);
        String actor = "demo";
        CaseView damp = create(organisation, now.minus(Duration.ofDays(6)), "Nadia Begum", "nadia.begum@example.org",
                "There is black mould on the bedroom walls and the children's clothes are always damp.", List.of("Mould not treated"));
        for (HazardView h : hazards.ofCaseId(organisation, damp.id())) {
            hazards.classify(organisation, damp.id(), h.id(), new Hazards.ClassifyRequest(HazardClassification.SIGNIFICANT));
            hazards.recordAttempt(organisation, damp.id(), h.id(), new Hazards.AttemptRequest(now.minus(Duration.ofDays(3)), "Sam Surveyor",
                    AttemptOutcome.NO_ACCESS, "No answer; calling card left and a text sent offering Thursday"), actor);
        }

        CaseView referred = create(organisation, now.minus(Duration.ofDays(70)), "George Adeyemi", "george.adeyemi@example.org",
                "My boiler repair was missed twice and nobody called me back.", List.of("Boiler repair missed twice", "No call back"));
        casework.on(organisation, referred.id(), actor).acknowledge("email");
        casework.on(organisation, referred.id(), actor).respond(List.of(
                new PointDecision(1, Outcome.UPHELD, "the appointments were missed"),
                new PointDecision(2, Outcome.NOT_UPHELD, "the call log shows two calls")), "We apologise for the missed appointments.",
                List.of());
        ReferralView referral = referrals.refer(organisation, referred.id(), new OmbudsmanReferrals.ReferralRequest("housing-ombudsman",
                "HOS-" + today.getYear() + "-" + (1000 + organisation.length()), today.minusDays(40), today.minusDays(35), today.minusDays(12), null), actor);
        referrals.recordFindings(organisation, referred.id(), List.of(
                new OmbudsmanReferrals.FindingRequest(1, Finding.MALADMINISTRATION, "Two missed appointments without notice."),
                new OmbudsmanReferrals.FindingRequest(2, Finding.SERVICE_FAILURE, "Calls were logged but not returned.")), actor);
        referrals.order(organisation, referred.id(), new OmbudsmanReferrals.OrderRequest(OrderKind.APOLOGISE,
                "Apologise in writing", null, today.minusDays(5)), actor);
        referrals.order(organisation, referred.id(), new OmbudsmanReferrals.OrderRequest(OrderKind.PAY,
                "Pay £250 for the time and trouble", new BigDecimal("250.00"), today.plusDays(5)), actor);
        referrals.order(organisation, referred.id(), new OmbudsmanReferrals.OrderRequest(OrderKind.REVIEW_POLICY,
                "Review how repair appointments are rearranged", null, today.plusDays(40)), actor);
        log.info("Demo: {} has a damp-and-mould hazard on {} and a case referred to the ombudsman, {} ({})", organisation,
                damp.reference(), referred.reference(), referral.reference());
    }

    private CaseView create(String organisation, Instant received, String name, String email, String description, List<String> points) {
        NewCase request = new NewCase("complaint", Channel.EMAIL, received,
                new Complainant(name, email, null, "3 Elm Court", ContactMethod.EMAIL, null, List.of(), Tenure.LOW_COST_RENTAL), null, List.of(),
                new Classification("housing", null, "Repairs", null), description, "Put it right", null, null, points, null);
        return casework.create(organisation, request, "demo-ombudsman-hazards-" + organisation + "-" + name, "demo").view();
    }
}
