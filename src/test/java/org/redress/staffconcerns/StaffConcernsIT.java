package org.redress.staffconcerns;

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

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** F-12: a complaint about named staff: the manager is told at once, the person's view and updates are kept, seen only by those who need it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class StaffConcernsIT {

    private static final String ORG = "the-trust";

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;
    @Autowired
    org.redress.accounts.PackRoles packRoles;

    @Autowired
    MutableClock clock;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private String reference;
    private String api;

    @BeforeEach
    void aCaseNamingStaff() {
        clock.setUk("2026-11-23T10:00");
        accounts.ensure("concerns.officer", "Olive Officer", "concerns-officer-pass", false, Map.of(ORG, Role.COMPLAINT_MANAGEMENT_OFFICER));
        accounts.ensure("concerns.owner", "Owen Owner", "concerns-owner-pass", false, Map.of(ORG, Role.CASE_WORKER));
        packRoles.set(ORG, "concerns.owner", java.util.Set.of("investigating-manager")); // owns stage 1 (issue 22)
        accounts.ensure("concerns.manager", "Mina Manager", "concerns-manager-pass", false, Map.of(ORG, Role.CASE_WORKER));
        accounts.ensure("concerns.other", "Olly Other", "concerns-other-pass", false, Map.of(ORG, Role.CASE_WORKER));
        accounts.ensure("concerns.homes", "Hana Homes", "concerns-homes-pass", false, Map.of("alliance-homes", Role.DIRECTOR));
        JsonNode created = new Api(port).post("/api/v1/organisations/" + ORG + "/cases", """
                {"recordType":"complaint","channel":"PHONE","complainant":{"name":"Nia Named"},
                 "namedPeople":[{"name":"Pat Porter","kind":"staff","role":"Porter"}],
                 "description":"The porter was rude to my mother","points":["Rudeness"]}""").json().get("caseFile");
        reference = created.get("reference").asString();
        api = "/api/v1/organisations/" + ORG + "/cases/" + reference + "/staff-concerns";
        Api.Response assigned = new Api(port).post("/api/v1/organisations/" + ORG + "/cases/" + reference + "/assign", """
                {"owner":"concerns.owner"}""");
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
    }

    @Test
    void theManagerIsToldAtOnceAndThePersonsViewAndUpdatesAreKept() {
        Api officer = as("concerns.officer", "concerns-officer-pass");
        Api.Response recorded = officer.post(api, """
                {"namedPerson":"pat porter","manager":"concerns.manager"}""");
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        String id = recorded.json().get("id").asString();
        assertThat(recorded.json().get("namedPerson").asString()).isEqualTo("Pat Porter");
        assertThat(recorded.json().get("managerToldAt").asString()).startsWith("2026-11-23T10:00");
        assertThat(jdbc.sql("select count(*) from correspondence.letter where subject like ? and case_id is null")
                .param("A complaint names Pat Porter%(" + reference + ")").query(Integer.class).single()).isEqualTo(1);
        // not among the case's letters, which any case worker can read
        assertThat(new Api(port).get("/api/v1/organisations/" + ORG + "/cases/" + reference + "/letters").body()).doesNotContain("Pat Porter");

        Api.Response view = officer.post(api + "/" + id + "/view", """
                {"view":"I asked her to wait as the lift was out of order","givenOn":"2026-11-23"}""");
        assertThat(view.status()).as(view.body()).isEqualTo(200);
        Api.Response again = officer.post(api + "/" + id + "/view", """
                {"view":"Something else"}""");
        assertThat(again.status()).isEqualTo(422);
        Api.Response update = officer.post(api + "/" + id + "/updates", """
                {"said":"Told Pat the investigation found no fault","on":"2026-11-23"}""");
        assertThat(update.status()).as(update.body()).isEqualTo(201);
        assertThat(update.json().get("keptInformed").get(0).get("said").asString()).contains("no fault");

        // the manager (a case worker) may read it, and sees the section on the case page
        Api.Response byManager = as("concerns.manager", "concerns-manager-pass").get(api);
        assertThat(byManager.status()).isEqualTo(200);
        assertThat(byManager.body()).contains("lift was out of order");
        WebSession manager = signedIn("concerns.manager", "concerns-manager-pass");
        assertThat(manager.get("/staff/" + ORG + "/cases/" + reference).body()).contains("Complaint about named staff", "1 view given");
        assertThat(manager.get("/staff/" + ORG + "/cases/" + reference + "/staff-concerns").body()).contains("Pat Porter", "no fault");
    }

    @Test
    void aCaseWorkerWhoIsNotTheOwnerGetsNotFoundAndSeesNoLinkWhileTheOwnerSeesIt() {
        Api other = as("concerns.other", "concerns-other-pass");
        assertThat(other.get(api).status()).isEqualTo(404);
        WebSession web = signedIn("concerns.other", "concerns-other-pass");
        assertThat(web.get("/staff/" + ORG + "/cases/" + reference + "/staff-concerns").status()).isEqualTo(404);
        String casePage = web.get("/staff/" + ORG + "/cases/" + reference).body();
        assertThat(casePage).doesNotContain("Complaint about named staff", "staff-concerns");

        assertThat(as("concerns.owner", "concerns-owner-pass").get(api).status()).isEqualTo(200);
        assertThat(signedIn("concerns.owner", "concerns-owner-pass").get("/staff/" + ORG + "/cases/" + reference).body())
                .contains("Complaint about named staff", "manager not yet told");
        // a case worker owner may read but not record (recording is a decision)
        assertThat(as("concerns.owner", "concerns-owner-pass").post(api, "{\"namedPerson\":\"Pat Porter\",\"manager\":\"concerns.manager\"}")
                .status()).isEqualTo(403);
    }

    @Test
    void anotherOrganisationsStaffGetNotFound() {
        Api homes = as("concerns.homes", "concerns-homes-pass");
        assertThat(homes.get(api).status()).isEqualTo(404);
        assertThat(homes.post(api, "{\"namedPerson\":\"Pat Porter\",\"manager\":\"concerns.manager\"}").status()).isEqualTo(404);
        assertThat(signedIn("concerns.homes", "concerns-homes-pass").get("/staff/" + ORG + "/cases/" + reference + "/staff-concerns").status())
                .isEqualTo(404);
    }

    @Test
    void badInputIsNamedAndRecordsNothing() {
        Api officer = as("concerns.officer", "concerns-officer-pass");
        Api.Response bad = officer.post(api, """
                {"namedPerson":"Someone Else","manager":"nobody.here"}""");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("namedPerson", "manager");
        assertThat(officer.get(api).json().size()).isZero();

        WebSession web = signedIn("concerns.officer", "concerns-officer-pass");
        web.get("/staff/" + ORG + "/cases/" + reference + "/staff-concerns");
        WebSession.Page page = web.post("/staff/" + ORG + "/cases/" + reference + "/staff-concerns", Map.of("namedPerson", "", "manager", ""));
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("There is a problem", "href=\"#namedPerson\"", "href=\"#manager\"");
        assertThat(officer.get(api).json().size()).isZero();
    }

    private Api as(String user, String password) {
        return Api.as(port, user, password);
    }

    private WebSession signedIn(String user, String password) {
        WebSession web = new WebSession(port);
        web.signIn(user, password);
        return web;
    }
}
