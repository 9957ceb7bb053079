package org.redress.accounts;

import org.junit.jupiter.api.Test;
import org.redress.testing.Api;
import org.redress.testing.TestClockConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** API tokens: one organisation each, shown once, stored only as a hash, revocable. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class ApiTokenIT {

    @LocalServerPort
    int port;

    HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json");
        request = body == null ? request.method(method, HttpRequest.BodyPublishers.noBody()) : request.method(method, HttpRequest.BodyPublishers.ofString(body));
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aTokenActsForItsOneOrganisationUntilItIsRevoked() throws Exception {
        Api admin = new Api(port);
        Api.Response issued = admin.post("/api/v1/tokens", "{\"organisation\":\"the-trust\",\"name\":\"housing system\"}");
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String token = issued.json().get("token").asString();
        String id = issued.json().get("id").asString();
        assertThat(token).startsWith("rdt_").hasSizeGreaterThan(40);
        // never shown twice
        assertThat(admin.get("/api/v1/tokens").body()).contains("housing system").doesNotContain(token);

        assertThat(call("GET", "/api/v1/organisations/the-trust/cases?sort=received&size=1", token, null).statusCode()).isEqualTo(200);
        HttpResponse<String> created = call("POST", "/api/v1/organisations/the-trust/cases", token, """
                {"recordType":"complaint","channel":"API","complainant":{"name":"Tia Token"},"description":"From the housing system"}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).contains("\"actor\":\"" + org.redress.testing.TestAccounts.ADMIN + "\"");

        assertThat(call("GET", "/api/v1/organisations/alliance-homes/cases", token, null).statusCode()).isEqualTo(404);
        assertThat(call("GET", "/api/v1/organisations/the-trust/cases", "rdt_not-a-real-token", null).statusCode()).isEqualTo(401);

        assertThat(admin.delete("/api/v1/tokens/" + id).status()).isEqualTo(204);
        assertThat(call("GET", "/api/v1/organisations/the-trust/cases", token, null).statusCode()).isEqualTo(401);
    }

    @Test
    void aTokenIsOnlyIssuedForAnOrganisationTheUserBelongsTo() {
        Api.Response refused = new Api(port).post("/api/v1/tokens", "{\"organisation\":\"nowhere\",\"name\":\"x\"}");
        assertThat(refused.status()).isEqualTo(404);
        assertThat(new Api(port).post("/api/v1/tokens", "{\"name\":\"x\"}").json().get("errors").get(0).get("field").asString())
                .isEqualTo("organisation");
    }
}
