package org.redress.accounts;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.testing.Api;
import org.redress.testing.MutableClock;
import org.redress.testing.TestClockConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Another organisation's administrator trying to take an account over (issue 19, finding 7): adding someone who already
 * has an account only invites them, and nothing joins it to the organisation until its owner accepts; the answer to
 * "add a member" is the same whether or not the username has an account, so it tells nobody which usernames exist.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class InvitationIT {

    static final String HOMES = "alliance-homes";
    static final String STAFF = "/api/v1/organisations/" + HOMES + "/staff";
    static final String INVITATIONS = "/api/v1/organisations/" + HOMES + "/team/invitations";
    static final String PASSWORD = "invitation-test-password";
    static final String FIRST_PASSWORD = "a long and unusual first password";

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;

    @BeforeEach
    void twoOrganisationsStaff() {
        clock.setUk("2026-11-23T10:00");
        accounts.ensure("ah.admin", "Alex Homes-Admin", PASSWORD, false, Map.of(HOMES, Role.ADMINISTRATOR));
        accounts.ensure("tt.caseworker", "Toni Trust", PASSWORD, false, Map.of("the-trust", Role.CASE_WORKER));
    }

    @AfterEach
    void clockBackToWhereTheOtherTestsExpectIt() {
        clock.set(Instant.parse("2026-11-23T09:00:00Z"));
    }

    Api homesAdmin() {
        return Api.as(port, "ah.admin", PASSWORD);
    }

    String add(String username, String role) {
        return """
                {"username":"%s","displayName":"Someone New","role":"%s","password":"%s"}""".formatted(username, role, FIRST_PASSWORD);
    }

    @Test
    void addingSomeoneWithAnAccountElsewhereOnlyInvitesThemAndTheyJoinWhenTheyAccept() {
        Api.Response added = homesAdmin().post(STAFF, add("tt.caseworker", "ADMINISTRATOR"));

        assertThat(added.status()).as(added.body()).isEqualTo(202);
        assertThat(accounts.roleIn("tt.caseworker", HOMES)).isEmpty();
        assertThat(homesAdmin().get(STAFF + "/tt.caseworker").status()).isEqualTo(404);
        assertThat(homesAdmin().get(STAFF).body()).doesNotContain("tt.caseworker");
        Api trust = Api.as(port, "tt.caseworker", PASSWORD);
        assertThat(trust.get("/api/v1/organisations/" + HOMES + "/cases").status()).isEqualTo(404);
        // the first password the administrator typed is not the account's: only its owner's password opens it
        assertThat(Api.as(port, "tt.caseworker", FIRST_PASSWORD).get("/api/v1/invitations").status()).isEqualTo(401);

        JsonNode mine = trust.get("/api/v1/invitations").json();
        assertThat(mine).hasSize(1);
        JsonNode invitation = mine.get(0);
        assertThat(invitation.get("organisation").asString()).isEqualTo(HOMES);
        assertThat(invitation.get("organisationName").asString()).isEqualTo("Alliance Homes Group");
        assertThat(invitation.get("role").asString()).isEqualTo("ADMINISTRATOR");
        assertThat(invitation.get("invitedBy").asString()).isEqualTo("ah.admin");
        assertThat(invitation.get("invitedByName").asString()).isEqualTo("Alex Homes-Admin");
        assertThat(Instant.parse(invitation.get("expiresAt").asString())).isEqualTo(clock.instant().plus(Duration.ofDays(14)));
        String id = invitation.get("id").asString();

        // nobody else can answer it: not the administrator who made it
        assertThat(homesAdmin().post("/api/v1/invitations/" + id + "/accept", "{}").status()).isEqualTo(404);
        assertThat(accounts.roleIn("tt.caseworker", HOMES)).isEmpty();

        Api.Response accepted = trust.post("/api/v1/invitations/" + id + "/accept", "{}");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accounts.roleIn("tt.caseworker", HOMES)).contains(Role.ADMINISTRATOR);
        assertThat(accounts.roleIn("tt.caseworker", "the-trust")).contains(Role.CASE_WORKER);
        assertThat(trust.get("/api/v1/organisations/" + HOMES + "/cases").status()).isEqualTo(200);
        assertThat(trust.get("/api/v1/invitations").json()).isEmpty();
        assertThat(trust.post("/api/v1/invitations/" + id + "/accept", "{}").status()).isEqualTo(404);
        assertThat(homesAdmin().delete(STAFF + "/tt.caseworker").status()).isEqualTo(204);
    }

    @Test
    void theAnswerToAddingAMemberIsTheSameWhetherOrNotTheUsernameHasAnAccount() {
        accounts.ensure("tt.quiet", "Quinn Quiet", PASSWORD, false, Map.of("the-trust", Role.CASE_WORKER));
        Api.Response existing = homesAdmin().post(STAFF, add("tt.quiet", "CASE_WORKER"));
        Api.Response unknown = homesAdmin().post(STAFF, add("tt.nobody-yet", "CASE_WORKER"));

        assertThat(existing.status()).as(existing.body()).isEqualTo(202);
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(202);
        assertThat(existing.contentType()).isEqualTo(unknown.contentType());
        assertThat(sameButNames(existing.body(), "tt.quiet")).isEqualTo(sameButNames(unknown.body(), "tt.nobody-yet"));
        assertThat(existing.json().get("message").asString()).isEqualTo("Invitation made: tt.quiet joins the team as Case worker when they"
                + " accept it. If nobody had that username, a new account was made with the first password you gave;"
                + " otherwise that password was not used and they sign in with their own.");
        assertThat(accounts.roleIn("tt.quiet", HOMES)).isEmpty();
        assertThat(accounts.roleIn("tt.nobody-yet", HOMES)).isEmpty();

        // the administrator's list of open invitations shows both the same way
        JsonNode open = homesAdmin().get(INVITATIONS).json();
        assertThat(open).extracting(i -> i.get("username").asString()).contains("tt.quiet", "tt.nobody-yet");

        // bad input is refused the same way too: a first password is always needed
        Api.Response noPasswordExisting = homesAdmin().post(STAFF, "{\"username\":\"tt.caseworker\",\"displayName\":\"X Y\",\"role\":\"CASE_WORKER\"}");
        Api.Response noPasswordUnknown = homesAdmin().post(STAFF, "{\"username\":\"tt.nobody-else\",\"displayName\":\"X Y\",\"role\":\"CASE_WORKER\"}");
        assertThat(noPasswordExisting.status()).isEqualTo(400);
        assertThat(noPasswordExisting.body().replace("tt.caseworker", "?")).isEqualTo(noPasswordUnknown.body().replace("tt.nobody-else", "?"));
        // an installation operator's username is no different
        Api.Response operator = homesAdmin().post(STAFF, add("test-admin", "CASE_WORKER"));
        assertThat(operator.status()).isEqualTo(202);
        assertThat(sameButNames(operator.body(), "test-admin")).isEqualTo(sameButNames(unknown.body(), "tt.nobody-yet"));
    }

    @Test
    void aNewAccountSignsInWithItsFirstPasswordAndJoinsByAcceptingOrNotAtAll() {
        homesAdmin().post(STAFF, add("ah.newcomer", "CASE_WORKER"));
        homesAdmin().post(STAFF, add("ah.reluctant", "CASE_WORKER"));
        Api newcomer = Api.as(port, "ah.newcomer", FIRST_PASSWORD);
        assertThat(newcomer.get("/api/v1/organisations/" + HOMES + "/cases").status()).isEqualTo(404);
        String id = newcomer.get("/api/v1/invitations").json().get(0).get("id").asString();
        assertThat(newcomer.post("/api/v1/invitations/" + id + "/accept", "{}").status()).isEqualTo(200);
        assertThat(newcomer.get("/api/v1/organisations/" + HOMES + "/cases").status()).isEqualTo(200);

        Api reluctant = Api.as(port, "ah.reluctant", FIRST_PASSWORD);
        String other = reluctant.get("/api/v1/invitations").json().get(0).get("id").asString();
        assertThat(reluctant.post("/api/v1/invitations/" + other + "/decline", "{}").status()).isEqualTo(200);
        assertThat(accounts.roleIn("ah.reluctant", HOMES)).isEmpty();
        assertThat(reluctant.post("/api/v1/invitations/" + other + "/accept", "{}").status()).isEqualTo(404);
        assertThat(homesAdmin().get(INVITATIONS).body()).doesNotContain("ah.reluctant");
    }

    @Test
    void anInvitationCanBeWithdrawnAndRunsOutAfterFourteenDays() {
        homesAdmin().post(STAFF, add("ah.withdrawn", "CASE_WORKER"));
        homesAdmin().post(STAFF, add("ah.too-late", "CASE_WORKER"));
        String withdrawn = homesAdmin().get(INVITATIONS).json().valueStream()
                .filter(i -> i.get("username").asString().equals("ah.withdrawn")).findFirst().orElseThrow().get("id").asString();
        assertThat(homesAdmin().delete(INVITATIONS + "/" + withdrawn).status()).isEqualTo(204);
        assertThat(Api.as(port, "ah.withdrawn", FIRST_PASSWORD).post("/api/v1/invitations/" + withdrawn + "/accept", "{}").status()).isEqualTo(404);

        Api late = Api.as(port, "ah.too-late", FIRST_PASSWORD);
        String id = late.get("/api/v1/invitations").json().get(0).get("id").asString();
        clock.set(clock.instant().plus(Duration.ofDays(14)).plusSeconds(1));
        assertThat(late.get("/api/v1/invitations").json()).isEmpty();
        assertThat(late.post("/api/v1/invitations/" + id + "/accept", "{}").status()).isEqualTo(404);
        assertThat(accounts.roleIn("ah.too-late", HOMES)).isEmpty();
        assertThat(homesAdmin().get(INVITATIONS).body()).doesNotContain("ah.too-late");
    }

    @Test
    void anInvitationIsAnsweredByThePersonNeverByAnApiToken() {
        accounts.ensure("tt.careful", "Cary Careful", PASSWORD, false, Map.of("the-trust", Role.CASE_WORKER));
        homesAdmin().post(STAFF, add("tt.careful", "CASE_WORKER"));
        Api careful = Api.as(port, "tt.careful", PASSWORD);
        String id = careful.get("/api/v1/invitations").json().get(0).get("id").asString();
        String token = careful.post("/api/v1/tokens", "{\"organisation\":\"the-trust\",\"name\":\"rota system\"}").json().get("token").asString();

        Api.Response byToken = Api.bearer(port, token).post("/api/v1/invitations/" + id + "/accept", "{}");
        assertThat(byToken.status()).isEqualTo(403);
        assertThat(byToken.contentType()).contains("application/problem+json");
        assertThat(byToken.json().get("detail").asString()).isEqualTo("an API token cannot answer invitations; sign in as a person");
        assertThat(accounts.roleIn("tt.careful", HOMES)).isEmpty();
        assertThat(jdbc.sql("select count(*) from accounts.invitation where id = ?::uuid and answered_at is null").param(id)
                .query(Long.class).single()).isOne();
    }

    /** The answer with the username and the invitation's id taken out: all that is left must be the same. */
    private static String sameButNames(String body, String username) {
        return body.replace(username, "<username>").replaceAll("\"id\":\"[0-9a-f-]{36}\"", "\"id\":\"<id>\"");
    }
}
