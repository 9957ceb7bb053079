package org.redress.hazards;

import org.junit.jupiter.api.Test;
import org.redress.testing.Api;
import org.redress.testing.Cases;
import org.redress.testing.MutableClock;
import org.redress.testing.TestClockConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Awaab's Law as the law stands (issue 23, item 2; R-3; SI 2025/1042), driven through the API with an injected clock
 * across each edge: the emergency's 24 elapsed hours across the October clock change, running until the home is made
 * safe; further works at exactly 12 weeks; the day a category comes in; a shared owner's home; closing as no hazard found.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class AwaabsLawIT {

    private static final String ORG = "alliance-homes";

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    Hazards hazards;

    @Autowired
    org.redress.accounts.Accounts accounts;

    Api api() {
        return new Api(port);
    }

    JsonNode complain(String receivedAtUk, String description, String tenure) {
        return new Cases(api()).aComplaint().receivedAt(LocalDateTime.parse(receivedAtUk)).by("Ada Tenant")
                .withEmail("ada." + System.nanoTime() + "@example.org").preferringContactBy("EMAIL").onServiceLine("housing")
                .withTenure(tenure).inArea("Repairs").about("Repairs").saying(description).wanting("Fix it").points().in(ORG).json();
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

    JsonNode post(JsonNode c, JsonNode hazard, String action, String body) {
        Api.Response r = api().post(hazardsOf(c) + "/" + hazard.get("id").asString() + "/" + action, body);
        assertThat(r.status()).as(action + ": " + r.body()).isEqualTo(200);
        return r.json();
    }

    static JsonNode clock(JsonNode hazard, String id) {
        return HazardsApiIT.clock(hazard, id);
    }

    /** An emergency on Sat 24 Oct 2026 at 10:00 BST: due 24 elapsed hours later, 09:00 GMT on Sunday after the clocks go back. */
    JsonNode anEmergencyBeforeTheClocksGoBack() {
        clock.setUk("2026-10-24T10:00");
        JsonNode c = complain("2026-10-24T10:00", "Water is coming through the ceiling light and the walls are black with mould", "LOW_COST_RENTAL");
        post(c, onlyHazard(c), "classify", "{\"classification\":\"EMERGENCY\"}");
        return c;
    }

    @Test
    void anEmergencysTwentyFourHoursAreElapsedHoursAcrossTheOctoberClockChangeAndRunUntilTheHomeIsMadeSafe() { // R-3, SI 2025/1042
        JsonNode onTime = anEmergencyBeforeTheClocksGoBack();
        JsonNode makeSafe = clock(onlyHazard(onTime), "make-safe");
        // 10:00 BST (09:00Z) + 24 elapsed hours = 09:00Z on Sun 25 Oct, which is 09:00 GMT: not 10:00 by the wall clock
        assertThat(makeSafe.get("dueBy").asString()).isEqualTo("2026-10-25T09:00:00Z");
        assertThat(makeSafe.get("amount").asInt()).isEqualTo(24);

        // work beginning does not stop the emergency's clock: only the home made safe does (issue 23)
        clock.setUk("2026-10-25T08:00");
        JsonNode working = post(onTime, onlyHazard(onTime), "work-started", "{\"at\":\"2026-10-24T12:00:00Z\"}");
        assertThat(clock(working, "make-safe").has("metAt")).isFalse();
        assertThat(clock(working, "make-safe").get("status").asString()).isEqualTo("DUE_SOON");
        assertThat(working.get("nextDue").asString()).isEqualTo("2026-10-25T09:00:00Z");

        JsonNode late = anEmergencyBeforeTheClocksGoBack();
        clock.setUk("2026-10-25T09:30");
        // the last instant in time, and the first instant late
        JsonNode safe = post(onTime, onlyHazard(onTime), "made-safe", "{\"at\":\"2026-10-25T09:00:00Z\"}");
        JsonNode lateSafe = post(late, onlyHazard(late), "made-safe", "{\"at\":\"2026-10-25T09:00:01Z\"}");
        assertThat(clock(safe, "make-safe").get("status").asString()).isEqualTo("MET");
        assertThat(safe.get("madeSafeAt").asString()).isEqualTo("2026-10-25T09:00:00Z");
        assertThat(clock(lateSafe, "make-safe").get("status").asString()).isEqualTo("MET_LATE");
        assertThat(api().post(hazardsOf(onTime) + "/" + safe.get("id").asString() + "/made-safe", "{}").status()).isEqualTo(422);
    }

    @Test
    void furtherWorksAreDueInFiveWorkingDaysOrWhereNotPracticableExactlyTwelveWeeksFromTheInvestigationsEnd() { // R-3, SI 2025/1042
        clock.setUk("2027-01-04T09:00");
        JsonNode inTime = complain("2027-01-04T09:00", "Mould keeps coming back in the bedroom", "LOW_COST_RENTAL");
        JsonNode late = complain("2027-01-04T09:00", "Damp patches on every outside wall", "LOW_COST_RENTAL");
        JsonNode quick = complain("2027-01-04T09:00", "Mould around the window frames", "LOW_COST_RENTAL");
        clock.setUk("2027-01-05T12:00");
        for (JsonNode c : new JsonNode[] {inTime, late, quick}) {
            post(c, onlyHazard(c), "classify", "{\"classification\":\"SIGNIFICANT\"}");
            post(c, onlyHazard(c), "investigation-concluded", "{\"at\":\"2027-01-05T10:00:00Z\",\"findings\":\"Cold bridging; needs insulation\"}");
        }
        // asked before the investigation ends it is refused; here it has ended
        JsonNode fiveDays = post(quick, onlyHazard(quick), "further-works", "{}");
        // Tue 5 Jan 2027 + 5 working days = Tue 12 Jan 2027
        assertThat(clock(fiveDays, "further-works").get("dueDate").asString()).isEqualTo("2027-01-12");
        assertThat(clock(fiveDays, "further-works").get("unit").asString()).isEqualTo("WORKING_DAYS");

        String notPracticable = "{\"notPracticable\":\"External wall insulation needs scaffolding and a specialist contractor\"}";
        JsonNode weeks = post(inTime, onlyHazard(inTime), "further-works", notPracticable);
        post(late, onlyHazard(late), "further-works", notPracticable);
        JsonNode works = clock(weeks, "further-works");
        // Tue 5 Jan 2027 + 12 weeks = Tue 30 Mar 2027, by the end of the day: midnight BST, 23:00Z (the last instant in time;
        // a second later is late)
        assertThat(works.get("unit").asString()).isEqualTo("WEEKS");
        assertThat(works.get("amount").asInt()).isEqualTo(12);
        assertThat(works.get("dueDate").asString()).isEqualTo("2027-03-30");
        assertThat(works.get("dueBy").asString()).isEqualTo("2027-03-30T23:00:00Z");
        assertThat(weeks.get("furtherWorks").get("notPracticable").asString()).contains("scaffolding");
        assertThat(weeks.get("furtherWorks").get("recordedBy").asString()).isEqualTo("test-admin");

        clock.setUk("2027-03-31T09:00");
        JsonNode met = post(inTime, onlyHazard(inTime), "further-works-started", "{\"at\":\"2027-03-30T23:00:00Z\"}");
        JsonNode missed = post(late, onlyHazard(late), "further-works-started", "{\"at\":\"2027-03-30T23:00:01Z\"}");
        assertThat(clock(met, "further-works").get("status").asString()).isEqualTo("MET");
        assertThat(clock(missed, "further-works").get("status").asString()).isEqualTo("MET_LATE");
        assertThat(met.get("furtherWorks").get("startedAt").asString()).isEqualTo("2027-03-30T23:00:00Z");
    }

    @Test
    void aHazardTheOrganisationLearntOfTheDayBeforeTheLawAppliedToItsCategoryHasNoDutyAndFromThatDayItHas() { // R-3, SI 2025/1042
        clock.setUk("2026-10-27T09:00");
        JsonNode before = complain("2026-10-26T08:00", "The flat is freezing", "LOW_COST_RENTAL");
        JsonNode onTheDay = complain("2026-10-27T08:00", "The flat is freezing", "LOW_COST_RENTAL");
        // the reference pack's date for excess cold and heat: 27 October 2026 (not confirmed); 26 Oct 2026 is GMT, so UTC is UK time
        Api.Response opened = api().post(hazardsOf(before), "{\"category\":\"excess cold and heat\",\"awareAt\":\"2026-10-26T23:59:59Z\"}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        JsonNode noDuty = opened.json();
        assertThat(noDuty.get("duty").asBoolean()).isFalse();
        assertThat(noDuty.get("noDuty").asString()).isEqualTo("No duty under Awaab's Law: the organisation became aware of this "
                + "hazard on 26 October 2026, before the law applied to excess cold and heat hazards (from 27 October 2026, a date not "
                + "yet confirmed). If it is an emergency, classify it so: emergencies are covered whatever the kind of hazard.");
        assertThat(noDuty.get("lawCategory").asString()).isEqualTo("excess-cold-and-heat");
        assertThat(noDuty.get("lawAppliesFrom").asString()).isEqualTo("2026-10-27");
        assertThat(noDuty.get("lawDateConfirmed").asBoolean()).isFalse();
        assertThat(noDuty.get("clocks").size()).isZero();
        assertThat(noDuty.has("nextDue")).isFalse();

        JsonNode duty = api().post(hazardsOf(onTheDay), "{\"category\":\"excess cold and heat\",\"awareAt\":\"2026-10-27T00:00:00Z\"}").json();
        assertThat(duty.get("duty").asBoolean()).isTrue();
        assertThat(duty.has("noDuty")).isFalse();
        // Tue 27 Oct 2026 + 10 working days = Tue 10 Nov 2026
        assertThat(clock(duty, "investigate").get("dueDate").asString()).isEqualTo("2026-11-10");

        // an emergency is covered from 27 October 2025 whatever its kind: classifying the earlier one so gives it its clock
        JsonNode emergency = post(before, noDuty, "classify", "{\"classification\":\"EMERGENCY\"}");
        assertThat(emergency.get("duty").asBoolean()).isTrue();
        assertThat(emergency.get("lawCategory").asString()).isEqualTo("emergency-hazards");
        assertThat(clock(emergency, "make-safe").get("dueBy").asString()).isEqualTo("2026-10-27T23:59:59Z");
    }

    @Test
    void aSharedOwnersHomeHasNoDutyAndTheNoteSaysWhy() { // R-3, SI 2025/1042 (social tenancies only)
        clock.setUk("2026-11-30T09:00");
        JsonNode shared = complain("2026-11-30T09:00", "Mould on the bathroom ceiling", "LOW_COST_HOME_OWNERSHIP");
        JsonNode hazard = onlyHazard(shared);
        assertThat(hazard.get("tenure").asString()).isEqualTo("LOW_COST_HOME_OWNERSHIP");
        assertThat(hazard.get("duty").asBoolean()).isFalse();
        assertThat(hazard.get("noDuty").asString()).isEqualTo("No duty under Awaab's Law: the home is a shared owner's (low-cost home "
                + "ownership). The law's timescales apply to social tenancies, not shared ownership.");
        assertThat(hazard.get("clocks").size()).isZero();
        assertThat(api().get("/api/v1/organisations/" + ORG + "/hazards").body()).doesNotContain(hazard.get("id").asString());

        // a tenant's hazard has its clocks; the tenure recorded later as shared ownership takes the duty away
        JsonNode tenant = complain("2026-11-30T09:00", "Mould on the kitchen ceiling", "UNKNOWN");
        assertThat(onlyHazard(tenant).get("duty").asBoolean()).isTrue();
        assertThat(onlyHazard(tenant).get("clocks").size()).isEqualTo(1);
        Api.Response recorded = api().post("/api/v1/organisations/" + ORG + "/cases/" + tenant.get("id").asString() + "/tenure",
                "{\"tenure\":\"LOW_COST_HOME_OWNERSHIP\"}");
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);
        assertThat(onlyHazard(tenant).get("duty").asBoolean()).isFalse();
        assertThat(onlyHazard(tenant).get("noDuty").asString()).contains("shared owner");
    }

    @Test
    void closingAHazardAsNoHazardFoundRecordsWhoWhenAndWhyAndStopsItsClocks() { // R-3, SI 2025/1042
        clock.setUk("2026-12-01T09:00");
        JsonNode c = complain("2026-12-01T09:00", "Condensation on the windows every morning", "LOW_COST_RENTAL");
        JsonNode hazard = onlyHazard(c);
        String path = hazardsOf(c) + "/" + hazard.get("id").asString();
        assertThat(clock(hazard, "investigate").get("status").asString()).isEqualTo("ON_TIME");

        Api.Response bad = api().post(path + "/close", "{}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("\"field\":\"as\"").contains("\"field\":\"reasons\"");
        assertThat(api().post(path + "/close", "{\"as\":\"MAYBE\",\"reasons\":\"x\"}").status()).isEqualTo(400);

        clock.setUk("2026-12-03T15:00");
        JsonNode closed = post(c, hazard, "close", """
                {"as":"NO_HAZARD_FOUND","reasons":"Surveyor's damp readings normal in every room; advice on ventilation given"}""");
        assertThat(closed.get("closure").get("as").asString()).isEqualTo("NO_HAZARD_FOUND");
        assertThat(closed.get("closure").get("by").asString()).isEqualTo("test-admin");
        assertThat(closed.get("closure").get("at").asString()).isEqualTo("2026-12-03T15:00:00Z");
        assertThat(closed.get("closure").get("reasons").asString()).contains("damp readings normal");
        assertThat(clock(closed, "investigate").get("status").asString()).isEqualTo("CANCELLED");
        assertThat(clock(closed, "investigate").get("explanation").asString()).startsWith("Stopped: closed as no hazard found on 2026-12-03.");
        assertThat(closed.has("nextDue")).isFalse();
        assertThat(api().get("/api/v1/organisations/" + ORG + "/hazards").body()).doesNotContain(hazard.get("id").asString());
        assertThat(hazards.openClocksDueBefore(java.time.Instant.parse("2027-12-01T00:00:00Z")))
                .noneMatch(o -> o.reference().equals(c.get("reference").asString()));

        // nothing more is recorded on it but attempts, which stay evidence
        assertThat(api().post(path + "/investigation-concluded", "{}").status()).isEqualTo(422);
        assertThat(api().post(path + "/close", "{\"as\":\"DISMISSED\",\"reasons\":\"again\"}").status()).isEqualTo(422);
        JsonNode withAttempt = post(c, hazard, "attempts", "{\"by\":\"Sam Surveyor\",\"outcome\":\"NO_ACCESS\",\"notes\":\"Follow-up visit; no answer\"}");
        assertThat(withAttempt.get("attempts").size()).isEqualTo(1);
        assertThat(withAttempt.get("closure").get("as").asString()).isEqualTo("NO_HAZARD_FOUND");
    }

    @Test
    void alternativeAccommodationHasItsOwnRecordAndClockWhenTheHomeCannotBeMadeSafeInTime() { // R-3, SI 2025/1042
        clock.setUk("2026-12-02T09:00");
        JsonNode c = complain("2026-12-02T09:00", "Black mould everywhere and the ceiling is sagging", "LOW_COST_RENTAL");
        JsonNode hazard = post(c, onlyHazard(c), "classify", "{\"classification\":\"EMERGENCY\"}");
        String path = hazardsOf(c) + "/" + hazard.get("id").asString();
        assertThat(api().post(path + "/accommodation-offered", "{}").status()).isEqualTo(422);

        clock.setUk("2026-12-02T17:00");
        JsonNode needed = post(c, hazard, "accommodation", "{\"notes\":\"The ceiling must come down; the home cannot be made safe tonight\"}");
        JsonNode offerClock = clock(needed, "alternative-accommodation");
        assertThat(offerClock.get("startedAt").asString()).isEqualTo("2026-12-02T17:00:00Z");
        assertThat(offerClock.get("dueBy").asString()).isEqualTo("2026-12-03T17:00:00Z");
        assertThat(api().post(path + "/accommodation-answer", "{\"answer\":\"ACCEPTED\"}").status()).isEqualTo(422);

        clock.setUk("2026-12-02T19:00");
        JsonNode offered = post(c, hazard, "accommodation-offered", "{\"notes\":\"Two nights at the Station Hotel, then a furnished flat\"}");
        assertThat(clock(offered, "alternative-accommodation").get("status").asString()).isEqualTo("MET");
        assertThat(api().post(path + "/accommodation-answer", "{}").body()).contains("\"field\":\"answer\"");
        JsonNode answered = post(c, hazard, "accommodation-answer", "{\"answer\":\"DECLINED\",\"notes\":\"Staying with family\"}");
        assertThat(answered.get("accommodation").get("answer").asString()).isEqualTo("DECLINED");
        assertThat(answered.get("accommodation").get("offer").asString()).contains("Station Hotel");
        assertThat(answered.get("accommodation").get("answeredAt").asString()).isEqualTo("2026-12-02T19:00:00Z");
    }

    @Test
    void theStaffPageShowsWhyAHazardHasNoDutyAndClosesOneWithDayMonthYearAndReasonsNamingEachMissingField() { // R-3, SI 2025/1042
        clock.setUk("2026-12-04T09:00");
        accounts.ensure("ah.awaab.page", "Awa Page", "awaab-page-pass", false,
                java.util.Map.of(ORG, org.redress.accounts.Role.CASE_WORKER));
        JsonNode shared = complain("2026-12-04T08:00", "Mould behind the wardrobe", "LOW_COST_HOME_OWNERSHIP");
        JsonNode tenant = complain("2026-12-04T08:00", "Mould behind the sofa", "LOW_COST_RENTAL");
        String id = onlyHazard(tenant).get("id").asString();
        org.redress.testing.WebSession page = new org.redress.testing.WebSession(port);
        page.signIn("ah.awaab.page", "awaab-page-pass");

        String sharedPage = page.get("/staff/" + ORG + "/cases/" + shared.get("reference").asString() + "/hazards").body();
        assertThat(sharedPage).contains("No duty under Awaab&#39;s Law: the home is a shared owner&#39;s (low-cost home ownership).");

        String base = "/staff/" + ORG + "/cases/" + tenant.get("reference").asString() + "/hazards";
        String form = page.get(base).body();
        assertThat(form).contains("Close as no hazard found, or dismiss", "Record that the home was made safe",
                "The home cannot be made safe in time", "name=\"on-day\"", "for=\"close-" + id + "-reasons\"");
        org.redress.testing.WebSession.Page badDate = page.post(base + "/" + id + "/close",
                java.util.Map.of("as", "DISMISSED", "on-day", "31", "on-month", "2", "on-year", "2026", "time", "", "notes", "x"));
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.body()).contains("There is a problem", "href=\"#close-" + id + "-at\"", "value=\"31\"");
        org.redress.testing.WebSession.Page missing = page.post(base + "/" + id + "/close",
                java.util.Map.of("on-day", "", "on-month", "", "on-year", "", "time", "", "notes", ""));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("There is a problem", "href=\"#close-" + id + "-as\"", "href=\"#close-" + id + "-reasons\"");
        assertThat(onlyHazard(tenant).has("closure")).isFalse();

        org.redress.testing.WebSession.Page done = page.post(base + "/" + id + "/close", java.util.Map.of("as", "DISMISSED",
                "notes", "Opened twice: the same mould is on the other record", "on-day", "4", "on-month", "12", "on-year", "2026", "time", "08:30"));
        assertThat(done.status()).as(done.body()).isEqualTo(302);
        JsonNode closed = onlyHazard(tenant);
        assertThat(closed.get("closure").get("as").asString()).isEqualTo("DISMISSED");
        assertThat(closed.get("closure").get("at").asString()).isEqualTo("2026-12-04T08:30:00Z");
        assertThat(closed.get("closure").get("by").asString()).isEqualTo("ah.awaab.page");
        assertThat(page.get(base).body()).contains("Closed: dismissed", "Its deadlines have stopped.", "Opened twice");
    }
}
