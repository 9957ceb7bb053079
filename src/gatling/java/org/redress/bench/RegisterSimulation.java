package org.redress.bench;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Issue 21: the complaint and compliment register answers its first page, a filtered page and a word search with p95
 * under 100 ms at a million cases. The first page is every record newest first; the filtered page one of the common
 * shapes a complaints officer uses (closed complaints, closed records by reference, open records by deadline, a month's records, the
 * overdue ones); the word search a common word or a surname, newest first.
 */
public class RegisterSimulation extends Simulation {

    static final int RATE = Bench.rate(20);
    static final List<String> FILTERS = List.of("type=complaint&status=CLOSED", "status=CLOSED&sort=reference", "status=OPEN&sort=due",
            "receivedFrom=2026-10-01&receivedTo=2026-10-31", "overdue=true&sort=due", "status=WITHDRAWN&sort=reference", "stage=2");
    static final List<String> WORDS = List.of("repair", "mould", "missed", "heating", "Okafor", "Nowak", "Begum");

    static Map<String, Object> request() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return Map.of("org", Bench.organisation(), "filter", FILTERS.get(random.nextInt(FILTERS.size())),
                "word", WORDS.get(random.nextInt(WORDS.size())));
    }

    static ScenarioBuilder reading(String name, String query) {
        return scenario(name).feed(Bench.feeder(RegisterSimulation::request))
                .exec(http(name).get("/api/v1/organisations/#{org}/register?size=50" + query)
                        .check(status().is(200), jsonPath("$.entries").exists()));
    }

    static PopulationBuilder warmedUp(String name, String query) {
        return reading("warm-up: " + name, query).injectOpen(constantUsersPerSec(RATE / 5.0).during(Bench.WARM_UP_SECONDS))
                .andThen(reading(name, query).injectOpen(constantUsersPerSec(RATE / 3.0).during(Bench.SECONDS)));
    }

    {
        setUp(warmedUp("register first page", ""), warmedUp("register filtered page", "&#{filter}"),
                warmedUp("register word search", "&text=#{word}"))
                .protocols(Bench.protocol())
                .assertions(
                        details("register first page").responseTime().percentile(95.0).lt(100),
                        details("register filtered page").responseTime().percentile(95.0).lt(100),
                        details("register word search").responseTime().percentile(95.0).lt(100),
                        details("register first page").failedRequests().count().is(0L),
                        details("register filtered page").failedRequests().count().is(0L),
                        details("register word search").failedRequests().count().is(0L));
    }
}
