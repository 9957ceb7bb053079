package org.redress.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.redress.RedressApplication;
import org.redress.testing.Api;
import org.redress.testing.Cases;
import org.redress.testing.TestAccounts;
import org.redress.testing.WebSession;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 27, items 2 and 3: while an external PostgreSQL is stopped, a request is answered 503 with Retry-After within a
 * few seconds (never a 30 s hang or a 500), readiness is DOWN and liveness UP; when it returns, Redress recovers by
 * itself, and a create retried with its idempotency key is made once. A browser asking for a staff page or the public
 * form, or posting the sign-in form, is shown a page in plain English with Retry-After, not JSON and never a 500.
 */
class DatabaseOutageIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static int status(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void assertTheUnavailablePage(WebSession browser, WebSession.Page page) {
        assertThat(page.status()).as(page.body()).isEqualTo(503);
        assertThat(browser.lastHeader("Retry-After")).isEqualTo("5");
        assertThat(browser.lastHeader("Content-Type")).startsWith("text/html");
        assertThat(page.body()).startsWith("<!DOCTYPE html>").contains("<html lang=\"en\">")
                .contains("<h1>Sorry, the service is not available just now</h1>")
                .contains("Please try again in a few minutes.").doesNotContain("problem+json", "\"status\"");
    }

    @Test
    void whileTheDatabaseIsAwayRequestsAreAnswered503QuicklyReadinessIsDownAndItRecoversByItself() throws Exception {
        Path directory = Path.of("target", "outage-pgdata").toAbsolutePath();
        if (Files.exists(directory)) {
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        int databasePort = freePort();
        EmbeddedDatabaseProperties settings = new EmbeddedDatabaseProperties(directory, databasePort, false,
                Map.of("fsync", "off", "shared_buffers", "32MB"), Duration.ZERO);
        EmbeddedPostgres database = EmbeddedPostgresServer.builder(directory, settings, databasePort).start();
        try (Connection connection = database.getPostgresDatabase().getConnection()) {
            connection.createStatement().execute("create database redress_outage");
        }
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(RedressApplication.class).profiles("test")
                .run("--server.port=0", "--db-scheduler.enabled=false", "--redress.outbox.poll-interval=1h",
                        "--spring.datasource.url=jdbc:postgresql://localhost:" + databasePort + "/redress_outage",
                        "--spring.datasource.username=postgres")) {
            int port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            Api api = new Api(port);
            String body = Cases.aContact("complaint").receivedAt(Instant.parse("2026-11-23T09:00:00Z"))
                    .preferringContactBy("EMAIL").saying("The boiler repair was missed twice").points("Point").json();
            String cases = "/api/v1/organisations/the-trust/cases";
            assertThat(api.post(cases, body, "Idempotency-Key", "before").status()).isEqualTo(201);
            assertThat(status(port, "/actuator/health/readiness")).isEqualTo(200);
            WebSession staff = new WebSession(port);
            assertThat(staff.signIn(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD).status()).isEqualTo(302);
            assertThat(staff.get("/staff/the-trust").status()).isEqualTo(200);
            WebSession visitor = new WebSession(port);
            assertThat(visitor.get("/sign-in").status()).isEqualTo(200);

            database.close();

            long asked = System.nanoTime();
            Api.Response during = api.post(cases, body, "Idempotency-Key", "during");
            Duration answeredIn = Duration.ofNanos(System.nanoTime() - asked);
            assertThat(during.status()).as(during.body()).isEqualTo(503);
            assertThat(during.contentType()).startsWith("application/problem+json");
            assertThat(during.json().get("title").asString()).isEqualTo("Database unavailable");
            assertThat(answeredIn).as("answered within the pool's 2 s wait and a little").isLessThan(Duration.ofSeconds(6));
            asked = System.nanoTime();
            assertThat(status(port, "/actuator/health/readiness")).isEqualTo(503);
            assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(6));
            assertThat(status(port, "/actuator/health/liveness")).isEqualTo(200);

            // a browser: a staff page, the public form, and the sign-in form posted, each the 503 page in plain English
            assertTheUnavailablePage(staff, staff.get("/staff/the-trust"));
            WebSession resident = new WebSession(port);
            assertTheUnavailablePage(resident, resident.get("/o/the-trust/complain"));
            assertTheUnavailablePage(visitor, visitor.post("/sign-in",
                    Map.of("username", TestAccounts.ADMIN, "password", TestAccounts.ADMIN_PASSWORD)));

            database = EmbeddedPostgresServer.builder(directory, settings, databasePort).start();
            long back = System.nanoTime();
            Api.Response retried = api.post(cases, body, "Idempotency-Key", "during");
            while (retried.status() == 503 && Duration.ofNanos(System.nanoTime() - back).toSeconds() < 20) {
                Thread.sleep(250);
                retried = api.post(cases, body, "Idempotency-Key", "during");
            }
            assertThat(retried.status()).as(retried.body()).isEqualTo(201);
            assertThat(api.post(cases, body, "Idempotency-Key", "during").status()).as("a retry replays").isEqualTo(200);
            assertThat(api.post(cases, body, "Idempotency-Key", "before").status()).isEqualTo(200);
            assertThat(status(port, "/actuator/health/readiness")).isEqualTo(200);
            try (Connection connection = database.getDatabase("postgres", "redress_outage").getConnection();
                 var rows = connection.createStatement().executeQuery("select count(*) from casework.case_file where organisation = 'the-trust'")) {
                rows.next();
                assertThat(rows.getLong(1)).isEqualTo(2);
            }
        } finally {
            database.close();
        }
    }
}
