package org.redress.staffui;

import org.junit.jupiter.api.BeforeEach;
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

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.redress.testing.Cases.upheld;

/** The stage rules of issue 22 on the staff pages: the stage to escalate to, and the pack's own choices when logging. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class StagesAndCategoriesPagesIT {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    MutableClock clock;

    @BeforeEach
    void staff() {
        clock.setUk("2026-12-01T10:00");
        accounts.ensure("stages.hof", "Hana Future", "stages-hof-pass", false, Map.of("helping-our-future", Role.COMPLAINT_MANAGEMENT_OFFICER));
    }

    @Test
    void theCasePageShowsAnIssueOrConcernsTwelveHourAimUnderItsDeadline() { // S0-2
        accounts.ensure("stages.alliance247", "Sol Services", "stages-247-pass", false, Map.of("247-alliance", Role.CASE_WORKER));
        CaseOnFile issue = new Cases(new Api(port)).a("issue-concern").receivedAt(java.time.LocalDateTime.of(2026, 12, 1, 9, 0))
                .in("247-alliance");
        WebSession staff = new WebSession(port);
        staff.signIn("stages.alliance247", "stages-247-pass");

        assertThat(staff.get("/staff/247-alliance/cases/" + issue.reference()).body()).contains(
                "Aim: resolve without formal investigation by 21:00 GMT on Tue 1 Dec 2026, within 12 hours; "
                        + "at the latest by 09:00 GMT on Thu 3 Dec 2026.");
    }

    @Test
    void staffChooseWhatTheComplaintIsAboutFromThePolicysListAndTheCasePageShowsIt() { // H-1
        WebSession hof = signedIn();
        assertThat(hof.get("/staff/helping-our-future/contacts/new").body()).contains(
                "<label class=\"govuk-label\" for=\"category\">What the complaint is about</label>",
                "<option value=\"staff-attitude\">Dissatisfaction with the attitude of staff, contractors or agents</option>");

        WebSession.Page refused = hof.post("/staff/helping-our-future/contacts", Map.of("recordType", "complaint", "channel", "LETTER",
                "name", "Cora Category", "description", "Rude on the phone", "category", "rudeness"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("govuk-error-summary", "href=\"#category\"", "Choose what the complaint is about from the list");

        WebSession.Page logged = hof.post("/staff/helping-our-future/contacts", Map.of("recordType", "complaint", "channel", "LETTER",
                "name", "Cora Category", "description", "Rude on the phone", "category", "staff-attitude"));
        assertThat(logged.status()).isEqualTo(302);
        String page = logged.location().replaceFirst("^https?://[^/]+", "");
        assertThat(hof.get(page).body()).contains("<dd class=\"govuk-summary-list__value\" id=\"category\">"
                + "Dissatisfaction with the attitude of staff, contractors or agents</dd>");
        String reference = page.substring(page.lastIndexOf('/') + 1);
        assertThat(new Api(port).get("/api/v1/organisations/helping-our-future/cases/" + reference).json().get("classification")
                .get("category").asString()).isEqualTo("staff-attitude");
    }

    private WebSession signedIn() {
        WebSession hof = new WebSession(port);
        hof.signIn("stages.hof", "stages-hof-pass");
        return hof;
    }

    @Test
    void loggingAComplaintRaisedBeforeWarnsOnTheLogAContactPage() { // H-10 repeat: "so long as they have not been raised previously"
        String earlier = new Cases(new Api(port)).aComplaint().receivedOn(LocalDate.of(2026, 10, 1)).by("Pat Previously")
                .withEmail("pat.previously@example.org").in("helping-our-future").reference();
        WebSession hof = signedIn();
        hof.get("/staff/helping-our-future/contacts/new");
        WebSession.Page checked = hof.post("/staff/helping-our-future/contacts/check", Map.of("recordType", "complaint",
                "channel", "LETTER", "name", "Pat Previously", "email", "pat.previously@example.org", "description", "The visit was missed again"));
        assertThat(checked.status()).isEqualTo(200);
        assertThat(checked.body()).contains("the same person complained in the last 6 months: " + earlier, "H-10; 003");
    }

    @Test
    void staffChooseTheStepThreeReviewForAComplainantNotHappyWithStepOne() { // H-10
        Cases cases = new Cases(new Api(port));
        CaseOnFile c = cases.aComplaint().receivedOn(LocalDate.of(2026, 12, 1)).in("helping-our-future");
        c.acknowledge().respond("We apologise for the missed visit", upheld(1, "the visit was missed"));
        WebSession hof = signedIn();
        String page = "/staff/helping-our-future/cases/" + c.reference();

        assertThat(hof.get(page).body()).contains("<label class=\"govuk-label\" for=\"toStage\">Escalate to</label>",
                "<option value=\"step-2\">Step 2</option>", "<option value=\"step-3-review\">Step 3 review by a panel</option>");
        WebSession.Page escalated = hof.post(page + "/escalation-request", Map.of("toStage", "step-3-review",
                "unresolved", "not happy with the outcome", "outcomeWanted", "", "lateAcceptedBecause", ""));
        assertThat(escalated.status()).as(escalated.body()).isEqualTo(302);
        assertThat(c.read().get("stage").asInt()).isEqualTo(3);
        assertThat(c.json().get("stageName").asString()).isEqualTo("Step 3 review by a panel");
    }
}
