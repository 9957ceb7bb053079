package org.redress.casework;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.accounts.Accounts;
import org.redress.accounts.Role;
import org.redress.testing.Api;
import org.redress.testing.CaseOnFile;
import org.redress.testing.Cases;
import org.redress.testing.MutableClock;
import org.redress.testing.TestClockConfiguration;
import org.redress.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * F-6 (Alliance Homes, 002 2.2.4): "at any point in the process where we feel it appropriate, we may offer to refer
 * the complaint to an independent mediator". Mediation is a verb of the case, offered where the pack has a
 * mediation-offer step, with the mediator, the dates and the outcome as typed events in the case's history.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class CaseMediationIT {

    static final String PASSWORD = "case-mediation-pass";

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    MutableClock clock;

    String org;
    /** A case worker of this test's own organisation (an account is made once, with the organisation it is first given). */
    String worker;

    @BeforeEach
    void anOrganisationLikeAllianceHomes() {
        clock.setUk("2026-12-07T10:00");
        org = cases().anOrganisationLike("alliance-homes");
        worker = "worker." + org;
        accounts.ensure(worker, "Mo Worker", PASSWORD, false, Map.of(org, Role.CASE_WORKER));
    }

    @Test
    void mediationIsOfferedAcceptedHeldAndConcludedWithTheMediatorAndDatesInTheHistory_F6() {
        CaseOnFile c = cases().aComplaint().receivedOn(LocalDate.of(2026, 11, 2)).by("Nel Neighbour").saying("Noise from next door every night").in(org);
        assertThat(texts(c.read().get("allowedActions"))).contains("mediation");

        // an answer before any offer, and an offer without a mediator, are refused and change nothing
        Api.Response early = c.attempt("mediation", """
                {"step":"ACCEPTED"}""");
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.body()).contains("record the offer of mediation before the person's answer", "F-6");
        Api.Response noMediator = c.attempt("mediation", """
                {"step":"OFFERED","on":"2026-11-10"}""");
        assertThat(noMediator.status()).isEqualTo(422);
        assertThat(noMediator.body()).contains("mediator");

        c.act("mediation", """
                {"step":"OFFERED","mediator":"Northern Community Mediation (Jo Mediator)","on":"2026-11-10","notes":"Offered by phone"}""");
        // while the case is on hold, it goes on: mediation may happen at any point while the case is open
        c.act("hold", """
                {"kind":"AWAITING_COMPLAINANT","reason":"Waiting for mediation"}""");
        c.act("mediation", """
                {"step":"ACCEPTED","on":"2026-11-12"}""");
        c.act("mediation", """
                {"step":"HELD","on":"2026-11-26","mediator":"Jo Mediator"}""");
        Api.Response noResult = c.attempt("mediation", """
                {"step":"OUTCOME","on":"2026-12-03"}""");
        assertThat(noResult.status()).isEqualTo(422);
        assertThat(noResult.body()).contains("result");
        Api.Response future = c.attempt("mediation", """
                {"step":"OUTCOME","on":"2026-12-08","result":"RESOLVED"}""");
        assertThat(future.status()).isEqualTo(422);
        assertThat(future.body()).contains("cannot be in the future");
        JsonNode done = c.act("mediation", """
                {"step":"OUTCOME","on":"2026-12-03","result":"RESOLVED","notes":"Quiet hours agreed: no music after 10pm"}""").read();

        List<JsonNode> mediation = new ArrayList<>();
        done.get("history").forEach(e -> {
            if (e.get("type").asString().startsWith("mediation-")) mediation.add(e);
        });
        assertThat(mediation).extracting(e -> e.get("type").asString())
                .containsExactly("mediation-offered", "mediation-accepted", "mediation-held", "mediation-outcome");
        assertThat(mediation.get(0).get("details").get("mediator").asString()).isEqualTo("Northern Community Mediation (Jo Mediator)");
        assertThat(mediation.get(0).get("details").get("offeredOn").asString()).isEqualTo("2026-11-10");
        assertThat(mediation.get(1).get("details").get("answeredOn").asString()).isEqualTo("2026-11-12");
        assertThat(mediation.get(2).get("details").get("heldOn").asString()).isEqualTo("2026-11-26");
        assertThat(mediation.get(3).get("details").get("result").asString()).isEqualTo("RESOLVED");
        assertThat(mediation.get(3).get("reason").asString()).isEqualTo("Quiet hours agreed: no music after 10pm");

        // the case page shows it, oldest step first, in its own part and on the timeline
        WebSession web = new WebSession(port);
        web.signIn(worker, PASSWORD);
        String page = web.get("/staff/" + org + "/cases/" + c.reference()).body();
        assertThat(page).contains("<h2 class=\"govuk-heading-m\">Mediation</h2>", "Mediator: Northern Community Mediation (Jo Mediator). Offered by phone",
                "Resolved. Quiet hours agreed: no music after 10pm", "Mediation offered", "Mediation outcome");

        // after the outcome, mediation can be offered again
        assertThat(texts(done.get("allowedActions"))).contains("mediation");
    }

    @Test
    void theStaffPageOffersMediationWithAFormAndADeclineIsRecorded_F6() {
        CaseOnFile c = cases().aComplaint().receivedOn(LocalDate.of(2026, 11, 20)).by("Nel Neighbour").saying("Noise from next door").in(org);
        WebSession web = new WebSession(port);
        web.signIn(worker, PASSWORD);
        String page = web.get("/staff/" + org + "/cases/" + c.reference()).body();
        assertThat(page).contains("Record mediation", "Which step of mediation?", "Independent mediator (needed for the offer)");

        WebSession.Page refused = web.post("/staff/" + org + "/cases/" + c.reference() + "/mediation", Map.of("step", "OFFERED"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("say who the independent mediator is");
        WebSession.Page offered = web.post("/staff/" + org + "/cases/" + c.reference() + "/mediation",
                Map.of("step", "OFFERED", "who", "Northern Community Mediation", "date", "2026-12-01"));
        assertThat(offered.status()).as(offered.body()).isEqualTo(302);
        assertThat(web.post("/staff/" + org + "/cases/" + c.reference() + "/mediation", Map.of("step", "DECLINED", "note", "Would rather we decide"))
                .status()).isEqualTo(302);
        JsonNode history = c.read().get("history");
        JsonNode declined = history.get(history.size() - 1);
        assertThat(declined.get("type").asString()).isEqualTo("mediation-declined");
        assertThat(declined.get("details").get("answeredOn").asString()).isEqualTo("2026-12-07");
        assertThat(declined.get("actor").asString()).isEqualTo(worker);
    }

    @Test
    void mediationIsRefusedWhereThePolicyDoesNotOfferItAndOnceTheCaseIsClosed_F6() {
        String trust = cases().anOrganisationLike("the-trust");
        CaseOnFile atTheTrust = cases().aComplaint().by("Tom Trust").saying("Late repair").in(trust);
        assertThat(texts(atTheTrust.read().get("allowedActions"))).doesNotContain("mediation");
        Api.Response refused = atTheTrust.attempt("mediation", """
                {"step":"OFFERED","mediator":"Anyone"}""");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("does not offer mediation", "F-6");

        CaseOnFile withdrawn = cases().aComplaint().by("Wyn Withdrawn").saying("Bins").in(org).act("withdraw", """
                {"reason":"Sorted out with the neighbour"}""");
        Api.Response closed = withdrawn.attempt("mediation", """
                {"step":"OFFERED","mediator":"Northern Community Mediation"}""");
        assertThat(closed.status()).isEqualTo(422);
        Api.Response badStep = cases().aComplaint().by("Bo Bad").saying("Bins").in(org).attempt("mediation", """
                {"step":"ARBITRATED"}""");
        assertThat(badStep.status()).isEqualTo(400);
        assertThat(badStep.body()).contains("step");
    }

    private static List<String> texts(JsonNode list) {
        List<String> found = new ArrayList<>();
        list.forEach(t -> found.add(t.asString()));
        return found;
    }

    private Cases cases() {
        return new Cases(new Api(port));
    }
}
