package org.redress.access;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.accounts.Accounts;
import org.redress.accounts.Role;
import org.redress.testing.Api;
import org.redress.testing.MutableClock;
import org.redress.testing.TestClockConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Object-level access: a case worker limited to some service areas sees no other area's case, however they ask; and
 * special category data (reasonable adjustments, formats, named staff) is hidden from roles without it, while every
 * read of it by a role with it is recorded in a log administrators can read and nobody can change.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({TestClockConfiguration.class, ReachedHandler.class})
class CaseAccessIT {

    static final String ORG = "the-trust";
    static final String PASSWORD = "case-access-password-ok";

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void staff() {
        clock.setUk("2026-11-23T10:00");
        String hash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD);
        Map<String, Role> people = Map.of("ca.repairs-worker", Role.CASE_WORKER, "ca.any-worker", Role.CASE_WORKER,
                "ca.board", Role.BOARD_MEMBER, "ca.admin", Role.ADMINISTRATOR);
        people.forEach((username, role) -> {
            accounts.ensureHashed(username, username, hash, false);
            accounts.ensure(username, username, PASSWORD, false, Map.of(ORG, role));
        });
    }

    private JsonNode newCase(String serviceArea, String name, String extra) {
        Api.Response created = new Api(port).post("/api/v1/organisations/" + ORG + "/cases", """
                {"recordType":"complaint","channel":"PHONE","complainant":{"name":"%s"%s},
                 "serviceLine":"housing","serviceArea":"%s","description":"Something went wrong in %s"}""".formatted(name, extra, serviceArea, serviceArea));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("caseFile");
    }

    @Test
    void aCaseWorkerLimitedToRepairsCannotReachALettingsCaseByReferenceIdListOrPage() {
        JsonNode repairs = newCase("Repairs", "Rita Repairs", "");
        JsonNode lettings = newCase("Lettings", "Len Lettings", "");
        Api admin = Api.as(port, "ca.admin", PASSWORD);
        assertThat(admin.put("/api/v1/organisations/" + ORG + "/staff/ca.repairs-worker/service-areas", "{\"serviceAreas\":[\"Repairs\"]}").status())
                .isEqualTo(204);

        Api limited = Api.as(port, "ca.repairs-worker", PASSWORD);
        String cases = "/api/v1/organisations/" + ORG + "/cases/";
        assertThat(limited.get(cases + repairs.get("reference").asString()).status()).isEqualTo(200);
        Api.Response byReference = limited.get(cases + lettings.get("reference").asString());
        assertThat(byReference.status()).isEqualTo(404);
        assertThat(byReference.body()).doesNotContain("Len Lettings");
        assertThat(limited.get(cases + lettings.get("id").asString()).status()).isEqualTo(404);
        assertThat(limited.post(cases + lettings.get("reference").asString() + "/acknowledge", "{}").status()).isEqualTo(404);
        // nor its letters, by the case or by a letter's own id
        assertThat(limited.get(cases + lettings.get("reference").asString() + "/letters").status()).isEqualTo(404);
        assertThat(limited.get(cases + repairs.get("reference").asString() + "/letters").status()).isEqualTo(200);
        assertThat(admin.post(cases + lettings.get("reference").asString() + "/acknowledge", "{}").status()).isEqualTo(200);
        JsonNode lettingsLetters = admin.get(cases + lettings.get("reference").asString() + "/letters").json();
        assertThat(lettingsLetters.size()).as("the acknowledgement letter").isEqualTo(1);
        String letterPdf = "/api/v1/organisations/" + ORG + "/letters/" + lettingsLetters.get(0).get("id").asString() + "/pdf";
        assertThat(admin.get(letterPdf).status()).isEqualTo(200);
        assertThat(limited.get(letterPdf).status()).isEqualTo(404);
        String list = limited.get("/api/v1/organisations/" + ORG + "/cases?size=100&sort=received").body();
        assertThat(list).contains(repairs.get("reference").asString()).doesNotContain(lettings.get("reference").asString());
        assertThat(limited.get("/api/v1/organisations/" + ORG + "/cases?text=" + lettings.get("reference").asString()).body())
                .doesNotContain("Len Lettings");

        Caller pages = Caller.signedIn(port, "ca.repairs-worker", PASSWORD);
        assertThat(pages.page("GET", "/staff/" + ORG + "/cases/" + lettings.get("reference").asString(), Map.of(), "", null).status()).isEqualTo(404);
        assertThat(pages.page("GET", "/staff/" + ORG + "/cases/" + repairs.get("reference").asString(), Map.of(), "", null).status()).isEqualTo(200);
        assertThat(pages.page("GET", "/staff/" + ORG + "?sort=received", Map.of(), "", null).body()).doesNotContain(lettings.get("reference").asString());

        // a colleague without a limit sees both; lifting the limit restores the view
        assertThat(Api.as(port, "ca.any-worker", PASSWORD).get(cases + lettings.get("reference").asString()).status()).isEqualTo(200);
        assertThat(admin.put("/api/v1/organisations/" + ORG + "/staff/ca.repairs-worker/service-areas", "{\"serviceAreas\":null}").status())
                .isEqualTo(204);
        assertThat(limited.get(cases + lettings.get("reference").asString()).status()).isEqualTo(200);
    }

    @Test
    void onlyAnAdministratorMayLimitAMemberAndOnlyAMemberOfTheOrganisation() {
        String path = "/api/v1/organisations/" + ORG + "/staff/ca.any-worker/service-areas";
        assertThat(Api.as(port, "ca.any-worker", PASSWORD).put(path, "{\"serviceAreas\":[\"Repairs\"]}").status()).isEqualTo(403);
        assertThat(Api.as(port, "ca.admin", PASSWORD).put("/api/v1/organisations/" + ORG + "/staff/nobody-here/service-areas",
                "{\"serviceAreas\":[\"Repairs\"]}").status()).isEqualTo(404);
        assertThat(Api.as(port, "ca.admin", PASSWORD).put(path, "{\"serviceAreas\":[]}").status()).isEqualTo(400);
    }

    @Test
    void aBoardMemberSeesTheCaseButNotItsReasonableAdjustmentsOrNamedStaff() {
        JsonNode c = newCase("Repairs", "Bea Private", ",\"reasonableAdjustments\":\"Uses a wheelchair; needs ground floor meetings\"");
        String reference = c.get("reference").asString();
        Api.Response asBoard = Api.as(port, "ca.board", PASSWORD).get("/api/v1/organisations/" + ORG + "/cases/" + reference);
        assertThat(asBoard.status()).isEqualTo(200);
        assertThat(asBoard.body()).contains("Bea Private").doesNotContain("wheelchair");
        String page = Caller.signedIn(port, "ca.board", PASSWORD).page("GET", "/staff/" + ORG + "/cases/" + reference, Map.of(), "", null).body();
        assertThat(page).contains("Bea Private").doesNotContain("wheelchair");
        assertThat(reads(reference, "ca.board")).isZero();
    }

    @Test
    void everyReadOfSpecialCategoryDataIsRecordedWithWhoWhereAndTheReasonGiven() {
        String reference = newCase("Repairs", "Cal Careful", ",\"reasonableAdjustments\":\"Hearing loss: text, never phone\"").get("reference").asString();
        Api worker = Api.as(port, "ca.any-worker", PASSWORD);
        Api.Response read = worker.get("/api/v1/organisations/" + ORG + "/cases/" + reference + "?reason=arranging+a+visit");
        assertThat(read.body()).contains("Hearing loss");
        String page = Caller.signedIn(port, "ca.any-worker", PASSWORD).page("GET", "/staff/" + ORG + "/cases/" + reference, Map.of(), "", null).body();
        assertThat(page).contains("Hearing loss");
        assertThat(reads(reference, "ca.any-worker")).isEqualTo(2);

        Api.Response log = Api.as(port, "ca.admin", PASSWORD).get("/api/v1/organisations/" + ORG + "/audit/special-category?case=" + reference);
        assertThat(log.status()).isEqualTo(200);
        // newest first; the administrator who logged the case was shown it too, and that is recorded as well
        JsonNode first = log.json().get(1);
        assertThat(first.get("username").asString()).isEqualTo("ca.any-worker");
        assertThat(first.get("what").asString()).isEqualTo("reasonable adjustments");
        assertThat(first.get("why").asString()).isEqualTo("GET /api/v1/organisations/" + ORG + "/cases/" + reference);
        assertThat(first.get("reason").asString()).isEqualTo("arranging a visit");
        assertThat(log.json().get(2).get("username").asString()).isEqualTo("test-admin");
        assertThat(log.json().get(2).get("why").asString()).isEqualTo("POST /api/v1/organisations/" + ORG + "/cases");
        assertThat(log.json().get(0).get("why").asString()).isEqualTo("GET /staff/" + ORG + "/cases/" + reference);

        assertThat(worker.get("/api/v1/organisations/" + ORG + "/audit/special-category").status()).isEqualTo(403);
        String auditPage = Caller.signedIn(port, "ca.admin", PASSWORD)
                .page("GET", "/staff/" + ORG + "/audit/special-category?case=" + reference, Map.of(), "", null).body();
        assertThat(auditPage).contains("ca.any-worker").contains("arranging a visit");
        assertThatThrownBy(() -> jdbc.sql("delete from accounts.special_category_read").update()).hasMessageContaining("append-only");
    }

    private int reads(String reference, String username) {
        return jdbc.sql("select count(*) from accounts.special_category_read where case_id = ? and username = ?")
                .params(reference, username).query(Integer.class).single();
    }
}
