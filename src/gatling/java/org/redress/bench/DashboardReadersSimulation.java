package org.redress.bench;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import java.time.LocalDate;
import java.util.Map;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Issue 28: four people keep reloading the 12-month dashboard at once while the office reads cases (100 a second)
 * and logs new ones (20 a second): reading one case stays p95 under 10 ms. Run with the figures of
 * {@link GetCaseSimulation} for which references exist.
 */
public class DashboardReadersSimulation extends Simulation {

    static final int READERS = Integer.getInteger("readers", 4);
    static final int READS = Bench.rate(100);
    static final int CREATES = Integer.getInteger("creates", 20);
    static final LocalDate TO = LocalDate.now().withDayOfMonth(1).minusDays(1);
    static final String YEAR = "from=" + TO.minusMonths(12).plusDays(1) + "&to=" + TO;

    static ScenarioBuilder dashboardReaders() {
        return scenario("dashboard readers").feed(Bench.feeder(() -> Map.of("org", "alliance-homes")))
                .during(Bench.SECONDS).on(exec(http("dashboard 12 months").get("/api/v1/organisations/#{org}/reports/dashboard?" + YEAR)
                        .check(status().is(200))));
    }

    {
        setUp(dashboardReaders().injectOpen(atOnceUsers(READERS)),
                GetCaseSimulation.reading("get case").injectOpen(io.gatling.javaapi.core.CoreDsl.constantUsersPerSec(READS).during(Bench.SECONDS)),
                CreateComplaintsSimulation.creating("create case").injectOpen(io.gatling.javaapi.core.CoreDsl.constantUsersPerSec(CREATES).during(Bench.SECONDS)))
                .protocols(Bench.protocol())
                .assertions(
                        details("get case").responseTime().percentile(95.0).lt(10),
                        details("get case").failedRequests().count().is(0L),
                        details("create case").failedRequests().count().is(0L));
    }
}
