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

    /** Issue 23, F-8 (Regulation 16(3)): the social care summary's page, its request form used with the keyboard alone. */
    @Test
    void theSocialCareSummaryPagePassesAxeAndTakesCqcsRequestWithTheKeyboardAlone() {
        Page page = signedIn();
        // linked from the regulatory returns (the dashboard's Tab order stays as it was)
        page.navigate("/staff/" + ORG + "/reports/returns?" + PERIOD);
        page.locator("a[href='/staff/" + ORG + "/reports/social-care']").focus();
        page.keyboard().press("Enter");
        page.waitForURL("**/reports/social-care");
        assertThat(page.locator("h1")).hasText("Social care summary for CQC");
        assertAccessible(page);

        // a day that does not exist: the error summary names the field and links to it
        page.focus("#requestedOn");
        page.keyboard().type("31");
        page.keyboard().press("Tab");
        page.keyboard().type("6");
        page.keyboard().press("Tab");
        page.keyboard().type("2019");
        page.keyboard().press("Enter");
        assertThat(page.locator(".govuk-error-summary")).containsText("must be a real date");
        assertThat(page.locator(".govuk-error-summary a[href='#requestedOn']")).hasCount(1);
        assertAccessible(page);

        // the boxes keep what was typed: the first of the month makes it a real day, 1 June 2019, due 28 days later
        page.fill("#requestedOn", "1");
        page.focus("#requestedOn-year");
        page.keyboard().press("Enter");
        page.waitForURL("**/reports/social-care?saved=request**");
        assertThat(page.locator(".govuk-notification-banner")).containsText("CQC's request is recorded");
        assertThat(page.locator("#requests-table")).containsText("Sat 29 Jun 2019");
        assertAccessible(page);
        screenshot(page, "23-reports-social-care-summary");
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
