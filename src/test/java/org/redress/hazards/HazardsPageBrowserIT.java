package org.redress.hazards;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.redress.accounts.Accounts;
import org.redress.accounts.Role;
import org.redress.testing.Api;
import org.redress.testing.Browser;
import org.redress.testing.MutableClock;
import org.redress.testing.TestClockConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.redress.testing.Browser.assertAccessible;
import static org.redress.testing.Browser.screenshot;

/**
 * A case worker records a failed access attempt on a damp-and-mould hazard using only the keyboard (R-3); the page
 * shows each Awaab's Law clock with its status in words, and axe-core finds nothing serious.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HazardsPageBrowserIT {

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
        accounts.ensure("hazards.caseworker", "Hari Worker", "hazards-worker-pass", false, Map.of("alliance-homes", Role.CASE_WORKER));
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aCaseWorkerRecordsFailedAccessOnADampAndMouldHazardUsingOnlyTheKeyboardR3() {
        clock.setUk("2026-12-14T09:00");
        Api.Response made = new Api(port).post("/api/v1/organisations/alliance-homes/cases", """
                {"recordType":"complaint","channel":"PHONE","complainant":{"name":"Mo Mould","email":"mo@example.org"},
                 "serviceLine":"housing","description":"There is black mould in the baby's room and the walls are damp"}""");
        JsonNode c = made.json().get("caseFile");
        String reference = c.get("reference").asString();
        clock.setUk("2026-12-29T10:00");

        Page page = browser.signIn("hazards.caseworker", "hazards-worker-pass");
        assertThat(page.locator("h1")).hasText("My work");

        page.navigate("/staff/alliance-homes/cases/" + reference);
        assertThat(page.locator("#case-sections")).containsText("Hazards (Awaab's Law)");
        assertThat(page.locator("#case-sections")).containsText("damp and mould: investigate by end of Wed 30 Dec 2026 (due soon)");
        page.locator("#case-sections a:has-text('Hazards')").focus();
        page.keyboard().press("Enter");
        assertThat(page.locator("h1")).hasText("Hazards (Awaab's Law)");
        assertThat(page.locator("table").first()).containsText("Investigate");
        assertThat(page.locator("table").first()).containsText("Due soon");
        assertThat(page.locator("table").first()).containsText("Fri 25 Dec 2026 (Christmas Day)");
        assertAccessible(page);
        screenshot(page, "hazards-01-case-hazards");

        // open the form with the keyboard and submit it with a missing field: the error names it and links to it
        page.locator("summary:has-text('Record an attempt to get in')").focus();
        page.keyboard().press("Enter");
        String by = "#" + page.locator("input[name=by]").first().getAttribute("id");
        page.locator(by).focus();
        page.keyboard().type("Sam Surveyor");
        page.keyboard().press("Tab");
        page.keyboard().type("N"); // "No access"
        page.keyboard().press("Tab");
        page.keyboard().press("Tab");
        page.keyboard().press("Enter");
        assertThat(page.locator(".govuk-error-summary")).containsText("say what was tried");
        assertAccessible(page);

        page.locator("summary:has-text('Record an attempt to get in')").focus();
        page.keyboard().press("Enter");
        page.locator(by).focus();
        page.keyboard().type("Sam Surveyor");
        page.keyboard().press("Tab");
        page.keyboard().type("N");
        page.keyboard().press("Tab");
        page.keyboard().type("No answer at 10am; calling card left and a text sent");
        page.keyboard().press("Tab");
        page.keyboard().press("Enter");
        assertThat(page.locator(".govuk-notification-banner")).containsText("Attempt recorded");
        assertThat(page.locator("section table").nth(1)).containsText("No access");
        assertThat(page.locator("section table").nth(1)).containsText("calling card left");
        assertAccessible(page);
        screenshot(page, "hazards-02-attempt-recorded");

        // the ombudsman page of the same case passes the same checks (F-8, F-9)
        page.navigate("/staff/alliance-homes/cases/" + reference + "/ombudsman");
        assertThat(page.locator("h1")).hasText("Ombudsman");
        assertThat(page.locator("#expected-ombudsman")).containsText("Housing Ombudsman Service");
        // not referred yet, so the referral form is open
        assertThat(page.locator("#reference")).isVisible();
        assertAccessible(page);
        screenshot(page, "ombudsman-01-case-ombudsman");
    }
}
