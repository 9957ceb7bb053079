package org.redress.web;

import org.junit.jupiter.api.Test;
import org.redress.testing.Api;
import org.redress.testing.TestClockConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 27: every request the application answers takes its turn ({@link RequestsAtOnce}); while every turn is taken,
 * a request waits its short wait and is answered 503 with {@code Retry-After}, and is answered as usual once a turn is free.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"redress.requests.at-once=1", "redress.requests.wait=300ms"})
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class RequestsAtOnceIT {

    @LocalServerPort
    int port;

    @Autowired
    RequestsAtOnce requests;

    @Test
    void whileTheOnlyTurnIsTakenACaseListIsAnsweredTryAgainAndAfterwardsAsUsual() throws Exception {
        Api api = new Api(port);
        assertThat(api.get("/api/v1/organisations/the-trust/cases?size=1").status()).isEqualTo(200);
        assertThat(requests.free()).isEqualTo(1);

        MockHttpServletRequest holder = new MockHttpServletRequest("POST", "/api/v1/organisations/the-trust/cases");
        assertThat(requests.preHandle(holder, new MockHttpServletResponse(), new Object())).isTrue();
        try {
            HttpResponse<String> busy = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/api/v1/organisations/the-trust/cases?size=1"))
                    .header("Authorization", Api.ADMIN_AUTHORIZATION).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(busy.statusCode()).isEqualTo(503);
            assertThat(busy.headers().firstValue("Retry-After")).contains("5");
            assertThat(busy.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(busy.body()).contains("Redress is working on 1 requests already. Try again in a few seconds.");
            // the health endpoints take no turn: a load balancer can always ask
            assertThat(api.get("/actuator/health/liveness").status()).isEqualTo(200);
        } finally {
            requests.afterCompletion(holder, new MockHttpServletResponse(), new Object(), null);
        }
        assertThat(api.get("/api/v1/organisations/the-trust/cases?size=1").status()).isEqualTo(200);
        assertThat(requests.free()).isEqualTo(1);
    }
}
