package org.redress.accounts;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.testing.Api;
import org.redress.testing.MutableClock;
import org.redress.testing.TestClockConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may call the API: organisation scoping, the permission matrix, the actor, and the lockout. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class ApiAccessIT {

    private static final String CASE = """
            {"recordType":"complaint","channel":"PHONE","complainant":{"name":"Bea Tenant"},
             "description":"The lift has been broken for a week"}""";

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    MutableClock clock;

    @BeforeEach
    void staff() {
        clock.setUk("2026-11-23T10:00");
        accounts.ensure("api.trust.worker", "Trust Worker", "trust-worker-pass", false, Map.of("the-trust", Role.CASE_WORKER));
        accounts.ensure("api.trust.board", "Trust Board", "trust-board-pass", false, Map.of("the-trust", Role.BOARD_MEMBER));
        accounts.ensure("api.homes.worker", "Homes Worker", "homes-worker-pass", false, Map.of("alliance-homes", Role.CASE_WORKER));
    }

    @Test
    void anAnonymousCallerIsAskedToSignInAndGetsNoData() {
        Api.Response response = Api.anonymous(port).get("/api/v1/organisations/the-trust/cases");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).contains("application/problem+json");
        assertThat(Api.anonymous(port).post("/api/v1/organisations/the-trust/cases", CASE).status()).isEqualTo(401);
    }

    @Test
    void aMemberOfAnotherOrganisationIsToldItDoesNotExist() {
        String reference = new Api(port).post("/api/v1/organisations/the-trust/cases", CASE).json().get("caseFile").get("reference").asString();
        Api homes = Api.as(port, "api.homes.worker", "homes-worker-pass");
        assertThat(homes.get("/api/v1/organisations/the-trust/cases").status()).isEqualTo(404);
        Api.Response read = homes.get("/api/v1/organisations/the-trust/cases/" + reference);
        assertThat(read.status()).isEqualTo(404);
        assertThat(read.body()).doesNotContain("Bea Tenant");
        assertThat(homes.post("/api/v1/organisations/the-trust/cases", CASE).status()).isEqualTo(404);
        assertThat(homes.get("/api/v1/organisations/alliance-homes/cases").status()).isEqualTo(200);
    }

    @Test
    void aBoardMemberMayReadCasesButNotActOnThem() {
        String reference = new Api(port).post("/api/v1/organisations/the-trust/cases", CASE).json().get("caseFile").get("reference").asString();
        Api board = Api.as(port, "api.trust.board", "trust-board-pass");
        assertThat(board.get("/api/v1/organisations/the-trust/cases/" + reference).status()).isEqualTo(200);
        assertThat(board.post("/api/v1/organisations/the-trust/cases/" + reference + "/acknowledge", "{}").status()).isEqualTo(403);
        assertThat(board.post("/api/v1/organisations/the-trust/cases", CASE).status()).isEqualTo(403);
    }

    @Test
    void aCaseWorkerMayWorkACaseButNotCloseIt() {
        Api worker = Api.as(port, "api.trust.worker", "trust-worker-pass");
        String reference = worker.post("/api/v1/organisations/the-trust/cases", CASE).json().get("caseFile").get("reference").asString();
        assertThat(worker.post("/api/v1/organisations/the-trust/cases/" + reference + "/acknowledge", "{}").status()).isEqualTo(200);
        assertThat(worker.post("/api/v1/organisations/the-trust/cases/" + reference + "/withdraw", "{\"reason\":\"asked\"}").status())
                .isEqualTo(403);
        assertThat(worker.put("/api/v1/organisations/the-trust/closure-days/2027-03-01", "{\"reason\":\"training\"}").status()).isEqualTo(403);
    }

    @Test
    void theSignedInUserIsRecordedAsTheActorWhateverXActorSays() {
        Api worker = Api.as(port, "api.trust.worker", "trust-worker-pass");
        Api.Response created = worker.post("/api/v1/organisations/the-trust/cases", CASE, "X-Actor", "someone.else");
        assertThat(created.json().get("caseFile").get("history").get(0).get("actor").asString()).isEqualTo("api.trust.worker");
    }

    @Test
    void anAccountIsLockedAfterFiveWrongPasswordsEvenForTheRightOne() {
        accounts.ensure("api.locked.out", "Locked Out", "right-password", false, Map.of("the-trust", Role.CASE_WORKER));
        Api wrong = Api.as(port, "api.locked.out", "wrong-password");
        for (int i = 0; i < 5; i++) {
            assertThat(wrong.get("/api/v1/organisations/the-trust/cases").status()).isEqualTo(401);
        }
        Api right = Api.as(port, "api.locked.out", "right-password");
        assertThat(right.get("/api/v1/organisations/the-trust/cases").status()).isEqualTo(401);
        clock.setUk("2026-11-23T10:16");
        assertThat(right.get("/api/v1/organisations/the-trust/cases").status()).isEqualTo(200);
    }

    @Test
    void healthAndTheApiDescriptionAreOpen() {
        assertThat(Api.anonymous(port).get("/actuator/health").status()).isEqualTo(200);
        assertThat(Api.anonymous(port).get("/v3/api-docs").status()).isEqualTo(200);
    }
}
