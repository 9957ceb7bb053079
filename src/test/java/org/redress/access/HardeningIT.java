package org.redress.access;

import org.junit.jupiter.api.Test;
import org.redress.accounts.Accounts;
import org.redress.accounts.Role;
import org.redress.publicweb.Attachments;
import org.redress.testing.Api;
import org.redress.testing.Cases;
import org.redress.testing.MutableClock;
import org.redress.testing.TestAccounts;
import org.redress.testing.TestClockConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Security headers, cookies, CSRF on every form, the password policy and how uploaded files are served. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({TestClockConfiguration.class, ReachedHandler.class})
class HardeningIT {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Attachments attachments;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    private HttpResponse<String> get(String path, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        headers.forEach(request::header);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void pagesForbidInlineScriptFramingSniffingAndForeignReferrers() throws Exception {
        HttpResponse<String> page = get("/sign-in", Map.of());
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("script-src 'self';").contains("frame-ancestors 'none'").contains("object-src 'none'");
        assertThat(csp.replaceAll("style-src[^;]*;", "")).doesNotContain("unsafe-inline");
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("same-origin");
        assertThat(page.headers().firstValue("Strict-Transport-Security")).as("no HSTS over plain HTTP").isEmpty();
        HttpResponse<String> api = get("/api/v1/organisations/the-trust/cases", Map.of("Authorization", Api.ADMIN_AUTHORIZATION));
        assertThat(api.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(api.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    }

    @Test
    void behindATlsProxyAnswersCarryHstsAndTheSessionCookieIsSecure() throws Exception {
        // from the proxy the test profile trusts (redress.trusted-proxies); anyone else's X-Forwarded-Proto is ignored
        RawHttp.Reply page = RawHttp.send(RawHttp.TRUSTED_PROXY, port, "GET", "/sign-in", Map.of("X-Forwarded-Proto", "https"), "");
        assertThat(page.header("Strict-Transport-Security").orElse("")).contains("max-age=31536000").contains("includeSubDomains");
        String cookie = page.headers("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID")).findFirst().orElseThrow();
        assertThat(cookie).contains("Secure").contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
        String plain = get("/sign-in", Map.of()).headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID")).findFirst().orElseThrow();
        assertThat(plain).contains("HttpOnly").containsIgnoringCase("SameSite=Lax").doesNotContain("Secure");
    }

    @Test
    void everyFormPostedWithoutItsCsrfTokenIsRefusedBeforeReachingItsController() {
        String reference = new Cases(new Api(port)).aComplaint().by("Csrf Tenant").withoutEmail().saying("Door").points()
                .in("the-trust").reference();
        Caller admin = Caller.signedIn(port, TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
        List<Endpoints.Endpoint> forms = Endpoints.forms(handlerMapping, "the-trust", reference);
        assertThat(forms).as("staff and public forms").hasSizeGreaterThan(5);
        Map<String, Long> before = DatabaseFingerprint.of(jdbc);
        List<String> wrong = new ArrayList<>();
        for (Endpoints.Endpoint form : forms) {
            Caller.Answer answer = admin.pageWithoutToken(form.method(), form.path(),
                    form.contentType().isEmpty() ? "application/x-www-form-urlencoded" : form.contentType(), "name=x&reason=y");
            if (answer.status() != 403 || answer.reachedController()) {
                wrong.add(form + " answered " + answer.status() + (answer.reachedController() ? " from its controller" : ""));
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(DatabaseFingerprint.of(jdbc)).isEqualTo(before);
    }

    @Test
    void aNewPasswordMustBeLongNotTheUsernameAndNotACommonOne() {
        String hash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode("first-password-123");
        accounts.ensureHashed("pw.changer", "Pat Changer", hash, false);
        accounts.ensure("pw.changer", "Pat Changer", "x", false, Map.of("the-trust", Role.CASE_WORKER));
        Caller me = Caller.signedIn(port, "pw.changer", "first-password-123");
        me.page("GET", "/account/password", Map.of(), "", null);
        assertThat(change(me, "first-password-123", "short-one")).contains("at least 12 characters");
        assertThat(change(me, "first-password-123", "pw.changer-is-me")).contains("username");
        assertThat(change(me, "first-password-123", "1qaz2wsx3edc")).contains("most common");
        assertThat(change(me, "first-password-123", "Password12345!")).contains("most common");
        assertThat(change(me, "wrong-current-password", "river kettle orange lamp")).contains("current password is wrong");
        assertThat(change(me, "first-password-123", "river kettle orange lamp")).contains("Password changed");
        assertThat(Caller.signedIn(port, "pw.changer", "river kettle orange lamp")).isNotNull();
    }

    private static String change(Caller me, String current, String password) {
        String body = "current=" + enc(current) + "&password=" + enc(password) + "&confirm=" + enc(password);
        return me.page("POST", "/account/password", Map.of(), "application/x-www-form-urlencoded", body).body();
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void anUploadedFileIsDownloadedAsAnAttachmentNeverShownAsAPage() {
        String reference = new Cases(new Api(port)).aComplaint().by("Upload Tenant").withoutEmail().saying("See attached").points()
                .in("the-trust").reference();
        // stored as the public form stores a text file (that module's own tests cover the checks before storing)
        byte[] content = "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8);
        jdbc.sql("""
                insert into publicweb.attachment (id, organisation, reference, filename, media_type, size_bytes, sha256, content, uploaded_at)
                values (?, 'the-trust', ?, 'notes.html', 'text/plain', ?, 'x', ?, now())""")
                .params(UUID.randomUUID(), reference, content.length, content).update();
        UUID id = attachments.list("the-trust", reference).get(0).id();
        Caller admin = Caller.signedIn(port, TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
        Caller.Answer file = admin.page("GET", "/staff/the-trust/cases/" + reference + "/attachments/" + id, Map.of(), "", null);
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.raw().headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
        assertThat(file.raw().headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(file.raw().headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    }
}
