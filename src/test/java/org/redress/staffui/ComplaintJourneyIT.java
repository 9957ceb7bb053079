package org.redress.staffui;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.redress.accounts.Accounts;
import org.redress.accounts.Role;
import org.redress.testing.Browser;
import org.redress.testing.MutableClock;
import org.redress.testing.TestClockConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.redress.testing.Browser.assertAccessible;
import static org.redress.testing.Browser.screenshot;

/**
 * The whole journey in a real browser, told as a story at the Trust: a resident complains on the public form; a case
 * worker logs a phone complaint, acknowledges, extends and responds; a manager escalates and closes; the resident sees
 * the outcome. Every page is checked with axe-core on the way.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComplaintJourneyIT {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    MutableClock clock;

    private Browser browser;

    @BeforeAll
    void start() {
        browser = Browser.start(port);
        accounts.ensure("journey.caseworker", "Casey Worker", "caseworker-pass", false, Map.of("the-trust", Role.CASE_WORKER));
        accounts.ensure("journey.manager", "Morgan Manager", "manager-pass", false, Map.of("the-trust", Role.COMPLAINT_MANAGEMENT_OFFICER));
        accounts.ensure("journey.board", "Bo Board", "board-pass", false, Map.of("the-trust", Role.BOARD_MEMBER));
        accounts.ensure("journey.admin", "Ada Admin", "admin-pass", false, Map.of("the-trust", Role.ADMINISTRATOR));
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aResidentComplainsStaffWorkTheCasesAndTheResidentSeesTheOutcome() {
        clock.setUk("2026-11-23T09:30");

        // A resident complains on the public form, without an account
        Page resident = browser.newPage();
        java.util.List<String> blocked = new java.util.ArrayList<>();
        resident.onConsoleMessage(m -> { if (m.text().contains("Content Security Policy")) blocked.add(m.text()); });
        resident.navigate("/o/the-trust/complain");
        assertThat(resident.locator("header")).containsText("The Trust");
        assertAccessible(resident);
        screenshot(resident, "00-public-complaint-form");
        Page nowhere = browser.newPage();
        nowhere.navigate("/o/no-such-organisation/complain");
        assertThat(nowhere.locator("h1")).hasText("Page not found");
        assertAccessible(nowhere);
        resident.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Send complaint")).click();
        assertThat(resident.locator(".govuk-error-summary")).containsText("Tell us what happened");
        assertAccessible(resident);
        resident.fill("#whatHappened", "Water has been coming through my bedroom ceiling since October.");
        resident.fill("#outcomeWanted", "Fix the roof and repaint the ceiling");
        resident.fill("#name", "Rita Resident");
        resident.fill("#email", "rita@example.org");
        resident.check("#contactBy-EMAIL");
        resident.fill("#adjustments", "Large print letters, please");
        resident.setInputFiles("#attachments", new com.microsoft.playwright.options.FilePayload("ceiling.png", "image/png",
                org.redress.publicweb.AttachmentCheckTestAccess.png()));
        resident.click("text=Send complaint");
        assertThat(resident.locator("h1")).hasText("Complaint received");
        String residentsReference = resident.locator("#reference").textContent().strip();
        assertThat(residentsReference).matches("TT-2026-\\d{6}");
        // T-6: acknowledged within 5 working days of receipt: Mon 23 Nov + 5 = Mon 30 Nov
        assertThat(resident.locator("#acknowledge-by")).hasText("Monday 30 November 2026");
        assertAccessible(resident);
        screenshot(resident, "01-public-complaint-received");
        assertThat(resident.locator("body.govuk-frontend-supported")).hasCount(1);
        assertThat(blocked).as("nothing our pages load is blocked by their own CSP").isEmpty();

        // A case worker signs in and sees it in their work
        Page worker = signIn("journey.caseworker", "caseworker-pass");
        assertThat(worker.locator("h1")).hasText("My work");
        assertThat(worker.locator("#results")).containsText(residentsReference);
        worker.click("text=" + residentsReference);
        assertThat(worker.locator("#page")).containsText("ceiling.png");
        worker.navigate("/staff/the-trust");
        assertAccessible(worker);
        screenshot(worker, "02-my-work");
        // with JavaScript the filters update the list in place (htmx) and the address follows
        worker.selectOption("#clockStatus", "OVERDUE");
        worker.waitForURL("**clockStatus=OVERDUE**");
        assertThat(worker.locator("#results")).containsText("No cases match.");
        worker.selectOption("#clockStatus", "");
        worker.waitForURL(url -> !url.contains("clockStatus=OVERDUE"));
        assertThat(worker.locator("#results")).containsText(residentsReference);

        // ... logs a phone complaint, checking for warnings before saving
        worker.click("text=Log a contact");
        worker.selectOption("#channel", "PHONE");
        worker.fill("#name", "Paul Phoner");
        worker.fill("#phone", "01632 960123");
        worker.selectOption("#preferredContact", "PHONE");
        worker.fill("#description", "Support worker missed three visits in a row.");
        worker.fill("#pointSummary-1", "Missed support visits");
        worker.selectOption("#serviceArea", "Support services");
        // the Trust is a social landlord, so the form asks the tenure the regulator's measures are split by
        worker.check("#tenure-ownership");
        worker.click("#check");
        assertThat(worker.locator("#warnings")).containsText("No warnings");
        assertAccessible(worker);
        screenshot(worker, "03-log-a-contact");
        worker.click("text=Save");
        assertThat(worker.locator(".govuk-notification-banner")).containsText("Logged TT-2026-");
        String phoneReference = worker.locator("h1 span").first().textContent().strip();
        assertThat(worker.locator("#tenure-recorded")).hasText("Low-cost home ownership (LCHO)");
        assertAccessible(worker);
        // ... and corrects the tenure when the person says they rent after all
        act(worker, "tenure", p -> p.check("#tenure"));
        assertThat(worker.locator(".govuk-notification-banner")).containsText("Tenure recorded");
        assertThat(worker.locator("#tenure-recorded")).hasText("Low-cost rental (LCRA)");

        // ... acknowledges it
        clock.setUk("2026-11-24T10:00");
        act(worker, "acknowledge", p -> { });
        assertThat(worker.locator(".govuk-notification-banner")).containsText("Acknowledged");

        // ... an extension beyond the policy is refused, naming the rule; one within it is granted
        act(worker, "extend", p -> {
            p.selectOption("#clock", "respond");
            p.fill("#amount", "30");
            p.fill("#extend-reason", "waiting for the support provider's records");
        });
        assertThat(worker.locator(".govuk-error-summary")).containsText("T-7");
        assertAccessible(worker);
        screenshot(worker, "04-extension-refused");
        act(worker, "extend", p -> {
            p.selectOption("#clock", "respond");
            p.fill("#amount", "5");
            p.fill("#extend-reason", "waiting for the support provider's records");
        });
        assertThat(worker.locator(".govuk-notification-banner")).containsText("Deadline extended");

        // ... and responds
        clock.setUk("2026-12-01T15:00");
        act(worker, "respond", p -> {
            p.fill("#summary", "We are sorry: the visits were missed because of a rota error, now fixed.");
            p.selectOption("#pointOutcome1", "UPHELD");
            p.fill("#pointReasons1", "The rota shows the visits were not covered");
        });
        assertThat(worker.locator(".govuk-notification-banner")).containsText("Response recorded");
        assertThat(worker.locator("summary", new Page.LocatorOptions().setHasText("Close the case"))).hasCount(0);
        assertAccessible(worker);
        screenshot(worker, "05-case-responded");

        // ... and answers the resident's complaint too
        worker.navigate("/staff/the-trust/cases/" + residentsReference);
        act(worker, "acknowledge", p -> { });
        act(worker, "points", p -> p.fill("#summary-point", "Roof leak not repaired"));
        act(worker, "respond", p -> {
            p.fill("#summary", "A roofer will repair the roof on 8 December and we will repaint the ceiling.");
            p.selectOption("#pointOutcome1", "UPHELD");
            p.fill("#pointReasons1", "The leak was reported in October and not fixed");
        });
        assertThat(worker.locator(".govuk-notification-banner")).containsText("Response recorded");

        // A manager records the caller's escalation, accepts it, responds at stage 2 and closes the case
        clock.setUk("2026-12-03T09:00");
        Page manager = signIn("journey.manager", "manager-pass");
        manager.navigate("/staff/the-trust/cases/" + phoneReference);
        act(manager, "escalation-request", p -> {
            p.fill("#unresolved", "Visits were missed again this week");
            p.fill("#esc-outcome", "A named support worker");
        });
        assertThat(manager.locator(".govuk-caption-l")).containsText("Stage 2");
        act(manager, "accept-escalation", p -> { });
        act(manager, "respond", p -> {
            p.fill("#summary", "Final response: you now have a named support worker, Sam.");
            p.selectOption("#pointOutcome1", "UPHELD");
            p.fill("#pointReasons1", "Confirmed at stage 2");
        });
        act(manager, "close", p -> {
            p.selectOption("#satisfiedWithHandling", "yes");
            p.selectOption("#satisfiedWithOutcome", "yes");
        });
        assertThat(manager.locator(".govuk-notification-banner")).containsText("Case closed");
        assertThat(manager.locator("#page")).containsText("Closed");
        assertAccessible(manager);
        screenshot(manager, "06-case-closed");

        // A Board member may read the case but is offered no action, and the server refuses one anyway
        Page board = signIn("journey.board", "board-pass");
        board.navigate("/staff/the-trust/cases/" + residentsReference);
        assertThat(board.locator("#page")).containsText("Nothing: the case's policy or your role allows no action now.");

        // The resident checks their complaint with the reference and a one-time code, and sees the outcome
        resident.navigate("/o/the-trust/track");
        assertAccessible(resident);
        resident.fill("#reference", residentsReference);
        resident.click("text=Send me a code");
        assertThat(resident.locator("h1")).hasText("Enter your code");
        // without a mail server the code is "delivered" to the local outbox, where an administrator reads it out
        Page admin = signIn("journey.admin", "admin-pass");
        admin.navigate("/staff/the-trust/outbox");
        String code = admin.locator("#code-" + residentsReference).textContent().strip();
        assertThat(resident.locator("#page")).not().containsText(code);
        resident.fill("#code", "000000".equals(code) ? "111111" : "000000");
        resident.click("text=Continue");
        assertThat(resident.locator(".govuk-error-summary")).containsText("The code is not right");
        assertAccessible(resident);
        resident.fill("#code", code);
        resident.click("text=Continue");
        assertThat(resident.locator("h1")).hasText("Your complaint");
        assertThat(resident.locator("#status")).hasText("We have responded");
        assertThat(resident.locator("#page")).containsText("A roofer will repair the roof on 8 December");
        assertThat(resident.locator("#page")).not().containsText("Casey Worker");
        assertThat(resident.locator("#page")).not().containsText("journey.caseworker");
        assertAccessible(resident);
        screenshot(resident, "07-complainant-sees-outcome");

        // ... and adds information, which staff see
        resident.fill("#information", "The ceiling stain is spreading.");
        resident.click("text=Add to my complaint");
        assertThat(resident.locator(".govuk-notification-banner")).containsText("added your information");
        worker.navigate("/staff/the-trust/cases/" + residentsReference);
        assertThat(worker.locator("#page")).containsText("The ceiling stain is spreading.");

        // ... and, still unhappy, asks to take it to stage 2 (T-8: within 10 working days of the response)
        resident.fill("#unresolved", "The ceiling has not been repainted");
        resident.click("text=Ask to take it to the next stage");
        assertThat(resident.locator(".govuk-notification-banner")).containsText("next stage");
        assertThat(resident.locator("#page")).containsText("Stage 2");
        worker.navigate("/staff/the-trust/cases/" + residentsReference);
        assertThat(worker.locator(".govuk-caption-l")).containsText("Stage 2");
    }

    @Test
    void aCaseWorkerLogsAndAcknowledgesAContactWithJavaScriptTurnedOffUsingTheKeyboard() {
        clock.setUk("2026-11-23T09:30");
        Page worker = signIn("journey.caseworker", "caseworker-pass", false);
        worker.navigate("/staff/the-trust/contacts/new");
        worker.locator("#name").focus();
        worker.keyboard().type("Kim Keyboard");
        worker.fill("#description", "Letter about a missed visit");
        // the tenure radios by keyboard: focus the first and select it with the space bar
        worker.locator("#tenure").focus();
        worker.keyboard().press("Space");
        assertThat(worker.locator("#tenure")).isChecked();
        worker.locator("#check").focus();
        worker.keyboard().press("Enter");
        assertThat(worker.locator("#warnings")).containsText("No warnings");
        assertThat(worker.locator("#name")).hasValue("Kim Keyboard");
        worker.locator("button:has-text('Save')").focus();
        worker.keyboard().press("Enter");
        assertThat(worker.locator(".govuk-notification-banner")).containsText("Logged TT-2026-");
        assertThat(worker.locator("#tenure-recorded")).hasText("Low-cost rental (LCRA)");
        worker.locator("#action-acknowledge summary").focus();
        worker.keyboard().press("Enter");
        worker.locator("#action-acknowledge button[type=submit]").focus();
        worker.keyboard().press("Enter");
        assertThat(worker.locator(".govuk-notification-banner")).containsText("Acknowledged");
    }

    private Page signIn(String username, String password) {
        return signIn(username, password, true);
    }

    private Page signIn(String username, String password, boolean javaScript) {
        Page page = browser.newPage(javaScript);
        page.navigate("/staff");
        assertThat(page.locator("h1")).hasText("Sign in to manage complaints");
        if (javaScript) {
            assertAccessible(page); // axe-core itself needs JavaScript
        }
        page.fill("#username", username);
        page.fill("#password", password);
        page.click("button:has-text('Sign in')");
        return page;
    }

    /** Opens an action on the case page, fills its form and sends it. */
    private static void act(Page page, String verb, java.util.function.Consumer<Page> fill) {
        if (page.locator("#action-" + verb).getAttribute("open") == null) {
            page.locator("#action-" + verb + " summary").click();
        }
        fill.accept(page);
        page.locator("#action-" + verb + " button[type=submit]").click();
        page.waitForLoadState();
    }
}
