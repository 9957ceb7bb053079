package org.redress.bench;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Issue 4 (b): reading one case, with its clocks, allowed actions and history, has a 95th percentile under 10 ms.
 * Cases are picked at random by reference across the generated years, so most reads miss PostgreSQL's cache of
 * recently read pages as a real office's lookups would.
 */
public class GetCaseSimulation extends Simulation {

    static final int RATE = Bench.rate(200);
    /** References that exist in every organisation after generating a million cases (docs/benchmarks.md). */
    static final int FIRST_YEAR = Integer.getInteger("firstYear", 2022);
    static final int LAST_YEAR = Integer.getInteger("lastYear", 2025);
    static final int HIGHEST_NUMBER = Integer.getInteger("highestNumber", 20_000);

    static Map<String, Object> reference() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String org = Bench.organisation();
        return Map.of("org", org, "reference", "%s-%d-%06d".formatted(Bench.PREFIXES.get(org),
                random.nextInt(FIRST_YEAR, LAST_YEAR + 1), random.nextInt(1, HIGHEST_NUMBER + 1)));
    }

    static ScenarioBuilder reading(String name) {
        return scenario(name).feed(Bench.feeder(GetCaseSimulation::reference))
                .exec(http(name).get("/api/v1/organisations/#{org}/cases/#{reference}").check(status().is(200)));
    }

    {
        setUp(reading("warm-up: get case").injectOpen(constantUsersPerSec(RATE / 5.0).during(Bench.WARM_UP_SECONDS))
                .andThen(reading("get case").injectOpen(constantUsersPerSec(RATE).during(Bench.SECONDS))))
                .protocols(Bench.protocol())
                .assertions(
                        details("get case").responseTime().percentile(95.0).lt(10),
                        details("get case").successfulRequests().count().gte((long) (RATE * Bench.SECONDS * 0.999)));
    }
}
