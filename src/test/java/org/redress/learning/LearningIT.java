package org.redress.learning;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.accounts.Accounts;
import org.redress.accounts.Role;
import org.redress.casework.Casework;
import org.redress.testing.Api;
import org.redress.testing.MutableClock;
import org.redress.testing.TestClockConfiguration;
import org.redress.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Lessons and service changes from several cases, and the people who complained told once each (F-14, H-8, S0-11). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class LearningIT {

    static final String ORG = "helping-our-future";
    static final String LESSONS = "/api/v1/organisations/" + ORG + "/lessons";

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    Accounts accounts;
    @Autowired
    Learning learning;
    @Autowired
    Casework casework;

    Api api() {
        return new Api(port);
    }

    @BeforeEach
    void staff() {
        clock.setUk("2026-11-23T09:00");
        accounts.ensure("hof.cmo", "Cleo Officer", "learning-pass", false, Map.of(ORG, Role.COMPLAINT_MANAGEMENT_OFFICER));
        accounts.ensure("trust.cmo", "Tom Trust", "learning-pass", false, Map.of("the-trust", Role.COMPLAINT_MANAGEMENT_OFFICER));
    }

    JsonNode newCase(String name, String email) {
        return newCase(name, email, "Maintenance");
    }

    JsonNode newCase(String name, String email, String serviceArea) {
        Api.Response r = api().post("/api/v1/organisations/" + ORG + "/cases", """
                {"recordType":"complaint","channel":"PHONE","receivedAt":"2026-11-23T09:00:00Z",
                 "complainant":{"name":"%s","email":"%s","preferredContact":"EMAIL"},
                 "serviceArea":"%s","subject":"Repairs","description":"Nobody told me when the repair was booked",
                 "outcomeWanted":"Be told","points":["Not told about the repair"]}""".formatted(name, email, serviceArea));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("caseFile");
    }

    List<JsonNode> serviceChangeLetters(JsonNode c) {
        List<JsonNode> found = new ArrayList<>();
        api().get("/api/v1/organisations/" + ORG + "/cases/" + c.get("id").asString() + "/letters").json().forEach(l -> {
            if (l.get("kind").asString().equals("SERVICE_CHANGE")) found.add(l);
        });
        return found;
    }

    @Test
    void aChangeFromSeveralCasesIsToldToEachPersonWhoComplainedExactlyOnce() { // H-8, F-14
        String same = "repeat." + System.nanoTime() + "@example.org";
        JsonNode first = newCase("Ravi Repeat", same);
        JsonNode second = newCase("Ravi Repeat", same); // the same person complained twice
        JsonNode third = newCase("Sue Second", "sue." + System.nanoTime() + "@example.org");
        Api.Response created = api().post(LESSONS, """
                {"kind":"SERVICE_CHANGE","title":"Text residents when a repair is booked","description":"Every booked repair now sends a text with the date",
                 "rootCause":"COMMUNICATION","owner":"hof.cmo","cases":["%s","%s","%s"]}"""
                .formatted(first.get("reference").asString(), second.get("reference").asString(), third.get("reference").asString()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("lesson").get("id").asString();
        assertThat(created.json().get("lesson").get("cases")).hasSize(3);

        Api.Response tooSoon = api().post(LESSONS + "/" + id + "/tell-complainants", "");
        assertThat(tooSoon.status()).isEqualTo(422);
        assertThat(tooSoon.json().get("detail").asString()).contains("H-8");

        clock.setUk("2026-12-01T10:00");
        assertThat(api().post(LESSONS + "/" + id + "/status", "{\"status\":\"AGREED\"}").status()).isEqualTo(200);
        Api.Response done = api().post(LESSONS + "/" + id + "/status", "{\"status\":\"DONE\",\"doneOn\":\"2026-11-30\"}");
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.json().get("lesson").get("doneOn").asString()).isEqualTo("2026-11-30");

        Api.Response told = api().post(LESSONS + "/" + id + "/tell-complainants", "");
        assertThat(told.status()).as(told.body()).isEqualTo(200);
        assertThat(told.json().get("told").asInt()).isEqualTo(2);
        assertThat(told.json().get("alreadyTold").asInt()).isEqualTo(1);
        Api.Response again = api().post(LESSONS + "/" + id + "/tell-complainants", "");
        assertThat(again.json().get("told").asInt()).isZero();
        assertThat(again.json().get("alreadyTold").asInt()).isEqualTo(3);

        assertThat(serviceChangeLetters(first).size() + serviceChangeLetters(second).size()).isEqualTo(1);
        assertThat(serviceChangeLetters(third)).singleElement().satisfies(l -> {
            assertThat(l.get("recipient").asString()).startsWith("sue.");
            assertThat(l.get("body").asString()).contains("Dear Sue Second", "Every booked repair now sends a text",
                    "Monday 30 November 2026", third.get("reference").asString(), "Helping Our Future");
        });
        assertThat(api().get(LESSONS + "/" + id).json().get("complainantsTold").asInt()).isEqualTo(2);
    }

    @Test
    void aMemberLimitedToOneServiceAreaIsToldThereAreOtherCasesButNotWhichOnALesson() {
        JsonNode maintenance = newCase("Lou Local", "lou." + System.nanoTime() + "@example.org", "Maintenance");
        JsonNode housing = newCase("Hal Housing", "hal." + System.nanoTime() + "@example.org", "Housing management");
        String maintenanceRef = maintenance.get("reference").asString();
        String housingRef = housing.get("reference").asString();
        Api.Response created = api().post(LESSONS, """
                {"title":"Say who is coming","description":"Booking texts now name the trade and the firm","rootCause":"COMMUNICATION",
                 "owner":"hof.cmo","cases":["%s","%s"]}""".formatted(maintenanceRef, housingRef));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("lesson").get("id").asString();
        accounts.ensure("hof.maintenance", "Mo Maintenance", "learning-pass", false, Map.of(ORG, Role.COMPLAINT_MANAGEMENT_OFFICER));
        accounts.limitToServiceAreas("hof.maintenance", ORG, java.util.Set.of("Maintenance"));
        Api limited = Api.as(port, "hof.maintenance", "learning-pass");

        JsonNode seen = limited.get(LESSONS + "/" + id).json();
        assertThat(seen.get("lesson").get("cases")).extracting(c -> c.get("reference").asString()).containsExactly(maintenanceRef);
        assertThat(seen.get("casesInOtherAreas").asInt()).isEqualTo(1);
        assertThat(limited.get(LESSONS).body()).contains(maintenanceRef).doesNotContain(housingRef, housing.get("id").asString());
        WebSession page = new WebSession(port);
        page.signIn("hof.maintenance", "learning-pass");
        assertThat(page.get("/staff/" + ORG + "/lessons").body()).contains(maintenanceRef, "and 1 case in service areas you do not work in")
                .doesNotContain(housingRef);

        assertThat(api().post(LESSONS + "/" + id + "/status", "{\"status\":\"DONE\",\"doneOn\":\"2026-11-23\"}").status()).isEqualTo(200);
        Api.Response tell = limited.post(LESSONS + "/" + id + "/tell-complainants", "");
        assertThat(tell.status()).as(tell.body()).isEqualTo(422);
        assertThat(tell.json().get("detail").asString()).contains("1 case in service areas you do not work in", "H-8");
        assertThat(serviceChangeLetters(maintenance)).isEmpty();

        JsonNode everyone = api().get(LESSONS + "/" + id).json();
        assertThat(everyone.get("lesson").get("cases")).extracting(c -> c.get("reference").asString())
                .containsExactly(maintenanceRef, housingRef);
        assertThat(everyone.get("casesInOtherAreas").asInt()).isZero();
    }

    @Test
    void aGroupSuggestionNotAdoptedKeepsItsReason() { // H-8
        JsonNode c = newCase("Gail Group", "gail." + System.nanoTime() + "@example.org");
        Api.Response created = api().post(LESSONS, """
                {"title":"Weekend repairs line","description":"Residents' panel asked for a weekend repairs line","rootCause":"RESOURCES_OR_CAPACITY",
                 "owner":"hof.cmo","cases":["%s"],"groupSuggestion":true}""".formatted(c.get("reference").asString()));
        String id = created.json().get("lesson").get("id").asString();
        Api.Response noReason = api().post(LESSONS + "/" + id + "/status", "{\"status\":\"NOT_ADOPTED\"}");
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");
        Api.Response notAdopted = api().post(LESSONS + "/" + id + "/status",
                "{\"status\":\"NOT_ADOPTED\",\"reason\":\"the out-of-hours emergency line already covers weekends\"}");
        assertThat(notAdopted.status()).isEqualTo(200);
        assertThat(notAdopted.json().get("lesson").get("notAdoptedReason").asString()).contains("out-of-hours");
        assertThat(api().post(LESSONS + "/" + id + "/status", "{\"status\":\"AGREED\"}").status()).isEqualTo(422);
        assertThat(api().get(LESSONS + "?status=NOT_ADOPTED&category=RESOURCES_OR_CAPACITY").json())
                .anySatisfy(l -> assertThat(l.get("lesson").get("id").asString()).isEqualTo(id));
        assertThat(learning.inPeriod(casework.scope(ORG), LocalDate.parse("2026-10-01"), LocalDate.parse("2027-01-01")))
                .anySatisfy(l -> {
                    assertThat(l.id().toString()).isEqualTo(id);
                    assertThat(l.status()).isEqualTo(Lesson.Status.NOT_ADOPTED);
                    assertThat(l.caseReferences()).containsExactly(c.get("reference").asString());
                });
    }

    @Test
    void badInputNamesEachFieldAndChangesNothing() { // F-14
        int before = api().get(LESSONS).json().size();
        Api.Response bad = api().post(LESSONS, """
                {"kind":"RUMOUR","title":"","rootCause":"BAD_LUCK","owner":"","cases":["HOF-1999-000000"]}""");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors")).extracting(e -> e.get("field").asString())
                .containsExactlyInAnyOrder("kind", "title", "description", "rootCause", "owner", "cases");
        assertThat(bad.json().get("detail").asString()).contains("HOF-1999-000000");
        assertThat(api().get(LESSONS).json().size()).isEqualTo(before);
        assertThat(api().get(LESSONS + "?status=MAYBE").status()).isEqualTo(400);
    }

    @Test
    void anotherOrganisationsStaffGetNotFoundAndACaseOfAnotherOrganisationCannotBeLinked() {
        JsonNode c = newCase("Nia Nobody", "nia." + System.nanoTime() + "@example.org");
        Api trust = Api.as(port, "trust.cmo", "learning-pass");
        assertThat(trust.get(LESSONS).status()).isEqualTo(404);
        assertThat(trust.post(LESSONS, "{}").status()).isEqualTo(404);
        Api.Response foreign = trust.post("/api/v1/organisations/the-trust/lessons", """
                {"title":"t","description":"d","rootCause":"OTHER","owner":"o","cases":["%s"]}""".formatted(c.get("reference").asString()));
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.json().get("errors").get(0).get("field").asString()).isEqualTo("cases");
        WebSession page = new WebSession(port);
        page.signIn("trust.cmo", "learning-pass");
        assertThat(page.get("/staff/" + ORG + "/lessons").status()).isEqualTo(404);
    }

    @Test
    void theLessonsPageRecordsALessonAndTheCasePageListsIt() { // F-14, S0-11
        JsonNode c = newCase("Pam Page", "pam." + System.nanoTime() + "@example.org");
        WebSession page = new WebSession(port);
        page.signIn("hof.cmo", "learning-pass");
        assertThat(page.get("/staff/" + ORG + "/lessons").status()).isEqualTo(200);
        WebSession.Page wrong = page.post("/staff/" + ORG + "/lessons", Map.of("title", "Call back", "cases", c.get("reference").asString()));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body()).contains("There is a problem", "href=\"#description\"", "href=\"#rootCause\"", "href=\"#owner\"");
        WebSession.Page ok = page.post("/staff/" + ORG + "/lessons", Map.of("kind", "LESSON", "title", "Call back the same day",
                "description", "Staff now call back the same day", "rootCause", "STAFF_KNOWLEDGE_OR_TRAINING", "owner", "hof.cmo",
                "cases", c.get("reference").asString()));
        assertThat(ok.status()).isEqualTo(302);
        String casePage = page.get("/staff/" + ORG + "/cases/" + c.get("reference").asString()).body();
        assertThat(casePage).contains("Lessons and service changes", "1 lesson, 0 done");
        assertThat(page.get("/staff/" + ORG + "/cases/" + c.get("reference").asString() + "/lessons").body())
                .contains("Call back the same day", "Staff knowledge or training", "Proposed");
    }
}
