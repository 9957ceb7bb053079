package org.redress.remedies;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.accounts.Accounts;
import org.redress.accounts.Role;
import org.redress.casework.CaseSection;
import org.redress.casework.Casework;
import org.redress.testing.Api;
import org.redress.testing.Cases;
import org.redress.testing.MutableClock;
import org.redress.testing.TestAccounts;
import org.redress.testing.TestClockConfiguration;
import org.redress.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Payments approved within the limits of the case's policy pack (F-13, H-9), routed to the review panel above every
 * limit; actions promised in a response tracked after the case closes and shown overdue (A-5, A-6, Code 6.6).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class RemediesIT {

    /** An organisation whose pack (Alliance Homes' with figures added) sets limits: director £1,000, local manager £250. */
    static final String ORG = "remedies-limits";
    static final String PASSWORD = "remedies-pass";

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    Accounts accounts;
    @Autowired
    Remedies remedies;
    @Autowired
    Casework casework;
    @Autowired
    List<CaseSection> sections;

    Api admin() {
        return new Api(port);
    }

    static Api as(int port, String user) {
        return Api.as(port, user, PASSWORD);
    }

    @BeforeEach
    void anOrganisationWithLimitsAndItsStaff() throws IOException {
        clock.setUk("2026-11-23T09:00");
        if (admin().get("/api/v1/organisations/" + ORG).status() == 404) {
            String yaml;
            try (InputStream in = getClass().getResourceAsStream("/policy/packs/alliance-homes.yaml")) {
                yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            int table = yaml.indexOf("\ncompensation:");
            yaml = (yaml.substring(0, table) + yaml.substring(table)
                    .replaceFirst("\n    cite: \"F-13; 002 2.7.1\"", "\n    upTo: 1000\n    cite: \"F-13; 002 2.7.1\"")
                    .replaceFirst("\n    cite: \"F-13; 002 2.7.2", "\n    upTo: 250\n    cite: \"F-13; 002 2.7.2"))
                    .replace("id: alliance-homes", "id: " + ORG).replace("code: alliance-homes", "code: " + ORG);
            Api.Response upload = postYaml(yaml);
            assertThat(upload.status()).as(upload.body()).isEqualTo(201);
            int version = upload.json().get("version").asInt();
            assertThat(admin().post("/api/v1/policies/" + ORG + "/versions/" + version + "/activate", "").status()).isEqualTo(200);
            Api.Response org = admin().post("/api/v1/organisations", """
                    {"code":"%s","name":"Remedies Limits Homes","referencePrefix":"RL","policyPack":"%s","serviceAreas":["Repairs","Lettings"]}"""
                    .formatted(ORG, ORG));
            assertThat(org.status()).as(org.body()).isEqualTo(201);
        }
        accounts.ensure("rl.manager", "Lee Manager", PASSWORD, false, Map.of(ORG, Role.FEEDBACK_MANAGER));
        accounts.ensure("rl.director", "Dee Director", PASSWORD, false, Map.of(ORG, Role.DIRECTOR));
        accounts.ensure("rl.cmo", "Cam Officer", PASSWORD, false, Map.of(ORG, Role.COMPLAINT_MANAGEMENT_OFFICER));
        accounts.ensure("rl.worker", "Wyn Worker", PASSWORD, false, Map.of(ORG, Role.CASE_WORKER, "alliance-homes", Role.CASE_WORKER));
        accounts.ensure("trust.worker", "Tam Trust", PASSWORD, false, Map.of("the-trust", Role.CASE_WORKER));
        accounts.ensure("rl.repairs", "Ray Repairs", PASSWORD, false, Map.of(ORG, Role.CASE_WORKER));
    }

    Api.Response postYaml(String yaml) {
        try {
            java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                            .newBuilder(java.net.URI.create("http://localhost:" + port + "/api/v1/policies"))
                            .header("Content-Type", "application/yaml").header("Authorization", Api.ADMIN_AUTHORIZATION)
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(yaml)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            return new Api.Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode newCase(String organisation) {
        return newCase(organisation, "Repairs");
    }

    JsonNode newCase(String organisation, String serviceArea) {
        return new Cases(admin()).aComplaint().receivedOn(LocalDate.of(2026, 11, 23)).preferringContactBy("EMAIL")
                .onServiceLine("housing").inArea(serviceArea).about("Repairs").wanting("Fix the boiler").in(organisation).json();
    }

    static String remedies(String organisation, JsonNode c) {
        return "/api/v1/organisations/" + organisation + "/cases/" + c.get("reference").asString() + "/remedies";
    }

    JsonNode propose(Api api, JsonNode c, String kind, String amount) {
        Api.Response r = api.post(remedies(ORG, c), """
                {"kind":"PAYMENT","paymentKind":"%s","amount":%s,"method":"BANK_TRANSFER","description":"Two missed repair appointments"}"""
                .formatted(kind, amount));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    @Test
    void aGoodwillGestureWithinTheLocalManagersLimitIsApprovedByThemThenPaid() { // F-13, H-9
        JsonNode c = newCase(ORG);
        JsonNode payment = propose(admin(), c, "GOODWILL", "200");
        assertThat(payment.get("status").asString()).isEqualTo("PROPOSED");
        assertThat(payment.get("routing").asString()).contains("local manager up to £250");

        Api.Response approved = as(port, "rl.manager").post(remedies(ORG, c) + "/" + payment.get("id").asString() + "/approve",
                "{\"reason\":\"a fair gesture for the wait\"}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("decidedBy").asString()).isEqualTo("rl.manager");
        assertThat(approved.json().get("decisionReason").asString()).isEqualTo("a fair gesture for the wait");

        Api.Response paid = as(port, "rl.worker").post(remedies(ORG, c) + "/" + payment.get("id").asString() + "/paid", "{}");
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        assertThat(paid.json().get("status").asString()).isEqualTo("PAID");
        assertThat(paid.json().get("paidOn").asString()).isEqualTo("2026-11-23");
        assertThat(paid.json().get("history")).extracting(e -> e.get("type").asString()).containsExactly("proposed", "approved", "paid");

        assertThat(remedies.redressPaid(casework.scope(ORG), clock.instant().minusSeconds(60), clock.instant().plusSeconds(60)))
                .anySatisfy(r -> {
                    assertThat(r.caseReference()).isEqualTo(c.get("reference").asString());
                    assertThat(r.paid()).isEqualByComparingTo("200");
                });
    }

    @Test
    void anAmountAboveTheApproversLimitIsRefusedNamingTheRuleAndLeftForSomeoneWhoseLimitCoversIt() { // F-13
        JsonNode c = newCase(ORG);
        JsonNode payment = propose(admin(), c, "GOODWILL", "600");
        String approve = remedies(ORG, c) + "/" + payment.get("id").asString() + "/approve";

        Api.Response refused = as(port, "rl.manager").post(approve, "{}");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asString()).contains("£600 is above the local manager's limit of £250", "F-13");
        assertThat(admin().get(remedies(ORG, c)).json().get(0).get("status").asString()).isEqualTo("PROPOSED");

        Api.Response byDirector = as(port, "rl.director").post(approve, "{}");
        assertThat(byDirector.status()).as(byDirector.body()).isEqualTo(200);
        assertThat(byDirector.json().get("status").asString()).isEqualTo("APPROVED");
    }

    @Test
    void aPaymentAboveEveryLimitGoesToTheReviewPanelWhoseDecisionIsRecordedWithItsDate() { // F-13
        JsonNode c = newCase(ORG);
        JsonNode payment = propose(admin(), c, "COMPENSATION", "1500.50");
        assertThat(payment.get("needsPanel").asBoolean()).isTrue();
        assertThat(payment.get("statusInWords").asString()).isEqualTo("Awaiting the review panel");
        assertThat(payment.get("routing").asString()).contains("£1,500.50 is above every limit", "review panel");
        String approve = remedies(ORG, c) + "/" + payment.get("id").asString() + "/approve";

        assertThat(as(port, "rl.director").post(approve, "{}").status()).isEqualTo(422);
        Api.Response undated = as(port, "rl.cmo").post(approve, "{\"asPanel\":true}");
        assertThat(undated.status()).isEqualTo(422);
        assertThat(undated.json().get("errors").get(0).get("field").asString()).isEqualTo("panelDecidedOn");

        Api.Response panel = as(port, "rl.cmo").post(approve, "{\"asPanel\":true,\"panelDecidedOn\":\"2026-11-20\",\"reason\":\"panel agreed the full claim\"}");
        assertThat(panel.status()).as(panel.body()).isEqualTo(200);
        assertThat(panel.json().get("decidedBy").asString()).isEqualTo("review panel");
        assertThat(panel.json().get("recordedBy").asString()).isEqualTo("rl.cmo");
        assertThat(panel.json().get("decidedOn").asString()).isEqualTo("2026-11-20");
    }

    @Test
    void nobodyApprovesTheirOwnProposedPayment() { // F-13
        JsonNode c = newCase(ORG);
        JsonNode payment = propose(as(port, "rl.director"), c, "EX_GRATIA", "100");
        Api.Response own = as(port, "rl.director").post(remedies(ORG, c) + "/" + payment.get("id").asString() + "/approve", "{}");
        assertThat(own.status()).isEqualTo(422);
        assertThat(own.json().get("detail").asString()).contains("own proposed payment", "F-13");
        Api.Response refusedWithoutReason = as(port, "rl.manager").post(remedies(ORG, c) + "/" + payment.get("id").asString() + "/refuse", "{}");
        assertThat(refusedWithoutReason.status()).isEqualTo(422);
        assertThat(refusedWithoutReason.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");
    }

    @Test
    void badInputNamesEachFieldAndChangesNothing() { // F-13, H-9
        JsonNode c = newCase(ORG);
        Api.Response bad = admin().post(remedies(ORG, c), """
                {"kind":"PAYMENT","paymentKind":"BRIBE","amount":10.125,"method":"gold","description":""}""");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors")).extracting(e -> e.get("field").asString())
                .containsExactlyInAnyOrder("description", "paymentKind", "amount", "method");
        assertThat(bad.json().get("detail").asString()).contains("at most 2 decimal places");

        Api.Response negative = admin().post(remedies(ORG, c), """
                {"kind":"PAYMENT","paymentKind":"GOODWILL","amount":"-5","method":"CHEQUE","description":"x"}""");
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.json().get("errors").get(0).get("field").asString()).isEqualTo("amount");

        Api.Response action = admin().post(remedies(ORG, c), "{\"kind\":\"ACTION\",\"description\":\"Fix it\",\"due\":\"next week\"}");
        assertThat(action.status()).isEqualTo(400);
        assertThat(action.json().get("errors")).extracting(e -> e.get("field").asString()).containsExactlyInAnyOrder("owner", "due");

        assertThat(admin().post(remedies(ORG, c), "{}").json().get("errors").get(0).get("field").asString()).isEqualTo("kind");
        assertThat(admin().get(remedies(ORG, c)).json().size()).isZero();
        assertThat(admin().get("/api/v1/organisations/" + ORG + "/remedies?status=NONSENSE").status()).isEqualTo(400);
    }

    @Test
    void anotherOrganisationsStaffGetNotFound() {
        JsonNode c = newCase(ORG);
        JsonNode payment = propose(admin(), c, "GOODWILL", "20");
        Api trust = as(port, "trust.worker");
        assertThat(trust.get(remedies(ORG, c)).status()).isEqualTo(404);
        assertThat(trust.post(remedies(ORG, c), "{\"kind\":\"APOLOGY\",\"description\":\"sorry\"}").status()).isEqualTo(404);
        assertThat(trust.post(remedies(ORG, c) + "/" + payment.get("id").asString() + "/approve", "{}").status()).isEqualTo(404);
        assertThat(trust.get("/api/v1/organisations/" + ORG + "/remedies").status()).isEqualTo(404);
        // and a case of another organisation named under one's own is not found either
        assertThat(admin().get(remedies("the-trust", c)).status()).isEqualTo(404);
        WebSession page = new WebSession(port);
        page.signIn("trust.worker", PASSWORD);
        assertThat(page.get("/staff/" + ORG + "/cases/" + c.get("reference").asString() + "/remedies").status()).isEqualTo(404);
        assertThat(page.get("/staff/" + ORG + "/actions").status()).isEqualTo(404);
    }

    @Test
    void actionsPromisedInAResponseAreTrackedAfterTheCaseClosesAndShownOverdueToTheirOwner() { // Code 6.6
        String org = "alliance-homes";
        Api api = admin();
        JsonNode c = newCase(org);
        String path = "/api/v1/organisations/" + org + "/cases/" + c.get("id").asString();
        clock.setUk("2026-11-24T10:00");
        assertThat(api.post(path + "/acknowledge", "{\"method\":\"email\"}").status()).isEqualTo(200);
        Api.Response responded = api.post(path + "/respond", """
                {"summary":"We are sorry: the repair is now booked",
                 "points":[{"number":1,"outcome":"UPHELD","reasons":"two appointments were missed"}],
                 "actions":[{"description":"Repair the boiler","due":"2026-12-04","owner":"rl.worker"},
                            {"description":"Review the repairs booking process","due":"2027-01-15"}]}""");
        assertThat(responded.status()).as(responded.body()).isEqualTo(200);
        assertThat(api.post(path + "/close", "{\"note\":\"resolved\"}").status()).isEqualTo(200);

        JsonNode taken = api.get(remedies(org, c)).json();
        assertThat(taken).extracting(r -> r.get("description").asString())
                .containsExactly("Repair the boiler", "Review the repairs booking process");
        assertThat(taken.get(0).get("promisedAtStage").asInt()).isEqualTo(1);
        assertThat(taken.get(0).get("owner").asString()).isEqualTo("rl.worker");
        assertThat(taken.get(1).get("owner").asString()).isEqualTo(TestAccounts.ADMIN); // no owner named: whoever responded

        // the day after it was due, the action is overdue on its owner's list, though the case is closed
        clock.setUk("2026-12-04T17:00");
        assertThat(overdue(org, "rl.worker")).isEmpty();
        clock.setUk("2026-12-05T09:00");
        assertThat(overdue(org, "rl.worker")).singleElement()
                .satisfies(a -> assertThat(a.caseReference()).isEqualTo(c.get("reference").asString()));
        assertThat(api.get("/api/v1/organisations/" + org + "/remedies?status=OVERDUE&owner=rl.worker").json())
                .extracting(r -> r.get("statusInWords").asString()).containsExactly("Overdue");
        CaseSection section = sections.stream().filter(s -> s.id().equals("remedies")).findFirst().orElseThrow();
        assertThat(section.summary(org, casework.get(org, c.get("reference").asString()), TestAccounts.ADMIN)).get()
                .asString().contains("1 promised action overdue: grounds to escalate (A-6)");

        WebSession page = new WebSession(port);
        page.signIn("rl.worker", PASSWORD);
        WebSession.Page actions = page.get("/staff/" + org + "/actions?owner=rl.worker");
        assertThat(actions.status()).isEqualTo(200);
        assertThat(actions.body()).contains("Repair the boiler", "Overdue", c.get("reference").asString());
        // and on the owner's own "my work" page, beside their cases
        WebSession.Page myWork = page.get("/staff/" + org);
        assertThat(myWork.status()).isEqualTo(200);
        assertThat(otherWork(myWork)).contains("My other work", "1 of these is overdue.", "Repair the boiler",
                c.get("reference").asString(), "promised in the stage 1 response and overdue: grounds to escalate (A-6)");

        String id = taken.get(0).get("id").asString();
        Api.Response future = as(port, "rl.worker").post(remedies(org, c) + "/" + id + "/done", "{\"on\":\"2026-12-09\"}");
        assertThat(future.status()).isEqualTo(422);
        Api.Response done = as(port, "rl.worker").post(remedies(org, c) + "/" + id + "/done", "{\"on\":\"2026-12-05\"}");
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.json().get("doneOn").asString()).isEqualTo("2026-12-05");
        assertThat(overdue(org, "rl.worker")).isEmpty();
        assertThat(otherWork(page.get("/staff/" + org))).doesNotContain("Repair the boiler");
    }

    @Test
    void aMemberLimitedToOneServiceAreaSeesNoOtherAreasActionsInAnyList() {
        JsonNode repairs = newCase(ORG, "Repairs");
        JsonNode lettings = newCase(ORG, "Lettings");
        for (JsonNode c : List.of(repairs, lettings)) {
            String area = c.get("classification").get("serviceArea").asString();
            Api.Response action = admin().post(remedies(ORG, c), """
                    {"kind":"ACTION","description":"Call back about %s","owner":"rl.repairs","due":"2026-11-20"}""".formatted(area));
            assertThat(action.status()).as(action.body()).isEqualTo(201);
        }
        assertThat(admin().put("/api/v1/organisations/" + ORG + "/staff/rl.repairs/service-areas", "{\"serviceAreas\":[\"Repairs\"]}").status())
                .isEqualTo(204);

        Api limited = as(port, "rl.repairs");
        JsonNode listed = limited.get("/api/v1/organisations/" + ORG + "/remedies?owner=rl.repairs").json();
        assertThat(listed).extracting(r -> r.get("description").asString()).containsExactly("Call back about Repairs");
        assertThat(limited.get("/api/v1/organisations/" + ORG + "/remedies?status=OVERDUE&owner=rl.repairs").body())
                .contains("Call back about Repairs").doesNotContain("Lettings", lettings.get("reference").asString());
        WebSession page = new WebSession(port);
        page.signIn("rl.repairs", PASSWORD);
        assertThat(page.get("/staff/" + ORG + "/actions").body()).contains("Call back about Repairs")
                .doesNotContain("Call back about Lettings", lettings.get("reference").asString());
        assertThat(otherWork(page.get("/staff/" + ORG))).contains("Call back about Repairs", "1 of these is overdue.")
                .doesNotContain("Lettings");

        // a colleague with no limit sees both
        WebSession colleague = new WebSession(port);
        colleague.signIn("rl.cmo", PASSWORD);
        assertThat(colleague.get("/staff/" + ORG + "/actions").body()).contains("Call back about Repairs", "Call back about Lettings");
    }

    List<RemedyView> overdue(String organisation, String owner) {
        return remedies.list(casework.scope(organisation), "OVERDUE", null, owner);
    }

    /** The "My other work" part of the my-work page (empty when there is none). */
    static String otherWork(WebSession.Page myWork) {
        String body = myWork.body();
        int start = body.indexOf("id=\"other-work\"");
        return start < 0 ? "" : body.substring(start, body.indexOf("</section>", start));
    }

    @Test
    void theRemediesPageAddsAPaymentWithoutJavaScriptAndNamesTheFieldsWhenWrong() { // F-13
        JsonNode c = newCase(ORG);
        String pagePath = "/staff/" + ORG + "/cases/" + c.get("reference").asString() + "/remedies";
        WebSession worker = new WebSession(port);
        worker.signIn("rl.worker", PASSWORD);
        assertThat(worker.get(pagePath).status()).isEqualTo(200);
        WebSession.Page wrong = worker.post(pagePath, Map.of("kind", "PAYMENT", "paymentKind", "GOODWILL", "amount", "abc",
                "method", "CHEQUE", "description", "missed repairs"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body()).contains("There is a problem", "href=\"#amount\"");
        assertThat(admin().get(remedies(ORG, c)).json().size()).isZero();
        WebSession.Page added = worker.post(pagePath, Map.of("kind", "PAYMENT", "paymentKind", "GOODWILL", "amount", "75",
                "method", "RENT_ACCOUNT_CREDIT", "description", "missed repairs"));
        assertThat(added.status()).isEqualTo(302);
        assertThat(worker.get(pagePath).body()).contains("£75 goodwill gesture", "Awaiting approval");
        assertThat(worker.post(pagePath, Map.of("kind", "APOLOGY", "description", "x")).status()).isEqualTo(302);
        WebSession noCsrf = new WebSession(port);
        noCsrf.signIn("rl.worker", PASSWORD);
        assertThat(noCsrf.postRaw(pagePath, Map.of("kind", "APOLOGY", "description", "x")).status()).isEqualTo(403);
    }
}
