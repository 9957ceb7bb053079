package org.redress.reporting;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.accounts.Accounts;
import org.redress.accounts.Role;
import org.redress.testing.Api;
import org.redress.testing.MutableClock;
import org.redress.testing.TestClockConfiguration;
import org.redress.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member of staff limited to the Repairs service area sees no other area's case in reports: the figures count their
 * areas' cases only, every list of cases behind a figure (JSON and page) agrees with its figure, and the pages say so.
 * A colleague without a limit sees every area. The Trust in March 2018, a month no other test uses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class AreaLimitedReportsIT {

    static final String ORG = "the-trust";
    static final String PERIOD = "from=2018-03-01&to=2018-03-31";
    static final String PASSWORD = "area-limited-reports-pass";
    static final String LIMITED = "ar.repairs-worker";
    static final String UNLIMITED = "ar.any-worker";
    static final String REPORTS = "/api/v1/organisations/" + ORG + "/reports";

    /** Built once: a Repairs complaint and a Housing management complaint, each with a lesson learned from it. */
    static String repairs;
    static String housing;

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    MutableClock clock;

    @BeforeEach
    void aRepairsAndAHousingManagementComplaintWereReceivedInMarch2018() {
        if (repairs == null) {
            // a cheap hash keeps HTTP Basic on every request fast
            String hash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD);
            for (String username : List.of(LIMITED, UNLIMITED)) {
                accounts.ensureHashed(username, username, hash, false);
                accounts.ensure(username, username, PASSWORD, false, Map.of(ORG, Role.CASE_WORKER));
            }
            accounts.limitToServiceAreas(LIMITED, ORG, Set.of("Repairs"));
            repairs = complaint("2018-03-05T10:00", "Repairs");
            housing = complaint("2018-03-06T10:00", "Housing management");
            clock.setUk("2018-03-20T10:00");
            lesson("Book repair visits by text", repairs);
            lesson("Explain tenancy changes in writing", housing);
            // withdrawn after the period, so no clock of this data set runs on into other tests' work lists
            clock.setUk("2018-04-10T10:00");
            withdraw(repairs);
            withdraw(housing);
        }
        clock.setUk("2018-04-20T10:00");
    }

    @Test
    void aMemberLimitedToRepairsIsListedOnlyRepairsCasesBehindAFigureWhileAnUnlimitedColleagueIsListedBoth() {
        Api limited = Api.as(port, LIMITED, PASSWORD);
        Api unlimited = Api.as(port, UNLIMITED, PASSWORD);
        String received = REPORTS + "/measures/complaints-received/cases?figure=received&" + PERIOD;

        JsonNode limitedList = ok(limited.get(received));
        assertThat(references(limitedList)).containsExactly(repairs);
        assertThat(limitedList.get("limitedTo").get(0).asString()).isEqualTo("Repairs");
        assertThat(references(ok(unlimited.get(received)))).containsExactlyInAnyOrder(repairs, housing);
        assertThat(ok(unlimited.get(received)).has("limitedTo")).isFalse();

        // asking for the other area by name, or for its group, lifts nothing
        assertThat(references(ok(limited.get(received + "&serviceArea=Housing%20management")))).isEmpty();
        assertThat(references(ok(limited.get(REPORTS + "/measures/received-by-service-area/cases?figure=received&group=Housing%20management&"
                + PERIOD)))).isEmpty();
        // nor does a measure worked out from another module's facts (lessons, from learning)
        String lessons = REPORTS + "/measures/lessons/cases?figure=lessons&group=Proposed&" + PERIOD;
        assertThat(references(ok(limited.get(lessons)))).containsExactly(repairs);
        assertThat(references(ok(unlimited.get(lessons)))).containsExactlyInAnyOrder(repairs, housing);
    }

    @Test
    void aLimitedMembersFiguresCountExactlyTheCasesTheirListsShowAndNoneOfAnotherArea() {
        Api limited = Api.as(port, LIMITED, PASSWORD);
        JsonNode byArea = ok(limited.get(REPORTS + "/measures/received-by-service-area?" + PERIOD));
        assertThat(groups(byArea)).containsExactly("Repairs");
        assertThat(ok(limited.get(REPORTS + "/measures/complaints-received?" + PERIOD)).get("rows").get(0).get("cells").get(0)
                .get("value").asDouble()).isEqualTo(1.0);
        assertThat(ok(Api.as(port, UNLIMITED, PASSWORD).get(REPORTS + "/measures/received-by-service-area?" + PERIOD)).get("rows").size())
                .as("an unlimited colleague's figures cover both areas").isEqualTo(2);

        // every figure of both pages that counts anything: its list holds exactly that many cases, all of them Repairs
        int checked = 0;
        for (String page : List.of("dashboard", "returns")) {
            for (JsonNode measure : ok(limited.get(REPORTS + "/" + page + "?" + PERIOD))) {
                assertThat(measure.get("limitedTo").get(0).asString()).isEqualTo("Repairs");
                for (JsonNode row : measure.get("rows")) {
                    for (JsonNode cell : row.get("cells")) {
                        if (cell.get("count").asLong() == 0) {
                            continue;
                        }
                        List<String> behind = references(ok(limited.get(cell.get("cases").asString())));
                        String figure = measure.get("id").asString() + " " + cell.get("figure").asString() + " in " + row.get("group").asString();
                        assertThat(behind).as(figure)
                                .hasSize((int) cell.get("count").asLong()).containsOnly(repairs);
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).as("figures of the dashboard and the returns that count the Repairs complaint").isEqualTo(12);

        // the files say which areas the figures cover
        String csv = limited.get(REPORTS + "/measures/received-by-service-area/export.csv?" + PERIOD).body();
        assertThat(csv).contains(",Repairs,received-by-service-area,").doesNotContain("Housing management");
    }

    @Test
    void theDashboardAndTheCasesPageTellALimitedMemberTheyShowTheirServiceAreasOnly() {
        WebSession session = new WebSession(port);
        session.signIn(LIMITED, PASSWORD);
        String dashboard = page(session, "/staff/" + ORG + "/reports?" + PERIOD);
        assertThat(dashboard).contains("Showing Repairs only: you are limited to this service area.");
        assertThat(dashboard).contains("All your service areas", "<option value=\"Repairs\">Repairs</option>")
                .doesNotContain("<option value=\"Housing management\"");
        String cases = page(session, "/staff/" + ORG + "/reports/cases?measure=complaints-received&figure=received&" + PERIOD);
        assertThat(cases).contains("Showing Repairs only: you are limited to this service area.", "1 case.", repairs)
                .doesNotContain(housing);

        WebSession colleague = new WebSession(port);
        colleague.signIn(UNLIMITED, PASSWORD);
        String theirs = page(colleague, "/staff/" + ORG + "/reports/cases?measure=complaints-received&figure=received&" + PERIOD);
        assertThat(theirs).contains("2 cases.", repairs, housing).doesNotContain("you are limited");
        assertThat(page(colleague, "/staff/" + ORG + "/reports?" + PERIOD)).doesNotContain("you are limited")
                .contains("<option value=\"Housing management\">Housing management</option>");
    }

    // ---- the story's steps, through the API as the test administrator ----------------------------------------

    private String complaint(String ukTime, String serviceArea) {
        clock.setUk(ukTime);
        Api.Response created = new Api(port).post("/api/v1/organisations/" + ORG + "/cases", """
                {"recordType":"complaint","channel":"PHONE","complainant":{"name":"Resident of %s","email":"resident.%d@example.org"},
                 "serviceLine":"housing","serviceArea":"%s","description":"Something went wrong","points":["Point 1"]}"""
                .formatted(serviceArea, System.nanoTime(), serviceArea));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("caseFile").get("reference").asString();
    }

    private void lesson(String title, String reference) {
        Api.Response created = new Api(port).post("/api/v1/organisations/" + ORG + "/lessons", """
                {"kind":"LESSON","title":"%s","description":"From the complaint","rootCause":"COMMUNICATION","owner":"tt.manager",
                 "cases":["%s"]}""".formatted(title, reference));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    private void withdraw(String reference) {
        Api.Response withdrawn = new Api(port).post("/api/v1/organisations/" + ORG + "/cases/" + reference + "/withdraw",
                "{\"reason\":\"resolved informally\"}");
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
    }

    private static JsonNode ok(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static String page(WebSession session, String path) {
        WebSession.Page page = session.get(path);
        assertThat(page.status()).as(path).isEqualTo(200);
        return page.body();
    }

    private static List<String> references(JsonNode list) {
        List<String> references = new ArrayList<>();
        list.get("references").forEach(r -> references.add(r.asString()));
        return references;
    }

    private static List<String> groups(JsonNode measure) {
        List<String> groups = new ArrayList<>();
        measure.get("rows").forEach(r -> groups.add(r.get("group").asString()));
        return groups;
    }
}
