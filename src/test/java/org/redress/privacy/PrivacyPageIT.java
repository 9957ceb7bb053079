package org.redress.privacy;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.redress.accounts.Accounts;
import org.redress.accounts.Role;
import org.redress.testing.Browser;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.redress.testing.Browser.assertAccessible;
import static org.redress.testing.Browser.screenshot;

/** The privacy pages in a real browser, used with the keyboard alone, checked with axe-core. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrivacyPageIT extends PrivacyApiSupport {

    @Autowired
    Accounts accounts;

    private Browser browser;

    @BeforeAll
    void start() {
        browser = Browser.start(port);
        accounts.ensure("privacy.admin", "Pat Administrator", "privacy-admin-pass", false, Map.of(ORG, Role.ADMINISTRATOR));
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theCasePageTellsAnAdministratorWhenTheDataGoesAndAHoldPlacedThereKeepsIt() {
        Story story = complaint(Person.unique("Ola"), "2020-03-02T09:00", "Repairs", "Repairs").acknowledged("2020-03-03T09:00")
                .responded("2020-03-09T09:00", "UPHELD").closed("2020-03-10T09:00");
        clock.setUk("2021-02-01T09:00");
        Page page = signIn();
        page.navigate("/staff/" + ORG + "/cases/" + story.reference());
        assertThat(page.locator("#page")).containsText("Kept until 2026-03-10 (6 years after it ended on 2020-03-10)");
        page.navigate("/staff/" + ORG + "/cases/" + story.reference() + "/privacy");
        assertAccessible(page);
        page.locator("#reason").focus();
        page.keyboard().type("Disrepair claim issued");
        page.locator("button:has-text('Place a legal hold on this case')").focus();
        page.keyboard().press("Enter");
        assertThat(page.locator(".govuk-notification-banner")).containsText("Legal hold placed");
        assertThat(page.locator("#retention-summary")).containsText("legal hold on the case: Disrepair claim issued");
        assertAccessible(page);
        screenshot(page, "privacy-04-case");
    }

    private Page signIn() {
        return browser.signIn("privacy.admin", "privacy-admin-pass");
    }

    @Test
    void anAdministratorSeesTheDryRunAndAnonymisesTheDueCasesWithTheKeyboardAlone() {
        Story due = complaint(Person.unique("Nia"), "2014-11-03T09:00", "Repairs", "Repairs").acknowledged("2014-11-04T09:00")
                .responded("2014-11-10T09:00", "UPHELD").closed("2014-11-12T09:00");
        clock.setUk("2021-01-04T09:00");

        Page page = signIn();
        page.navigate("/staff/" + ORG + "/privacy");
        assertThat(page.locator("h1")).hasText("Privacy: retention and legal holds");
        assertAccessible(page);

        // the dry run for a day, typed and sent from the keyboard
        page.locator("#on").focus();
        page.keyboard().press("Control+A");
        page.keyboard().type("2021-01-04");
        page.keyboard().press("Enter");
        page.waitForURL("**on=2021-01-04**");
        assertThat(page.locator("#dry-run")).containsText(due.reference());
        assertThat(page.locator("#dry-run tr", new Page.LocatorOptions().setHasText(due.reference()))).containsText("Anonymise");
        assertThat(page.locator("#dry-run tr", new Page.LocatorOptions().setHasText(due.reference()))).containsText("Wed 12 Nov 2014");
        assertAccessible(page);
        screenshot(page, "privacy-01-dry-run");

        // a date that is not one is named, and nothing runs
        page.locator("#on").focus();
        page.keyboard().press("Control+A");
        page.keyboard().type("4 January");
        page.keyboard().press("Enter");
        assertThat(page.locator(".govuk-error-summary")).containsText("Enter the day as a date");
        assertAccessible(page);

        // run it now: the progress shows until the run has finished
        page.locator("#run-now").focus();
        page.keyboard().press("Enter");
        assertThat(page.locator("#progress")).containsText("Last run finished");
        assertThat(page.locator("#progress-text")).containsText("due cases anonymised");
        assertAccessible(page);
        screenshot(page, "privacy-02-run-finished");
        assertThat(page.locator("#progress")).isVisible();
        org.assertj.core.api.Assertions.assertThat(get("/api/v1/organisations/" + ORG + "/cases/" + due.reference())
                .get("complainant").get("name").asString()).isEqualTo("[anonymised]");

        // a subject access request recorded from the keyboard, then listed with its deadline
        page.navigate("/staff/" + ORG + "/privacy/subject-access");
        assertAccessible(page);
        page.locator("#email").focus();
        page.keyboard().type("not an email");
        page.locator("#record-request").focus();
        page.keyboard().press("Enter");
        assertThat(page.locator(".govuk-error-summary")).containsText("must be an email address");
        assertAccessible(page);
        page.locator("#email").focus();
        page.keyboard().press("Control+A");
        page.keyboard().type("nia.request@example.net");
        page.locator("#record-request").focus();
        page.keyboard().press("Enter");
        assertThat(page.locator(".govuk-notification-banner")).containsText("Request recorded");
        assertThat(page.locator("#requests tr", new Page.LocatorOptions().setHasText("nia.request@example.net")))
                .containsText("Thu 4 Feb 2021");
        assertThat(page.locator("#requests tr", new Page.LocatorOptions().setHasText("nia.request@example.net"))).containsText("On time");
        assertAccessible(page);
        screenshot(page, "privacy-03-subject-access");
    }
}
