package org.redress.bench;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/** Issue 4 (a): logging complaints through the API sustains 500 a second with a 95th percentile under 50 ms. */
public class CreateComplaintsSimulation extends Simulation {

    static final int RATE = Bench.rate(500);

    static final String BODY = """
            {"recordType":"complaint","channel":"PHONE",
             "complainant":{"name":"#{name}","email":"#{email}","preferredContact":"EMAIL"},
             "serviceArea":"#{area}","subject":"Repairs","subSubject":"Missed appointment",
             "description":"The repair appointment was missed and nobody called to rearrange it",
             "outcomeWanted":"Rebook the repair","points":["Missed appointment","No call back"]}""";

    static ScenarioBuilder creating(String name) {
        return scenario(name).feed(Bench.feeder(Bench::complainant))
                .exec(http(name).post("/api/v1/organisations/#{org}/cases").body(StringBody(BODY)).check(status().is(201)));
    }

    {
        setUp(creating("warm-up: create complaint").injectOpen(constantUsersPerSec(RATE / 5.0).during(Bench.WARM_UP_SECONDS))
                .andThen(creating("create complaint").injectOpen(constantUsersPerSec(RATE).during(Bench.SECONDS))))
                .protocols(Bench.protocol())
                .assertions(
                        details("create complaint").responseTime().percentile(95.0).lt(50),
                        // arrivals are open: every one of RATE x SECONDS requests answered in time is the rate sustained
                        details("create complaint").successfulRequests().count().gte((long) (RATE * Bench.SECONDS * 0.999)));
    }
}
