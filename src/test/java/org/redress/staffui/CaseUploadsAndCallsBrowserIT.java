package org.redress.staffui;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.redress.publicweb.AttachmentCheckTestAccess;
import org.redress.testing.Api;
import org.redress.testing.Browser;
import org.redress.testing.CaseOnFile;
import org.redress.testing.Cases;
import org.redress.testing.MutableClock;
import org.redress.testing.TestAccounts;
import org.redress.testing.TestClockConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.redress.testing.Browser.assertAccessible;
import static org.redress.testing.Browser.screenshot;

/**
 * Two journeys of issue 21 in a real browser, with the keyboard alone and axe-core on every page: a case worker uploads
 * a photo on a site visit (S0-6), a wrong file first; and a phone-preference case's acknowledgement becomes a call on the
 * owner's "my work", which they make and record.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseUploadsAndCallsBrowserIT {

    static final String WORKER = "browser.uploads.worker";
    static final byte[] PNG = AttachmentCheckTestAccess.png();

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;

    private Browser browser;
    private Cases cases;
    private String org;

    @BeforeAll
    void start() {
        browser = Browser.start(port);
        cases = new Cases(new Api(port));
        org = cases.anOrganisationLike("the-trust");
        cases.aMemberHolding(org, WORKER, "investigating-manager");
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    private void tabTo(Page page, String selector) {
        for (int i = 0; i < 200 && !(Boolean) page.locator(selector).evaluate("e => e === document.activeElement"); i++) {
            page.keyboard().press("Tab");
        }
        assertThat((Boolean) page.locator(selector).evaluate("e => e === document.activeElement")).as("reached " + selector + " by Tab").isTrue();
    }

    @Test
    void aCaseWorkerUploadsAPhotoOnASiteVisitUsingOnlyTheKeyboardS06() {
        clock.setUk("2026-12-08T10:00");
        CaseOnFile c = cases.aComplaint().by("Hana Hallway").inArea("Housing management").saying("Damp in the hall for a year").in(org);
        c.act("evidence", "{\"kind\":\"SITE_VISIT\",\"date\":\"2026-12-07\",\"who\":\"Sam Surveyor\",\"notes\":\"Damp meter reads 40%\"}");

        Page page = browser.signIn(WORKER, TestAccounts.ADMIN_PASSWORD);
        page.navigate("/staff/" + org + "/cases/" + c.reference());
        assertThat(page.locator("#file-hint")).hasText("Each file must be smaller than 5 MB: a PDF, a JPEG or PNG photo, or a text file.");
        assertAccessible(page);

        // a program named like a photo: refused by what it is, the field named and linked from the summary
        byte[] exe = new byte[256];
        exe[0] = 'M';
        exe[1] = 'Z';
        tabTo(page, "#file");
        page.locator("#file").setInputFiles(new FilePayload("photo.png", "image/png", exe));
        tabTo(page, "#upload button[type=submit]");
        page.keyboard().press("Enter");
        page.waitForLoadState();
        assertThat(page.locator(".govuk-error-summary")).containsText("photo.png must be a PDF, a JPEG or PNG photo, or a text file");
        assertThat(page.locator(".govuk-error-summary a")).hasAttribute("href", "#file");
        assertThat(page.locator("#file-error")).containsText("photo.png must be a PDF");
        assertAccessible(page);
        screenshot(page, "uploads-01-wrong-type");

        // the photo, on the site visit
        tabTo(page, "#file");
        page.locator("#file").setInputFiles(new FilePayload("hall.png", "image/png", PNG));
        tabTo(page, "#evidence");
        page.keyboard().press("ArrowDown");
        assertThat(page.locator("#evidence")).hasValue("1");
        page.keyboard().press("Tab");
        page.keyboard().press("Enter");
        page.waitForLoadState();
        assertThat(page.locator(".govuk-notification-banner")).containsText("Uploaded hall.png");
        assertThat(page.locator("#attachment-list")).containsText("hall.png");
        assertThat(page.locator("#attachment-list")).containsText("Uploaded by " + WORKER + ", with evidence 1.");
        assertThat(page.locator("#evidence-1")).containsText("hall.png");
        assertAccessible(page);
        screenshot(page, "uploads-02-photo-on-site-visit");

        // the file only ever downloads
        String href = page.locator("#attachment-list a").first().getAttribute("href");
        APIResponse download = page.request().get(href);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.headers().get("content-disposition")).isEqualTo("attachment; filename=\"hall.png\"");
        assertThat(download.headers().get("x-content-type-options")).isEqualTo("nosniff");
        assertThat(download.body()).isEqualTo(PNG);
    }

    @Test
    void aPhonePreferenceCaseProducesACallTaskOnMyWorkThatIsRecordedWithTheKeyboardA2() {
        clock.setUk("2026-12-09T09:00");
        CaseOnFile c = cases.aComplaint().by("Paul Phoner").withoutEmail().withPhone("01632 960123").preferringContactBy("PHONE")
                .inArea("Repairs").saying("The support worker missed three visits").in(org);
        c.assignTo(WORKER).acknowledge();

        Page page = browser.signIn(WORKER, TestAccounts.ADMIN_PASSWORD);
        page.navigate("/staff/" + org);
        assertThat(page.locator("#other-work")).containsText("Phone call: Paul Phoner, 01632 960123");
        assertThat(page.locator("#other-work")).containsText("What to say: ");
        assertAccessible(page);
        screenshot(page, "calls-01-my-work");

        tabTo(page, "#other-work a:has-text('Paul Phoner')");
        page.keyboard().press("Enter");
        page.waitForLoadState();
        assertThat(page.locator("h1")).containsText(c.reference());
        assertThat(page.locator("#calls")).containsText("The person asked to be contacted by phone: tell them what the letter");
        tabTo(page, "#calls summary");
        page.keyboard().press("Enter");
        assertThat(page.locator("#calls .govuk-details__text")).containsText("Paul Phoner");
        assertAccessible(page);
        screenshot(page, "calls-02-what-to-say");

        tabTo(page, "#calls textarea");
        page.keyboard().type("Read him the letter; he is happy with the dates");
        page.keyboard().press("Tab");
        page.keyboard().press("Enter");
        page.waitForLoadState();
        assertThat(page.locator(".govuk-notification-banner")).containsText("Contact recorded");
        assertThat(page.locator("#calls")).hasCount(0);
        assertThat(page.locator(".redress-timeline")).containsText("Read him the letter; he is happy with the dates");
        assertAccessible(page);
        screenshot(page, "calls-03-contact-recorded");

        page.navigate("/staff/" + org);
        assertThat(page.locator("body")).not().containsText("Phone call: Paul Phoner");
    }
}
