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
 * The team pages in a real browser with the keyboard alone: an administrator invites a member (wrong first, then
 * right), the newcomer signs in and accepts, the administrator limits them to one service area and removes them; each
 * page checked with axe-core.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TeamPagesBrowserIT {

    static final String ORG = "team-pages";
    static final String PASSWORD = "team-pages-password";

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;

    private Browser browser;

    @BeforeAll
    void start() {
        browser = Browser.start(port);
        if (new Api(port).get("/api/v1/organisations/" + ORG).status() == 404) {
            new Api(port).post("/api/v1/organisations", """
                    {"code":"%s","name":"Team Pages Homes","referencePrefix":"TPH","policyPack":"the-trust","serviceAreas":["Repairs","Lettings"]}"""
                    .formatted(ORG));
        }
        accounts.ensure("tp.admin", "Tam Admin", PASSWORD, false, Map.of(ORG, Role.ADMINISTRATOR));
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void anAdministratorInvitesLimitsAndRemovesAMemberWhoAcceptedWithTheKeyboardAlone() {
        Page admin = browser.signIn("tp.admin", PASSWORD);
        admin.getByRole(com.microsoft.playwright.options.AriaRole.LINK, new Page.GetByRoleOptions().setName("Team").setExact(true)).focus();
        admin.keyboard().press("Enter");
        assertThat(admin.locator("h1")).hasText("Team");
        assertThat(admin.locator("#members")).containsText("Tam Admin");
        assertAccessible(admin);

        // wrong first: the error summary names each field and nobody is added
        admin.locator("#username").focus();
        admin.keyboard().type("Not Valid");
        admin.keyboard().press("Tab");
        admin.keyboard().press("Tab");
        admin.keyboard().press("Tab");
        admin.keyboard().type("short");
        admin.keyboard().press("Enter");
        assertThat(admin.locator(".govuk-error-summary")).containsText("lower-case letters");
        assertThat(admin.locator(".govuk-error-summary")).containsText("full name");
        assertThat(admin).hasTitle(java.util.regex.Pattern.compile("^Error: "));
        assertAccessible(admin);

        admin.locator("#username").fill("");
        admin.locator("#username").focus();
        admin.keyboard().type("tp.newcomer");
        admin.keyboard().press("Tab");
        admin.keyboard().type("Nell Newcomer");
        admin.keyboard().press("Tab");
        admin.keyboard().press("ArrowDown"); // from case worker to complaint management officer
        admin.keyboard().press("Tab");
        admin.keyboard().type("a long and unusual first password");
        admin.keyboard().press("Enter");
        assertThat(admin.locator(".govuk-notification-banner"))
                .containsText("Invitation made: tp.newcomer joins the team as Complaint management officer when they accept it.");
        assertThat(admin.locator("#members")).not().containsText("Nell Newcomer");
        assertThat(admin.locator("#invitations")).containsText("Nell Newcomer");
        assertAccessible(admin);

        // the newcomer signs in with the first password and joins by accepting
        Page newcomer = browser.signIn("tp.newcomer", "a long and unusual first password");
        assertThat(newcomer.locator("#invitations")).containsText("Team Pages Homes");
        assertThat(newcomer.locator("#invitations")).containsText("Complaint management officer");
        assertAccessible(newcomer);
        newcomer.locator("button", new Page.LocatorOptions().setHasText("Join Team Pages Homes")).focus();
        newcomer.keyboard().press("Enter");
        assertThat(newcomer.locator(".govuk-notification-banner"))
                .containsText("You are now a member of Team Pages Homes as Complaint management officer");
        newcomer.context().close();

        admin.navigate("/staff/" + ORG + "/team");
        assertThat(admin.locator("#members")).containsText("Nell Newcomer");
        assertThat(admin.locator("#invitations")).hasCount(0);

        admin.locator("#members a", new Page.LocatorOptions().setHasText("Nell Newcomer")).focus();
        admin.keyboard().press("Enter");
        assertThat(admin.locator("h1")).containsText("Nell Newcomer");
        assertAccessible(admin);
        admin.locator("#limit-some").focus();
        admin.keyboard().press("Space");
        admin.locator("input[value=Repairs]").focus();
        admin.keyboard().press("Space");
        admin.locator("button", new Page.LocatorOptions().setHasText("Save the cases they see")).focus();
        admin.keyboard().press("Enter");
        assertThat(admin.locator(".govuk-notification-banner")).containsText("They now see only Repairs");
        assertAccessible(admin);

        admin.locator("#remove").focus();
        admin.keyboard().press("Enter");
        assertThat(admin.locator(".govuk-notification-banner")).containsText("Nell Newcomer (tp.newcomer) removed from the team");
        assertThat(admin.locator("#members")).not().containsText("Nell Newcomer");
    }
}
