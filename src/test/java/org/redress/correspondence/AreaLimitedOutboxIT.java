package org.redress.correspondence;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.accounts.Accounts;
import org.redress.accounts.Role;
import org.redress.testing.Api;
import org.redress.testing.Cases;
import org.redress.testing.MutableClock;
import org.redress.testing.TestClockConfiguration;
import org.redress.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox of a member limited to the Repairs service area holds the letters of Repairs cases and the notices for
 * them, and nothing else: no letter of another area's case, no notice for someone else (a digest to the complaints
 * mailbox, another manager's staff concern notice), on the page, the API, or a letter's PDF by id. An unlimited
 * colleague sees every letter. January 2028, later than any other test's letters, so these are the newest.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class AreaLimitedOutboxIT {

    /** An organisation of this class's own, running The Trust's pack, so its outbox holds exactly these letters. */
    static String org;
    static final String PASSWORD = "area-limited-outbox-pass";
    static final String LIMITED = "ao.repairs-worker";
    static final String UNLIMITED = "ao.any-worker";
    static final String OTHER_MANAGER = "ao.other-manager";
    static final String LIMITED_ADMIN = "ao.repairs-admin";

    /** Built once: a Repairs and a Housing management complaint, acknowledged, and the notices around them. */
    static String repairs;
    static String housing;
    static String digestSubject;

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    MutableClock clock;
    @Autowired
    StaffNotices notices;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void lettersOfTwoAreasAndNoticesForDifferentPeopleWereWritten() {
        clock.setUk("2028-01-10T10:00");
        if (repairs != null) {
            return;
        }
        org = new Cases(new Api(port)).anOrganisationLike("the-trust");
        String hash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD);
        for (String username : List.of(LIMITED, UNLIMITED, OTHER_MANAGER)) {
            accounts.ensureHashed(username, username, hash, false);
            accounts.ensure(username, username, PASSWORD, false, Map.of(org, Role.CASE_WORKER));
        }
        accounts.limitToServiceAreas(LIMITED, org, Set.of("Repairs"));
        Api admin = new Api(port);
        repairs = complaint(admin, "Repairs", "Rob Repairs");
        housing = complaint(admin, "Housing management", "Hal Housing");
        ok(admin.post(cases() + repairs + "/acknowledge", "{}"));
        ok(admin.post(cases() + housing + "/acknowledge", "{}"));
        // staff concern notices belong to no case (F-12): one for the limited member, one for another manager
        assertThat(admin.post(cases() + repairs + "/staff-concerns", "{\"namedPerson\":\"Pat Porter\",\"manager\":\"" + LIMITED + "\"}")
                .status()).isEqualTo(201);
        assertThat(admin.post(cases() + repairs + "/staff-concerns", "{\"namedPerson\":\"Gil Gardener\",\"manager\":\"" + OTHER_MANAGER + "\"}")
                .status()).isEqualTo(201);
        // a digest to the complaints mailbox, listing a case of each area
        digestSubject = "Complaints deadlines digest " + System.nanoTime();
        notices.queue(org, null, null, "complaints@thetrust.example", null, digestSubject, "complaints team",
                List.of(repairs + ": respond, due soon", housing + ": respond, due soon"));
    }

    @Test
    void aMemberLimitedToRepairsFindsOnlyTheLettersOfRepairsCasesAndTheNoticesForThemInTheOutboxApi() {
        JsonNode mine = ok(Api.as(port, LIMITED, PASSWORD).get(outbox()));
        assertThat(mine.toString()).contains("Dear Rob Repairs", patPorterNotice())
                .doesNotContain(housing, "Hal Housing", "Gil Gardener", digestSubject);
        for (JsonNode letter : mine) {
            boolean repairsCase = letter.has("serviceArea") && letter.get("serviceArea").asString().equals("Repairs");
            boolean forMe = !letter.has("caseReference") && letter.has("addressee") && letter.get("addressee").asString().equals(LIMITED);
            assertThat(repairsCase || forMe).as("a letter of a Repairs case or a notice for the member: " + letter).isTrue();
        }

        String everyone = ok(Api.as(port, UNLIMITED, PASSWORD).get(outbox())).toString();
        assertThat(everyone).contains("Dear Rob Repairs", "Dear Hal Housing", patPorterNotice(),
                "A complaint names Gil Gardener: please tell them now (" + repairs + ")", digestSubject);
    }

    @Test
    void theOutboxPageShowsALimitedMemberTheirAreasLettersOnlyAndSaysSo() {
        WebSession session = new WebSession(port);
        session.signIn(LIMITED, PASSWORD);
        WebSession.Page page = session.get("/staff/" + org + "/outbox");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Showing the letters of Repairs cases only, and notices for you: you are limited to this service area.")
                .contains(repairs, "Dear Rob Repairs", patPorterNotice())
                .doesNotContain(housing, "Hal Housing", "Gil Gardener", digestSubject);

        WebSession colleague = new WebSession(port);
        colleague.signIn(UNLIMITED, PASSWORD);
        assertThat(colleague.get("/staff/" + org + "/outbox").body()).contains(repairs, housing, digestSubject, "Gil Gardener")
                .doesNotContain("you are limited");
    }

    @Test
    void aLimitedMemberCannotOpenAnotherAreasLetterOrSomeoneElsesNoticeByItsId() {
        Api limited = Api.as(port, LIMITED, PASSWORD);
        int hidden = 0;
        for (JsonNode letter : ok(Api.as(port, UNLIMITED, PASSWORD).get(outbox()))) {
            String subject = letter.get("subject").asString();
            String pdf = "/api/v1/organisations/" + org + "/letters/" + letter.get("id").asString() + "/pdf";
            if (housing.equals(text(letter, "caseReference")) || subject.equals(digestSubject) || subject.contains("Gil Gardener")) {
                assertThat(limited.get(pdf).status()).as(subject).isEqualTo(404);
                hidden++;
            } else if (repairs.equals(text(letter, "caseReference")) || subject.equals(patPorterNotice())) {
                assertThat(limited.get(pdf).status()).as(subject).isEqualTo(200);
            }
        }
        assertThat(hidden).as("the housing acknowledgement, the digest and the other manager's notice").isEqualTo(3);
    }

    @Test
    void anAdministratorLimitedToRepairsCannotRetryAFailedLetterOfAnotherArea() {
        accounts.ensureHashed(LIMITED_ADMIN, LIMITED_ADMIN, "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD), false);
        accounts.ensure(LIMITED_ADMIN, LIMITED_ADMIN, PASSWORD, false, Map.of(org, Role.ADMINISTRATOR));
        accounts.limitToServiceAreas(LIMITED_ADMIN, org, Set.of("Repairs"));
        String letter = ok(new Api(port).get(cases() + housing + "/letters")).get(0).get("id").asString();
        // as if the mail server had refused it every time
        jdbc.sql("update correspondence.letter set status = 'FAILED' where id = ?::uuid").param(letter).update();

        assertThat(Api.as(port, LIMITED_ADMIN, PASSWORD).post(outbox() + "/" + letter + "/retry", "{}").status()).isEqualTo(404);
        assertThat(jdbc.sql("select status from correspondence.letter where id = ?::uuid").param(letter).query(String.class).single())
                .isEqualTo("FAILED");
        assertThat(new Api(port).post(outbox() + "/" + letter + "/retry", "{}").status()).as("an unlimited administrator may").isEqualTo(204);
    }

    /** The staff concern notice for the limited member (other tests' notices about a Pat Porter are for other managers). */
    private static String patPorterNotice() {
        return "A complaint names Pat Porter: please tell them now (" + repairs + ")";
    }

    private static String outbox() {
        return "/api/v1/organisations/" + org + "/outbox";
    }

    private static String cases() {
        return "/api/v1/organisations/" + org + "/cases/";
    }

    private static String complaint(Api admin, String serviceArea, String name) {
        Api.Response created = admin.post("/api/v1/organisations/" + org + "/cases", """
                {"recordType":"complaint","channel":"EMAIL","complainant":{"name":"%s","email":"%s@example.org","preferredContact":"EMAIL"},
                 "namedPeople":[{"name":"Pat Porter","kind":"staff","role":"Porter"},{"name":"Gil Gardener","kind":"staff","role":"Gardener"}],
                 "serviceLine":"housing","serviceArea":"%s","description":"Something went wrong","points":["Point 1"]}"""
                .formatted(name, name.toLowerCase().replace(' ', '.'), serviceArea));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("caseFile").get("reference").asString();
    }

    private static String text(JsonNode letter, String field) {
        return letter.has(field) ? letter.get(field).asString() : "";
    }

    private static JsonNode ok(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }
}
