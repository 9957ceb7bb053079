package org.redress.conduct;

import org.junit.jupiter.api.Test;
import org.redress.accounts.Accounts;
import org.redress.accounts.Role;
import org.redress.testing.Api;
import org.redress.testing.CaseOnFile;
import org.redress.testing.Cases;
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

/**
 * F-7 (Alliance Homes, 002): a complainant is never treated less favourably for complaining, and access to their
 * other records is unchanged. A restriction on contact (F-10, H-5) limits only how contact is made: every other case,
 * letter and record of the person stays visible to the staff who serve them, exactly as before it was recorded.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class RestrictedPersonKeepsTheirRecordsIT {

    static final String PASSWORD = "restricted-person-pass";

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    MutableClock clock;

    @Test
    void aPersonUnderAContactRestrictionStillHasEveryOtherCaseLetterAndRecordVisibleToTheStaffServingThem_F7() {
        clock.setUk("2026-12-07T10:00");
        String org = new Cases(new Api(port)).anOrganisationLike("alliance-homes");
        String worker = "worker." + org;
        accounts.ensure(worker, "Wes Worker", PASSWORD, false, Map.of(org, Role.CASE_WORKER));
        Api staff = Api.as(port, worker, PASSWORD);
        Cases cases = new Cases(staff);
        String email = "rex.restricted." + System.nanoTime() + "@example.org";

        // two earlier cases: one long before the six months similar complaints look back over, both with letters
        CaseOnFile old = cases.aComplaint().receivedOn(LocalDate.of(2025, 3, 3)).by("Rex Restricted").withEmail(email)
                .saying("Damp in the bathroom").in(org).acknowledge();
        CaseOnFile recent = cases.aComplaint().receivedOn(LocalDate.of(2026, 11, 2)).by("Rex Restricted").withEmail(email)
                .saying("The damp is back").in(org).acknowledge();
        ok(staff.post(recent.path() + "/adjustments", """
                {"kind":"LARGE_PRINT","asked":"Large print letters"}"""));
        CaseOnFile latest = cases.aComplaint().receivedOn(LocalDate.of(2026, 12, 1)).by("Rex Restricted").withEmail(email)
                .saying("Nobody came about the damp").in(org);
        Map<String, String> before = whatStaffSee(staff, org, old, recent, latest);

        // a restriction on contact is decided
        Api manager = new Api(port);
        ok(manager.post("/api/v1/organisations/" + org + "/restrictions", """
                {"personName":"Rex Restricted","email":"%s","kind":"WRITTEN_CONTACT_ONLY","details":"Letters and emails only",
                 "reason":"Abusive phone calls to staff","decidedBy":"Group Chief Executive","decidedOn":"2026-12-04",
                 "reviewOn":"2027-03-04"}""".formatted(email)));

        // ... and the staff serving him see exactly what they saw before: every case, letter and record
        Map<String, String> after = whatStaffSee(staff, org, old, recent, latest);
        assertThat(after).isEqualTo(before);
        Api.Response theirs = staff.get(latest.path() + "/their-cases");
        assertThat(theirs.status()).as(theirs.body()).isEqualTo(200);
        assertThat(references(theirs.json())).as(theirs.body()).containsExactly(recent.reference(), old.reference());
        assertThat(staff.get(old.path() + "/letters").json()).hasSize(1);
        assertThat(staff.get(recent.path() + "/letters").json()).hasSize(1);
        assertThat(staff.get(latest.path() + "/adjustments").json()).hasSize(1);

        // a new complaint from him is recorded as usual, with the restriction as a warning only
        Api.Response next = cases.aComplaint().by("Rex Restricted").withEmail(email).saying("Still damp").postTo(org);
        assertThat(next.status()).as(next.body()).isEqualTo(201);
        assertThat(next.body()).contains("RESTRICTION");

        // on the pages: the case shows the restriction as how to make contact, and links every other case of his
        WebSession web = new WebSession(port);
        web.signIn(worker, PASSWORD);
        String casePage = web.get("/staff/" + org + "/cases/" + latest.reference()).body();
        assertThat(casePage).contains("Restrictions on contact", "Restriction: written contact only", "Other cases of this person",
                recent.reference() + ", " + old.reference());
        String theirCases = web.get("/staff/" + org + "/cases/" + latest.reference() + "/their-cases").body();
        assertThat(theirCases).contains(old.reference(), recent.reference(), "same email");
        assertThat(web.get("/staff/" + org + "/cases/" + latest.reference() + "/restrictions").body())
                .contains("A restriction limits only how contact is made");
        for (CaseOnFile c : List.of(old, recent, latest)) {
            assertThat(web.get("/staff/" + org + "/cases/" + c.reference()).status()).isEqualTo(200);
        }
        String outbox = web.get("/staff/" + org + "/outbox").body();
        assertThat(outbox).contains(old.reference(), recent.reference());
    }

    /** Everything of the person a member of staff can read through the API, by what it is. */
    private static Map<String, String> whatStaffSee(Api staff, String org, CaseOnFile... cases) {
        Map<String, String> seen = new java.util.TreeMap<>();
        seen.put("case list", staff.get("/api/v1/organisations/" + org + "/cases?sort=received").body());
        for (CaseOnFile c : cases) {
            Api.Response read = staff.get(c.path());
            assertThat(read.status()).isEqualTo(200);
            seen.put(c.reference() + " case", read.body());
            seen.put(c.reference() + " letters", staff.get(c.path() + "/letters").body());
            seen.put(c.reference() + " their cases", staff.get(c.path() + "/their-cases").body());
            seen.put(c.reference() + " adjustments", staff.get(c.path() + "/adjustments").body());
            seen.put(c.reference() + " remedies", staff.get(c.path() + "/remedies").body());
        }
        return seen;
    }

    private static List<String> references(JsonNode list) {
        List<String> found = new ArrayList<>();
        list.forEach(c -> found.add(c.get("reference").asString()));
        return found;
    }

    private static void ok(Api.Response response) {
        assertThat(response.status()).as(response.body()).isBetween(200, 201);
    }
}
