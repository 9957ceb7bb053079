package org.redress.staffui;

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
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.redress.testing.Browser.assertAccessible;

/**
 * "Log a contact" in a real browser with the keyboard alone, each page checked with axe-core (issue 21): a phone
 * complaint taken earlier in the day, on a service line, about a named member of staff, with a second point added
 * without leaving the form.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContactBrowserIT {

    static final String PASSWORD = "contact-browser-pass";

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    MutableClock clock;

    private Browser browser;
    private String organisation;

    @BeforeAll
    void start() {
        browser = Browser.start(port);
        organisation = new Cases(new Api(port)).anOrganisationRunning("alliance-homes", "Repairs", "Money advice");
        accounts.ensure("contact.browser", "Kit Keyboard", PASSWORD, false, Map.of(organisation, Role.CASE_WORKER));
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void loggingAPhoneComplaintWithTimeServiceLineAndNamedStaff() {
        clock.setUk("2026-11-24T16:00");
        Page page = browser.signIn("contact.browser", PASSWORD);
        page.navigate("/staff/" + organisation);
        page.getByRole(com.microsoft.playwright.options.AriaRole.LINK, new Page.GetByRoleOptions().setName("Log a contact").setExact(true)).focus();
        page.keyboard().press("Enter");
        assertThat(page.locator("h1")).hasText("Log a contact");
        assertThat(page.locator("#channel")).hasValue("PHONE");
        assertThat(page.locator("#receivedBy")).hasValue("contact.browser");

        // received this morning at 09:45: the date's day, month and year, then the time
        typeInto(page, "#receivedDate", "24");
        page.keyboard().press("Tab");
        page.keyboard().type("11");
        page.keyboard().press("Tab");
        page.keyboard().type("2026");
        page.keyboard().press("Tab");
        page.keyboard().type("09:45");
        typeInto(page, "#name", "Petra Phoned");
        page.keyboard().press("Tab");
        page.keyboard().press("Tab");
        page.keyboard().type("01632 960777");
        choose(page, "#preferredContact", "Ph", "PHONE");
        typeInto(page, "#description", "My debt adviser shouted at me on the phone.");
        typeInto(page, "#pointSummary-1", "The adviser shouted");
        choose(page, "#pointCategory-1", "Staff", "Staff conduct");

        // a second point without JavaScript's help: the form comes back with what was typed and the new row focused
        page.locator("#add-point").focus();
        page.keyboard().press("Enter");
        assertThat(page.locator("#pointSummary-2")).isFocused();
        assertThat(page.locator("#name")).hasValue("Petra Phoned");
        assertThat(page.locator("#receivedTime")).hasValue("09:45");
        assertThat(page.locator("#pointCategory-1")).hasValue("Staff conduct");
        page.keyboard().type("No one called back");
        assertAccessible(page);

        choose(page, "#serviceLine", "Debt", "debt-advice");
        choose(page, "#serviceArea", "Money", "Money advice");
        typeInto(page, "#staffName-1", "Sol Shouter");
        page.keyboard().press("Tab");
        page.keyboard().type("Debt adviser");

        // a time later than now is named, with the field red, and nothing is saved
        typeInto(page, "#receivedTime", "19:45");
        page.locator("#save").focus();
        page.keyboard().press("Enter");
        assertThat(page.locator(".govuk-error-summary")).containsText("The time it was received must be now or earlier");
        assertThat(page.locator("#receivedTime")).hasClass(java.util.regex.Pattern.compile("govuk-input--error"));
        assertAccessible(page);
        assertThat(page.locator(".govuk-error-summary a").first()).hasAttribute("href", "#receivedTime");
        typeInto(page, "#receivedTime", "09:45");
        page.locator("#save").focus();
        page.keyboard().press("Enter");

        assertThat(page.locator(".govuk-notification-banner")).containsText("Logged ");
        assertThat(page.locator("#received-by")).hasText("Kit Keyboard");
        assertThat(page.locator("#page")).containsText("Sol Shouter");
        assertAccessible(page);
        String reference = page.locator("h1 span").first().textContent().strip();
        JsonNode stored = new Api(port).get("/api/v1/organisations/" + organisation + "/cases/" + reference).json();
        org.assertj.core.api.Assertions.assertThat(stored.get("receivedAt").asString()).isEqualTo("2026-11-24T09:45:00Z");
        org.assertj.core.api.Assertions.assertThat(stored.get("classification").get("serviceLine").asString()).isEqualTo("debt-advice");
        org.assertj.core.api.Assertions.assertThat(stored.get("points").size()).isEqualTo(2);
    }

    @Test
    void aHomeCareComplaintLoggedOnThePageGetsTheSocialCareClocksF8() {
        // issue 23, F-8, R-4: the service line chosen on "Log a contact" chooses the procedure: home care runs the social
        // care rules (SI 2009/309): acknowledge within 3 working days, one stage, the response within 6 months
        clock.setUk("2027-05-10T16:00");
        Page page = browser.signIn("contact.browser", PASSWORD);
        page.navigate("/staff/" + organisation + "/contacts/new");
        assertThat(page.locator("h1")).hasText("Log a contact");
        typeInto(page, "#receivedDate", "10");
        page.keyboard().press("Tab");
        page.keyboard().type("05");
        page.keyboard().press("Tab");
        page.keyboard().type("2027");
        page.keyboard().press("Tab");
        page.keyboard().type("09:45");
        typeInto(page, "#name", "Carla Cared");
        page.keyboard().press("Tab");
        page.keyboard().press("Tab");
        page.keyboard().type("01632 960778");
        choose(page, "#preferredContact", "Ph", "PHONE");
        typeInto(page, "#description", "My mother's carer did not come on Friday.");
        typeInto(page, "#pointSummary-1", "The carer did not come");
        choose(page, "#serviceLine", "Home", "home-care");
        page.locator("#save").focus();
        page.keyboard().press("Enter");

        assertThat(page.locator(".govuk-notification-banner")).containsText("Logged ");
        assertThat(page.locator("#page")).containsText("Home care complaint (single stage)");
        assertAccessible(page);
        String reference = page.locator("h1 span").first().textContent().strip();
        JsonNode stored = new Api(port).get("/api/v1/organisations/" + organisation + "/cases/" + reference).json();
        org.assertj.core.api.Assertions.assertThat(stored.get("stageName").asString()).isEqualTo("Home care complaint (single stage)");
        java.util.Map<String, String> due = new java.util.TreeMap<>();
        stored.get("clocks").forEach(k -> due.put(k.get("id").asString() + "@" + k.get("stage").asInt(), k.get("dueDate").asString()));
        // Mon 10 May 2027 + 3 working days: Thu 13 May; + 6 calendar months: Wed 10 November
        org.assertj.core.api.Assertions.assertThat(due).containsExactly(Map.entry("acknowledge@1", "2027-05-13"),
                Map.entry("respond@1", "2027-11-10"));
    }

    private static void typeInto(Page page, String field, String text) {
        page.locator(field).focus();
        page.keyboard().press("ControlOrMeta+A");
        page.keyboard().type(text);
    }

    /** A choice made from a list with the keyboard: focus it and type the start of the option's words. */
    private static void choose(Page page, String select, String start, String value) {
        page.locator(select).focus();
        page.keyboard().type(start);
        assertThat(page.locator(select)).hasValue(value);
    }
}
