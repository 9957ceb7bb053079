package org.redress.correspondence;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redress.accounts.Accounts;
import org.redress.accounts.Role;
import org.redress.testing.Api;
import org.redress.testing.MutableClock;
import org.redress.testing.TestClockConfiguration;
import org.redress.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A complainant's one-time code goes to them by email and nowhere else: no member of staff, whatever their role, reads
 * it in the outbox, the case's letters or a letter's PDF, before the email is sent or after, and the stored letter never
 * holds it. Delivery is run by the test (no poller, nothing sent after commit), so the letter can be read while it waits.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"redress.outbox.poll-interval=1h", "redress.outbox.deliver-after-commit=false"})
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class OneTimeCodeByEmailIT {

    static final String ORG = "the-trust";
    static final String PASSWORD = "one-time-code-mail-pass";
    static final Pattern CODE = Pattern.compile("\n(\\d{6})\n");
    static final Pattern REFERENCE = Pattern.compile("id=\"reference\">([A-Z0-9-]+)<");

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(CorrespondenceIT.freePort(), null, ServerSetup.PROTOCOL_SMTP))
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "localhost");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    }

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

    @BeforeEach
    void staffOfEveryKind() {
        clock.setUk("2026-11-23T11:00");
        accounts.ensure("oc.board", "Board Member", PASSWORD, false, Map.of(ORG, Role.BOARD_MEMBER));
        accounts.ensure("oc.worker", "Case Worker", PASSWORD, false, Map.of(ORG, Role.CASE_WORKER));
        accounts.ensure("oc.admin", "Administrator", PASSWORD, false, Map.of(ORG, Role.ADMINISTRATOR));
        outbox.deliverDue();
    }

    @Test
    void noStaffRoleReadsAComplainantsCodeBeforeOrAfterItIsEmailedAndTheComplainantSignsInWithTheEmailedCode() throws Exception {
        String email = "coded." + System.nanoTime() + "@example.org";
        String reference = complain(email);
        WebSession resident = new WebSession(port);
        resident.get("/o/" + ORG + "/track");
        assertThat(resident.post("/o/" + ORG + "/track", Map.of("reference", reference)).status()).isEqualTo(200);
        UUID letter = jdbc.sql("select id from correspondence.letter where kind = 'ACCESS_CODE' and case_reference = ?")
                .param(reference).query(UUID.class).single();

        List<Answer> waiting = everyStaffRead(reference, letter);
        assertThat(status(letter)).isEqualTo("PENDING");
        assertThat(outboxEntry(Api.as(port, "oc.worker", PASSWORD), letter).get("body").asString()).contains("••••••");

        outbox.deliverDue();
        assertThat(status(letter)).isEqualTo("SENT");
        List<MimeMessage> mail = Arrays.stream(smtp.getReceivedMessages()).filter(m -> to(m, email)).toList();
        assertThat(mail).hasSize(1);
        String code = match(CODE, GreenMailUtil.getBody(mail.get(0)).replace("=\r\n", "").replace("\r\n", "\n"));
        List<Answer> sent = everyStaffRead(reference, letter);

        // the code as a word of its own: the digits may by chance sit inside an id or a reference number
        Pattern readable = Pattern.compile("(?<![\\w-])" + code + "(?!\\w)");
        for (Answer answer : concat(waiting, sent)) {
            assertThat(readable.matcher(answer.text()).find()).as(answer.what() + " shows the code " + code + ":\n" + answer.text()).isFalse();
        }
        // the stored letter holds the mask, and nothing keeps the code once it is sent
        assertThat(jdbc.sql("select body from correspondence.letter where id = ?").param(letter).query(String.class).single())
                .contains("••••••").doesNotContain(code);
        assertThat(jdbc.sql("select count(*) from correspondence.held_code where letter_id = ?").param(letter).query(Integer.class).single())
                .isZero();

        WebSession.Page in = resident.post("/o/" + ORG + "/track/code", Map.of("reference", reference, "code", code));
        assertThat(in.location()).endsWith("/o/" + ORG + "/track/case");
        assertThat(resident.get("/o/" + ORG + "/track/case").body()).contains(reference, "We are looking into it");
    }

    @Test
    void aCodeThatExpiresBeforeItCanBeSentIsNeverSent() {
        String email = "late." + System.nanoTime() + "@example.org";
        String reference = complain(email);
        WebSession resident = new WebSession(port);
        resident.get("/o/" + ORG + "/track");
        resident.post("/o/" + ORG + "/track", Map.of("reference", reference));
        UUID letter = jdbc.sql("select id from correspondence.letter where kind = 'ACCESS_CODE' and case_reference = ?")
                .param(reference).query(UUID.class).single();

        // the mail server was down for the code's whole life
        clock.setUk("2026-11-23T11:16");
        outbox.deliverDue();

        assertThat(Arrays.stream(smtp.getReceivedMessages()).filter(m -> to(m, email))).isEmpty();
        assertThat(status(letter)).isEqualTo("FAILED");
        assertThat(jdbc.sql("select last_error from correspondence.letter where id = ?").param(letter).query(String.class).single())
                .isEqualTo("The code expired or was replaced before it could be sent; the complainant can ask for a new one");
        assertThat(jdbc.sql("select count(*) from correspondence.held_code where letter_id = ?").param(letter).query(Integer.class).single())
                .isZero();
    }

    record Answer(String what, String text) {
    }

    /** What the Board, a case worker and an administrator are given: the outbox, the case's letters, the letter's PDF, the page. */
    private List<Answer> everyStaffRead(String reference, UUID letter) throws IOException {
        List<Answer> answers = new ArrayList<>();
        for (String username : List.of("oc.board", "oc.worker", "oc.admin")) {
            Api api = Api.as(port, username, PASSWORD);
            for (String path : List.of("/api/v1/organisations/" + ORG + "/outbox", "/api/v1/organisations/" + ORG + "/outbox?status=PENDING",
                    "/api/v1/organisations/" + ORG + "/outbox?status=SENT", "/api/v1/organisations/" + ORG + "/cases/" + reference + "/letters")) {
                Api.Response response = api.get(path);
                assertThat(response.status()).as(username + " " + path).isEqualTo(200);
                answers.add(new Answer(username + " " + path, response.body()));
            }
            answers.add(new Answer(username + " letter PDF", pdfText(username, letter)));
            WebSession session = new WebSession(port);
            session.signIn(username, PASSWORD);
            WebSession.Page page = session.get("/staff/" + ORG + "/outbox");
            // with a mail server the letters are delivered, so there is no local outbox page at all
            assertThat(page.status()).as(username + " outbox page").isEqualTo(404);
            answers.add(new Answer(username + " outbox page", page.body()));
        }
        return answers;
    }

    private String pdfText(String username, UUID letter) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/organisations/" + ORG + "/letters/" + letter + "/pdf"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        try {
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as(username + " letter PDF").isEqualTo(200);
            try (PDDocument document = Loader.loadPDF(response.body())) {
                return new PDFTextStripper().getText(document);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The letter among the organisation's letters waiting to be sent (the outbox lists the newest 200 of a status). */
    private JsonNode outboxEntry(Api api, UUID letter) {
        for (JsonNode entry : api.get("/api/v1/organisations/" + ORG + "/outbox?status=PENDING").json()) {
            if (entry.get("id").asString().equals(letter.toString())) {
                return entry;
            }
        }
        throw new AssertionError("letter " + letter + " is not in the outbox");
    }

    private String complain(String email) {
        WebSession resident = new WebSession(port);
        resident.get("/o/" + ORG + "/complain");
        WebSession.Page page = resident.post("/o/" + ORG + "/complain", Map.of("whatHappened", "The lift is broken again",
                "name", "Cody Complainant", "email", email, "contactBy", "EMAIL"));
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return match(REFERENCE, page.body());
    }

    private String status(UUID letter) {
        return jdbc.sql("select status from correspondence.letter where id = ?").param(letter).query(String.class).single();
    }

    private static boolean to(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().equals(address));
        } catch (Exception e) {
            return false;
        }
    }

    private static List<Answer> concat(List<Answer> a, List<Answer> b) {
        List<Answer> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static String match(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return m.group(1);
    }
}
