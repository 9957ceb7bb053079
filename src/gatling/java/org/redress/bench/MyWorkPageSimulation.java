package org.redress.bench;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Issue 5: the staff "my work" page (the organisation's open cases by next deadline, as HTML) renders in under
 * 100 ms at the 95th percentile with a million cases. Each virtual member of staff signs in once through the form,
 * as a person does, then keeps reloading their work list; only the page loads are measured.
 */
public class MyWorkPageSimulation extends Simulation {

    static final int STAFF = Integer.getInteger("staff", 2);

    static final HttpProtocolBuilder PAGES = http.baseUrl(Bench.URL).acceptHeader("text/html").disableFollowRedirect();

    static ChainBuilder signIn() {
        return exec(http("sign-in page").get("/sign-in").check(css("input[name=_csrf]", "value").saveAs("csrf")))
                .exec(http("sign in").post("/sign-in")
                        .formParam("username", "#{user}").formParam("password", System.getProperty("redress.password", "redress-demo"))
                        .formParam("_csrf", "#{csrf}")
                        .check(status().is(302), io.gatling.javaapi.http.HttpDsl.header("Location").not("/sign-in?error")));
    }

    static ScenarioBuilder staff() {
        return scenario("staff").feed(Bench.feeder(() -> {
                    String org = Bench.organisation();
                    return java.util.Map.of("org", org, "user", Bench.PREFIXES.get(org).toLowerCase(java.util.Locale.ROOT) + ".caseworker");
                }))
                .exec(signIn())
                .during(Bench.SECONDS).on(exec(http("my work").get("/staff/#{org}").check(status().is(200),
                        regex("<h1[^>]*>").exists())));
    }

    {
        setUp(staff().injectOpen(atOnceUsers(STAFF)))
                .protocols(PAGES)
                .assertions(details("my work").responseTime().percentile(95.0).lt(100),
                        details("my work").failedRequests().count().is(0L));
    }
}
