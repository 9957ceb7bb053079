package org.redress.testing;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * One headless Chromium (Debian's, never a downloaded one) for a test class, with an accessibility check by axe-core
 * and screenshots into {@code target/screenshots}.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    private static final String AXE = readAxe();

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;
    private final String base;

    private Browser(String base) {
        this.base = base;
        this.playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        this.browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                        "--disable-sync", "--no-first-run", "--disable-dev-shm-usage")));
    }

    /** Starts the browser; skipped (not failed) on a developer machine without Chromium, never on CI. */
    public static Browser start(int port) {
        assumeTrue(Files.isExecutable(CHROMIUM) || System.getenv("CI") != null,
                "Chromium is not installed at /usr/bin/chromium (apt-get install -y chromium)");
        return new Browser("http://localhost:" + port);
    }

    /** A fresh page in its own context: its own cookies, so each person in a story has their own session. */
    public Page newPage() {
        return newPage(true);
    }

    /**
     * A fresh page signed in as this member of staff with the keyboard alone (type the name, Tab, type the password,
     * Enter), left on the page signing in leads to.
     */
    public Page signIn(String username, String password) {
        Page page = newPage();
        page.navigate("/staff");
        page.locator("#username").focus();
        page.keyboard().type(username);
        page.keyboard().press("Tab");
        page.keyboard().type(password);
        page.keyboard().press("Enter");
        page.waitForURL(url -> !url.contains("sign-in"));
        return page;
    }

    /** A fresh page, with JavaScript on or off (every core journey must work without it). */
    public Page newPage(boolean javaScript) {
        BrowserContext context = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setBaseURL(base).setViewportSize(1280, 900).setLocale("en-GB").setJavaScriptEnabled(javaScript)
                // axe-core is injected as an inline script, which the pages' own policy rightly forbids
                .setBypassCSP(true));
        context.setDefaultTimeout(15_000);
        return context.newPage();
    }

    /** A fresh page that keeps to the pages' content security policy (no axe-core check on it), to see what the policy blocks. */
    public Page newPageUnderItsPolicy() {
        BrowserContext context = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setBaseURL(base).setViewportSize(1280, 900).setLocale("en-GB"));
        context.setDefaultTimeout(15_000);
        return context.newPage();
    }

    /** Asserts axe-core finds no serious or critical WCAG 2.2 A/AA violation on the page as it is now. */
    public static void assertAccessible(Page page) {
        // evaluated by the browser's debugging protocol, not as an inline script, so the pages' CSP still applies to them
        page.evaluate(AXE + "\n;true");
        Object result = page.evaluate("""
                async () => {
                  const r = await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}});
                  return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at ' + v.nodes.map(n => n.target.join(' ')).join(', '));
                }""");
        assertThat((List<?>) result).as("axe-core violations on " + page.url()).isEmpty();
    }

    public static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "screenshots", name + ".png")).setFullPage(true));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }

    private static String readAxe() {
        try (InputStream in = Browser.class.getResourceAsStream("/axe/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe/axe.min.js is missing from the test resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
