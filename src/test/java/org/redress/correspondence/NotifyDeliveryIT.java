package org.redress.correspondence;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.testing.Api;
import org.redress.testing.CaseOnFile;
import org.redress.testing.Cases;
import org.redress.testing.LocalNotify;
import org.redress.testing.MutableClock;
import org.redress.testing.TestAccounts;
import org.redress.testing.TestClockConfiguration;
import org.redress.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GOV.UK Notify as a delivery channel (issue 24, item 2; A-2 for a person who asked for texts): an organisation
 * connected to a Notify service has its emails, text messages and posted letters sent from its Notify templates,
 * through Notify's official Java client, to a Notify of the test's own ({@link LocalNotify}: a real HTTP server that
 * checks the client's signed token), each exactly once; Notify's delivery receipts change the letter's status, and a
 * receipt without the organisation's callback token is refused and changes nothing. Delivery is run by the test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"redress.outbox.poll-interval=1h", "redress.outbox.deliver-after-commit=false",
                "redress.metrics.scrape-token=" + NotifyDeliveryIT.SCRAPE_TOKEN})
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class NotifyDeliveryIT {

    static final LocalNotify notify = new LocalNotify();
    /** The organisation the settings connect to Notify: its code is chosen before the application starts. */
    static final String ORG = "the-trust-notify-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    static final String EMAIL_TEMPLATE = "6b1f3c52-0d6a-4c55-9a0a-2f3f1b0e5c01";
    static final String SMS_TEMPLATE = "0f6c2a9e-7f43-4a2b-8f7d-1c9d2e4b6a02";
    static final String LETTER_TEMPLATE = "c3a8e1d4-5b2f-4e6a-9c7d-8f1e2a3b4c03";
    static final String CALLBACK_TOKEN = "receipts-" + UUID.randomUUID();
    static final String OWNER = "notify.owner";
    static final String SCRAPE_TOKEN = "scrape-notify-0123456789abcdef0123456789abcdef";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static boolean organisationMade;

    @DynamicPropertySource
    static void notifyService(DynamicPropertyRegistry registry) {
        registry.add("redress.notify.base-url", notify::baseUrl);
        registry.add("redress.notify.services[0].organisation", () -> ORG);
        registry.add("redress.notify.services[0].api-key", notify::apiKey);
        registry.add("redress.notify.services[0].callback-token", () -> CALLBACK_TOKEN);
        registry.add("redress.notify.services[0].email-template", () -> EMAIL_TEMPLATE);
        registry.add("redress.notify.services[0].sms-template", () -> SMS_TEMPLATE);
        registry.add("redress.notify.services[0].letter-template", () -> LETTER_TEMPLATE);
    }

    @AfterAll
    static void stopNotify() {
        notify.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    Outbox outbox;

    Cases cases;

    @BeforeEach
    void theOrganisationConnectedToNotify() {
        clock.setUk("2026-12-07T09:00");
        cases = new Cases(new Api(port));
        if (!organisationMade) {
            cases.anOrganisationCalled(ORG, "the-trust", "Repairs", "Housing management");
            cases.aMemberHolding(ORG, OWNER, "investigating-manager");
            organisationMade = true;
        }
        outbox.deliverDue();
    }

    @Test
    void anEmailAndAPostedLetterGoFromTheOrganisationsNotifyTemplatesWithTheLettersWordsExactlyOnce() {
        String email = "ada.notified." + System.nanoTime() + "@example.org";
        CaseOnFile byEmail = cases.aComplaint().by("Ada Notified").withEmail(email).preferringContactBy("EMAIL").inArea("Repairs")
                .in(ORG).assignTo(OWNER).acknowledge();
        CaseOnFile byPost = cases.aComplaint().by("Pat Poster").withoutEmail().atAddress("1 High Street, Anytown, AN1 2BC")
                .preferringContactBy("POST").inArea("Repairs").in(ORG).assignTo(OWNER).acknowledge();

        outbox.deliverDue();
        outbox.deliverDue();

        JsonNode emailLetter = onlyLetter(byEmail);
        List<LocalNotify.Sent> emails = sentFor(emailLetter);
        assertThat(emails).hasSize(1);
        assertThat(emails.get(0).type()).isEqualTo("email");
        assertThat(emails.get(0).templateId()).isEqualTo(EMAIL_TEMPLATE);
        assertThat(emails.get(0).to()).isEqualTo(email);
        assertThat(emails.get(0).personalisation()).isEqualTo(JSON.createObjectNode()
                .put("subject", emailLetter.get("subject").asString()).put("body", emailLetter.get("body").asString())
                .put("reference", byEmail.reference()));
        assertThat(emailLetter.get("status").asString()).isEqualTo("SENT");
        assertThat(emailLetter.get("deliveredVia").asString()).isEqualTo("GOV.UK Notify email");

        JsonNode postLetter = onlyLetter(byPost);
        List<LocalNotify.Sent> posted = sentFor(postLetter);
        assertThat(posted).hasSize(1);
        assertThat(posted.get(0).type()).isEqualTo("letter");
        assertThat(posted.get(0).templateId()).isEqualTo(LETTER_TEMPLATE);
        assertThat(posted.get(0).personalisation()).isEqualTo(JSON.createObjectNode()
                .put("address_line_1", "Pat Poster").put("address_line_2", "1 High Street").put("address_line_3", "Anytown")
                .put("address_line_4", "AN1 2BC").put("subject", postLetter.get("subject").asString())
                .put("body", postLetter.get("body").asString()).put("reference", byPost.reference()));
        assertThat(postLetter.get("status").asString()).isEqualTo("SENT");

        String page = outboxPage();
        assertThat(page).contains("This organisation sends through GOV.UK Notify", "Sent by GOV.UK Notify email, waiting for its delivery receipt",
                "Sent by GOV.UK Notify letter, waiting for its delivery receipt", "post (GOV.UK Notify prints and posts it)");
    }

    @Test
    void aComplainantWhoChoseTextsGetsTheirTrackingCodeByTextOnceAndSignsInWithItA2() {
        CaseOnFile c = cases.aComplaint().by("Tess Texter").withoutEmail().withPhone("07700 900123").preferringContactBy("TEXT")
                .inArea("Repairs").in(ORG);
        WebSession person = new WebSession(port);
        person.get("/o/" + ORG + "/track");
        WebSession.Page codePage = person.post("/o/" + ORG + "/track", Map.of("reference", c.reference()));
        assertThat(codePage.status()).isEqualTo(200);
        assertThat(codePage.body()).contains("we have sent a 6-digit code: by text", "No email address or mobile number on your complaint?",
                "We only send codes by email or text message, so we cannot send you one.")
                .doesNotContain("We only send codes by email, so");

        outbox.deliverDue();
        outbox.deliverDue();

        List<LocalNotify.Sent> texts = notify.sent().stream().filter(s -> s.type().equals("sms") && s.personalisation().path("reference")
                .asString().equals(c.reference())).toList();
        assertThat(texts).hasSize(1);
        LocalNotify.Sent text = texts.get(0);
        assertThat(text.templateId()).isEqualTo(SMS_TEMPLATE);
        assertThat(text.to()).isEqualTo("07700900123");
        assertThat(text.personalisation().propertyNames()).containsExactlyInAnyOrder("body", "reference");
        Matcher code = Pattern.compile("Your code to see your complaint " + Pattern.quote(c.reference())
                + " online is (\\d{6})\\. It works once, for 15 minutes\\. If you did not ask for it, ignore this text\\. Test organisation \\d+")
                .matcher(text.personalisation().get("body").asString());
        assertThat(code.matches()).as(text.personalisation().get("body").asString()).isTrue();

        WebSession.Page in = person.post("/o/" + ORG + "/track/code", Map.of("reference", c.reference(), "code", code.group(1)));
        assertThat(in.location()).endsWith("/o/" + ORG + "/track/case");
    }

    @Test
    void aLetterForAPersonWhoChoseTextsIsTextedToTheirMobileNotACallToMakeA2() {
        CaseOnFile c = cases.aComplaint().by("Tom Texter").withoutEmail().withPhone("+44 7700 900456").preferringContactBy("TEXT")
                .inArea("Repairs").in(ORG).assignTo(OWNER).acknowledge();
        outbox.deliverDue();

        JsonNode letter = onlyLetter(c);
        assertThat(letter.get("channel").asString()).isEqualTo("TEXT");
        assertThat(letter.get("status").asString()).isEqualTo("SENT");
        List<LocalNotify.Sent> texts = sentFor(letter);
        assertThat(texts).hasSize(1);
        assertThat(texts.get(0).to()).isEqualTo("07700900456");
        assertThat(texts.get(0).templateId()).isEqualTo(SMS_TEMPLATE);
        assertThat(texts.get(0).personalisation()).isEqualTo(JSON.createObjectNode()
                .put("body", letter.get("body").asString()).put("reference", c.reference()));
        assertThat(new Api(port).get(c.path() + "/calls").json()).isEmpty();
    }

    @Test
    void aDeliveryReceiptChangesTheLettersStatusAndAReceiptWithoutTheCallbackTokenIsRefusedAndChangesNothing() throws Exception {
        CaseOnFile delivered = cases.aComplaint().by("Dee Livered").preferringContactBy("EMAIL").inArea("Repairs").in(ORG)
                .assignTo(OWNER).acknowledge();
        CaseOnFile bounced = cases.aComplaint().by("Bo Unced").preferringContactBy("EMAIL").inArea("Repairs").in(ORG)
                .assignTo(OWNER).acknowledge();
        outbox.deliverDue();
        JsonNode deliveredLetter = onlyLetter(delivered);
        JsonNode bouncedLetter = onlyLetter(bounced);
        UUID deliveredId = sentFor(deliveredLetter).get(0).id();
        UUID bouncedId = sentFor(bouncedLetter).get(0).id();

        assertThat(receipt("Bearer wrong-" + CALLBACK_TOKEN, deliveredId, deliveredLetter, "delivered").statusCode()).isEqualTo(401);
        assertThat(receipt(null, deliveredId, deliveredLetter, "delivered").statusCode()).isEqualTo(401);
        assertThat(onlyLetter(delivered).get("status").asString()).isEqualTo("SENT");

        assertThat(receipt("Bearer " + CALLBACK_TOKEN, deliveredId, deliveredLetter, "delivered").statusCode()).isEqualTo(204);
        assertThat(onlyLetter(delivered).get("status").asString()).isEqualTo("DELIVERED");
        assertThat(outboxPage()).contains("Delivered (GOV.UK Notify email)");
        assertThat(new Api(port).get(delivered.path() + "/calls").json()).isEmpty();

        clock.setUk("2026-12-07T09:00:40");
        double notDeliveredBefore = lettersNotDelivered();
        assertThat(receipt("Bearer " + CALLBACK_TOKEN, bouncedId, bouncedLetter, "permanent-failure").statusCode()).isEqualTo(204);
        String why = "GOV.UK Notify could not deliver it: the email address does not exist or refused it (permanent failure)";
        assertThat(onlyLetter(bounced).get("status").asString()).isEqualTo("NOT_DELIVERED");
        assertThat(outboxPage()).contains("Not delivered: " + why);
        JsonNode calls = new Api(port).get(bounced.path() + "/calls").json();
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0).get("what").asString()).isEqualTo("Letter not delivered");
        assertThat(calls.get(0).get("member").asString()).isEqualTo(OWNER);
        assertThat(calls.get(0).get("warning").asString()).isEqualTo("The letter \"" + bouncedLetter.get("subject").asString()
                + "\" was not delivered: " + why + ". Contact the person another way, then record it, or correct their contact details.");
        // the operators' dashboard counts it until staff reach the person (read again after the metrics' 30 s refresh)
        clock.setUk("2026-12-07T09:01:20");
        assertThat(lettersNotDelivered() - notDeliveredBefore).isEqualTo(1);
        // a receipt sent again, or a later one, changes nothing
        assertThat(receipt("Bearer " + CALLBACK_TOKEN, bouncedId, bouncedLetter, "delivered").statusCode()).isEqualTo(204);
        assertThat(onlyLetter(bounced).get("status").asString()).isEqualTo("NOT_DELIVERED");

        HttpResponse<String> bad = post("/notify/" + ORG + "/receipts", "Bearer " + CALLBACK_TOKEN, "{\"id\": \"not-an-id\", \"status\": \"delivered\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"field\":\"id\"");
    }

    @Test
    void aLetterNotifyTookWhoseAnswerWasLostIsNotSentAgainItsReferenceFindsIt() {
        notify.loseNextAnswer();
        CaseOnFile c = cases.aComplaint().by("Lou Lost").preferringContactBy("EMAIL").inArea("Repairs").in(ORG).acknowledge();
        outbox.deliverDue();
        assertThat(onlyLetter(c).get("status").asString()).isEqualTo("PENDING");

        clock.setUk("2026-12-07T09:05");
        outbox.deliverDue();

        JsonNode letter = onlyLetter(c);
        assertThat(letter.get("status").asString()).isEqualTo("SENT");
        assertThat(sentFor(letter)).hasSize(1);
    }

    private JsonNode onlyLetter(CaseOnFile c) {
        JsonNode letters = new Api(port).get(c.path() + "/letters").json();
        assertThat(letters).hasSize(1);
        return letters.get(0);
    }

    private static List<LocalNotify.Sent> sentFor(JsonNode letter) {
        return notify.sent().stream().filter(s -> s.reference().equals(letter.get("id").asString())).toList();
    }

    private String outboxPage() {
        WebSession web = new WebSession(port);
        assertThat(web.signIn(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD).status()).isEqualTo(302);
        WebSession.Page page = web.get("/staff/" + ORG + "/outbox");
        assertThat(page.status()).isEqualTo(200);
        return page.body();
    }

    private HttpResponse<String> receipt(String authorization, UUID notification, JsonNode letter, String status) throws Exception {
        String body = JSON.createObjectNode().put("id", notification.toString()).put("reference", letter.get("id").asString())
                .put("to", letter.get("recipient").asString()).put("status", status).put("created_at", "2026-12-07T09:00:00.000000Z")
                .put("completed_at", "2026-12-07T09:01:00.000000Z").put("sent_at", "2026-12-07T09:00:05.000000Z")
                .put("notification_type", "email").toString();
        return post("/notify/" + ORG + "/receipts", authorization, body);
    }

    private HttpResponse<String> post(String path, String authorization, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The Prometheus gauge of the organisation's letters Notify could not deliver (0 before it first has one). */
    private double lettersNotDelivered() {
        Api.Response scrape = Api.bearer(port, SCRAPE_TOKEN).get("/actuator/prometheus");
        assertThat(scrape.status()).isEqualTo(200);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^redress_letters_not_delivered\\{organisation=\""
                + java.util.regex.Pattern.quote(ORG) + "\"} (\\S+)$").matcher(scrape.body());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
