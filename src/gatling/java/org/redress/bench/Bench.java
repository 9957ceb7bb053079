package org.redress.bench;

import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static io.gatling.javaapi.http.HttpDsl.http;

/**
 * What the simulations share: where Redress runs, the load, and data that looks like the generator's. Every figure
 * can be set with -Dname=value on the Maven command line (docs/benchmarks.md).
 */
final class Bench {

    static final String URL = System.getProperty("redress.url", "http://localhost:8181");
    /** Requests started per second in the measured phase (an open model: arrivals do not wait for answers). */
    static int rate(int fallback) {
        return Integer.getInteger("rate", fallback);
    }
    static final int SECONDS = Integer.getInteger("seconds", 60);
    /** A warm-up at a fifth of the rate first, so the measured phase is not the JIT's first minute; its requests are named apart. */
    static final int WARM_UP_SECONDS = Integer.getInteger("warmUpSeconds", 20);

    static final List<String> ORGANISATIONS = List.of("alliance-homes", "the-trust", "helping-our-future", "247-alliance");
    static final Map<String, String> PREFIXES = Map.of("alliance-homes", "AH", "the-trust", "TT", "helping-our-future", "HOF",
            "247-alliance", "TFA");

    /** A service area on each organisation's list (an unknown one is refused with a 400, issue 20). */
    static final Map<String, String> SERVICE_AREAS = Map.of("alliance-homes", "Repairs", "the-trust", "Repairs",
            "helping-our-future", "Maintenance", "247-alliance", "Facilities management");

    private static final String[] FIRST = {"Ada", "Ben", "Cara", "Dev", "Ella", "Finn", "Gita", "Harry", "Isla", "Jack"};
    private static final String[] LAST = {"Smith", "Jones", "Patel", "Khan", "Okafor", "Nowak", "Begum", "Reid", "Hill", "Ward"};

    private Bench() {
    }

    /**
     * Connections are kept alive and shared between virtual users, as a browser pool or a gateway in front of
     * Redress would: a new TCP connection per request would measure the loopback, not the application.
     */
    static HttpProtocolBuilder protocol() {
        return http.baseUrl(URL).acceptHeader("application/json").contentTypeHeader("application/json")
                .header("Authorization", "Bearer #{token}").shareConnections();
    }

    /** Each record gets the API token of its organisation. */
    static Iterator<Map<String, Object>> feeder(Supplier<Map<String, Object>> record) {
        return Stream.generate(record).map(r -> {
            Map<String, Object> withToken = new java.util.HashMap<>(r);
            withToken.put("token", TOKENS.get((String) r.get("org")));
            return (Map<String, Object>) withToken;
        }).iterator();
    }

    /**
     * API tokens, one per organisation, issued once before the load starts by each organisation's demo administrator
     * ({@code <prefix>.admin}, password {@code -Dredress.password}, default the demo's): a token is checked with one
     * indexed lookup, where a password is deliberately slow to check on every request.
     */
    static final Map<String, String> TOKENS = issueTokens();

    private static Map<String, String> issueTokens() {
        String password = System.getProperty("redress.password", "redress-demo");
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        Map<String, String> tokens = new java.util.HashMap<>();
        for (String org : ORGANISATIONS) {
            String user = PREFIXES.get(org).toLowerCase(java.util.Locale.ROOT) + ".admin";
            String basic = java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            try {
                var response = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(URL + "/api/v1/tokens"))
                                .header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"organisation\":\"" + org + "\",\"name\":\"gatling\"}")).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                var matcher = java.util.regex.Pattern.compile("\"token\":\"([^\"]+)\"").matcher(response.body());
                if (response.statusCode() != 201 || !matcher.find()) {
                    throw new IllegalStateException("could not get an API token for " + org + " as " + user + ": "
                            + response.statusCode() + " " + response.body() + " (start Redress with the demo profile)");
                }
                tokens.put(org, matcher.group(1));
            } catch (java.io.IOException | InterruptedException e) {
                throw new IllegalStateException("Redress is not answering at " + URL, e);
            }
        }
        return Map.copyOf(tokens);
    }

    static String organisation() {
        return ORGANISATIONS.get(ThreadLocalRandom.current().nextInt(ORGANISATIONS.size()));
    }

    /** A new complainant each time, from a small set of names, so repeat-complaint checks find some earlier cases. */
    static Map<String, Object> complainant() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String first = FIRST[random.nextInt(FIRST.length)];
        String last = LAST[random.nextInt(LAST.length)];
        String org = organisation();
        return Map.of("org", org, "area", SERVICE_AREAS.get(org), "name", first + " " + last,
                "email", (first + "." + last + "." + random.nextInt(100_000) + "@example.org").toLowerCase());
    }
}
