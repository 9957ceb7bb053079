package org.redress.staffui;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.redress.accounts.Accounts;
import org.redress.accounts.Role;
import org.redress.testing.Api;
import org.redress.testing.Browser;
import org.redress.testing.CaseOnFile;
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
 * Issue 21: finding a closed compliment in the register and exporting it, in a real browser with the keyboard alone,
 * each page checked with axe-core. The person who paid the compliment has an open complaint too, so only the filters
 * tell the two apart.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegisterBrowserIT {

    static final String PASSWORD = "register-browser-password";

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    MutableClock clock;

    private Browser browser;
    private String org;
    private String worker;
    private String compliment;
    private String complaint;

    @BeforeAll
    void start() {
        browser = Browser.start(port);
        Cases cases = new Cases(new Api(port));
        org = cases.anOrganisationRunning("alliance-homes", "Repairs", "Lettings");
        worker = "rb.worker." + org;
        accounts.ensure(worker, "Wyn Worker", PASSWORD, false, Map.of(org, Role.CASE_WORKER));
        clock.setUk("2026-11-16T10:00");
        CaseOnFile thanks = cases.a("compliment").receivedAt(LocalDateTime.parse("2026-11-16T09:30")).by("Gita Okafor")
                .inArea("Repairs").onServiceLine("housing").about("Repairs", "Thanks").saying("The plumber was kind and quick").in(org);
        compliment = thanks.reference();
        clock.setUk("2026-11-17T10:00");
        thanks.close();
        clock.setUk("2026-11-18T10:00");
        complaint = cases.aComplaint().receivedAt(LocalDateTime.parse("2026-11-18T09:00")).by("Gita Okafor")
                .inArea("Repairs").onServiceLine("housing").about("Repairs").saying("The tap still drips").in(org).reference();
        clock.setUk("2026-11-20T10:00");
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aCaseWorkerFindsAClosedComplimentInTheRegisterAndExportsItWithTheKeyboardAlone() throws Exception {
        Page page = browser.signIn(worker, PASSWORD);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Register").setExact(true)).focus();
        page.keyboard().press("Enter");
        assertThat(page.locator("h1")).hasText("Register");
        assertThat(page.locator("#records")).containsText(compliment);
        assertThat(page.locator("#records")).containsText(complaint);
        assertAccessible(page);

        page.locator("#q").focus();
        page.keyboard().type("Okafor");
        page.keyboard().press("Tab"); // type: Any, Complaint, Service request, Feedback, Compliment
        for (int i = 0; i < 4; i++) {
            page.keyboard().press("ArrowDown");
        }
        page.keyboard().press("Tab"); // status: Any, Open, On hold, Responded, Closed
        for (int i = 0; i < 4; i++) {
            page.keyboard().press("ArrowDown");
        }
        page.locator("button", new Page.LocatorOptions().setHasText("Apply filters")).focus();
        page.keyboard().press("Enter");
        page.waitForURL("**status=CLOSED**");
        assertThat(page.locator("#type")).hasValue("compliment");
        assertThat(page.locator("#records tbody tr")).hasCount(1);
        assertThat(page.locator("#records")).containsText(compliment);
        assertThat(page.locator("#records")).containsText("Compliment");
        assertThat(page.locator("#records")).containsText("Closed");
        assertThat(page.locator("#records")).not().containsText(complaint);
        assertAccessible(page);

        page.locator("#export-csv").focus();
        Download download = page.waitForDownload(() -> page.keyboard().press("Enter"));
        Assertions.assertThat(download.suggestedFilename()).isEqualTo("register-" + org + "-2026-11-20.csv");
        String csv = Files.readString(download.path(), StandardCharsets.UTF_8);
        Assertions.assertThat(csv).isEqualTo("""
                Reference,Type,Status,Stage,Received,Next deadline,Overdue,Closed,Name,Service line,Service area,Subject,Owner\r
                %s,Compliment,Closed,0,2026-11-16 09:30,,No,2026-11-17 10:00,Gita Okafor,housing,Repairs,Repairs,\r
                """.formatted(compliment));

        page.locator("#export-xlsx").focus();
        Download workbook = page.waitForDownload(() -> page.keyboard().press("Enter"));
        try (var book = new XSSFWorkbook(Files.newInputStream(workbook.path()))) {
            Assertions.assertThat(book.getSheet("Register").getLastRowNum()).isEqualTo(1);
            Assertions.assertThat(book.getSheet("Register").getRow(1).getCell(0).getStringCellValue()).isEqualTo(compliment);
        }
    }
}
