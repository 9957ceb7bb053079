package org.redress.bench;

import io.gatling.javaapi.core.ChainBuilder;
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
 * Issue 28: the dashboard and the regulatory returns page (each page's measures, as the staff pages work them out)
 * for the last 12 months and the last 5 years, the exports and the annual report PDF, for Alliance Homes (about 40%
 * of a million cases). One reader at a time, one request after another (a closed model): what one person waits.
 * Targets: 12-month pages p95 under 500 ms, 5-year pages and the annual report PDF under 1 s.
 */
public class ReportPagesSimulation extends Simulation {

    static final String ORG = System.getProperty("org", "alliance-homes");
    static final int ROUNDS = Integer.getInteger("rounds", 20);
    static final LocalDate TO = LocalDate.parse(System.getProperty("to", LocalDate.now().withDayOfMonth(1).minusDays(1).toString()));
    static final String YEAR = "from=" + TO.minusMonths(12).plusDays(1) + "&to=" + TO;
    static final String FIVE_YEARS = "from=" + TO.minusYears(5).plusDays(1) + "&to=" + TO;

    static ChainBuilder get(String name, String path) {
        return exec(http(name).get("/api/v1/organisations/" + ORG + "/reports/" + path).check(status().is(200)));
    }

    static ScenarioBuilder reader() {
        return scenario("report reader").feed(Bench.feeder(() -> Map.of("org", ORG)))
                .exec(get("warm-up: dashboard 12 months", "dashboard?" + YEAR), get("warm-up: returns 12 months", "returns?" + YEAR))
                .repeat(ROUNDS).on(
                        get("dashboard 12 months", "dashboard?" + YEAR),
                        get("returns 12 months", "returns?" + YEAR),
                        get("dashboard 5 years", "dashboard?" + FIVE_YEARS),
                        get("returns 5 years", "returns?" + FIVE_YEARS),
                        get("dashboard export csv 12 months", "dashboard/export.csv?" + YEAR),
                        get("returns export xlsx 12 months", "returns/export.xlsx?" + YEAR),
                        get("annual report pdf", "annual-report.pdf?" + YEAR));
    }

    {
        setUp(reader().injectOpen(atOnceUsers(1)))
                .protocols(Bench.protocol().acceptHeader("*/*"))
                .assertions(
                        details("dashboard 12 months").responseTime().percentile(95.0).lt(500),
                        details("returns 12 months").responseTime().percentile(95.0).lt(500),
                        details("dashboard 5 years").responseTime().percentile(95.0).lt(1000),
                        details("returns 5 years").responseTime().percentile(95.0).lt(1000),
                        details("annual report pdf").responseTime().percentile(95.0).lt(1000));
    }
}
