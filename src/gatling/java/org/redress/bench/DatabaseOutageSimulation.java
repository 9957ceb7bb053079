package org.redress.bench;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Issue 27, item 4: creates at 200 a second (an open model) through a database outage, each with an idempotency key, a
 * failed one sent again with the same key after the answer's Retry-After, doubled at each attempt up to 40 s with some
 * jitter, as a well-behaved client would. Not a pass/fail test: {@code bench/outage.sh} stops and starts PostgreSQL under
 * it and then checks that the JVM lived, nothing acknowledged was lost and nothing was made twice.
 *
 * <p>Every answer is written to {@code -Danswers=} (default {@code target/outage-answers.csv}): when it came (epoch
 * ms), the attempt (0 the first), the status (0: no answer), the response time in ms, the organisation, the key, the
 * case's reference and the phase ({@code warm-up} or {@code load}). Requests are named "create complaint" (first
 * attempts) and "create complaint (retry)", and "warm-up: ..." in the warm-up.
 *
 * <p>The load starts after a warm-up of {@code -DwarmUpSeconds} (20) at a fifth of the rate, as the other simulations'
 * do: without it the 200 a second fell on a JVM that had served nothing, whose compiler threads took a quarter of its
 * CPU, and whose first answers took 4 to 7 s; the in-flight limit filled in the first second and the 503s and their
 * retries kept it full (measured: 8,000 users made 68,000 requests in a run without any outage).
 */
public class DatabaseOutageSimulation extends Simulation {

    static final int RATE = Bench.rate(200);
    static final int SECONDS = Integer.getInteger("seconds", 150);
    /** How many times a failed create is sent again before the user gives up (and the checker reports it). */
    static final int RETRIES = Integer.getInteger("retries", 12);
    static final Path ANSWERS = Path.of(System.getProperty("answers", "target/outage-answers.csv"));

    private static final BufferedWriter OUT = open();

    private static BufferedWriter open() {
        try {
            if (ANSWERS.getParent() != null) {
                Files.createDirectories(ANSWERS.getParent());
            }
            BufferedWriter out = Files.newBufferedWriter(ANSWERS, StandardCharsets.UTF_8);
            out.write("at,attempt,status,ms,org,key,reference,phase\n");
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Session record(Session session) {
        int status = session.contains("status") ? session.getInt("status") : 0;
        String line = System.currentTimeMillis() + "," + session.getInt("attempt") + "," + status + ","
                + (session.contains("ms") ? session.getInt("ms") : -1) + "," + session.getString("org") + ","
                + session.getString("key") + "," + (session.contains("reference") ? session.getString("reference") : "") + ","
                + session.getString("phase") + "\n";
        synchronized (OUT) {
            try {
                OUT.write(line);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return session.set("done", status == 200 || status == 201).set("attempt", session.getInt("attempt") + 1);
    }

    /** Retry-After (seconds, 5 if none) doubled at each attempt, at most 40 s, times a random 0.5 to 1. */
    private static Duration backOff(Session session) {
        int after = 5;
        if (session.contains("retryAfter")) {
            try {
                after = Integer.parseInt(session.getString("retryAfter").trim());
            } catch (NumberFormatException ignored) {
                // keep 5
            }
        }
        double seconds = Math.min(40.0, after * Math.pow(2, Math.min(session.getInt("attempt") - 1, 4)));
        return Duration.ofMillis((long) (seconds * 1000 * ThreadLocalRandom.current().nextDouble(0.5, 1.0)));
    }

    private static ChainBuilder create(String name) {
        return exec(http(name).post("/api/v1/organisations/#{org}/cases").header("Idempotency-Key", "#{key}")
                .body(StringBody(CreateComplaintsSimulation.BODY))
                .check(responseTimeInMillis().saveAs("ms"), status().saveAs("status"),
                        header("Retry-After").optional().saveAs("retryAfter"),
                        jsonPath("$.caseFile.reference").optional().saveAs("reference"),
                        status().in(200, 201)));
    }

    static ScenarioBuilder creating(String phase) {
        String prefix = phase.equals("load") ? "" : phase + ": ";
        return scenario(prefix + "create through an outage").feed(Bench.feeder(() -> {
                    Map<String, Object> record = new HashMap<>(Bench.complainant());
                    record.put("key", UUID.randomUUID().toString());
                    record.put("phase", phase);
                    return record;
                }))
                .exec(session -> session.set("attempt", 0).set("done", false))
                .asLongAs(session -> !session.getBoolean("done") && session.getInt("attempt") <= RETRIES).on(
                        exec(session -> session.remove("status").remove("reference").remove("retryAfter").remove("ms"))
                                .doIfOrElse(session -> session.getInt("attempt") == 0)
                                .then(create(prefix + "create complaint"))
                                .orElse(create(prefix + "create complaint (retry)"))
                                .exec(DatabaseOutageSimulation::record)
                                .doIf(session -> !session.getBoolean("done")).then(pause(DatabaseOutageSimulation::backOff)));
    }

    {
        // the load starts warmUpSeconds after the simulation whatever the warm-up's users still retry (bench/outage.sh
        // counts its outage from then)
        setUp(creating("warm-up").injectOpen(constantUsersPerSec(RATE / 5.0).during(Bench.WARM_UP_SECONDS)),
                creating("load").injectOpen(nothingFor(Bench.WARM_UP_SECONDS), constantUsersPerSec(RATE).during(SECONDS)))
                .protocols(Bench.protocol());
    }

    @Override
    public void after() {
        synchronized (OUT) {
            try {
                OUT.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
