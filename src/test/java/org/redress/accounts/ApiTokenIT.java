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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * API tokens: one organisation each, shown once, stored only as a hash, revocable, expiring within a year; a token
 * cannot make tokens (issue 19, finding 8), so none outlives the one that was stolen.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class ApiTokenIT {

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;

    static final String PASSWORD = "token-test-password";

    @BeforeEach
    void theClockAtTheStartOfTheTests() {
        clock.set(START);
    }

    @AfterEach
    void clockBackToWhereTheOtherTestsExpectIt() {
        clock.set(START);
    }

    static final Instant START = Instant.parse("2026-11-23T09:00:00Z");

    long tokensOf(String username) {
        return jdbc.sql("select count(*) from accounts.api_token where username = ?").param(username).query(Long.class).single();
    }

    HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json");
        request = body == null ? request.method(method, HttpRequest.BodyPublishers.noBody()) : request.method(method, HttpRequest.BodyPublishers.ofString(body));
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aTokenOfOneOrganisationIsRefusedAnotherOrganisationHoweverItsNameIsSpelt() throws Exception {
        // the test administrator belongs to every organisation; the token acts for the Trust alone
        String token = new Api(port).post("/api/v1/tokens", "{\"organisation\":\"the-trust\",\"name\":\"spelling\"}")
                .json().get("token").asString();
        assertThat(call("GET", "/api/v1/organisations/the-trust/cases?size=1", token, null).statusCode()).isEqualTo(200);
        for (String spelt : new String[]{"alliance-homes", "%61lliance-homes", "alliance-home%73", "%61%6C%6C%69ance-homes"}) {
            HttpResponse<String> answer = call("GET", "/api/v1/organisations/" + spelt + "/cases?size=1", token, null);
            assertThat(answer.statusCode()).as(spelt).isEqualTo(404);
            assertThat(answer.body()).as(spelt).contains("no organisation 'alliance-homes'");
        }
    }

    @Test
    void aTokenActsForItsOneOrganisationUntilItIsRevoked() throws Exception {
        Api admin = new Api(port);
        Api.Response issued = admin.post("/api/v1/tokens", "{\"organisation\":\"the-trust\",\"name\":\"housing system\"}");
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String token = issued.json().get("token").asString();
        String id = issued.json().get("id").asString();
        // the prefix, then 32 random bytes in base64url without padding (43 characters)
        assertThat(token).startsWith("rdt_").hasSize(47).matches("rdt_[A-Za-z0-9_-]{43}");
        // never shown twice
        assertThat(admin.get("/api/v1/tokens").body()).contains("housing system").doesNotContain(token);

        assertThat(call("GET", "/api/v1/organisations/the-trust/cases?sort=received&size=1", token, null).statusCode()).isEqualTo(200);
        HttpResponse<String> created = call("POST", "/api/v1/organisations/the-trust/cases", token, """
                {"recordType":"complaint","channel":"API","complainant":{"name":"Tia Token"},"description":"From the housing system"}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).contains("\"actor\":\"" + org.redress.testing.TestAccounts.ADMIN + "\"");

        assertThat(call("GET", "/api/v1/organisations/alliance-homes/cases", token, null).statusCode()).isEqualTo(404);
        assertThat(call("GET", "/api/v1/organisations/the-trust/cases", "rdt_not-a-real-token", null).statusCode()).isEqualTo(401);

        assertThat(admin.delete("/api/v1/tokens/" + id).status()).isEqualTo(200);
        assertThat(call("GET", "/api/v1/organisations/the-trust/cases", token, null).statusCode()).isEqualTo(401);
    }

    @Test
    void aTokenIsOnlyIssuedForAnOrganisationTheUserBelongsTo() {
        Api.Response refused = new Api(port).post("/api/v1/tokens", "{\"organisation\":\"nowhere\",\"name\":\"x\"}");
        assertThat(refused.status()).isEqualTo(404);
        assertThat(new Api(port).post("/api/v1/tokens", "{\"name\":\"x\"}").json().get("errors").get(0).get("field").asString())
                .isEqualTo("organisation");
    }

    @Test
    void aTokenCannotCreateTokensSoNoneOutlivesTheOneThatWasStolen() {
        accounts.ensure("tk.holder", "Hal Holder", PASSWORD, false, Map.of("the-trust", Role.ADMINISTRATOR));
        String stolen = Api.as(port, "tk.holder", PASSWORD).post("/api/v1/tokens", "{\"organisation\":\"the-trust\",\"name\":\"crm\"}")
                .json().get("token").asString();
        long before = tokensOf("tk.holder");

        Api.Response minted = Api.bearer(port, stolen).post("/api/v1/tokens", "{\"organisation\":\"the-trust\",\"name\":\"backdoor\"}");

        assertThat(minted.status()).isEqualTo(403);
        assertThat(minted.contentType()).contains("application/problem+json");
        assertThat(minted.json().get("detail").asString()).isEqualTo("an API token cannot create tokens; sign in as a person");
        assertThat(tokensOf("tk.holder")).isEqualTo(before);
        // nor make an account with a password it knows, nor set someone's password
        Api.Response account = Api.bearer(port, stolen).post("/api/v1/organisations/the-trust/staff", """
                {"username":"tk.backdoor","displayName":"Back Door","role":"ADMINISTRATOR","password":"a long and unusual first password"}""");
        assertThat(account.status()).isEqualTo(403);
        assertThat(account.json().get("detail").asString()).isEqualTo("an API token cannot add members; sign in as a person");
        assertThat(jdbc.sql("select count(*) from accounts.staff_user where username = 'tk.backdoor'").query(Long.class).single()).isZero();
    }

    @Test
    void aTokenExpiresAfterAYearOrSoonerIfAskedAndIsThenRefusedLikeAnUnknownOne() throws Exception {
        Api admin = new Api(port);
        Api.Response yearly = admin.post("/api/v1/tokens", "{\"organisation\":\"the-trust\",\"name\":\"yearly\"}");
        assertThat(Instant.parse(yearly.json().get("expiresAt").asString())).isEqualTo(Instant.parse("2027-11-23T09:00:00Z"));
        Api.Response monthly = admin.post("/api/v1/tokens", "{\"organisation\":\"the-trust\",\"name\":\"monthly\",\"expiresInDays\":30}");
        assertThat(monthly.status()).as(monthly.body()).isEqualTo(201);
        assertThat(Instant.parse(monthly.json().get("expiresAt").asString())).isEqualTo(START.plus(Duration.ofDays(30)));
        String token = monthly.json().get("token").asString();
        assertThat(admin.get("/api/v1/tokens").json().valueStream().filter(t -> t.get("name").asString().equals("monthly"))
                .findFirst().orElseThrow().get("expiresAt").asString()).isEqualTo(monthly.json().get("expiresAt").asString());

        for (String bad : new String[]{"0", "366", "-1", "\"soon\""}) {
            Api.Response refused = admin.post("/api/v1/tokens", "{\"organisation\":\"the-trust\",\"name\":\"bad\",\"expiresInDays\":" + bad + "}");
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("expiresInDays");
        }

        // used the moment before it expires, so a checked token is kept in memory: that must not keep it alive
        clock.set(START.plus(Duration.ofDays(30)).minusSeconds(1));
        assertThat(call("GET", "/api/v1/organisations/the-trust/cases?size=1", token, null).statusCode()).isEqualTo(200);
        clock.set(START.plus(Duration.ofDays(30)));
        HttpResponse<String> expired = call("GET", "/api/v1/organisations/the-trust/cases?size=1", token, null);
        HttpResponse<String> unknown = call("GET", "/api/v1/organisations/the-trust/cases?size=1", "rdt_not-a-real-token", null);
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(expired.body()).isEqualTo(unknown.body());
    }

    @Test
    void revokingATokenListsTheOtherLiveTokensTheSamePersonMadeForThatOrganisation() {
        accounts.ensure("tk.revoker", "Rae Revoker", PASSWORD, false, Map.of("the-trust", Role.ADMINISTRATOR, "alliance-homes", Role.CASE_WORKER));
        Api person = Api.as(port, "tk.revoker", PASSWORD);
        String leaked = person.post("/api/v1/tokens", "{\"organisation\":\"the-trust\",\"name\":\"leaked\"}").json().get("id").asString();
        String sibling = person.post("/api/v1/tokens", "{\"organisation\":\"the-trust\",\"name\":\"sibling\"}").json().get("id").asString();
        String gone = person.post("/api/v1/tokens", "{\"organisation\":\"the-trust\",\"name\":\"already revoked\"}").json().get("id").asString();
        person.post("/api/v1/tokens", "{\"organisation\":\"alliance-homes\",\"name\":\"other organisation\"}");
        assertThat(person.delete("/api/v1/tokens/" + gone).status()).isEqualTo(200);

        Api.Response revoked = person.delete("/api/v1/tokens/" + leaked);

        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(revoked.json().get("revoked").get("id").asString()).isEqualTo(leaked);
        JsonNode others = revoked.json().get("otherLiveTokens");
        assertThat(others).hasSize(1);
        assertThat(others.get(0).get("id").asString()).isEqualTo(sibling);
        assertThat(others.get(0).get("name").asString()).isEqualTo("sibling");
        assertThat(others.get(0).get("createdAt").asString()).isEqualTo("2026-11-23T09:00:00Z");
        assertThat(revoked.json().get("message").asString()).isEqualTo("Revoked. You have 1 other token for the-trust that still works:"
                + " revoke it too if it may also have been seen by someone else.");
        assertThat(person.delete("/api/v1/tokens/" + leaked).status()).isEqualTo(404);
    }
}
