package org.redress.staffui;

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
import org.springframework.test.context.ActiveProfiles;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may see and do what on the staff pages, enforced on the server whatever the page shows. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class StaffPagesIT {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    MutableClock clock;

    private String reference;

    @BeforeEach
    void staffAndACase() {
        clock.setUk("2026-11-23T10:00");
        accounts.ensure("pages.trust", "Tess Trust", "pages-trust-pass", false, Map.of("the-trust", Role.CASE_WORKER));
        accounts.ensure("pages.board", "Ben Board", "pages-board-pass", false, Map.of("the-trust", Role.BOARD_MEMBER));
        accounts.ensure("pages.homes", "Hal Homes", "pages-homes-pass", false, Map.of("alliance-homes", Role.CASE_WORKER));
        accounts.ensure("pages.both", "Bea Both", "pages-both-pass", false,
                Map.of("alliance-homes", Role.DIRECTOR, "helping-our-future", Role.FEEDBACK_MANAGER));
        reference = new Cases(new Api(port)).aComplaint().by("Wendy Private").withoutEmail()
                .saying("Secret details of the complaint").points().in("the-trust").reference();
    }

    @Test
    void someoneNotSignedInIsSentToTheSignInPage() {
        WebSession anonymous = new WebSession(port);
        WebSession.Page page = anonymous.get("/staff/the-trust/cases/" + reference);
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).endsWith("/sign-in");
    }

    @Test
    void aMemberOfAnotherOrganisationGetsPageNotFoundAndNoData() {
        WebSession homes = new WebSession(port);
        assertThat(homes.signIn("pages.homes", "pages-homes-pass").status()).isEqualTo(302);
        WebSession.Page work = homes.get("/staff/the-trust");
        assertThat(work.status()).isEqualTo(404);
        WebSession.Page casePage = homes.get("/staff/the-trust/cases/" + reference);
        assertThat(casePage.status()).isEqualTo(404);
        assertThat(casePage.body()).contains("Page not found").doesNotContain("Wendy Private");
        assertThat(homes.get("/staff/alliance-homes").status()).isEqualTo(200);
    }

    @Test
    void anInstallationAdministratorAskingForTheReadLogOfNoOrganisationGetsPageNotFound() {
        // found by InputFuzzIT: the accounts module's page answered 500 for an organisation that does not exist
        WebSession admin = new WebSession(port);
        admin.signIn(org.redress.testing.TestAccounts.ADMIN, org.redress.testing.TestAccounts.ADMIN_PASSWORD);
        WebSession.Page missing = admin.get("/staff/99999999999999999999999/audit/special-category");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).contains("Page not found");
        assertThat(admin.get("/staff/the-trust/audit/special-category").status()).isEqualTo(200);
    }

    @Test
    void aBoardMemberSeesTheCaseButTheServerRefusesAnActionEvenWithoutTheForm() {
        WebSession board = new WebSession(port);
        board.signIn("pages.board", "pages-board-pass");
        WebSession.Page page = board.get("/staff/the-trust/cases/" + reference);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Wendy Private").doesNotContain("action-acknowledge");
        assertThat(board.post("/staff/the-trust/cases/" + reference + "/acknowledge", Map.of()).status()).isEqualTo(403);
        assertThat(new Api(port).get("/api/v1/organisations/the-trust/cases/" + reference).json().get("history").size()).isEqualTo(1);
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefused() {
        WebSession worker = new WebSession(port);
        worker.signIn("pages.trust", "pages-trust-pass");
        worker.get("/staff/the-trust/cases/" + reference);
        assertThat(worker.postRaw("/staff/the-trust/cases/" + reference + "/acknowledge", Map.of()).status()).isEqualTo(403);
        assertThat(worker.post("/staff/the-trust/cases/" + reference + "/acknowledge", Map.of()).status()).isEqualTo(302);
    }

    @Test
    void aRefusedActionIsShownAsAnErrorSummaryNamingTheRule() {
        WebSession worker = new WebSession(port);
        worker.signIn("pages.trust", "pages-trust-pass");
        worker.get("/staff/the-trust/cases/" + reference);
        WebSession.Page refused = worker.post("/staff/the-trust/cases/" + reference + "/extend",
                Map.of("clock", "respond", "amount", "40", "reason", "busy"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("govuk-error-summary").contains("T-7");
    }

    @Test
    void theOrganisationSwitcherListsOnlyTheUsersOwnOrganisations() {
        WebSession both = new WebSession(port);
        both.signIn("pages.both", "pages-both-pass");
        WebSession.Page page = both.get("/staff");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Alliance Homes Group", "Helping Our Future").doesNotContain("The Trust", "247 Alliance");
    }

    @Test
    void fiveWrongPasswordsLockTheAccountForFifteenMinutes() {
        accounts.ensure("pages.locked", "Lou Locked", "pages-locked-pass", false, Map.of("the-trust", Role.CASE_WORKER));
        for (int i = 0; i < 5; i++) {
            assertThat(new WebSession(port).signIn("pages.locked", "wrong").location()).endsWith("/sign-in?error");
        }
        assertThat(new WebSession(port).signIn("pages.locked", "pages-locked-pass").location()).endsWith("/sign-in?error");
        clock.setUk("2026-11-23T10:16");
        assertThat(new WebSession(port).signIn("pages.locked", "pages-locked-pass").location()).endsWith("/staff");
    }

    @Test
    void loggingAContactWarnsBeforeSavingOfARepeatAnOldProblemAndAnExcludedSubject() {
        new Cases(new Api(port)).aComplaint().by("Rex Repeat").withEmail("rex@example.org").saying("Fence still broken").points()
                .in("alliance-homes");
        WebSession homes = new WebSession(port);
        homes.signIn("pages.homes", "pages-homes-pass");
        homes.get("/staff/alliance-homes/contacts/new");
        WebSession.Page checked = homes.post("/staff/alliance-homes/contacts/check", Map.of("recordType", "complaint", "channel", "LETTER",
                "name", "Rex Repeat", "email", "rex@example.org", "description", "The fence again", "awareSince", "2024-06-01",
                "exclusion", "general-law"));
        assertThat(checked.status()).isEqualTo(200);
        assertThat(checked.body()).contains("same person complained", "F-11", "more than 12 months", "F-3", "out of scope", "F-2")
                .doesNotContain("Logged ");
        assertThat(new Api(port).get("/api/v1/organisations/alliance-homes/cases?text=Repeat&sort=received").json().get("items").size())
                .isEqualTo(1);
    }

    @Test
    void aLandlordsStaffRecordTheTenureOnTheFormAndTheCasePageAndABadOneIsNamedWithNothingLogged() {
        // TSM CH01 and CH02 are reported by tenure
        WebSession homes = new WebSession(port);
        homes.signIn("pages.homes", "pages-homes-pass");
        assertThat(homes.get("/staff/alliance-homes/contacts/new").body()).contains("Their tenure", "Low-cost rental (LCRA)",
                "Low-cost home ownership (LCHO)", "Not known");
        WebSession.Page refused = homes.post("/staff/alliance-homes/contacts", Map.of("recordType", "complaint", "channel", "LETTER",
                "name", "Tina Tenure", "description", "The gutter again", "tenure", "CASTLE"));
        assertThat(refused.body()).contains("govuk-error-summary", "href=\"#tenure\"", "Choose their tenure", "govuk-form-group--error");
        assertThat(new Api(port).get("/api/v1/organisations/alliance-homes/cases?text=Tenure&sort=received").json().get("items")).isEmpty();

        WebSession.Page logged = homes.post("/staff/alliance-homes/contacts", Map.of("recordType", "complaint", "channel", "LETTER",
                "name", "Tina Tenure", "description", "The gutter again", "tenure", "LOW_COST_HOME_OWNERSHIP"));
        assertThat(logged.status()).isEqualTo(302);
        String page = logged.location().replaceFirst("^https?://[^/]+", "");
        assertThat(homes.get(page).body()).contains("id=\"tenure-recorded\"", "Low-cost home ownership (LCHO)", "action-tenure");
        String caseReference = page.substring(page.lastIndexOf('/') + 1);
        assertThat(homes.post(page + "/tenure", Map.of("tenure", "OTHER")).status()).isEqualTo(302);
        assertThat(new Api(port).get("/api/v1/organisations/alliance-homes/cases/" + caseReference).json().get("complainant")
                .get("tenure").asString()).isEqualTo("OTHER");

        // a contract services firm is no landlord: its form does not ask
        accounts.ensure("pages.contractor", "Cal Contractor", "pages-contractor-pass", false, Map.of("247-alliance", Role.CASE_WORKER));
        WebSession contractor = new WebSession(port);
        contractor.signIn("pages.contractor", "pages-contractor-pass");
        assertThat(contractor.get("/staff/247-alliance/contacts/new").body()).contains("Log a contact").doesNotContain("Their tenure");
    }

    @Test
    void aCaseWorkerRecordsTheUnderstandingOfAComplaintOnTheCasePageAndABlankOneIsNamed() {
        // Code 5.6: the understanding of the complaint and the outcome wanted, offered while the complaint is handled
        WebSession homes = new WebSession(port);
        homes.signIn("pages.homes", "pages-homes-pass");
        assertThat(homes.get("/staff/alliance-homes/contacts/new").status()).isEqualTo(200);
        WebSession.Page logged = homes.post("/staff/alliance-homes/contacts", Map.of("recordType", "complaint", "channel", "LETTER",
                "name", "Una Understood", "description", "The fence was left broken"));
        assertThat(logged.status()).isEqualTo(302);
        String page = logged.location().replaceFirst("^https?://[^/]+", "");
        String caseReference = page.substring(page.lastIndexOf('/') + 1);
        assertThat(homes.get(page).body()).contains("id=\"action-understanding\"", "Record what the complaint is about");

        WebSession.Page blank = homes.post(page + "/understanding", Map.of("understanding", " ", "outcomeWanted", ""));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.body()).contains("govuk-error-summary", "Enter your understanding of the complaint or the outcome wanted");

        assertThat(homes.post(page + "/understanding", Map.of("understanding", "The fence was damaged by our contractor",
                "outcomeWanted", "A new fence")).status()).isEqualTo(302);
        var stage = new Api(port).get("/api/v1/organisations/alliance-homes/cases/" + caseReference).json().get("stages").get(0);
        assertThat(stage.get("understanding").asString()).isEqualTo("The fence was damaged by our contractor");
        assertThat(stage.get("outcomeWanted").asString()).isEqualTo("A new fence");
    }

    @Test
    void signingOutEndsTheSession() {
        WebSession worker = new WebSession(port);
        worker.signIn("pages.trust", "pages-trust-pass");
        worker.get("/staff/the-trust");
        assertThat(worker.post("/sign-out", Map.of()).location()).endsWith("/sign-in?signed-out");
        assertThat(worker.get("/staff/the-trust").status()).isEqualTo(302);
    }
}
