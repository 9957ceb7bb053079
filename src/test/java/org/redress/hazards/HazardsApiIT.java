package org.redress.hazards;

import org.junit.jupiter.api.Test;
import org.redress.accounts.Accounts;
import org.redress.accounts.Role;
import org.redress.testing.Api;
import org.redress.testing.CaseOnFile;
import org.redress.testing.Cases;
import org.redress.testing.MutableClock;
import org.redress.testing.TestClockConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Awaab's Law hazard records over the API: opened from a damp-and-mould complaint by itself, each clock's due date
 * exact on the organisation's working days (Christmas, the Boxing Day substitute and New Year's Day in the span), and
 * the status moving as the clock steps forward day by day.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class HazardsApiIT {

    private static final String ORG = "alliance-homes";

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    Accounts accounts;
    @Autowired
    org.redress.accounts.PackRoles packRoles;

    @Autowired
    org.redress.deadlines.DeadlineSweep sweep;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    Api api() {
        return new Api(port);
    }

    JsonNode complain(String receivedAtUk, String description) {
        return new Cases(api()).aComplaint().receivedAt(LocalDateTime.parse(receivedAtUk)).by("Hana Tenant")
                .withEmail("hana." + System.nanoTime() + "@example.org").preferringContactBy("EMAIL").onServiceLine("housing")
                .inArea("Repairs").about("Repairs").saying(description).wanting("Fix it").points().in(ORG).json();
    }

    String hazardsOf(JsonNode c) {
        return "/api/v1/organisations/" + ORG + "/cases/" + c.get("id").asString() + "/hazards";
    }

    JsonNode onlyHazard(JsonNode c) {
        Api.Response r = api().get(hazardsOf(c));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().size()).as(r.body()).isEqualTo(1);
        return r.json().get(0);
    }

    static JsonNode clock(JsonNode hazard, String id) {
        for (JsonNode c : hazard.get("clocks")) {
            if (c.get("id").asString().equals(id)) {
                return c;
            }
        }
        throw new AssertionError("no clock " + id + " in " + hazard.get("clocks"));
    }

    JsonNode post(JsonNode c, JsonNode hazard, String action, String body) {
        Api.Response r = api().post(hazardsOf(c) + "/" + hazard.get("id").asString() + "/" + action, body);
        assertThat(r.status()).as(action + ": " + r.body()).isEqualTo(200);
        return r.json();
    }

    @Test
    void theHazardClocksOfTheCasesAMemberOwnsAreOnTheirMyWorkPageAndNobodyElsesAre() {
        clock.setUk("2026-11-23T10:00");
        accounts.ensure("ah.hazard.owner", "Hal Owner", "hazard-owner-pass", false, Map.of(ORG, Role.CASE_WORKER));
        packRoles.set(ORG, "ah.hazard.owner", java.util.Set.of("service-manager")); // owns stage 1 (A-3, issue 22)
        JsonNode mine = complain("2026-11-23T09:30", "Mould has come back on the bathroom ceiling");
        JsonNode theirs = complain("2026-11-23T09:40", "Damp and mould under the kitchen window");
        assertThat(api().post("/api/v1/organisations/" + ORG + "/cases/" + mine.get("id").asString() + "/assign",
                "{\"owner\":\"ah.hazard.owner\"}").status()).isEqualTo(200);
        String investigateBy = clock(onlyHazard(mine), "investigate").get("dueDate").asString();

        org.redress.testing.WebSession page = new org.redress.testing.WebSession(port);
        page.signIn("ah.hazard.owner", "hazard-owner-pass");
        String body = page.get("/staff/" + ORG).body();
        int start = body.indexOf("id=\"other-work\"");
        assertThat(start).as("the other-work section is shown").isPositive();
        String otherWork = body.substring(start, body.indexOf("</section>", start));

        assertThat(otherWork).contains("Awaab&#39;s Law", "Investigate (damp and mould)", mine.get("reference").asString(),
                        "/staff/" + ORG + "/cases/" + mine.get("reference").asString() + "/hazards",
                        LocalDate.parse(investigateBy).format(java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.UK)))
                .doesNotContain(theirs.get("reference").asString());
    }

    @Test
    void aDampAndMouldComplaintOpensAHazardRecordByItselfWithItsClockStartingAtReceiptR3() {
        clock.setUk("2026-11-23T10:00");
        JsonNode c = complain("2026-11-23T09:30", "Black mould is spreading across the bedroom wall and the children are coughing");
        JsonNode hazard = onlyHazard(c);
        assertThat(hazard.get("category").asString()).isEqualTo("damp and mould");
        assertThat(hazard.get("source").asString()).isEqualTo("AUTOMATIC");
        assertThat(hazard.get("matched").asString()).contains("mould");
        assertThat(hazard.get("awareAt").asString()).isEqualTo(c.get("receivedAt").asString());
        // Mon 23 Nov + 10 working days = Mon 7 Dec
        assertThat(clock(hazard, "investigate").get("dueDate").asString()).isEqualTo("2026-12-07");

        JsonNode noise = complain("2026-11-23T09:40", "The neighbours play loud music every night");
        assertThat(api().get(hazardsOf(noise)).json().size()).isZero();

        Api.Response list = api().get("/api/v1/organisations/" + ORG + "/hazards");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains(c.get("reference").asString()).doesNotContain(noise.get("reference").asString());
    }

    @Test
    void eachSignificantHazardClockIsDueExactlyOnWorkingDaysAndItsStatusMovesDayByDayR3() {
        clock.setUk("2026-12-14T09:00");
        JsonNode c = complain("2026-12-14T09:00", "Damp patches and condensation in the kitchen");
        JsonNode hazard = post(c, onlyHazard(c), "classify", "{\"classification\":\"SIGNIFICANT\"}");

        // investigate: Mon 14 Dec + 10 working days, skipping Christmas (Fri 25) and the Boxing Day substitute (Mon 28) = Wed 30 Dec
        JsonNode investigate = clock(hazard, "investigate");
        assertThat(investigate.get("dueDate").asString()).isEqualTo("2026-12-30");
        assertThat(investigate.get("explanation").asString()).contains("10 working days").contains("Fri 25 Dec 2026").contains("Mon 28 Dec 2026");

        List<String> seen = new ArrayList<>();
        for (LocalDate day = LocalDate.of(2026, 12, 14); !day.isAfter(LocalDate.of(2026, 12, 31)); day = day.plusDays(1)) {
            clock.setUk(day + "T09:00");
            seen.add(day.getDayOfMonth() + ":" + clock(onlyHazard(c), "investigate").get("status").asString());
        }
        assertThat(seen).containsExactly("14:ON_TIME", "15:ON_TIME", "16:ON_TIME", "17:ON_TIME", "18:ON_TIME", "19:ON_TIME",
                "20:ON_TIME", "21:ON_TIME", "22:ON_TIME", "23:ON_TIME", "24:ON_TIME", "25:ON_TIME", "26:ON_TIME", "27:ON_TIME",
                "28:ON_TIME", "29:DUE_SOON", "30:DUE_SOON", "31:OVERDUE");

        // the investigation ends a day late, on Thu 31 Dec: the summary and safety work clocks start there
        hazard = post(c, hazard, "investigation-concluded", "{\"findings\":\"Condensation from a failed extractor fan; mould on two walls\"}");
        assertThat(clock(hazard, "investigate").get("status").asString()).isEqualTo("MET_LATE");
        // + 3 working days, skipping New Year's Day (Fri 1 Jan 2027) and the weekend = Wed 6 Jan 2027
        JsonNode summary = clock(hazard, "written-summary");
        assertThat(summary.get("dueDate").asString()).isEqualTo("2027-01-06");
        assertThat(summary.get("explanation").asString()).contains("Fri 1 Jan 2027");
        // + 5 working days = Fri 8 Jan 2027
        assertThat(clock(hazard, "safety-work").get("dueDate").asString()).isEqualTo("2027-01-08");

        List<String> summaryDays = new ArrayList<>();
        for (LocalDate day = LocalDate.of(2027, 1, 1); !day.isAfter(LocalDate.of(2027, 1, 7)); day = day.plusDays(1)) {
            clock.setUk(day + "T09:00");
            JsonNode now = onlyHazard(c);
            summaryDays.add(day.getDayOfMonth() + ":" + clock(now, "written-summary").get("status").asString()
                    + "/" + clock(now, "safety-work").get("status").asString());
        }
        assertThat(summaryDays).containsExactly("1:ON_TIME/ON_TIME", "2:ON_TIME/ON_TIME", "3:ON_TIME/ON_TIME", "4:ON_TIME/ON_TIME",
                "5:DUE_SOON/ON_TIME", "6:DUE_SOON/ON_TIME", "7:OVERDUE/DUE_SOON");

        clock.setUk("2027-01-07T15:00");
        hazard = post(c, hazard, "summary-sent", "{}");
        hazard = post(c, hazard, "work-started", "{}");
        assertThat(clock(hazard, "written-summary").get("status").asString()).isEqualTo("MET_LATE");
        assertThat(clock(hazard, "safety-work").get("status").asString()).isEqualTo("MET");
        assertThat(hazard.has("nextDue")).isFalse();
        assertThat(api().get("/api/v1/organisations/" + ORG + "/hazards").body()).doesNotContain(hazard.get("id").asString());
    }

    @Test
    void anEmergencyHazardHasTwentyFourClockHoursThroughChristmasDayR3() {
        clock.setUk("2026-12-24T16:00");
        JsonNode c = complain("2026-12-24T16:00", "Water is pouring through the ceiling onto the electrics, and there is mould everywhere");
        JsonNode hazard = post(c, onlyHazard(c), "classify", "{\"classification\":\"EMERGENCY\"}");
        JsonNode makeSafe = clock(hazard, "make-safe");
        assertThat(makeSafe.get("dueBy").asString()).isEqualTo("2026-12-25T16:00:00Z");
        assertThat(makeSafe.get("explanation").asString()).contains("24 hours").contains("every hour counts");
        assertThat(hazard.get("clocks").size()).isEqualTo(1);

        List<String> seen = new ArrayList<>();
        for (String at : List.of("2026-12-24T20:00", "2026-12-25T09:00", "2026-12-25T11:00", "2026-12-25T16:30")) {
            clock.setUk(at);
            seen.add(clock(onlyHazard(c), "make-safe").get("status").asString());
        }
        assertThat(seen).containsExactly("ON_TIME", "ON_TIME", "DUE_SOON", "OVERDUE");
    }

    @Test
    void everyAttemptToGetInIsRecordedFailedAccessIncludedR3() {
        clock.setUk("2026-11-24T09:00");
        JsonNode c = complain("2026-11-24T08:00", "Mould on the bathroom ceiling");
        JsonNode hazard = onlyHazard(c);
        clock.setUk("2026-11-26T17:00");
        post(c, hazard, "attempts", """
                {"at":"2026-11-25T10:00:00Z","by":"Sam Surveyor","outcome":"NO_ACCESS","notes":"No answer; calling card left, phoned twice"}""");
        post(c, hazard, "attempts", """
                {"at":"2026-11-26T14:00:00Z","by":"Sam Surveyor","outcome":"REFUSED","notes":"Resident asked us to come back next week"}""");
        JsonNode after = post(c, hazard, "attempts", """
                {"at":"2026-11-24T15:00:00Z","by":"Pat Plumber","outcome":"ACCESS_GIVEN"}""");
        assertThat(after.get("attempts").size()).isEqualTo(3);
        assertThat(after.get("attempts").get(0).get("outcome").asString()).isEqualTo("ACCESS_GIVEN");
        assertThat(after.get("attempts").get(1).get("outcome").asString()).isEqualTo("NO_ACCESS");
        assertThat(after.get("attempts").get(1).get("notes").asString()).contains("calling card");
        assertThat(after.get("attempts").get(2).get("outcome").asString()).isEqualTo("REFUSED");
        assertThat(after.get("attempts").get(2).get("recordedBy").asString()).isEqualTo("test-admin");
        assertThat(onlyHazard(c).get("attempts").size()).isEqualTo(3);
    }

    @Test
    void badInputNamesEachFieldAndChangesNothing() {
        clock.setUk("2026-11-25T09:00");
        JsonNode c = complain("2026-11-25T08:00", "Damp in the hallway");
        JsonNode hazard = onlyHazard(c);
        String path = hazardsOf(c) + "/" + hazard.get("id").asString();

        Api.Response bad = api().post(path + "/attempts", "{\"at\":\"2026-12-25T09:00:00Z\",\"outcome\":\"NO_ACCESS\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("\"field\":\"at\"").contains("\"field\":\"by\"").contains("\"field\":\"notes\"");
        assertThat(api().post(path + "/classify", "{\"classification\":\"SEVERE\"}").status()).isEqualTo(400);
        assertThat(api().post(path + "/classify", "{}").body()).contains("\"field\":\"classification\"");
        Api.Response open = api().post(hazardsOf(c), "{\"category\":\"asbestos\"}");
        assertThat(open.status()).isEqualTo(400);
        assertThat(open.body()).contains("\"field\":\"category\"");

        // the written summary follows the investigation: refused, naming the rule
        Api.Response early = api().post(path + "/summary-sent", "{}");
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.body()).contains("R-3");
        // a second damp and mould record on the same case is refused
        assertThat(api().post(hazardsOf(c), "{\"category\":\"damp and mould\"}").status()).isEqualTo(422);

        JsonNode unchanged = onlyHazard(c);
        assertThat(unchanged.get("attempts").size()).isZero();
        assertThat(unchanged.has("classification")).isFalse();
        assertThat(unchanged.has("summarySentAt")).isFalse();
    }

    @Test
    void staffOpenAHazardTheySpotAndTheOrganisationsCategoriesAreItsOwnSetting() {
        clock.setUk("2026-11-26T09:00");
        JsonNode c = complain("2026-11-26T08:00", "The boiler has not worked for a week");
        assertThat(api().get(hazardsOf(c)).json().size()).isZero();
        Api.Response opened = api().post(hazardsOf(c), "{\"category\":\"damp and mould\",\"notes\":\"Seen on the home visit\"}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        assertThat(opened.json().get("source").asString()).isEqualTo("STAFF");
        assertThat(opened.json().get("awareAt").asString()).isEqualTo("2026-11-26T09:00:00Z");

        Api.Response saved = api().put("/api/v1/organisations/helping-our-future/hazard-settings", """
                {"enabled":true,"categories":[{"name":"damp and mould","keywords":["damp","mould"]},
                 {"name":"excess cold","keywords":["no heating","freezing"]}]}""");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        CaseOnFile made = new Cases(api()).aComplaint().by("Cole Tenant").withoutEmail().withPhone("01632 960000")
                .saying("We have had no heating since Friday and the flat is freezing").points().in("helping-our-future");
        Api.Response hazards = api().get(made.path() + "/hazards");
        assertThat(hazards.json().get(0).get("category").asString()).isEqualTo("excess cold");
        assertThat(api().put("/api/v1/organisations/helping-our-future/hazard-settings", "{\"categories\":[]}").body())
                .contains("\"field\":\"categories\"");
    }

    @Test
    void anotherOrganisationsStaffGetNotFound() {
        clock.setUk("2026-11-27T09:00");
        JsonNode c = complain("2026-11-27T08:00", "Mould in the loft");
        JsonNode hazard = onlyHazard(c);
        accounts.ensure("hazards.trust.worker", "Trust Worker", "trust-worker-pass", false, Map.of("the-trust", Role.CASE_WORKER));
        Api other = Api.as(port, "hazards.trust.worker", "trust-worker-pass");
        assertThat(other.get(hazardsOf(c)).status()).isEqualTo(404);
        assertThat(other.get("/api/v1/organisations/" + ORG + "/hazards").status()).isEqualTo(404);
        assertThat(other.post(hazardsOf(c) + "/" + hazard.get("id").asString() + "/attempts",
                "{\"by\":\"x\",\"outcome\":\"ACCESS_GIVEN\"}").status()).isEqualTo(404);
        assertThat(onlyHazard(c).get("attempts").size()).isZero();
    }

    @Test
    void theDeadlineSweepWarnsBeforeAndReportsAMissedHazardClockOnceR3() {
        clock.setUk("2027-03-01T09:00");
        JsonNode c = complain("2027-03-01T09:00", "Mould on the kitchen ceiling");
        String reference = c.get("reference").asString();
        // Mon 1 Mar 2027 + 10 working days = Mon 15 Mar 2027
        assertThat(clock(onlyHazard(c), "investigate").get("dueDate").asString()).isEqualTo("2027-03-15");
        for (String day : List.of("2027-03-12", "2027-03-15", "2027-03-15", "2027-03-16", "2027-03-17")) {
            clock.setUk(day + "T09:00");
            sweep.run();
        }
        List<String> subjects = jdbc.sql("select subject from correspondence.letter where kind = 'REMINDER' and case_reference = ? "
                + "and subject like '%Awaab%' order by created_at").param(reference).query(String.class).list();
        assertThat(subjects).containsExactly(
                "Due soon: Awaab's Law: Investigate (damp and mould) for " + reference + " by Monday 15 March 2027",
                "Missed: Awaab's Law: Investigate (damp and mould) for " + reference + " was due by Monday 15 March 2027");
    }
}
