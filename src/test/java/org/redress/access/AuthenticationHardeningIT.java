package org.redress.access;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.accounts.Accounts;
import org.redress.accounts.Role;
import org.redress.testing.Api;
import org.redress.testing.Cases;
import org.redress.testing.MutableClock;
import org.redress.testing.TestAccounts;
import org.redress.testing.TestClockConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Security issue 19, finding 11: who the client is (forwarded headers only from configured proxies), CSRF for
 * browser sessions, what a password may be, what a password change ends, lockout on the change page, no session for
 * a refused API call, redirects that never name a foreign host, and a content security policy on every page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({TestClockConfiguration.class, ReachedHandler.class})
class AuthenticationHardeningIT {

    private static final AtomicInteger ACCOUNTS = new AtomicInteger();
    private static final String FIRST_PASSWORD = "first-password-123";

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    MutableClock clock;

    @BeforeEach
    void aKnownMoment() {
        clock.set(Instant.parse("2026-12-01T10:00:00Z"));
    }

    /** A case worker of the Trust alone, with a cheap hash so signing in stays fast. */
    private String caseWorker() {
        String username = "auth.hard-" + ACCOUNTS.incrementAndGet() + "-" + System.nanoTime() % 100_000;
        accounts.ensureHashed(username, "Sam Hardening", "{bcrypt}" + new BCryptPasswordEncoder(4).encode(FIRST_PASSWORD), false);
        accounts.ensure(username, "Sam Hardening", "x", false, Map.of("the-trust", Role.CASE_WORKER));
        return username;
    }

    // --- forwarded headers: believed only from a configured proxy ---

    /** The public complaint form from one address, each post claiming another client in X-Forwarded-For. */
    private List<Integer> complaintsFrom(String address, List<String> forwardedFor) {
        RawHttp.Reply form = RawHttp.send(address, port, "GET", "/o/the-trust/complain", Map.of(), "");
        String cookie = form.sessionCookie().orElseThrow();
        // a complete complaint: only accepted complaints count towards the limit (issue 21)
        String body = "_csrf=" + URLEncoder.encode(form.csrf(), StandardCharsets.UTF_8)
                + "&whatHappened=The+lift+is+broken&name=Ray+Peat&contactBy=POST&address=2+Low+Road";
        List<Integer> statuses = new ArrayList<>();
        for (String client : forwardedFor) {
            statuses.add(RawHttp.send(address, port, "POST", "/o/the-trust/complain", Map.of("Cookie", cookie, "X-Forwarded-For", client,
                    "Content-Type", "application/x-www-form-urlencoded"), body).status());
        }
        return statuses;
    }

    @Test
    void aClientThatMakesUpXForwardedForStillMeetsThePublicFormsLimitOfFivePerAddress() {
        List<Integer> statuses = complaintsFrom("127.0.0.3", List.of("203.0.113.1", "203.0.113.2", "203.0.113.3", "203.0.113.4",
                "203.0.113.5", "203.0.113.6"));
        // each complaint is taken (200, with its reference) until the address's limit, then 429
        assertThat(statuses).containsExactly(200, 200, 200, 200, 200, 429);
    }

    @Test
    void behindAConfiguredProxyEachRealClientHasItsOwnLimitWhateverItPutsInFrontOfTheForwardedList() {
        // the proxy appends the address it saw; whatever the client wrote before that is its own invention
        List<Integer> statuses = complaintsFrom(RawHttp.TRUSTED_PROXY, List.of("192.0.2.1, 198.51.100.9", "192.0.2.2, 198.51.100.9",
                "192.0.2.3, 198.51.100.9", "198.51.100.9", "192.0.2.5, 198.51.100.9", "192.0.2.6, 198.51.100.9", "198.51.100.10"));
        assertThat(statuses).containsExactly(200, 200, 200, 200, 200, 429, 200);
    }

    @Test
    void onlyAConfiguredProxyCanSayTheRequestCameOverTls() {
        Map<String, String> tls = Map.of("X-Forwarded-Proto", "https");
        RawHttp.Reply direct = RawHttp.send("127.0.0.1", port, "GET", "/sign-in", tls, "");
        assertThat(direct.header("Strict-Transport-Security")).as("HSTS for a plain HTTP request that claims TLS").isEmpty();
        assertThat(direct.sessionCookie()).isPresent();
        assertThat(direct.headers("Set-Cookie").get(0)).doesNotContain("Secure");
        RawHttp.Reply proxied = RawHttp.send(RawHttp.TRUSTED_PROXY, port, "GET", "/sign-in", tls, "");
        assertThat(proxied.header("Strict-Transport-Security")).contains("max-age=31536000 ; includeSubDomains");
        assertThat(proxied.headers("Set-Cookie").get(0)).contains("Secure").contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
    }

    // --- redirects name no host ---

    @Test
    void aRedirectNeverNamesTheHostTheRequestClaimed() {
        Map<String, String> evil = Map.of("Host", "evil.example", "X-Forwarded-Host", "evil.example");
        RawHttp.Reply direct = RawHttp.send("127.0.0.1", port, "GET", "/staff", evil, "");
        assertThat(direct.status()).isEqualTo(302);
        assertThat(direct.header("Location").orElseThrow()).isEqualTo("/sign-in");
        RawHttp.Reply proxied = RawHttp.send(RawHttp.TRUSTED_PROXY, port, "GET", "/staff", evil, "");
        assertThat(proxied.status()).isEqualTo(302);
        assertThat(proxied.header("Location").orElseThrow()).isEqualTo("/sign-in");
        RawHttp.Reply start = RawHttp.send("127.0.0.1", port, "GET", "/o/the-trust", evil, "");
        assertThat(start.header("Location").orElseThrow()).isEqualTo("/o/the-trust/complain");
    }

    @Test
    void signingInAfterBeingSentToSignInReturnsToThePageByAPathNotAHost() {
        String username = caseWorker();
        RawHttp.Reply refused = RawHttp.send("127.0.0.1", port, "GET", "/account/password", Map.of("Host", "evil.example"), "");
        String cookie = refused.sessionCookie().orElseThrow();
        RawHttp.Reply form = RawHttp.send("127.0.0.1", port, "GET", "/sign-in", Map.of("Cookie", cookie), "");
        RawHttp.Reply signedIn = RawHttp.send("127.0.0.1", port, "POST", "/sign-in", Map.of("Cookie", cookie,
                "Content-Type", "application/x-www-form-urlencoded"), "username=" + username + "&password=" + FIRST_PASSWORD
                + "&_csrf=" + URLEncoder.encode(form.csrf(), StandardCharsets.UTF_8));
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.header("Location").orElseThrow()).isEqualTo("/account/password?continue");
    }

    // --- CSRF ---

    @Test
    void aBrowserSessionWithAnAuthorizationHeaderOfItsOwnStillNeedsItsCsrfToken() {
        Caller admin = Caller.signedIn(port, TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
        String complaint = """
                {"recordType":"complaint","channel":"PHONE","complainant":{"name":"Forged Tenant"},"description":"Forged"}""";
        for (String authorization : List.of("Negotiate abc", "Bearer", "Basic !!!", "Basic " + java.util.Base64.getEncoder()
                .encodeToString("nobody:nothing".getBytes(StandardCharsets.UTF_8)))) {
            Caller.Answer answer = admin.pageWithoutToken("POST", "/api/v1/organisations/the-trust/cases",
                    Map.of("Authorization", authorization, "Accept", "application/json"), "application/json", complaint);
            assertThat(answer.status()).as(authorization).isEqualTo(403);
            assertThat(answer.body()).contains("a request on a browser session needs the session's CSRF token (X-CSRF-TOKEN)");
            assertThat(answer.reachedController()).as(authorization).isFalse();
        }
        // the same request with its token is the page's own
        assertThat(admin.page("POST", "/api/v1/organisations/the-trust/cases", Map.of("Accept", "application/json"),
                "application/json", complaint).status()).isEqualTo(201);
    }

    @Test
    void anApiClientWithItsOwnCredentialsAndNoSessionNeedsNoCsrfToken() {
        Api.Response created = new Cases(new Api(port)).aComplaint().by("Api Tenant").withoutEmail().saying("Leak").points()
                .postTo("the-trust");
        assertThat(created.status()).isEqualTo(201);
    }

    // --- password policy ---

    @Test
    void aPasswordOfSpacesInvisibleCharactersOneRepeatedCharacterOrASimpleSequenceIsRefusedNamingTheField() {
        String username = caseWorker();
        Api admin = new Api(port);
        Map<String, String> refused = new java.util.LinkedHashMap<>();
        refused.put("            ", "password: do not use only spaces");
        refused.put("river\u200Bkettle\u200Borange", "password: do not use invisible or control characters (such as zero-width spaces or tabs)");
        refused.put("river\tkettle\torange", "password: do not use invisible or control characters (such as zero-width spaces or tabs)");
        refused.put("aaaaaaaaaaaa", "password: do not repeat one character");
        refused.put("123456789012", "password: do not use a simple sequence such as 123456789012 or abcdefghijkl");
        refused.put("abcdefghijkl", "password: do not use a simple sequence such as 123456789012 or abcdefghijkl");
        refused.put("ZYXWVUTSRQPO", "password: do not use a simple sequence such as 123456789012 or abcdefghijkl");
        refused.put("abababababab1", "password: use at least 5 different characters");
        // the full-width letters are "password1234" once normalised
        refused.put("ｐａｓｓｗｏｒｄ１２３４", "password: this password is one of the most common ones, which are tried first: choose another");
        refused.forEach((password, detail) -> {
            Api.Response answer = admin.put("/api/v1/organisations/the-trust/staff/" + username + "/password",
                    "{\"password\":" + json(password) + "}");
            assertThat(answer.status()).as(password).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.json().get("detail").asString()).as(password).isEqualTo(detail);
            assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo("password");
        });
        assertThat(Api.as(port, username, FIRST_PASSWORD).get("/api/v1/organisations/the-trust/cases").status())
                .as("nothing changed").isEqualTo(200);
        assertThat(admin.put("/api/v1/organisations/the-trust/staff/" + username + "/password", "{\"password\":\"river kettle orange lamp\"}")
                .status()).isEqualTo(200);
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return out.append('"').toString();
    }

    // --- a password change ends the other sessions ---

    private static Caller.Answer changePassword(Caller me, String current, String password) {
        return me.page("POST", "/account/password", Map.of(), "application/x-www-form-urlencoded", "current=" + enc(current)
                + "&password=" + enc(password) + "&confirm=" + enc(password));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void changingYourPasswordSignsOutYourOtherSessionsButNotThisOne() {
        String username = caseWorker();
        Caller here = Caller.signedIn(port, username, FIRST_PASSWORD);
        Caller elsewhere = Caller.signedIn(port, username, FIRST_PASSWORD);
        assertThat(elsewhere.page("GET", "/account/password", Map.of(), "", null).status()).isEqualTo(200);
        assertThat(changePassword(here, FIRST_PASSWORD, "river kettle orange lamp").body()).contains("Password changed");
        assertThat(here.page("GET", "/account/password", Map.of(), "", null).status()).isEqualTo(200);
        Caller.Answer other = elsewhere.page("GET", "/account/password", Map.of(), "", null);
        assertThat(other.status()).isEqualTo(302);
        assertThat(other.location()).isEqualTo("/sign-in");
        assertThat(elsewhere.api("GET", "/api/v1/organisations/the-trust/cases", Map.of(), "", null).status())
                .as("HTTP Basic with the old password").isEqualTo(401);
        assertThat(Api.as(port, username, "river kettle orange lamp").get("/api/v1/organisations/the-trust/cases").status()).isEqualTo(200);
        // the session kept can still change the password again
        assertThat(changePassword(here, "river kettle orange lamp", "lantern meadow copper violin").body()).contains("Password changed");
    }

    @Test
    void anAdministratorSettingAMembersPasswordSignsOutEverySessionOfTheirs() {
        String username = caseWorker();
        Caller member = Caller.signedIn(port, username, FIRST_PASSWORD);
        assertThat(new Api(port).put("/api/v1/organisations/the-trust/staff/" + username + "/password",
                "{\"password\":\"river kettle orange lamp\"}").status()).isEqualTo(200);
        assertThat(member.page("POST", "/api/v1/organisations/the-trust/cases", Map.of("Accept", "application/json"), "application/json",
                "{\"recordType\":\"complaint\",\"channel\":\"PHONE\",\"complainant\":{\"name\":\"A\"},\"description\":\"B\"}").status())
                .as("the old session on the API, with its CSRF token").isEqualTo(401);
        Caller.Answer page = member.page("GET", "/account/password", Map.of(), "", null);
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).isEqualTo("/sign-in");
    }

    // --- the change-password page counts wrong current passwords ---

    @Test
    void aRefusedSignInIsNamedInTheErrorSummaryWithTheLockingRule() {
        RawHttp.Reply page = RawHttp.send("127.0.0.1", port, "GET", "/sign-in?error", Map.of(), "");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("There is a problem", "href=\"#username\"",
                "The username or password is wrong, or the account is locked. After 5 wrong passwords an account is locked for 15 minutes.");
    }

    @Test
    void wrongCurrentPasswordsOnTheChangePageLockTheAccountAsWrongSignInsDo() {
        String username = caseWorker();
        Caller me = Caller.signedIn(port, username, FIRST_PASSWORD);
        for (int i = 0; i < 5; i++) {
            assertThat(changePassword(me, "a-guess-" + i, "river kettle orange lamp").body())
                    .contains("There is a problem", "href=\"#current\"", "Your current password is wrong");
        }
        assertThat(changePassword(me, FIRST_PASSWORD, "river kettle orange lamp").body())
                .contains("Your account is locked after too many wrong passwords");
        assertThat(Api.as(port, username, FIRST_PASSWORD).get("/api/v1/organisations/the-trust/cases").status())
                .as("signing in while locked").isEqualTo(401);
        clock.set(clock.instant().plus(Duration.ofMinutes(15)).plusSeconds(1));
        assertThat(Api.as(port, username, FIRST_PASSWORD).get("/api/v1/organisations/the-trust/cases").status()).isEqualTo(200);
        assertThat(changePassword(me, FIRST_PASSWORD, "river kettle orange lamp").body()).contains("Password changed");
    }

    // --- no session for a refused API call ---

    @Test
    void anApiCallAnswered401CreatesNoSession() {
        for (String accept : List.of("", "text/html,*/*;q=0.8", "application/json")) {
            for (String authorization : List.of("", "Basic bm9ib2R5Om5vdGhpbmc=")) {
                for (String method : List.of("GET", "POST")) {
                    Map<String, String> headers = new java.util.HashMap<>(Map.of("Content-Type", "application/json"));
                    if (!accept.isEmpty()) headers.put("Accept", accept);
                    if (!authorization.isEmpty()) headers.put("Authorization", authorization);
                    RawHttp.Reply reply = RawHttp.send("127.0.0.1", port, method, "/api/v1/organisations/the-trust/cases", headers,
                            method.equals("GET") ? "" : "{}");
                    assertThat(reply.status()).as(method + " " + headers).isEqualTo(401);
                    assertThat(reply.headers("Set-Cookie")).as(method + " " + headers).isEmpty();
                }
            }
        }
    }

    // --- a content security policy on every page ---

    @Test
    void theStartPageAndTheApiExplorerHaveAContentSecurityPolicy() {
        for (String path : List.of("/", "/index.html", "/sign-in")) {
            String csp = RawHttp.send("127.0.0.1", port, "GET", path, Map.of(), "").header("Content-Security-Policy").orElse("");
            assertThat(csp).as(path).contains("default-src 'self'").contains("script-src 'self';").contains("frame-ancestors 'none'")
                    .contains("object-src 'none'");
        }
        for (String path : List.of("/swagger-ui/index.html", "/swagger-ui/swagger-initializer.js")) {
            RawHttp.Reply explorer = RawHttp.send("127.0.0.1", port, "GET", path, Map.of(), "");
            assertThat(explorer.status()).isEqualTo(200);
            assertThat(explorer.header("Content-Security-Policy").orElse("")).as(path).contains("default-src 'self'")
                    .contains("script-src 'self';").contains("frame-ancestors 'none'");
        }
    }
}
