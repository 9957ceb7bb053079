package org.redress.metrics;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.redress.accounts.Accounts;
import org.redress.accounts.Role;
import org.redress.correspondence.Outbox;
import org.redress.correspondence.OutboxInTests;
import org.redress.deadlines.DeadlineSweep;
import org.redress.imports.ImportJobsInTests;
import org.redress.testing.Api;
import org.redress.testing.CaseOnFile;
import org.redress.testing.Cases;
import org.redress.testing.MutableClock;
import org.redress.testing.TestClockConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 24, item 3: the Prometheus endpoint shows each business figure moving by exactly what happened, a case logged
 * and a deadline missed, and only the scraper and the operator may read it.
 *
 * <p>The test's clock is in 2031, after every other test's, and letters wait for the outbox's poll (an hour here) rather
 * than being delivered as their transaction commits: the other test applications, each polling the one test database
 * by its own earlier clock, never deliver this test's letters, so the letters waiting are exactly the ones it made.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "redress.outbox.deliver-after-commit=false", "redress.outbox.poll-interval=1h",
        "redress.metrics.scrape-token=" + MetricsIT.SCRAPE_TOKEN})
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class MetricsIT {

    static final String SCRAPE_TOKEN = "scrape-0123456789abcdef0123456789abcdef";

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    DeadlineSweep sweep;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Accounts accounts;
    @Autowired
    ApplicationContext context;

    /** What this test left waiting (dated 2031, past every other test's clock) is delivered, so none is left behind. */
    @AfterEach
    void deliverWhatIsLeft() {
        context.getBean(Outbox.class).deliverDue();
    }

    @Test
    void eachBusinessFigureMovesByExactlyWhatHappenedWhenACaseIsLoggedAndItsDeadlineMissed() {
        clock.setUk("2031-03-03T09:00");
        Cases cases = new Cases(new Api(port));
        String org = cases.anOrganisationLike("alliance-homes");
        Scrape before = scrape();

        CaseOnFile logged = cases.aComplaint().by("Mo Metrics").saying("The lift has been broken for a week").points("Lift").in(org);
        String type = logged.json().get("recordType").asString();
        long lettersOnLogging = waiting(org);

        // 31 s later (after the refresh period), the figures are read again: the clock runs, nothing is overdue yet
        clock.setUk("2031-03-03T09:00:31");
        Scrape logging = scrape();
        assertThat(logging.counter("redress_cases_logged_total", org, type) - before.counter("redress_cases_logged_total", org, type)).isEqualTo(1);
        assertThat(logging.gauge("redress_clocks_running", org) - before.gauge("redress_clocks_running", org)).isEqualTo(1);
        assertThat(logging.gauge("redress_clocks_overdue", org) - before.gauge("redress_clocks_overdue", org)).isEqualTo(0);
        assertThat(logging.gauge("redress_letters_queued", org) - before.gauge("redress_letters_queued", org)).isEqualTo(lettersOnLogging);

        // the acknowledgement was due by the end of the fifth working day; three weeks on, the sweep reports it missed
        clock.setUk("2031-03-24T08:00");
        Instant swept = clock.instant();
        assertThat(sweep.run().overdue()).isGreaterThanOrEqualTo(1);
        // the outbox gives up on one of the case's letters (as after its eighth failed try)
        UUID letter = jdbc.sql("select id from correspondence.letter where organisation = ? and status = 'PENDING' order by created_at limit 1")
                .param(org).query(UUID.class).single();
        OutboxInTests.giveUpOn(context, letter, swept);
        // a register being brought in, 25 of its 40 rows read
        ImportJobsInTests importing = ImportJobsInTests.running(context, org, 40, 25, swept);
        // everything changed before the clock moves on by the refresh period: a reading, by a scrape or in the
        // background, is then taken after all of it
        clock.set(swept.plusSeconds(30));
        Scrape after = scrape();

        assertThat(after.counter("redress_cases_logged_total", org, type) - before.counter("redress_cases_logged_total", org, type)).isEqualTo(1);
        assertThat(after.gauge("redress_clocks_running", org) - before.gauge("redress_clocks_running", org)).isEqualTo(1);
        assertThat(after.gauge("redress_clocks_overdue", org) - before.gauge("redress_clocks_overdue", org)).isEqualTo(1);
        // the missed notice to the complaints managers joins the letters waiting; one letter failed
        assertThat(after.gauge("redress_letters_queued", org) - before.gauge("redress_letters_queued", org)).isEqualTo(lettersOnLogging + 1 - 1);
        assertThat(after.gauge("redress_letters_failed", org) - before.gauge("redress_letters_failed", org)).isEqualTo(1);
        assertThat(after.gauge("redress_deadline_sweep_last_run_timestamp_seconds")).isEqualTo(swept.getEpochSecond());
        assertThat(after.gauge("redress_deadline_sweep_lag_seconds")).isEqualTo(30);
        assertThat(after.gauge("redress_imports_running", org)).isEqualTo(1);
        assertThat(after.gauge("redress_import_rows_done", org)).isEqualTo(25);
        assertThat(after.gauge("redress_import_rows_in_file", org)).isEqualTo(40);

        // ten minutes on, without a sweep, the lag is ten minutes; the import finished, its progress is gone
        importing.finish(swept);
        clock.setUk("2031-03-24T08:10");
        Scrape later = scrape();
        assertThat(later.gauge("redress_deadline_sweep_lag_seconds")).isEqualTo(600);
        assertThat(later.gauge("redress_imports_running", org)).isEqualTo(0);
        assertThat(later.gauge("redress_import_rows_done", org)).isEqualTo(0);
        // beside the JVM's, the pool's and the requests' own figures
        assertThat(later.text()).contains("jvm_memory_used_bytes{", "hikaricp_connections_active{", "http_server_requests_seconds_count{");
        // the README's table and the sample Grafana dashboard name only figures the endpoint shows
        assertThat(later.text()).contains(namesIn("README.md", "(?m)^\\| `(redress_[a-z_]+)`"));
        assertThat(later.text()).contains(namesIn("docs/grafana-dashboard.json", "(redress_[a-z_]+)"));
    }

    @Test
    void aScrapeWithinThePeriodShowsTheLastReadingRatherThanQueryingAgain() {
        clock.setUk("2031-04-07T09:00");
        Cases cases = new Cases(new Api(port));
        String org = cases.anOrganisationLike("alliance-homes");
        cases.aComplaint().by("Ann Early").saying("The gate is broken").points("Gate").in(org);
        clock.setUk("2031-04-07T09:01");
        Scrape first = scrape();
        cases.aComplaint().by("Ben Within").saying("The door is broken").points("Door").in(org);
        clock.setUk("2031-04-07T09:01:29");
        Scrape within = scrape();
        clock.setUk("2031-04-07T09:01:30");
        Scrape afterThePeriod = scrape();

        assertThat(first.gauge("redress_clocks_running", org)).isEqualTo(1);
        assertThat(within.gauge("redress_clocks_running", org)).isEqualTo(1);
        assertThat(afterThePeriod.gauge("redress_clocks_running", org)).isEqualTo(2);
        // the counter is counted as each case commits, not read
        assertThat(within.counter("redress_cases_logged_total", org, "complaint")).isEqualTo(2);
    }

    @Test
    void theMetricsAreRefusedToAnonymousCallersStaffAndOrganisationTokensButNotTheScraperOrTheOperator() {
        accounts.ensure("metrics.worker", "Wren Worker", "metrics-worker-pass", false, Map.of("alliance-homes", Role.CASE_WORKER));
        accounts.ensure("metrics.admin", "Ada Admin", "metrics-admin-pass", false, Map.of("alliance-homes", Role.ADMINISTRATOR));
        Api admin = Api.as(port, "metrics.admin", "metrics-admin-pass");
        String orgToken = admin.post("/api/v1/tokens", "{\"organisation\":\"alliance-homes\",\"name\":\"housing system\"}").json().get("token").asString();

        Api.Response anonymous = Api.anonymous(port).get("/actuator/prometheus");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(anonymous.body()).doesNotContain("redress_");
        assertThat(Api.bearer(port, "not-the-scrape-token-0123456789abcdef0123").get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(Api.bearer(port, orgToken).get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(Api.as(port, "metrics.worker", "metrics-worker-pass").get("/actuator/prometheus").status()).isEqualTo(403);
        // an organisation's administrator is not the installation's operator: the figures name every organisation
        assertThat(admin.get("/actuator/prometheus").status()).isEqualTo(403);
        assertThat(Api.as(port, "metrics.worker", "wrong-password").get("/actuator/prometheus").status()).isEqualTo(401);

        assertThat(Api.bearer(port, SCRAPE_TOKEN).get("/actuator/prometheus").status()).isEqualTo(200);
        // the test administrator is the installation's operator
        assertThat(new Api(port).get("/actuator/prometheus").status()).isEqualTo(200);
        // health stays open, and no other actuator endpoint is exposed
        assertThat(Api.anonymous(port).get("/actuator/health").status()).isEqualTo(200);
        assertThat(new Api(port).get("/actuator/metrics").status()).isNotEqualTo(200);
        assertThat(new Api(port).get("/actuator/env").status()).isNotEqualTo(200);
    }

    private static String[] namesIn(String file, String regex) {
        try {
            Matcher m = Pattern.compile(regex).matcher(java.nio.file.Files.readString(java.nio.file.Path.of(file)));
            java.util.Set<String> names = new java.util.TreeSet<>();
            while (m.find()) {
                names.add(m.group(1));
            }
            assertThat(names).as("metrics named in " + file).hasSizeGreaterThanOrEqualTo(10);
            return names.stream().map(n -> "\n" + n).toArray(String[]::new);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The letters waiting in the organisation's outbox, as the database has them. */
    private long waiting(String organisation) {
        return jdbc.sql("select count(*) from correspondence.letter where organisation = ? and status = 'PENDING'")
                .param(organisation).query(Long.class).single();
    }

    private Scrape scrape() {
        Api.Response response = Api.bearer(port, SCRAPE_TOKEN).get("/actuator/prometheus");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/plain");
        return new Scrape(response.body());
    }

    /** The Prometheus text format, read a series at a time; a series not there yet counts 0. */
    record Scrape(String text) {

        double gauge(String name) {
            return value(Pattern.compile("(?m)^" + name + "(?:\\{[^}]*})? (\\S+)$"));
        }

        double gauge(String name, String organisation) {
            return value(Pattern.compile("(?m)^" + name + "\\{organisation=\"" + Pattern.quote(organisation) + "\"} (\\S+)$"));
        }

        double counter(String name, String organisation, String type) {
            return value(Pattern.compile("(?m)^" + name + "\\{organisation=\"" + Pattern.quote(organisation) + "\",type=\""
                    + Pattern.quote(type) + "\"} (\\S+)$"));
        }

        private double value(Pattern series) {
            Matcher m = series.matcher(text);
            return m.find() ? Double.parseDouble(m.group(1)) : 0;
        }
    }
}
