package org.redress.remedies;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.redress.accounts.Accounts;
import org.redress.accounts.Role;
import org.redress.testing.Api;
import org.redress.testing.Browser;
import org.redress.testing.Cases;
import org.redress.testing.MutableClock;
import org.redress.testing.TestClockConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.redress.testing.Browser.assertAccessible;

/**
 * The remedies page in a real browser, with the keyboard only: a case worker proposes a goodwill gesture, and a feedback
 * manager (a local manager, F-13) approves it; every page checked with axe-core.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RemediesPageIT {

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
        accounts.ensure("page.worker", "Kit Worker", "page-pass", false, Map.of("alliance-homes", Role.CASE_WORKER));
        accounts.ensure("page.manager", "Fen Manager", "page-pass", false, Map.of("alliance-homes", Role.FEEDBACK_MANAGER));
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aCaseWorkerProposesAGoodwillGestureAndAManagerApprovesItUsingOnlyTheKeyboard() { // F-13, H-9
        clock.setUk("2026-11-23T09:30");
        String reference = new Cases(new Api(port)).aComplaint().by("Kay Keys").onServiceLine("housing").inArea("Repairs")
                .saying("Repair missed").points("Repair missed").in("alliance-homes").reference();
        String remedies = "/staff/alliance-homes/cases/" + reference + "/remedies";

        Page worker = signIn("page.worker");
        worker.navigate("/staff/alliance-homes/cases/" + reference);
        assertThat(worker.locator("#case-sections")).containsText("Remedies and payments");
        worker.navigate(remedies);
        assertThat(worker.locator("h1")).hasText("Remedies and payments");
        assertAccessible(worker);

        // wrong first: the error summary names the field, and nothing is added
        worker.locator("#description").focus();
        worker.keyboard().type("Two missed repair appointments");
        worker.keyboard().press("Tab");
        worker.keyboard().type("Goodwill");
        worker.keyboard().press("Tab");
        worker.keyboard().type("12.345");
        worker.locator("#add-remedy").focus();
        worker.keyboard().press("Enter");
        assertThat(worker.locator(".govuk-error-summary")).containsText("at most 2 decimal places");
        assertThat(worker.locator(".govuk-error-summary a[href='#amount']")).isVisible();
        assertThat(worker.locator("#description")).hasValue("Two missed repair appointments");
        assertAccessible(worker);

        worker.locator("#amount").focus();
        worker.keyboard().press("Control+A");
        worker.keyboard().type("120");
        worker.keyboard().press("Tab");
        worker.keyboard().type("Cheque");
        worker.locator("#add-remedy").focus();
        worker.keyboard().press("Enter");
        assertThat(worker.locator(".govuk-notification-banner")).containsText("Remedy added");
        assertThat(worker.locator("table")).containsText("£120 goodwill gesture");
        assertThat(worker.locator("table")).containsText("Awaiting approval");
        assertThat(worker.locator("table")).containsText("Payment method: Cheque");

        // another member of staff, whose role the policy lets approve it, approves it
        Page manager = signIn("page.manager");
        manager.navigate(remedies);
        manager.locator("button[id^='approve-']").focus();
        manager.keyboard().press("Enter");
        assertThat(manager.locator(".govuk-notification-banner")).containsText("Payment approved");
        assertThat(manager.locator("table")).containsText("Approved, not yet paid");
        assertThat(manager.locator("table")).containsText("Approved by page.manager");
        assertAccessible(manager);
        Browser.screenshot(manager, "remedies-approved");
    }

    @Test
    void anOverdueActionShowsOnItsOwnersMyWorkPageAndOpensWithTheKeyboard() {
        clock.setUk("2026-11-23T09:30");
        Api api = new Api(port);
        String reference = new Cases(api).aComplaint().by("Oli Overdue").onServiceLine("housing").inArea("Repairs")
                .saying("Gate broken").points("Gate broken").in("alliance-homes").reference();
        Api.Response action = api.post("/api/v1/organisations/alliance-homes/cases/" + reference + "/remedies",
                "{\"kind\":\"ACTION\",\"description\":\"Mend the garden gate\",\"owner\":\"page.worker\",\"due\":\"2026-11-20\"}");
        org.assertj.core.api.Assertions.assertThat(action.status()).as(action.body()).isEqualTo(201);

        Page worker = signIn("page.worker");
        worker.navigate("/staff/alliance-homes");
        assertThat(worker.locator("#other-work")).containsText("Mend the garden gate");
        assertThat(worker.locator("#other-work")).containsText("Overdue");
        assertAccessible(worker);
        worker.locator("#other-work a", new Page.LocatorOptions().setHasText("Mend the garden gate")).focus();
        worker.keyboard().press("Enter");
        assertThat(worker.locator("h1")).hasText("Remedies and payments");
        assertThat(worker.locator("main")).containsText("Mend the garden gate");
    }

    private Page signIn(String username) {
        return browser.signIn(username, "page-pass");
    }
}
