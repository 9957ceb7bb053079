package org.redress.reporting;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.redress.testing.Browser;
import org.redress.testing.TestAccounts;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.redress.testing.Browser.assertAccessible;
import static org.redress.testing.Browser.screenshot;

/**
 * The report pages in a real browser, on the hand-built data set: every page passes axe-core, the charts draw, and a
 * complaints manager can change the period and reach the cases behind a figure with the keyboard alone.
 */
class ReportPagesBrowserIT extends ReportingApiSupport {

    private Browser browser;

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    private Page signedIn() {
        browser = Browser.start(port);
        return browser.signIn(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
    }

    @Test
    void theDashboardAndTheReturnsPassAxeAndEveryChartIsDrawnWithItsTableBeside() {
        Page page = signedIn();
        page.navigate("/staff/" + ORG + "/reports?" + PERIOD);
        assertThat(page.locator("h1")).hasText("Complaints dashboard");
        // Chart.js draws into each canvas; the figures are in the table under each chart for those who cannot see it
        page.waitForFunction("() => window.Chart && [...document.querySelectorAll('canvas[data-measure]')].every(c => Chart.getChart(c))");
        assertThat(page.locator("canvas[data-measure=received-by-month]")).hasAttribute("role", "img");
        assertThat(page.locator("#received-by-month table caption")).containsText("Complaints received by month");
        assertAccessible(page);
        screenshot(page, "20-reports-dashboard");

        page.navigate("/staff/" + ORG + "/reports/returns?" + PERIOD);
        assertThat(page.locator("h1")).hasText("Regulatory returns and policy monitoring");
        assertAccessible(page);
        screenshot(page, "21-reports-returns");
    }

    @Test
    void aManagerChangesThePeriodAndOpensTheCasesBehindAFigureWithTheKeyboardAlone() {
        Page page = signedIn();
        page.navigate("/staff/" + ORG + "/reports?from=2019-01-01&to=2019-12-31");
        // the skip link of the staff layout is the first thing the Tab key reaches (issue 21: one layout for every staff page)
        page.keyboard().press("Tab");
        assertThat(page.locator(":focus")).hasText("Skip to main content");

        // change the period: the day, month and year of "To" (a GOV.UK date input), and submit the form with Enter
        assertThat(page.locator("#to")).hasValue("31");
        page.fill("#to", "30");
        page.fill("#to-month", "6");
        page.focus("#to-year");
        page.keyboard().press("Enter");
        page.waitForURL("**to-day=30&to-month=6&to-year=2019**");
        assertThat(page.locator("#to")).hasValue("30");
        assertThat(page.locator("#to-month")).hasValue("6");

        // Tab from the first figure's heading until a link to the cases behind a figure has focus, then press Enter
        page.focus("#complaints-received-heading");
        String focused = "";
        for (int i = 0; i < 40 && !focused.contains("/reports/cases?measure=complaints-received"); i++) {
            page.keyboard().press("Tab");
            focused = (String) page.evaluate("() => document.activeElement.getAttribute('href') || ''");
        }
        assertThat(focused).as("a figure link is reachable by Tab").contains("/reports/cases?measure=complaints-received");
        page.keyboard().press("Enter");
        page.waitForURL("**/reports/cases?measure=complaints-received**");
        // the six Alliance Homes complaints received in the first half of 2019 (A to F in the data set)
        for (String story : new String[] {"A", "B", "C", "D", "E", "F"}) {
            assertThat(page.locator("main")).containsText(refs.get(story));
        }
        assertAccessible(page);
        screenshot(page, "22-reports-cases-behind-a-figure");
    }
}
