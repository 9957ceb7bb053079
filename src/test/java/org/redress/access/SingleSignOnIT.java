package org.redress.access;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.redress.accounts.Accounts;
import org.redress.accounts.Role;
import org.redress.testing.TestClockConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Single sign-on against a real OpenID Connect provider started inside the test (NAV's mock-oauth2-server, with its
 * interactive login form): the browser-like client follows every redirect, fills in the provider's form, and ends on
 * the staff pages with the role the provider's groups map to.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class SingleSignOnIT {

    private static final MockOAuth2Server PROVIDER = new MockOAuth2Server(OAuth2Config.Companion.fromJson("{\"interactiveLogin\":true}"));

    static {
        PROVIDER.start(0);
    }

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        registry.add("redress.oidc.issuer-uri", () -> PROVIDER.issuerUrl("staff").toString());
        registry.add("redress.oidc.client-id", () -> "redress");
        registry.add("redress.oidc.client-secret", () -> "not-checked-by-the-mock");
        registry.add("redress.oidc.provider-name", () -> "Trust Login");
        registry.add("redress.oidc.groups.redress-tt-caseworkers", () -> "the-trust:CASE_WORKER");
        registry.add("redress.oidc.groups.redress-tt-managers", () -> "the-trust:COMPLAINT_MANAGEMENT_OFFICER");
        registry.add("redress.oidc.groups.redress-ah-board", () -> "alliance-homes:BOARD_MEMBER");
    }

    @AfterAll
    static void stop() {
        PROVIDER.shutdown();
    }

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Test
    void theSignInPageOffersTheProviderByName() throws Exception {
        String page = new Browser().get("http://localhost:" + port + "/sign-in").body();
        assertThat(page).contains("Sign in with Trust Login").contains("/oauth2/authorization/redress");
    }

    @Test
    void aCaseWorkerInTheMappedGroupSignsInThroughTheProviderAndLandsOnTheirWorkList() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> landed = browser.signInThroughProvider(port, "kim.nguyen@trust.example", "Kim Nguyen",
                "[\"redress-tt-caseworkers\", \"some-other-group\"]");
        assertThat(landed.uri().getPath()).isEqualTo("/staff/the-trust");
        assertThat(landed.statusCode()).isEqualTo(200);
        assertThat(landed.body()).contains("Kim Nguyen");
        assertThat(accounts.roleIn("kim.nguyen", "the-trust")).contains(Role.CASE_WORKER);
        // the account is a staff account like any other: the API session works and the role's limits hold
        assertThat(browser.get("http://localhost:" + port + "/api/v1/organisations/the-trust/cases").statusCode()).isEqualTo(200);
        assertThat(browser.get("http://localhost:" + port + "/staff/alliance-homes").statusCode()).isEqualTo(404);
    }

    @Test
    void theRolesFollowTheProvidersGroupsAtEachSignIn() throws Exception {
        new Browser().signInThroughProvider(port, "sam.patel", "Sam Patel", "[\"redress-tt-caseworkers\", \"redress-ah-board\"]");
        assertThat(accounts.roleIn("sam.patel", "the-trust")).contains(Role.CASE_WORKER);
        assertThat(accounts.roleIn("sam.patel", "alliance-homes")).contains(Role.BOARD_MEMBER);

        HttpResponse<String> again = new Browser().signInThroughProvider(port, "sam.patel", "Sam Patel", "[\"redress-tt-managers\"]");
        assertThat(again.uri().getPath()).isEqualTo("/staff/the-trust");
        assertThat(accounts.roleIn("sam.patel", "the-trust")).contains(Role.COMPLAINT_MANAGEMENT_OFFICER);
        assertThat(accounts.roleIn("sam.patel", "alliance-homes")).isEmpty();
    }

    @Test
    void someoneInNoMappedGroupIsRefusedWithAPageThatSaysWhy() throws Exception {
        HttpResponse<String> refused = new Browser().signInThroughProvider(port, "pat.visitor", "Pat Visitor", "[\"everyone\"]");
        assertThat(refused.uri().getPath()).isEqualTo("/sign-in/refused");
        assertThat(refused.body()).contains("You cannot use Redress yet").contains("Trust Login")
                .contains("not in any group that has a role in Redress");
        assertThat(accounts.find("pat.visitor")).isEmpty();
    }

    @Test
    void aProviderUserWithTheSameNameAsALocalAccountGetsTheirOwnAccount() throws Exception {
        accounts.ensure("local.lee", "Local Lee", "local-lee-password", false, Map.of("alliance-homes", Role.ADMINISTRATOR));
        new Browser().signInThroughProvider(port, "local.lee", "Impostor Lee", "[\"redress-tt-caseworkers\"]");
        assertThat(accounts.roleIn("local.lee", "alliance-homes")).contains(Role.ADMINISTRATOR);
        assertThat(accounts.roleIn("local.lee", "the-trust")).isEmpty();
        assertThat(accounts.roleIn("local.lee-2", "the-trust")).contains(Role.CASE_WORKER);
    }

    @Test
    void signingOutOfRedressAlsoEndsTheSessionAtTheProviderAndComesBackToTheSignInPage() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> landed = browser.signInThroughProvider(port, "robin.ames", "Robin Ames", "[\"redress-tt-caseworkers\"]");
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(landed.body());
        assertThat(csrf.find()).as("the work list has the sign-out button's form").isTrue();

        HttpResponse<String> out = browser.post("http://localhost:" + port + "/sign-out", "_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8));

        assertThat(out.uri().getPath()).isEqualTo("/sign-in");
        assertThat(out.uri().getQuery()).isEqualTo("signed-out");
        List<URI> hops = new ArrayList<>();
        for (var r = out.previousResponse(); r.isPresent(); r = r.get().previousResponse()) {
            hops.add(r.get().uri());
        }
        assertThat(hops).as("the way out passed through the provider's end-session endpoint with the ID token")
                .anySatisfy(uri -> {
                    assertThat(uri.getPort()).isEqualTo(PROVIDER.baseUrl().port());
                    assertThat(uri.getPath()).endsWith("/endsession");
                    assertThat(uri.getQuery()).contains("id_token_hint=").contains("post_logout_redirect_uri=");
                });
        assertThat(browser.get("http://localhost:" + port + "/staff/the-trust").uri().getPath())
                .as("Redress's own session is over too").isEqualTo("/sign-in");
    }

    /** A browser without JavaScript: keeps cookies for both servers and follows redirects. */
    private static final class Browser {
        private static final Pattern FORM = Pattern.compile("<form[^>]*method=\"post\"", Pattern.CASE_INSENSITIVE);
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.ALWAYS).build();

        HttpResponse<String> get(String url) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html,*/*;q=0.8").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String url, String form) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }

        /** Starts at Redress's sign-in link, fills in the provider's login form, and follows the redirects back. */
        HttpResponse<String> signInThroughProvider(int port, String username, String name, String groupsJson)
                throws IOException, InterruptedException {
            HttpResponse<String> login = get("http://localhost:" + port + "/oauth2/authorization/redress");
            assertThat(login.uri().getPort()).as("the provider's login page").isEqualTo(PROVIDER.baseUrl().port());
            Matcher form = FORM.matcher(login.body());
            assertThat(form.find()).as("the provider shows a login form").isTrue();
            String claims = "{\"preferred_username\":\"" + username + "\",\"name\":\"" + name + "\",\"groups\":" + groupsJson + "}";
            String body = Map.of("username", username, "claims", claims).entrySet().stream()
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            // the form posts back to the address it was shown at
            return http.send(HttpRequest.newBuilder(login.uri()).header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
