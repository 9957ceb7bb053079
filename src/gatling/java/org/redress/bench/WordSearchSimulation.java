package org.redress.bench;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Issue 28: a search of the work list for a word, common ("repair", "mould", "missed": in a quarter of the cases) or
 * rare (a surname), sorted by due date and by date received, p95 under 100 ms with a million cases. The common
 * words are the ones a server-side prepared statement's generic plan got wrong (ADR 0023).
 */
public class WordSearchSimulation extends Simulation {

    static final int RATE = Bench.rate(20);
    static final List<String> WORDS = List.of("repair", "mould", "missed", "damp", "heating", "noise", "Okafor", "Nowak", "Begum");

    static Map<String, Object> search() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return Map.of("org", Bench.organisation(), "word", WORDS.get(random.nextInt(WORDS.size())));
    }

    static ScenarioBuilder searching(String name, String sort) {
        return scenario(name).feed(Bench.feeder(WordSearchSimulation::search))
                .exec(http(name).get("/api/v1/organisations/#{org}/cases?sort=" + sort + "&size=50&text=#{word}").check(status().is(200)));
    }

    {
        setUp(searching("warm-up: word search by due date", "due").injectOpen(constantUsersPerSec(RATE / 5.0).during(Bench.WARM_UP_SECONDS))
                        .andThen(searching("word search by due date", "due").injectOpen(constantUsersPerSec(RATE / 2.0).during(Bench.SECONDS))),
                searching("warm-up: word search by received", "received").injectOpen(constantUsersPerSec(RATE / 5.0).during(Bench.WARM_UP_SECONDS))
                        .andThen(searching("word search by received", "received").injectOpen(constantUsersPerSec(RATE / 2.0).during(Bench.SECONDS))))
                .protocols(Bench.protocol())
                .assertions(
                        details("word search by due date").responseTime().percentile(95.0).lt(100),
                        details("word search by received").responseTime().percentile(95.0).lt(100),
                        details("word search by due date").failedRequests().count().is(0L),
                        details("word search by received").failedRequests().count().is(0L));
    }
}
