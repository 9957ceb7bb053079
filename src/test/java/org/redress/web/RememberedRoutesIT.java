package org.redress.web;

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

/**
 * A remembered route ({@link RememberingHandlerMapping}) answers exactly as a fresh search would: the same path by
 * another method, another content type or other path variables reaches its own handler with its own variables.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class RememberedRoutesIT {

    @LocalServerPort
    int port;

    String newCase(String name) {
        Api.Response created = new Api(port).post("/api/v1/organisations/the-trust/cases", """
                {"recordType":"complaint","channel":"PHONE","complainant":{"name":"%s"},"description":"Routing","points":["Routing"]}"""
                .formatted(name));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("caseFile").get("reference").asString();
    }

    @Test
    void eachRequestReachesItsOwnHandlerWithItsOwnPathVariablesAfterTheRouteIsRemembered() {
        String first = newCase("Rona Route");
        String second = newCase("Ravi Route");
        Api api = new Api(port);
        for (int round = 0; round < 3; round++) {
            assertThat(api.get("/api/v1/organisations/the-trust/cases/" + first).json().get("reference").asString()).isEqualTo(first);
            assertThat(api.get("/api/v1/organisations/the-trust/cases/" + second).json().get("reference").asString()).isEqualTo(second);
            // the same path by another method is another handler: the list, then a create
            assertThat(api.get("/api/v1/organisations/the-trust/cases?size=1").json().has("items")).isTrue();
            assertThat(api.delete("/api/v1/organisations/the-trust/cases/" + first).status()).isEqualTo(405);
            assertThat(api.get("/api/v1/organisations/no-such-org/cases/" + first).status()).isEqualTo(404);
        }
    }

    @Test
    void theContentTypeStillChoosesAfterTheRouteIsRemembered() throws Exception {
        for (int round = 0; round < 2; round++) {
            assertThat(postPolicy("text/plain", "not: [valid").statusCode()).as("YAML is read, and its syntax error refused").isEqualTo(400);
            assertThat(postPolicy("application/json", "{}").statusCode()).as("JSON is not accepted here").isEqualTo(415);
        }
    }

    private HttpResponse<String> postPolicy(String contentType, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/policies"))
                .header("Content-Type", contentType).header("Authorization", Api.ADMIN_AUTHORIZATION)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
