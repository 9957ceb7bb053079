package org.redress.equality;

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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * H-3: optional equality questions after a complaint, kept apart from the case, reported only in aggregate and compared
 * with the organisation's customer profile.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class EqualityMonitoringIT {

    private static final String ORG = "helping-our-future";

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    MutableClock clock;

    @Autowired
    EqualityMonitoring equality;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void staff() {
        clock.setUk("2026-11-23T10:00");
        accounts.ensure("equality.worker", "Eve Worker", "equality-worker-pass", false, Map.of(ORG, Role.CASE_WORKER));
        accounts.ensure("equality.trust", "Ted Trust", "equality-trust-pass", false, Map.of("the-trust", Role.ADMINISTRATOR));
    }

    @Test
    void theComplaintReceivedPageLinksToOptionalQuestionsWhoseAnswersAreKeptWithoutTheCaseAndTheLinkWorksOnce() {
        WebSession resident = new WebSession(port);
        String form = resident.get("/o/the-trust/complain").body();
        Matcher submission = Pattern.compile("name=\"submission\" value=\"([^\"]+)\"").matcher(form);
        assertThat(submission.find()).isTrue();
        String received = resident.post("/o/the-trust/complain", Map.of("submission", submission.group(1), "whatHappened",
                "The ward was cold", "name", "Ida Equal", "contactBy", "POST", "address", "3 Equal Street")).body();
        Matcher link = Pattern.compile("href=\"(/o/the-trust/equality/[^\"]+)\"").matcher(received);
        assertThat(link.find()).as(received).isTrue();

        assertThat(resident.get(link.group(1)).body()).contains("About you (optional)", "Prefer not to say", "What is your ethnic group?");
        WebSession.Page bad = resident.post(link.group(1), Map.of("ethnicity", "martian"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("There is a problem", "href=\"#ethnicity\"");
        WebSession.Page none = resident.post(link.group(1), Map.of());
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.body()).contains("Answer at least one question");

        WebSession.Page thanks = resident.post(link.group(1), Map.of("ethnicity", "black", "age_band", "25-34", "sex", "prefer-not-to-say"));
        assertThat(thanks.status()).isEqualTo(200);
        assertThat(thanks.body()).contains("Thank you");
        assertThat(resident.get(link.group(1)).status()).isEqualTo(404);

        // nothing in the table can link an answer to a case or a person: only the organisation, month, service area, answers
        List<String> columns = jdbc.sql("""
                select column_name from information_schema.columns where table_schema = 'equality' and table_name = 'response'
                order by ordinal_position""").query(String.class).list();
        assertThat(columns).containsExactly("id", "organisation", "month", "service_area", "age_band", "disability", "ethnicity", "sex",
                "religion", "sexual_orientation");
        assertThat(jdbc.sql("select count(*) from equality.response where extract(day from month) <> 1").query(Integer.class).single()).isZero();
        List<String> invitationColumns = jdbc.sql("""
                select column_name from information_schema.columns where table_schema = 'equality' and table_name = 'invitation'
                order by ordinal_position""").query(String.class).list();
        assertThat(invitationColumns).containsExactly("token_hash", "organisation", "month", "service_area", "expires_on");
    }

    @Test
    void theSummaryIsAggregateOnlyHidesSmallGroupsAndFlagsUnderRepresentedGroups() {
        clock.setUk("2026-06-15T10:00");
        for (int i = 0; i < 12; i++) {
            answer(Map.of("ethnicity", "white", "disability", i < 6 ? "yes" : "no"));
        }
        answer(Map.of("ethnicity", "asian", "disability", "no"));
        answer(Map.of("ethnicity", "asian"));
        Api admin = new Api(port);
        Api.Response setProfile = admin.put("/api/v1/organisations/" + ORG + "/equality/profile", """
                {"ethnicity":{"white":60.0,"asian":30.0,"black":10.0}}""");
        assertThat(setProfile.status()).as(setProfile.body()).isEqualTo(200);

        Api.Response response = Api.as(port, "equality.worker", "equality-worker-pass")
                .get("/api/v1/organisations/" + ORG + "/equality/summary?from=2026-06&to=2026-06");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode summary = response.json();
        assertThat(summary.get("responses").asString()).isEqualTo("14");
        JsonNode ethnicity = question(summary, "ethnicity");
        assertThat(group(ethnicity, "white").get("responses").asString()).isEqualTo("12");
        assertThat(group(ethnicity, "asian").get("responses").asString()).isEqualTo("fewer than 5");
        assertThat(group(ethnicity, "asian").has("shareOfComplaints")).isFalse();
        assertThat(group(ethnicity, "asian").get("underRepresented").asBoolean()).isTrue();
        assertThat(group(ethnicity, "black").get("underRepresented").asBoolean()).isTrue();
        assertThat(group(ethnicity, "white").get("underRepresented").asBoolean()).isFalse();
        // only groups: nothing per response, no case, no date finer than the month
        assertThat(response.body()).doesNotContain("caseId", "reference", "\"id\"");

        WebSession web = new WebSession(port);
        web.signIn("equality.worker", "equality-worker-pass");
        WebSession.Page page = web.get("/staff/" + ORG + "/equality?from=2026-06&to=2026-06");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Equality monitoring", "fewer than 5", "Under-represented");
        assertThat(web.get("/staff/" + ORG + "/equality?from=June").status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/organisations/" + ORG + "/equality/summary?from=2026-07&to=2026-06").status()).isEqualTo(400);
    }

    @Test
    void staffRecordAnswersForACaseWithoutTheCaseAndBadInputChangesNothing() {
        String reference = new Api(port).post("/api/v1/organisations/" + ORG + "/cases", """
                {"recordType":"complaint","channel":"PHONE","complainant":{"name":"Sam Staffed"},"description":"Rude reply","points":["Reply"]}
                """).json().get("caseFile").get("reference").asString();
        int before = count();
        Api worker = Api.as(port, "equality.worker", "equality-worker-pass");
        Api.Response bad = worker.post("/api/v1/organisations/" + ORG + "/cases/" + reference + "/equality", """
                {"age_band":"ancient","sex":"female"}""");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("age_band");
        assertThat(count()).isEqualTo(before);
        Api.Response ok = worker.post("/api/v1/organisations/" + ORG + "/cases/" + reference + "/equality", """
                {"age_band":"65-74","sex":"female"}""");
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        assertThat(count()).isEqualTo(before + 1);
        assertThat(jdbc.sql("select count(*) from equality.response r where r::text like ?").param("%" + reference + "%")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void theCustomerProfileIsSetOnlyByAnAdministratorAndBadSharesAreNamed() {
        Api worker = Api.as(port, "equality.worker", "equality-worker-pass");
        assertThat(worker.put("/api/v1/organisations/" + ORG + "/equality/profile", "{\"sex\":{\"female\":51}}").status()).isEqualTo(403);
        Api.Response bad = new Api(port).put("/api/v1/organisations/" + ORG + "/equality/profile", """
                {"sex":{"female":80,"male":40,"other":1},"shoe_size":{"9":100}}""");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("sex.other", "shoe_size", "more than 100%");
    }

    @Test
    void anotherOrganisationsStaffGetNotFound() {
        Api trust = Api.as(port, "equality.trust", "equality-trust-pass");
        assertThat(trust.get("/api/v1/organisations/" + ORG + "/equality/summary").status()).isEqualTo(404);
        assertThat(trust.put("/api/v1/organisations/" + ORG + "/equality/profile", "{}").status()).isEqualTo(404);
        WebSession web = new WebSession(port);
        web.signIn("equality.trust", "equality-trust-pass");
        assertThat(web.get("/staff/" + ORG + "/equality").status()).isEqualTo(404);
        assertThat(new WebSession(port).get("/o/" + ORG + "/equality/not-a-token").status()).isEqualTo(404);
    }

    private void answer(Map<String, String> answers) {
        String token = equality.invite(ORG, "Services");
        equality.answer(ORG, token, new EqualityMonitoring.Answers(answers));
    }

    private int count() {
        return jdbc.sql("select count(*) from equality.response").query(Integer.class).single();
    }

    private static JsonNode question(JsonNode summary, String code) {
        for (JsonNode q : summary.get("questions")) {
            if (q.get("question").asString().equals(code)) return q;
        }
        throw new AssertionError(code);
    }

    private static JsonNode group(JsonNode question, String answer) {
        for (JsonNode g : question.get("groups")) {
            if (g.get("answer").asString().equals(answer)) return g;
        }
        throw new AssertionError(answer);
    }
}
