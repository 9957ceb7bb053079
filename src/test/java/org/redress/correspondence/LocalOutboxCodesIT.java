package org.redress.correspondence;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.accounts.Accounts;
import org.redress.accounts.Role;
import org.redress.publicweb.PublicWebTestAccess;
import org.redress.testing.Api;
import org.redress.testing.LocalOutboxCodes;
import org.redress.testing.MutableClock;
import org.redress.testing.TestClockConfiguration;
import org.redress.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without a mail server the local outbox page is where mail is "delivered", so it is how the demo's complainant gets a
 * code: an administrator is shown a code there, only while it can still be used, and each showing is recorded. Nobody
 * else, and no API, ever shows it; the stored letter never holds it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class LocalOutboxCodesIT {

    static final String ORG = "the-trust";
    static final String PASSWORD = "local-outbox-codes-pass";

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    MutableClock clock;
    @Autowired
    Outbox outbox;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;

    @BeforeEach
    void staffOfEveryKind() {
        clock.setUk("2027-03-01T10:00");
        PublicWebTestAccess.forgetRateLimits(context);
        accounts.ensure("lo.board", "Board Member", PASSWORD, false, Map.of(ORG, Role.BOARD_MEMBER));
        accounts.ensure("lo.worker", "Case Worker", PASSWORD, false, Map.of(ORG, Role.CASE_WORKER));
        accounts.ensure("lo.admin", "Administrator", PASSWORD, false, Map.of(ORG, Role.ADMINISTRATOR));
    }

    /**
     * The outbox page that lists the case's letters: the outbox is paged, newest first, and other tests may have sent
     * The Trust's letters at later times, so the older pages are followed until the case's letters appear.
     */
    private static WebSession.Page outboxPageWith(WebSession session, String reference) {
        WebSession.Page page = session.get("/staff/" + ORG + "/outbox");
        for (int pages = 1; pages < 200 && page.status() == 200 && !page.body().contains(reference); pages++) {
            java.util.regex.Matcher older = java.util.regex.Pattern.compile("href=\"([^\"]*before=[^\"]*)\" rel=\"next\"").matcher(page.body());
            if (!older.find()) {
                break;
            }
            page = session.get(older.group(1).replace("&amp;", "&"));
        }
        return page;
    }

    @AfterEach
    void leaveOtherTestsTheirAllowance() {
        PublicWebTestAccess.forgetRateLimits(context);
    }

    @Test
    void onlyAnAdministratorIsShownALiveCodeOnTheLocalOutboxAndEachShowingIsRecorded() throws IOException {
        String reference = caseWithEmail("Lola Local");
        WebSession resident = askForCode(reference);
        UUID letter = codeLetter(reference);

        List<String[]> answers = new ArrayList<>();
        for (String username : List.of("lo.board", "lo.worker", "lo.admin")) {
            Api api = Api.as(port, username, PASSWORD);
            for (String path : List.of("/api/v1/organisations/" + ORG + "/outbox", "/api/v1/organisations/" + ORG + "/cases/" + reference + "/letters")) {
                Api.Response response = api.get(path);
                assertThat(response.status()).isEqualTo(200);
                answers.add(new String[]{username + " " + path, response.body()});
            }
            answers.add(new String[]{username + " letter PDF", pdfText(username, letter)});
        }
        for (String username : List.of("lo.board", "lo.worker")) {
            WebSession.Page page = outboxPageWith(signedIn(username), reference);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("Your code to see complaint " + reference).doesNotContain("id=\"code-" + reference + "\"");
            answers.add(new String[]{username + " outbox page", page.body()});
        }

        WebSession admin = signedIn("lo.admin");
        String shown = outboxPageWith(admin, reference).body();
        String code = LocalOutboxCodes.codeOn(shown, reference).orElseThrow(() -> new AssertionError("no code shown:\n" + shown));
        assertThat(shown).contains("Shown to lo.admin at 10:00");
        outboxPageWith(admin, reference);
        assertThat(showings(letter)).isEqualTo(2);

        Pattern readable = Pattern.compile("(?<![\\w-])" + code + "(?!\\w)");
        for (String[] answer : answers) {
            assertThat(readable.matcher(answer[1]).find()).as(answer[0] + " shows the code " + code).isFalse();
        }
        assertThat(body(letter)).contains("••••••").doesNotContain(code);

        assertThat(resident.post("/o/" + ORG + "/track/code", Map.of("reference", reference, "code", code)).location())
                .endsWith("/o/" + ORG + "/track/case");
        // used, so gone: nobody is shown it again and nothing keeps it
        assertThat(LocalOutboxCodes.codeOn(outboxPageWith(admin, reference).body(), reference)).isEmpty();
        assertThat(held(letter)).isZero();
        assertThat(showings(letter)).isEqualTo(2);
    }

    @Test
    void aCodeIsShownToNobodyOnceItHasExpired() {
        String reference = caseWithEmail("Evan Expiry");
        askForCode(reference);
        UUID letter = codeLetter(reference);
        assertThat(LocalOutboxCodes.codeOn(outboxPageWith(signedIn("lo.admin"), reference).body(), reference)).isPresent();

        clock.setUk("2027-03-01T10:15");
        assertThat(LocalOutboxCodes.codeOn(outboxPageWith(signedIn("lo.admin"), reference).body(), reference)).isEmpty();
        outbox.deliverDue();
        assertThat(held(letter)).isZero();
    }

    @Test
    void askingForANewCodeWithdrawsTheOldOne() {
        String reference = caseWithEmail("Nell New");
        askForCode(reference);
        UUID first = codeLetter(reference);
        clock.setUk("2027-03-01T10:01");
        askForCode(reference);

        assertThat(held(first)).isZero();
        assertThat(jdbc.sql("select count(*) from correspondence.held_code where organisation = ? and case_reference = ?")
                .params(ORG, reference).query(Integer.class).single()).isEqualTo(1);
    }

    private String caseWithEmail(String name) {
        Api.Response created = new Api(port).post("/api/v1/organisations/" + ORG + "/cases", """
                {"recordType":"complaint","channel":"PHONE","complainant":{"name":"%s","email":"%s@example.org","preferredContact":"EMAIL"},
                 "description":"The lift is broken again"}""".formatted(name, name.toLowerCase().replace(' ', '.') + "." + System.nanoTime()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("caseFile").get("reference").asString();
    }

    private WebSession askForCode(String reference) {
        WebSession resident = new WebSession(port);
        resident.get("/o/" + ORG + "/track");
        assertThat(resident.post("/o/" + ORG + "/track", Map.of("reference", reference)).status()).isEqualTo(200);
        outbox.deliverDue();
        return resident;
    }

    private WebSession signedIn(String username) {
        WebSession session = new WebSession(port);
        session.signIn(username, PASSWORD);
        return session;
    }

    private UUID codeLetter(String reference) {
        return jdbc.sql("select id from correspondence.letter where kind = 'ACCESS_CODE' and case_reference = ? order by created_at desc limit 1")
                .param(reference).query(UUID.class).single();
    }

    private String body(UUID letter) {
        return jdbc.sql("select body from correspondence.letter where id = ?").param(letter).query(String.class).single();
    }

    private int held(UUID letter) {
        return jdbc.sql("select count(*) from correspondence.held_code where letter_id = ?").param(letter).query(Integer.class).single();
    }

    private int showings(UUID letter) {
        return jdbc.sql("select count(*) from correspondence.held_code_shown where letter_id = ?").param(letter).query(Integer.class).single();
    }

    private String pdfText(String username, UUID letter) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/organisations/" + ORG + "/letters/" + letter + "/pdf"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        try {
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).isEqualTo(200);
            try (PDDocument document = Loader.loadPDF(response.body())) {
                return new PDFTextStripper().getText(document);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
