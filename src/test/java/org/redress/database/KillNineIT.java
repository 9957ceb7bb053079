package org.redress.database;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.redress.testing.Api;
import org.redress.testing.Cases;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 27's fault test, in the repository: Redress runs as a separate process on its own data directory while
 * complaints are logged with idempotency keys; the JVM is killed with {@code kill -9}, then the embedded PostgreSQL
 * too; Redress is started again. Nothing acknowledged is lost, every failed create retried with its key is made exactly
 * once, and Redress serves again at most 20 s later than a normal start takes on the same machine (a start takes about
 * 10 s on a quiet machine; {@code -Dredress.fault-test.recovery-limit=PT20S} sets an absolute limit instead).
 */
class KillNineIT {

    private static final Path DIRECTORY = Path.of("target", "kill-nine-pgdata").toAbsolutePath();
    /** An absolute limit from the crash to serving again ({@code -Dredress.fault-test.recovery-limit=PT20S}), if set. */
    private static final Duration RECOVERY_LIMIT = System.getProperty("redress.fault-test.recovery-limit") == null ? null
            : Duration.parse(System.getProperty("redress.fault-test.recovery-limit"));
    private static final Pattern STARTED = Pattern.compile("Tomcat started on port (\\d+)");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final String CASES = "/api/v1/organisations/the-trust/cases";

    private final List<Process> started = new ArrayList<>();

    private record Redress(Process process, int port) {
    }

    private Redress start(String name) throws Exception {
        Path log = Path.of("target", "kill-nine-" + name + ".log");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), "org.redress.RedressApplication",
                "--spring.profiles.active=test", "--server.port=0", "--db-scheduler.enabled=false",
                "--redress.embedded-db.directory=" + DIRECTORY, "--redress.embedded-db.clean=false",
                "--redress.outbox.poll-interval=1h", "--redress.outbox.deliver-after-commit=false");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        started.add(process);
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            Matcher port = STARTED.matcher(Files.readString(log));
            if (port.find()) {
                return new Redress(process, Integer.parseInt(port.group(1)));
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("Redress did not start; see " + log);
    }

    private static boolean ready(int port) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void killNine(long pid) throws Exception {
        new ProcessBuilder("kill", "-9", Long.toString(pid)).start().waitFor();
    }

    @AfterEach
    void stopEverything() throws Exception {
        for (Process process : started) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        StalePostmaster.clear(DIRECTORY);
    }

    @Test
    void afterKill9OfTheJvmAndThenThePostmasterNothingAcknowledgedIsLostNoRetryDuplicatesAndItServesWithin20SecondsOfANormalStart() throws Exception {
        if (Files.exists(DIRECTORY)) {
            try (Stream<Path> paths = Files.walk(DIRECTORY)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        String body = Cases.aContact("complaint").receivedAt(Instant.parse("2026-11-23T09:00:00Z"))
                .preferringContactBy("EMAIL").saying("The boiler repair was missed twice").points("Point").json();
        long launched = System.nanoTime();
        Redress first = start("first");
        Api api = new Api(first.port());
        while (!ready(first.port())) {
            Thread.sleep(100);
        }
        Duration normalStart = Duration.ofNanos(System.nanoTime() - launched);

        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        Set<String> failed = ConcurrentHashMap.newKeySet();
        AtomicBoolean driving = new AtomicBoolean(true);
        ExecutorService drivers = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 4; i++) {
            drivers.submit(() -> {
                while (driving.get()) {
                    String key = UUID.randomUUID().toString();
                    try {
                        Api.Response response = api.post(CASES, body, "Idempotency-Key", key);
                        if (response.status() == 201 || response.status() == 200) {
                            acknowledged.put(key, response.json().get("caseFile").get("reference").asString());
                        } else {
                            failed.add(key);
                        }
                    } catch (RuntimeException connectionLost) {
                        failed.add(key);
                    }
                }
            });
        }
        // under way: some creates acknowledged, more in flight
        long driven = System.nanoTime();
        while (acknowledged.size() < 20 && Duration.ofNanos(System.nanoTime() - driven).toMinutes() < 2) {
            Thread.sleep(50);
        }
        Thread.sleep(1000);
        long postmaster = StalePostmaster.PidFile.read(DIRECTORY).orElseThrow().pid();
        first.process().destroyForcibly();
        long crashed = System.nanoTime();
        killNine(postmaster);
        driving.set(false);
        drivers.shutdown();
        assertThat(drivers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        first.process().waitFor(10, TimeUnit.SECONDS);
        assertThat(acknowledged).as("creates acknowledged before the crash").isNotEmpty();

        Redress second = start("second");
        while (!ready(second.port()) && Duration.ofNanos(System.nanoTime() - crashed).toMinutes() < 5) {
            Thread.sleep(100);
        }
        Duration recovery = Duration.ofNanos(System.nanoTime() - crashed);

        int acknowledgedBeforeTheCrash = acknowledged.size();
        Api again = new Api(second.port());
        for (String key : failed) {
            Api.Response retried = again.post(CASES, body, "Idempotency-Key", key);
            for (int attempt = 0; retried.status() == 503 && attempt < 40; attempt++) {
                Thread.sleep(250);
                retried = again.post(CASES, body, "Idempotency-Key", key);
            }
            assertThat(retried.status()).as(retried.body()).isIn(200, 201);
            acknowledged.put(key, retried.json().get("caseFile").get("reference").asString());
        }
        Set<String> stored = new HashSet<>();
        int port = StalePostmaster.PidFile.read(DIRECTORY).orElseThrow().port();
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
             ResultSet rows = connection.createStatement().executeQuery("select reference from casework.case_file where organisation = 'the-trust'")) {
            while (rows.next()) {
                stored.add(rows.getString(1));
            }
        }

        System.out.printf("kill -9: %d creates acknowledged before the crash, %d failed and retried, a normal start %d ms, "
                + "from the crash to serving again %d ms%n", acknowledgedBeforeTheCrash, failed.size(), normalStart.toMillis(),
                recovery.toMillis());
        assertThat(stored).as("every acknowledged case is stored").containsAll(acknowledged.values());
        assertThat(stored).as("one case for each key, none twice").hasSize(acknowledged.size());
        assertThat(new HashSet<>(acknowledged.values())).hasSize(acknowledged.size());
        // the crash costs at most 20 s more than a normal start of this machine (issue 27: 84 s, as the first start after
        // a crash waited 60 s for a server that could not start); a limit of its own replaces that
        Duration limit = RECOVERY_LIMIT != null ? RECOVERY_LIMIT : normalStart.plusSeconds(20);
        assertThat(recovery).as("from the crash to serving again").isLessThan(limit);
    }
}
