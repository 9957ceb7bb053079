package org.redress.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 24, item 4: what can be checked of the container image without a registry. Redress is started as its own process
 * with exactly the environment deploy/Dockerfile sets (the embedded PostgreSQL off, the port, the JVM's options) and
 * the external database's three settings, on the application's classpath (the image runs the jar built from it; the
 * test classes are left out), against a PostgreSQL the test starts on a free port: it migrates the empty database and
 * answers readiness. With the image's settings and no database named, it stops at start and says which settings to give.
 */
class DeploymentIT {

    private static final Pattern STARTED = Pattern.compile("Tomcat started on port (\\d+)");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final List<Process> started = new ArrayList<>();

    /** The variables the Dockerfile's ENV instructions set, continuation lines and quotes read as Docker reads them. */
    static Map<String, String> imageEnvironment(String dockerfile) {
        Map<String, String> environment = new LinkedHashMap<>();
        String joined = dockerfile.replaceAll("\\\\\\r?\\n", " ");
        Matcher env = Pattern.compile("(?m)^ENV\\s+(.*)$").matcher(joined);
        Pattern pair = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"[^\"]*\"|\\S*)");
        while (env.find()) {
            Matcher m = pair.matcher(env.group(1));
            while (m.find()) {
                String value = m.group(2);
                environment.put(m.group(1), value.startsWith("\"") ? value.substring(1, value.length() - 1) : value);
            }
        }
        return environment;
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The classpath without the test classes, so nothing the tests add (their clock, accounts) is scanned. */
    private static String applicationClasspath() {
        String testClasses = Path.of("target", "test-classes").toAbsolutePath().toString();
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).toAbsolutePath().toString().equals(testClasses))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private Process start(Map<String, String> environment, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", applicationClasspath(), "org.redress.RedressApplication")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        // the image's environment, not this JVM's settings for Redress
        builder.environment().keySet().removeIf(name -> name.startsWith("REDRESS_") || name.startsWith("SPRING_")
                || name.equals("PORT") || name.equals("JAVA_TOOL_OPTIONS"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        started.add(process);
        return process;
    }

    private static int status(int port, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    @AfterEach
    void stop() throws Exception {
        for (Process process : started) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void withTheImagesSettingsTheApplicationStartsOnAnExternalPostgresqlAndAnswersReadiness() throws Exception {
        Map<String, String> image = imageEnvironment(Files.readString(Path.of("deploy", "Dockerfile")));
        assertThat(image).containsEntry("REDRESS_EMBEDDED_DB_ENABLED", "false").containsKeys("PORT", "JAVA_TOOL_OPTIONS");
        Path directory = Path.of("target", "image-pgdata").toAbsolutePath();
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
        try (EmbeddedPostgres database = EmbeddedPostgresServer.builder(directory, settings, databasePort).start()) {
            try (Connection connection = database.getPostgresDatabase().getConnection()) {
                connection.createStatement().execute("create user redress password 'image-test'");
                connection.createStatement().execute("create database redress owner redress");
            }
            int port = freePort();
            Map<String, String> environment = new LinkedHashMap<>(image);
            environment.put("PORT", Integer.toString(port));
            environment.put("REDRESS_DB_URL", "jdbc:postgresql://localhost:" + databasePort + "/redress");
            environment.put("REDRESS_DB_USER", "redress");
            environment.put("REDRESS_DB_PASSWORD", "image-test");
            environment.put("REDRESS_NODE_NAME", "image-test");
            Path log = Path.of("target", "deployment-image.log");
            Process redress = start(environment, log);
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (System.nanoTime() < deadline && redress.isAlive() && !STARTED.matcher(Files.readString(log)).find()) {
                Thread.sleep(200);
            }
            String output = Files.readString(log);
            assertThat(output).as("started; see " + log).containsPattern(STARTED);
            assertThat(output).doesNotContain("EmbeddedPostgres");
            int ready = status(port, "/actuator/health/readiness");
            for (int i = 0; i < 50 && ready != 200; i++) {
                Thread.sleep(200);
                ready = status(port, "/actuator/health/readiness");
            }
            assertThat(ready).isEqualTo(200);
            assertThat(status(port, "/actuator/health/liveness")).isEqualTo(200);
            assertThat(status(port, "/o/the-trust/complain")).isEqualTo(200);
            try (Connection connection = database.getDatabase("redress", "redress").getConnection();
                 var rows = connection.createStatement().executeQuery("select count(*) from people.organisation")) {
                rows.next();
                assertThat(rows.getLong(1)).as("migrated by the application as the user the settings name").isEqualTo(4);
            }
        }
    }

    @Test
    void withTheImagesSettingsAndNoDatabaseNamedTheApplicationStopsAndSaysWhichSettingsToGive() throws Exception {
        Map<String, String> environment = new LinkedHashMap<>(imageEnvironment(Files.readString(Path.of("deploy", "Dockerfile"))));
        environment.put("PORT", Integer.toString(freePort()));
        Path log = Path.of("target", "deployment-no-database.log");
        Process redress = start(environment, log);
        assertThat(redress.waitFor(3, TimeUnit.MINUTES)).as("stopped by itself").isTrue();
        assertThat(redress.exitValue()).isNotZero();
        String output = Files.readString(log);
        assertThat(output).contains(NoDatabaseConfigured.MESSAGE);
        assertThat(output).doesNotContain("Tomcat started");
    }
}
