package org.redress.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.redress.RedressApplication;
import org.redress.testing.Api;
import org.redress.testing.Cases;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 24, item 4: with {@code redress.reporting.datasource} set, reports and exports read from a replica. The test
 * makes a true streaming replica with the embedded PostgreSQL binaries (a copy of the stopped primary's cluster, started
 * as a hot standby that streams the primary's write-ahead log through a replication slot), and shows that the reports
 * are answered by it: with the replica's replay paused a case logged on the primary is in the primary's read model but
 * not yet in the report or its export; once replay resumes it is in both. With the replica stopped, reports answer 503
 * while cases are logged and read, the read model is written, and readiness stays UP: nothing but reports uses it.
 */
class ReportReplicaIT {

    private static final String DATABASE = "redress_replica";
    private static final String CASES = "/api/v1/organisations/the-trust/cases";
    private static final String RECEIVED = "/api/v1/organisations/the-trust/reports/measures/complaints-received";
    private static final String PERIOD = "?from=2026-11-01&to=2026-11-30";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void delete(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private static String url(int port) {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
    }

    private static long count(int port, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(url(port), "postgres", "");
             ResultSet rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Waits until the replica has replayed everything the primary has written so far. */
    private static void caughtUp(int primary, int replica) throws Exception {
        String lsn;
        try (Connection connection = DriverManager.getConnection(url(primary), "postgres", "");
             ResultSet rows = connection.createStatement().executeQuery("select pg_current_wal_lsn()::text")) {
            rows.next();
            lsn = rows.getString(1);
        }
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (count(replica, "select (pg_last_wal_replay_lsn() >= '" + lsn + "'::pg_lsn)::int") == 0) {
            assertThat(System.nanoTime()).as("the replica replays the primary's WAL within 30 s").isLessThan(until);
            Thread.sleep(100);
        }
    }

    private static double received(Api api) {
        Api.Response response = api.get(RECEIVED + PERIOD);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        for (JsonNode row : response.json().get("rows")) {
            for (JsonNode cell : row.get("cells")) {
                if (cell.get("figure").asString().equals("received")) {
                    return cell.get("value").asDouble();
                }
            }
        }
        throw new AssertionError("no received figure in " + response.body());
    }

    private static String export(int port) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + RECEIVED + "/export.csv" + PERIOD))
                .header("Authorization", Api.ADMIN_AUTHORIZATION).timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static int status(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", Api.ADMIN_AUTHORIZATION)
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void reportsAndExportsReadTheReplicaWhileCasesAndTheReadModelAreWrittenToThePrimary() throws Exception {
        Path primaryDirectory = Path.of("target", "replica-primary-pgdata").toAbsolutePath();
        Path replicaDirectory = Path.of("target", "replica-standby-pgdata").toAbsolutePath();
        delete(primaryDirectory);
        delete(replicaDirectory);
        int primaryPort = freePort();
        int replicaPort = freePort();
        EmbeddedDatabaseProperties settings = new EmbeddedDatabaseProperties(primaryDirectory, primaryPort, false,
                Map.of("fsync", "off", "shared_buffers", "32MB"), Duration.ZERO);

        // the primary: its database and a replication slot, so it keeps the WAL the replica has not received yet
        EmbeddedPostgres primary = EmbeddedPostgresServer.builder(primaryDirectory, settings, primaryPort).start();
        try (Connection connection = primary.getPostgresDatabase().getConnection()) {
            connection.createStatement().execute("create database " + DATABASE);
            connection.createStatement().execute("select pg_create_physical_replication_slot('reports_replica')");
        }
        primary.close();
        // the replica: a copy of the stopped cluster (what pg_basebackup makes of a running one), started as a standby
        Process copy = new ProcessBuilder("cp", "-a", primaryDirectory.toString(), replicaDirectory.toString()).inheritIO().start();
        assertThat(copy.waitFor()).isZero();
        Files.deleteIfExists(replicaDirectory.resolve("postmaster.pid"));
        Files.deleteIfExists(replicaDirectory.resolve("postmaster.opts"));
        delete(replicaDirectory.resolve("pg_replslot").resolve("reports_replica"));
        Files.writeString(replicaDirectory.resolve("standby.signal"), "");
        Files.writeString(replicaDirectory.resolve("postgresql.auto.conf"), """
                primary_conninfo = 'host=localhost port=%d user=postgres application_name=reports'
                primary_slot_name = 'reports_replica'
                hot_standby = on
                """.formatted(primaryPort), StandardOpenOption.APPEND);

        primary = EmbeddedPostgresServer.builder(primaryDirectory, settings, primaryPort).start();
        EmbeddedPostgres replica = EmbeddedPostgresServer.builder(replicaDirectory, settings, replicaPort).start();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(RedressApplication.class).profiles("test")
                .run("--server.port=0", "--db-scheduler.enabled=false", "--redress.outbox.poll-interval=1h",
                        "--spring.datasource.url=" + url(primaryPort), "--spring.datasource.username=postgres",
                        "--redress.reporting.datasource.url=" + url(replicaPort), "--redress.reporting.datasource.username=postgres")) {
            int port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            Api api = new Api(port);
            assertThat(count(replicaPort, "select pg_is_in_recovery()::int")).as("a standby").isEqualTo(1);
            String streaming = "select count(*) from pg_stat_replication where application_name = 'reports' and state = 'streaming'";
            for (int i = 0; i < 150 && count(primaryPort, streaming) == 0; i++) {
                Thread.sleep(200);
            }
            assertThat(count(primaryPort, streaming)).as("streaming from the primary").isEqualTo(1);
            // the reports' client reads the replica, read-only; the application's own client is the primary's
            JdbcClient reads = (JdbcClient) app.getBean("reportingReads");
            assertThat(reads.sql("select pg_is_in_recovery()").query(Boolean.class).single()).isTrue();
            assertThat(app.getBean(JdbcClient.class).sql("select pg_is_in_recovery()").query(Boolean.class).single()).isFalse();

            String body = Cases.aContact("complaint").receivedAt(Instant.parse("2026-11-23T09:00:00Z"))
                    .preferringContactBy("EMAIL").saying("The boiler repair was missed twice").points("Point").json();
            assertThat(api.post(CASES, body).status()).isEqualTo(201);
            caughtUp(primaryPort, replicaPort);
            assertThat(received(api)).isEqualTo(1);

            // replay paused: the primary's read model has the next case, the replica (so the report and export) not yet
            try (Connection connection = DriverManager.getConnection(url(replicaPort), "postgres", "")) {
                connection.createStatement().execute("select pg_wal_replay_pause()");
            }
            Api.Response second = api.post(CASES, body);
            assertThat(second.status()).as(second.body()).isEqualTo(201);
            String reference = second.json().get("caseFile").get("reference").asString();
            assertThat(count(primaryPort, "select count(*) from reporting.case_stage where organisation = 'the-trust'")).isEqualTo(2);
            assertThat(count(replicaPort, "select count(*) from reporting.case_stage where organisation = 'the-trust'")).isEqualTo(1);
            assertThat(received(api)).as("the report reads the replica").isEqualTo(1);
            assertThat(export(port)).as("the export reads the replica").contains("All,received,Received,1,");
            assertThat(status(port, CASES + "/" + reference)).as("a case reads the primary").isEqualTo(200);

            try (Connection connection = DriverManager.getConnection(url(replicaPort), "postgres", "")) {
                connection.createStatement().execute("select pg_wal_replay_resume()");
            }
            caughtUp(primaryPort, replicaPort);
            assertThat(received(api)).isEqualTo(2);
            assertThat(export(port)).contains("All,received,Received,2,");

            // the replica away: reports answer 503 quickly; cases are logged and read, and readiness stays UP
            replica.close();
            long asked = System.nanoTime();
            Api.Response report = api.get(RECEIVED + PERIOD);
            assertThat(report.status()).as(report.body()).isEqualTo(503);
            assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(10));
            Api.Response third = api.post(CASES, body);
            assertThat(third.status()).as(third.body()).isEqualTo(201);
            assertThat(status(port, CASES + "/" + third.json().get("caseFile").get("reference").asString())).isEqualTo(200);
            assertThat(count(primaryPort, "select count(*) from reporting.case_stage where organisation = 'the-trust'"))
                    .as("the read model is written on the primary").isEqualTo(3);
            assertThat(status(port, "/actuator/health/readiness")).isEqualTo(200);
        } finally {
            replica.close();
            primary.close();
        }
    }
}
