package org.redress.deadlines;

import org.junit.jupiter.api.Test;
import org.redress.RedressApplication;
import org.redress.testing.Api;
import org.redress.testing.CaseOnFile;
import org.redress.testing.Cases;
import org.redress.testing.MutableClock;
import org.redress.testing.TestClockConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** Kill Bill style: set the date, step forward a day at a time, and check what the sweep sent each day. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class DeadlineSweepIT {

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    DeadlineSweep sweep;
    @Autowired
    JdbcClient jdbc;

    JsonNode logComplaint(String organisation, String owner) {
        CaseOnFile c = new Cases(new Api(port)).aComplaint().by("Sol Sweep").withoutEmail().saying("Damp in the bathroom")
                .points("Damp").in(organisation);
        JsonNode logged = c.json();
        c.assignTo(owner);
        return logged;
    }

    /** The notices queued for a case, as "KIND to recipient" lines. */
    List<String> noticesFor(String reference) {
        return jdbc.sql("select subject, recipient from correspondence.letter where kind = 'REMINDER' and case_reference = ? order by created_at")
                .param(reference).query((rs, n) -> rs.getString(1).substring(0, rs.getString(1).indexOf(':')) + " to " + rs.getString(2)).list();
    }

    @Test
    void theOwnerIsWarnedOnceBeforeTheDeadlineAndTheManagersOnceWhenItIsMissed() {
        clock.setUk("2026-11-23T09:00");
        JsonNode c = logComplaint("alliance-homes", "sam@alliancehomes.example");
        String reference = c.get("reference").asString();
        // acknowledgement due by the end of Monday 30 November

        Map<LocalDate, List<String>> sentEachDay = new LinkedHashMap<>();
        for (LocalDate day = LocalDate.parse("2026-11-23"); !day.isAfter(LocalDate.parse("2026-12-03")); day = day.plusDays(1)) {
            clock.setUk(day + "T08:00");
            List<String> before = noticesFor(reference);
            sweep.run();
            sweep.run(); // a second pass the same morning sends nothing new
            List<String> after = new ArrayList<>(noticesFor(reference));
            sentEachDay.put(day, after.subList(before.size(), after.size()));
        }
        Map<LocalDate, List<String>> expected = new LinkedHashMap<>();
        for (LocalDate day = LocalDate.parse("2026-11-23"); !day.isAfter(LocalDate.parse("2026-12-03")); day = day.plusDays(1)) {
            expected.put(day, List.of());
        }
        // the acknowledgement clock runs from 09:00 on the 23rd to the end of the 30th: "due soon" in its last quarter
        expected.put(LocalDate.parse("2026-11-29"), List.of("Due soon to sam@alliancehomes.example"));
        expected.put(LocalDate.parse("2026-12-01"), List.of("Missed to feedback@alliancehomes.example"));
        assertThat(sentEachDay).isEqualTo(expected);
        assertThat(jdbc.sql("select copy_to from correspondence.letter where case_reference = ? and subject like 'Missed%'")
                .param(reference).query(String.class).single()).isEqualTo("sam@alliancehomes.example");
    }

    @Autowired
    org.redress.casework.Casework casework;

    @Test
    void theRunningClocksReadAPageAtATimeAreEachClockOnceWhateverThePageSize() {
        clock.setUk("2026-11-23T09:00");
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            clock.setUk("2026-11-2" + (3 + i) + "T09:00");
            mine.add(logComplaint(i % 2 == 0 ? "alliance-homes" : "the-trust", "sam@alliancehomes.example").get("reference").asString());
        }
        java.time.Instant until = java.time.Instant.parse("2026-12-10T00:00:00Z");

        List<String> inOnePage = clocksPaged(until, 100_000);
        List<String> inPagesOfTwoCases = clocksPaged(until, 2);

        assertThat(inOnePage).doesNotHaveDuplicates()
                .filteredOn(c -> mine.contains(c.substring(0, c.indexOf(' '))))
                // each one's acknowledgement; of the Trust's response clocks (counted from logging, T-7) only the first
                // complaint's falls due before 10 December; Alliance Homes' starts at the acknowledgement
                .as("the running clocks of this test's five complaints due before 10 December").hasSize(6);
        assertThat(inPagesOfTwoCases).containsExactlyElementsOf(inOnePage);
    }

    private List<String> clocksPaged(java.time.Instant until, int casesPerPage) {
        List<String> clocks = new ArrayList<>();
        org.redress.casework.OpenClock.Cursor after = null;
        do {
            var page = casework.openClocksDueBefore(until, after, casesPerPage);
            page.clocks().forEach(c -> clocks.add(c.reference() + " " + c.clock() + " " + c.stage() + " " + c.dueBy()));
            after = page.next();
        } while (after != null);
        return clocks;
    }

    @Test
    void twoAppInstancesOnOneDatabaseSendEachReminderExactlyOnce() throws Exception {
        clock.setUk("2026-11-23T09:00");
        List<String> references = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            references.add(logComplaint("the-trust", "kim" + i + "@thetrust.example").get("reference").asString());
        }
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(RedressApplication.class, TestClockConfiguration.class)
                .profiles("test").run("--server.port=0")) {
            // an argument, not .properties(...): a default property loses to application.yml's ${PORT:8080}, and the
            // second application would bind 8080 (issue 27, item 8)
            second.getBean(MutableClock.class).setUk("2026-12-10T08:00");
            clock.setUk("2026-12-10T08:00");
            DeadlineSweep other = second.getBean(DeadlineSweep.class);
            for (int round = 0; round < 3; round++) {
                CompletableFuture<DeadlineSweep.Result> a = CompletableFuture.supplyAsync(sweep::run);
                CompletableFuture<DeadlineSweep.Result> b = CompletableFuture.supplyAsync(other::run);
                a.get();
                b.get();
            }
        }
        for (String reference : references) {
            // both stage 1 clocks (acknowledge, respond) and the damp hazard's 10-working-day investigation clock (R-3,
            // due 7 December) were missed by 10 December: one notice each, never two
            assertThat(noticesFor(reference)).as(reference).containsExactly("Missed to complaints@thetrust.example",
                    "Missed to complaints@thetrust.example", "Missed to complaints@thetrust.example");
        }
    }

    @Test
    void eachPersonGetsOneDigestADay() {
        clock.setUk("2026-11-23T09:00");
        logComplaint("helping-our-future", "dee@hof.example");
        clock.setUk("2026-11-26T07:00");
        int first = sweep.sendDigests();
        int again = sweep.sendDigests();
        assertThat(first).isPositive();
        assertThat(again).isZero();
        String digest = jdbc.sql("select body from correspondence.letter where recipient = 'dee@hof.example' and case_reference is null")
                .query(String.class).single();
        assertThat(digest).contains("Hello dee@hof.example", "due by the end of Monday 30 November 2026");
    }
}
