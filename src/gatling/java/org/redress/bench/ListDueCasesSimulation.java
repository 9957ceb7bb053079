package org.redress.bench;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import java.util.Map;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Issue 4 (c): a page of 50 open cases by next deadline has a 95th percentile under 30 ms with a million cases stored.
 * Each user reads the first page of an organisation's work list, then the next page through its cursor.
 */
public class ListDueCasesSimulation extends Simulation {

    static final int RATE = Bench.rate(100);

    static ScenarioBuilder listing(String name) {
        return scenario(name).feed(Bench.feeder(() -> Map.of("org", Bench.organisation())))
                .exec(http(name).get("/api/v1/organisations/#{org}/cases?sort=due&size=50")
                        .check(status().is(200), jsonPath("$.items[*]").count().is(50), jsonPath("$.nextCursor").saveAs("cursor")))
                .exec(http(name).get("/api/v1/organisations/#{org}/cases?sort=due&size=50&cursor=#{cursor}")
                        .check(status().is(200), jsonPath("$.items[*]").count().is(50)));
    }

    {
        setUp(listing("warm-up: list due cases").injectOpen(constantUsersPerSec(RATE / 5.0).during(Bench.WARM_UP_SECONDS))
                .andThen(listing("list due cases").injectOpen(constantUsersPerSec(RATE).during(Bench.SECONDS))))
                .protocols(Bench.protocol())
                .assertions(
                        details("list due cases").responseTime().percentile(95.0).lt(30),
                        details("list due cases").successfulRequests().count().gte((long) (2 * RATE * Bench.SECONDS * 0.999)));
    }
}
