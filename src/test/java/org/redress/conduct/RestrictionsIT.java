package org.redress.conduct;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.accounts.Accounts;
import org.redress.accounts.Role;
import org.redress.testing.Api;
import org.redress.testing.MutableClock;
import org.redress.testing.TestClockConfiguration;
import org.redress.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** F-10, H-5, T-4: restrictions on contact with a person, shown on their cases and when they contact again, never blocking. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class RestrictionsIT {

    private static final String ORG = "alliance-homes";
    private static final String API = "/api/v1/organisations/" + ORG + "/restrictions";

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    MutableClock clock;

    private String email;

    @BeforeEach
    void staff() {
        clock.setUk("2026-11-23T10:00");
        email = "rex.restricted." + System.nanoTime() + "@example.org";
        accounts.ensure("conduct.manager", "Cora Manager", "conduct-manager-pass", false, Map.of(ORG, Role.COMPLAINT_MANAGEMENT_OFFICER));
        accounts.ensure("conduct.worker", "Wes Worker", "conduct-worker-pass", false, Map.of(ORG, Role.CASE_WORKER));
        accounts.ensure("conduct.trust", "Tia Trust", "conduct-trust-pass", false, Map.of("the-trust", Role.COMPLAINT_MANAGEMENT_OFFICER));
    }

    @Test
    void aRestrictionShowsOnEveryCaseOfThePersonAndWhenTheyContactAgainButNeverStopsANewComplaint() {
        String earlier = logCase("Rex Restricted", email, null, "12 Long Lane, Leeds LS2 9JT");
        JsonNode r = record("""
                {"personName":"Rex Restricted","email":"%s","address":"12 Long Lane, Leeds LS2 9JT","kind":"WRITTEN_CONTACT_ONLY",
                 "details":"Letters and emails only; calls are not taken","reason":"Abusive phone calls to staff on 3 and 10 November (T-4)",
                 "decidedBy":"Chief Executive","decidedOn":"2026-11-20","reviewOn":"2027-01-12"}""".formatted(email.toUpperCase()));
        assertThat(r.get("reviewStatus").asString()).isEqualTo("SCHEDULED");

        // a new complaint from them is recorded (201) with the restriction as a warning (F-10: never blocked; F-7: never treated less favourably for complaining)
        Api.Response created = api().post("/api/v1/organisations/" + ORG + "/cases", newCase("Rex Restricted", email, null, null));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(kinds(created.json().get("warnings"))).contains("RESTRICTION");
        assertThat(created.json().toString()).contains("Restriction: written contact only, review due 12 Jan 2027 (F-10)");

        // checking before logging warns too, also when only the name and address match (any case, any punctuation)
        Api.Response check = api().post("/api/v1/organisations/" + ORG + "/cases/checks", newCase("rex  RESTRICTED", null, null, "12 long lane leeds ls2 9jt"));
        assertThat(check.status()).as(check.body()).isEqualTo(200);
        assertThat(kinds(check.json())).contains("RESTRICTION");
        // a name alone never matches
        Api.Response nameOnly = api().post("/api/v1/organisations/" + ORG + "/cases/checks", newCase("Rex Restricted", null, null, "1 Elsewhere"));
        assertThat(kinds(nameOnly.json())).doesNotContain("RESTRICTION");

        // the case page of an earlier case of theirs shows it
        WebSession web = signedIn("conduct.worker", "conduct-worker-pass");
        WebSession.Page casePage = web.get("/staff/" + ORG + "/cases/" + earlier);
        assertThat(casePage.body()).contains("Restrictions on contact", "Restriction: written contact only, review due 12 Jan 2027 (F-10)");
        WebSession.Page section = web.get("/staff/" + ORG + "/cases/" + earlier + "/restrictions");
        assertThat(section.status()).isEqualTo(200);
        assertThat(section.body()).contains("Abusive phone calls", "Chief Executive");
    }

    @Test
    void aReviewThatIsDueOrOverdueShowsAndARecordedReviewSetsTheNextDate() {
        JsonNode r = record(restriction("2026-11-01", "2026-12-01"));
        String id = r.get("id").asString();
        assertThat(r.get("reviewStatus").asString()).isEqualTo("DUE");
        clock.setUk("2026-12-02T09:00");
        assertThat(api().get(API + "/" + id).json().get("reviewStatus").asString()).isEqualTo("OVERDUE");
        WebSession web = signedIn("conduct.manager", "conduct-manager-pass");
        assertThat(web.get("/staff/" + ORG + "/restrictions").body()).contains("Review overdue", "review overdue since 1 Dec 2026");

        Api.Response reviewed = manager().post(API + "/" + id + "/review", """
                {"outcome":"Behaviour has not improved: the restriction stays","nextReviewOn":"2027-03-01"}""");
        assertThat(reviewed.status()).as(reviewed.body()).isEqualTo(200);
        assertThat(reviewed.json().get("reviewOn").asString()).isEqualTo("2027-03-01");
        assertThat(reviewed.json().get("reviewStatus").asString()).isEqualTo("SCHEDULED");
        assertThat(reviewed.json().get("reviews").get(0).get("reviewedBy").asString()).isEqualTo("conduct.manager");
    }

    @Test
    void endingNeedsAReasonAndAnEndedRestrictionNoLongerShowsOrCanBeEndedAgain() {
        String id = record(restriction("2026-11-20", "2027-02-01")).get("id").asString();
        Api.Response noReason = manager().post(API + "/" + id + "/end", "{}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body()).contains("reason");
        assertThat(api().get(API + "/" + id).json().has("endedOn")).isFalse();

        Api.Response ended = manager().post(API + "/" + id + "/end", """
                {"reason":"Six months without incident"}""");
        assertThat(ended.status()).as(ended.body()).isEqualTo(200);
        assertThat(ended.json().get("reviewStatus").asString()).isEqualTo("ENDED");
        assertThat(kinds(api().post("/api/v1/organisations/" + ORG + "/cases/checks", newCase("Rex Restricted", email, null, null)).json()))
                .doesNotContain("RESTRICTION");
        Api.Response again = manager().post(API + "/" + id + "/end", """
                {"reason":"again"}""");
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.body()).contains("H-5");
    }

    @Test
    void badInputIsNamedFieldByFieldAndRecordsNothing() {
        int before = api().get(API).json().size();
        Api.Response bad = manager().post(API, """
                {"personName":"Nobody Traceable","kind":"SHOUTING","decidedOn":"2026-13-01","reviewOn":"2029-01-01"}""");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("\"email\"", "\"kind\"", "\"reason\"", "\"decidedBy\"", "\"decidedOn\"");
        Api.Response tooLate = manager().post(API, restriction("2026-11-20", "2028-01-01"));
        assertThat(tooLate.status()).isEqualTo(400);
        assertThat(tooLate.body()).contains("reviewOn", "within 12 months");
        assertThat(api().get(API).json().size()).isEqualTo(before);

        WebSession web = signedIn("conduct.manager", "conduct-manager-pass");
        web.get("/staff/" + ORG + "/restrictions");
        WebSession.Page page = web.post("/staff/" + ORG + "/restrictions", Map.of("personName", "", "reason", ""));
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("There is a problem", "Enter the person&#39;s name", "href=\"#kind\"");
        assertThat(api().get(API).json().size()).isEqualTo(before);
    }

    @Test
    void anotherOrganisationsStaffGetNotFoundAndACaseWorkerMayNotRecordOne() {
        String id = record(restriction("2026-11-20", "2027-02-01")).get("id").asString();
        Api trust = Api.as(port, "conduct.trust", "conduct-trust-pass");
        assertThat(trust.get(API).status()).isEqualTo(404);
        assertThat(trust.get(API + "/" + id).status()).isEqualTo(404);
        assertThat(trust.get("/api/v1/organisations/the-trust/restrictions/" + id).status()).isEqualTo(404);
        assertThat(trust.post(API + "/" + id + "/end", "{\"reason\":\"x\"}").status()).isEqualTo(404);
        assertThat(signedIn("conduct.trust", "conduct-trust-pass").get("/staff/" + ORG + "/restrictions").status()).isEqualTo(404);
        Api worker = Api.as(port, "conduct.worker", "conduct-worker-pass");
        assertThat(worker.post(API, restriction("2026-11-20", "2027-02-01")).status()).isEqualTo(403);
        assertThat(worker.get(API).status()).isEqualTo(200);
    }

    private String restriction(String decidedOn, String reviewOn) {
        return """
                {"personName":"Rex Restricted","email":"%s","kind":"SINGLE_POINT_OF_CONTACT","details":"Only through Cora Manager",
                 "reason":"Over 40 calls a week to different staff","decidedBy":"Chief Executive","decidedOn":"%s","reviewOn":"%s"}
                """.formatted(email, decidedOn, reviewOn);
    }

    private JsonNode record(String body) {
        Api.Response response = manager().post(API, body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    private String logCase(String name, String mail, String phone, String address) {
        Api.Response response = api().post("/api/v1/organisations/" + ORG + "/cases", newCase(name, mail, phone, address));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("caseFile").get("reference").asString();
    }

    private static String newCase(String name, String mail, String phone, String address) {
        return """
                {"recordType":"complaint","channel":"EMAIL","complainant":{"name":"%s"%s%s%s},"serviceLine":"housing",
                 "description":"Another complaint about the repairs team","points":["Repairs"]}
                """.formatted(name, mail == null ? "" : ",\"email\":\"" + mail + "\"", phone == null ? "" : ",\"phone\":\"" + phone + "\"",
                address == null ? "" : ",\"address\":\"" + address + "\"");
    }

    private static List<String> kinds(JsonNode warnings) {
        List<String> out = new ArrayList<>();
        warnings.forEach(w -> out.add(w.get("kind").asString()));
        return out;
    }

    private Api api() {
        return new Api(port);
    }

    private Api manager() {
        return Api.as(port, "conduct.manager", "conduct-manager-pass");
    }

    private WebSession signedIn(String user, String password) {
        WebSession web = new WebSession(port);
        web.signIn(user, password);
        return web;
    }
}
