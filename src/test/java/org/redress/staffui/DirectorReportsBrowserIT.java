package org.redress.staffui;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import org.assertj.core.api.Assertions;
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

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDateTime;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.redress.testing.Browser.assertAccessible;

/**
 * Issue 21: a director reaches every report from the staff header with the keyboard alone (Tab to a link, Enter): the
 * dashboard, the regulatory returns, the what-if page, the equality monitoring summary, and the board and annual
 * reports as PDF downloads; each page has its heading and passes axe-core.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DirectorReportsBrowserIT {

    static final String PASSWORD = "director-reports-password";

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    MutableClock clock;

    private Browser browser;
    private String org;
    private String director;

    @BeforeAll
    void start() {
        browser = Browser.start(port);
        Cases cases = new Cases(new Api(port));
        org = cases.anOrganisationRunning("alliance-homes", "Repairs");
        director = "dr.director." + org;
        accounts.ensure(director, "Dana Director", PASSWORD, false, Map.of(org, Role.DIRECTOR));
        clock.setUk("2026-11-16T10:00");
        cases.aComplaint().receivedAt(LocalDateTime.parse("2026-11-16T09:30")).by("Rhys Reporter").inArea("Repairs")
                .saying("The boiler has failed twice").in(org);
        clock.setUk("2026-11-20T10:00");
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aDirectorReachesEveryReportFromTheHeaderWithTheKeyboardAlone() throws Exception {
        Page page = browser.signIn(director, PASSWORD);

        tabTo(page, "Reports");
        page.keyboard().press("Enter");
        page.waitForURL("**/staff/" + org + "/reports**");
        assertThat(page.locator("h1")).hasText("Complaints dashboard");
        assertThat(page.locator("nav[aria-label='Staff pages'] [aria-current=page]")).containsText("Reports");
        assertAccessible(page);

        tabTo(page, "Regulatory returns");
        page.keyboard().press("Enter");
        page.waitForURL("**/reports/returns**");
        assertThat(page.locator("h1")).hasText("Regulatory returns and policy monitoring");
        assertAccessible(page);

        tabTo(page, "Board report (PDF)");
        Download board = page.waitForDownload(() -> page.keyboard().press("Enter"));
        Assertions.assertThat(board.suggestedFilename()).endsWith(".pdf");
        Assertions.assertThat(Files.readString(board.path(), StandardCharsets.ISO_8859_1)).startsWith("%PDF-");

        tabTo(page, "Annual complaints performance report with the Code self-assessment (PDF)");
        Download annual = page.waitForDownload(() -> page.keyboard().press("Enter"));
        Assertions.assertThat(annual.suggestedFilename()).endsWith(".pdf");
        Assertions.assertThat(Files.readString(annual.path(), StandardCharsets.ISO_8859_1)).startsWith("%PDF-");

        // back up the page to the reports' own links
        move(page, "Shift+Tab", "What if we changed our procedure?");
        page.keyboard().press("Enter");
        page.waitForURL("**/staff/" + org + "/what-if");
        assertThat(page.locator("h1")).hasText("What if we changed our procedure?");
        assertAccessible(page);

        tabTo(page, "Equality");
        page.keyboard().press("Enter");
        page.waitForURL("**/staff/" + org + "/equality");
        assertThat(page.locator("h1")).hasText("Equality monitoring");
        assertThat(page.locator("nav[aria-label='Staff pages'] [aria-current=page]")).containsText("Equality");
        assertAccessible(page);
    }

    private static void tabTo(Page page, String name) {
        move(page, "Tab", name);
    }

    /** Presses the key (Tab or Shift+Tab) until the link or button of this name has focus (or fails). */
    private static void move(Page page, String key, String name) {
        String focused = "";
        for (int i = 0; i < 300 && !focused.equals(name); i++) {
            page.keyboard().press(key);
            focused = ((String) page.evaluate("() => (document.activeElement.innerText || document.activeElement.value || '').trim()"));
        }
        Assertions.assertThat(focused).as(key + " reaches '" + name + "' on " + page.url()).isEqualTo(name);
    }
}
