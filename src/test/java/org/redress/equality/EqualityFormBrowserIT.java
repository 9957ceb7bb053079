package org.redress.equality;

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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.redress.testing.Browser.assertAccessible;
import static org.redress.testing.Browser.screenshot;

/**
 * H-3 and H-5 in a real browser, with the keyboard only: a resident answers the optional equality questions, and a
 * complaint manager meets the restrictions page's error summary. axe-core finds nothing serious on any page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EqualityFormBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    EqualityMonitoring equality;

    @Autowired
    Accounts accounts;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    private Browser browser;

    @BeforeAll
    void start() {
        browser = Browser.start(port);
        accounts.ensure("browser.manager", "Bria Manager", "browser-manager-pass", false, Map.of("alliance-homes", Role.COMPLAINT_MANAGEMENT_OFFICER));
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aResidentAnswersTheOptionalQuestionsWithTheKeyboardOnly() {
        clock.setUk("2026-11-23T09:30");
        int before = jdbc.sql("select count(*) from equality.response").query(Integer.class).single();
        int youngAsianBefore = jdbc.sql("select count(*) from equality.response where age_band = '16-24' and ethnicity = 'asian'")
                .query(Integer.class).single();
        String token = equality.invite("the-trust", null);
        Page resident = browser.newPage();
        resident.navigate("/o/the-trust/equality/" + token);
        assertThat(resident.locator("h1")).hasText("About you (optional)");
        assertAccessible(resident);
        screenshot(resident, "equality-form");

        tabTo(resident, "#age_band");
        resident.keyboard().press("Space");          // Under 16
        resident.keyboard().press("ArrowDown");      // 16 to 24
        assertThat(resident.locator("#age_band-16-24")).isChecked();
        tabTo(resident, "#ethnicity");
        resident.keyboard().press("Space");          // Asian or Asian British
        assertThat(resident.locator("#ethnicity")).isChecked();
        tabTo(resident, "button[type=submit]");
        resident.keyboard().press("Enter");

        assertThat(resident.locator("h1")).hasText("Thank you");
        assertAccessible(resident);
        assertThat(jdbc.sql("select count(*) from equality.response where age_band = '16-24' and ethnicity = 'asian'")
                .query(Integer.class).single()).isEqualTo(youngAsianBefore + 1);
        assertThat(jdbc.sql("select count(*) from equality.response").query(Integer.class).single()).isEqualTo(before + 1);
    }

    @Test
    void aManagerReachesTheRestrictionsFormByKeyboardAndIsToldWhatIsMissing() {
        clock.setUk("2026-11-23T09:30");
        Page manager = browser.newPage();
        manager.navigate("/staff");
        manager.fill("#username", "browser.manager");
        manager.fill("#password", "browser-manager-pass");
        manager.click("button:has-text('Sign in')");
        manager.navigate("/staff/alliance-homes/restrictions");
        assertThat(manager.locator("h1")).hasText("Restrictions on contact");
        assertAccessible(manager);

        tabTo(manager, "#personName");
        manager.keyboard().type("Kit Keyboard");
        tabTo(manager, "#new-restriction button[type=submit]");
        manager.keyboard().press("Enter");

        assertThat(manager.locator(".govuk-error-summary")).containsText("Enter the reason for the restriction");
        assertThat(manager.locator("#personName")).hasValue("Kit Keyboard");
        assertAccessible(manager);
        screenshot(manager, "restrictions-errors");
    }

    @Test
    void everySpecialSituationPageOfACasePassesAxe() {
        clock.setUk("2026-11-23T09:30");
        String body = """
                {"recordType":"complaint","channel":"EMAIL","complainant":{"name":"Axel Axe","email":"axel.axe@example.org","address":"1 Axe Road"},
                 "namedPeople":[{"name":"Pat Porter","kind":"staff","role":"Porter"}],"serviceLine":"housing",
                 "description":"The porter ignored the broken lift","points":["Lift"]}""";
        org.redress.testing.Api api = new org.redress.testing.Api(port);
        api.post("/api/v1/organisations/alliance-homes/cases", body);
        String reference = api.post("/api/v1/organisations/alliance-homes/cases", body).json().get("caseFile").get("reference").asString();
        api.post("/api/v1/organisations/alliance-homes/restrictions", """
                {"personName":"Axel Axe","email":"axel.axe@example.org","kind":"LIMITED_PHONE_TIMES","details":"Tuesdays 10 to 12",
                 "reason":"Calls every hour","decidedBy":"Chief Executive","reviewOn":"2026-12-01"}""");
        Page manager = browser.newPage();
        manager.navigate("/staff");
        manager.fill("#username", "browser.manager");
        manager.fill("#password", "browser-manager-pass");
        manager.click("button:has-text('Sign in')");
        manager.navigate("/staff/alliance-homes/cases/" + reference);
        assertThat(manager.locator("#case-sections")).containsText("Restriction: limited phone times, review due 1 Dec 2026 (F-10)");
        assertAccessible(manager);
        for (String section : new String[]{"restrictions", "similar", "staff-concerns", "equality"}) {
            manager.navigate("/staff/alliance-homes/cases/" + reference + "/" + section);
            assertThat(manager.locator("h1")).isVisible();
            assertAccessible(manager);
            screenshot(manager, "section-" + section);
        }
        manager.navigate("/staff/alliance-homes/equality");
        assertAccessible(manager);
        manager.navigate("/staff/alliance-homes/restrictions");
        assertThat(manager.locator("#page")).containsText("Review due");
        assertAccessible(manager);
    }

    /** Presses Tab until the element has the focus, as someone without a mouse would. */
    private static void tabTo(Page page, String selector) {
        for (int i = 0; i < 120; i++) {
            if (Boolean.TRUE.equals(page.evaluate("s => document.activeElement !== null && document.activeElement.matches(s)", selector))) {
                return;
            }
            page.keyboard().press("Tab");
        }
        throw new AssertionError("Tab never reached " + selector);
    }
}
