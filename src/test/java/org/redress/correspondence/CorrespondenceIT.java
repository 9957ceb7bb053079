package org.redress.correspondence;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redress.testing.Api;
import org.redress.testing.MutableClock;
import org.redress.testing.TestClockConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Cases of each shipped pack produce the right letters, delivered through a real SMTP server (GreenMail). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"redress.outbox.poll-interval=1h", "redress.outbox.deliver-after-commit=false"})
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class CorrespondenceIT {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(freePort(), null, ServerSetup.PROTOCOL_SMTP))
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
            .withPerMethodLifecycle(false);

    /** A fixed port for the whole class, so the server can be stopped and started again where the app expects it. */
    static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "localhost");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    }

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    Outbox outbox;

    Api api() {
        return new Api(port);
    }

    @BeforeEach
    void emptyMailbox() throws Exception {
        smtp.purgeEmailFromAllMailboxes();
        outbox.deliverDue();
    }

    String email() {
        return "person." + System.nanoTime() + "@example.org";
    }

    JsonNode create(String organisation, String body) {
        Api.Response r = api().post("/api/v1/organisations/" + organisation + "/cases", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("caseFile");
    }

    JsonNode act(String organisation, JsonNode c, String verb, String body) {
        Api.Response r = api().post("/api/v1/organisations/" + organisation + "/cases/" + c.get("id").asString() + "/" + verb, body);
        assertThat(r.status()).as(verb + ": " + r.body()).isEqualTo(200);
        return r.json();
    }

    List<MimeMessage> mailTo(String address) {
        outbox.deliverDue();
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(address));
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    static String body(MimeMessage m) {
        return GreenMailUtil.getBody(m).replace("=\r\n", "").replace("\r\n", "\n");
    }

    @Test
    void anAllianceHomesComplaintSendsEveryLetterWithItsDatesAndFinallyTheHousingOmbudsman() throws Exception {
        String to = email();
        clock.setUk("2026-11-23T09:30");
        JsonNode c = create("alliance-homes", """
                {"recordType":"complaint","channel":"PHONE","receivedAt":"2026-11-23T09:00:00Z",
                 "complainant":{"name":"Ada Resident","email":"%s","preferredContact":"EMAIL"},
                 "serviceLine":"housing","description":"Boiler repair missed twice","points":["Repair missed twice"]}""".formatted(to));
        assertThat(mailTo(to)).isEmpty();

        clock.setUk("2026-11-25T10:00");
        c = act("alliance-homes", c, "acknowledge", "{}");
        List<MimeMessage> mail = mailTo(to);

        assertThat(mail).hasSize(1);
        // A-2 acknowledgement, with the stage 1 response date (A-4: 10 working days)
        assertThat(mail.get(0).getSubject()).isEqualTo("We have received your complaint (" + c.get("reference").asString() + ")");
        assertThat(body(mail.get(0))).contains("Dear Ada Resident", "We will send you our Stage 1 response by Wednesday 9 December 2026.");
        assertThat(mail.get(0).getHeader("X-Redress-Reference")[0]).isEqualTo(c.get("reference").asString());

        clock.setUk("2026-12-08T10:00");
        c = act("alliance-homes", c, "extend", "{\"clock\":\"respond\",\"amount\":10,\"reason\":\"We are waiting for the contractor's report\",\"complainantAgreed\":true}");
        assertThat(body(mailTo(to).get(1))).contains("Why: We are waiting for the contractor's report",
                "We will now respond by Wednesday 23 December 2026 (we had said Wednesday 9 December 2026). Thank you for agreeing to this.");

        clock.setUk("2026-12-22T15:00");
        c = act("alliance-homes", c, "respond", """
                {"summary":"We have rebooked the repair and apologise.",
                 "points":[{"number":1,"outcome":"UPHELD","reasons":"two appointments were missed"}],
                 "actions":[{"description":"Repair the boiler","due":"2027-01-08"}]}""");
        String stageOne = body(mailTo(to).get(2));
        // Code 6.7 / A-5: each point's decision and reasons, outstanding actions with dates, how to escalate
        assertThat(stageOne).contains("1. Repair missed twice", "Our decision: upheld", "Why: two appointments were missed",
                "- Repair the boiler, by Friday 8 January 2027", "you can ask us to take your complaint to Stage 2");

        clock.setUk("2027-01-04T10:00");
        c = act("alliance-homes", c, "escalation-request", "{\"unresolved\":\"the boiler is still broken\",\"outcomeWanted\":\"compensation\"}");
        c = act("alliance-homes", c, "assign", "{\"owner\":\"fay.feedback\"}");
        c = act("alliance-homes", c, "accept-escalation", "{}");
        assertThat(body(mailTo(to).get(3))).contains("We will send you our Stage 2 (final) response by Monday 1 February 2027.",
                "We understand that this is still unresolved: the boiler is still broken", "You told us you would like: compensation");

        clock.setUk("2027-01-27T10:00");
        act("alliance-homes", c, "steps", "{\"step\":\"case-conference\",\"note\":\"agreed\"}");
        act("alliance-homes", c, "steps", "{\"step\":\"adverse-findings\",\"note\":\"no comment\"}");
        act("alliance-homes", c, "respond", """
                {"summary":"We will pay £150 for the inconvenience.","points":[{"number":1,"outcome":"UPHELD","reasons":"confirmed"}]}""");
        MimeMessage last = mailTo(to).get(4);
        assertThat(last.getSubject()).startsWith("Our final response to your complaint");
        // A-10 / F-8: the ombudsman of the housing service line, with contact details
        assertThat(body(last)).contains("Housing Ombudsman Service", "Phone: 0300 111 3000", "info@housing-ombudsman.org.uk");

        JsonNode letters = api().get("/api/v1/organisations/alliance-homes/cases/" + c.get("reference").asString() + "/letters").json();
        assertThat(letters).extracting(l -> l.get("kind").asString()).containsExactly("ACKNOWLEDGEMENT", "EXTENSION",
                "STAGE_RESPONSE", "ESCALATION_ACKNOWLEDGEMENT", "FINAL_RESPONSE");
        assertThat(letters).allSatisfy(l -> assertThat(l.get("status").asString()).isEqualTo("SENT"));
    }

    @Test
    void theTrustsRefusalToEscalateGivesReasonsAndTheOmbudsman() throws Exception {
        String to = email();
        clock.setUk("2026-11-23T09:30");
        JsonNode c = create("the-trust", """
                {"recordType":"complaint","channel":"EMAIL","complainant":{"name":"Cal Client","email":"%s"},
                 "description":"Staff were rude","points":["Rudeness"]}""".formatted(to));
        act("the-trust", c, "respond", "{\"summary\":\"We have spoken to the staff member.\",\"points\":[{\"number\":1,\"outcome\":\"NOT_UPHELD\",\"reasons\":\"witnesses disagree\"}]}");
        assertThat(body(mailTo(to).get(0))).contains("Please ask by Monday 7 December 2026");
        act("the-trust", c, "escalation-request", "{\"unresolved\":\"I want an apology\"}");
        JsonNode read = api().get("/api/v1/organisations/the-trust/cases/" + c.get("id").asString()).json();
        String ground = api().get("/api/v1/policies/the-trust").json().get("stages").get(1).get("entry").get("refusalGrounds").get(0).asString();
        act("the-trust", read, "refuse-escalation", "{\"ground\":\"" + ground.replace("\"", "\\\"") + "\",\"reasons\":\"Your stage 1 complaint was fully considered and you raised nothing new\"}");
        MimeMessage refusal = mailTo(to).get(1);
        assertThat(body(refusal)).contains("We have decided not to do this.",
                "Why: Your stage 1 complaint was fully considered and you raised nothing new", "Housing Ombudsman Service", "0300 111 3000");
    }

    @Test
    void aLetterForPostIsAPdfInLargePrintReadyToPrint() {
        clock.setUk("2026-11-23T09:30");
        JsonNode c = create("helping-our-future", """
                {"recordType":"complaint","channel":"LETTER","complainant":{"name":"Pat Post","address":"2 Low Road, Leeds",
                  "preferredContact":"POST","formats":["large print"]},
                 "description":"Heating broken","points":["Heating"]}""");
        act("helping-our-future", c, "acknowledge", "{}");
        outbox.deliverDue();
        JsonNode letter = api().get("/api/v1/organisations/helping-our-future/cases/" + c.get("id").asString() + "/letters").json().get(0);
        assertThat(letter.get("channel").asString()).isEqualTo("POST");
        assertThat(letter.get("status").asString()).isEqualTo("READY_TO_PRINT");
        assertThat(letter.get("recipient").asString()).isEqualTo("Pat Post, 2 Low Road, Leeds");
        assertThat(letter.get("formats").get(0).asString()).isEqualTo("large print");
        Api.Response pdf = api().get("/api/v1/organisations/helping-our-future/letters/" + letter.get("id").asString() + "/pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.body()).startsWith("%PDF");
    }

    @Test
    void aComplimentIsThankedAnd247AllianceRepliesWithoutAnOmbudsmanItDoesNotHave() throws Exception {
        String to = email();
        clock.setUk("2026-11-23T09:30");
        JsonNode compliment = create("alliance-homes", """
                {"recordType":"compliment","channel":"EMAIL","complainant":{"name":"Kim Kind","email":"%s"},
                 "description":"The caretaker was brilliant"}""".formatted(to));
        act("alliance-homes", compliment, "acknowledge", "{}");
        assertThat(body(mailTo(to).get(0))).contains("Thank you for taking the time to tell us about the good service");

        String client = email();
        JsonNode c = create("247-alliance", """
                {"recordType":"complaint","channel":"EMAIL","complainant":{"name":"Contract Client","email":"%s"},
                 "description":"Cleaner missed the office","points":["Missed clean"]}""".formatted(client));
        act("247-alliance", c, "acknowledge", "{}");
        // S0-7: the response date is a time, 48 hours from receipt
        assertThat(body(mailTo(client).get(0))).contains("response by 09:30 on Wednesday 25 November 2026");
        act("247-alliance", c, "respond", "{\"summary\":\"The clean was redone the same day.\",\"points\":[{\"number\":1,\"outcome\":\"UPHELD\",\"reasons\":\"rota error\"}]}");
        String reply = body(mailTo(client).get(1));
        assertThat(reply).contains("This is our final response", "Why: rota error").doesNotContain("Ombudsman");
    }

    @Test
    void aMailServerThatIsDownMeansRetriesUntilItIsBackThenExactlyOneEmail() throws Exception {
        String to = email();
        clock.setUk("2026-11-23T09:30");
        JsonNode c = create("the-trust", """
                {"recordType":"complaint","channel":"EMAIL","complainant":{"name":"Ren Retry","email":"%s"},
                 "description":"Something went wrong","points":["Point"]}""".formatted(to));
        smtp.stop();
        try {
            act("the-trust", c, "acknowledge", "{}");
            outbox.deliverDue();
            JsonNode pending = api().get("/api/v1/organisations/the-trust/cases/" + c.get("id").asString() + "/letters").json().get(0);
            assertThat(pending.get("status").asString()).isEqualTo("PENDING");
            assertThat(pending.get("attempts").asInt()).isEqualTo(1);
            assertThat(pending.get("lastError").asString()).isNotBlank();
        } finally {
            smtp.start();
        }
        outbox.deliverDue();
        assertThat(mailTo(to)).isEmpty(); // the next try waits for its back-off
        clock.setUk("2026-11-23T09:45");
        assertThat(mailTo(to)).hasSize(1);
        outbox.deliverDue();
        assertThat(mailTo(to)).hasSize(1);
        JsonNode sent = api().get("/api/v1/organisations/the-trust/cases/" + c.get("id").asString() + "/letters").json().get(0);
        assertThat(sent.get("status").asString()).isEqualTo("SENT");
        assertThat(sent.get("attempts").asInt()).isEqualTo(2);
    }

    @Test
    void aFinalResponseWithoutTheOmbudsmansContactDetailsCannotBeSentAndTheResponseIsNotRecorded() throws Exception {
        String yaml = new String(getClass().getResourceAsStream("/policy/packs/the-trust.yaml").readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                .replace("id: the-trust", "id: trust-no-contacts")
                .replace("code: the-trust", "code: trust-no-contacts")
                .replaceAll("(?m)^\\s+(phone|email|website): .*\\n", "");
        Api.Response uploaded = api().post("/api/v1/policies", yaml, "Content-Type", "application/yaml");
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        int version = uploaded.json().get("version").asInt();
        assertThat(api().post("/api/v1/policies/trust-no-contacts/versions/" + version + "/activate", "").status()).isEqualTo(200);
        api().post("/api/v1/organisations", "{\"code\":\"trust-no-contacts\",\"name\":\"Trust without contacts\",\"referencePrefix\":\"TNC\"}");

        clock.setUk("2026-11-23T09:30");
        JsonNode c = create("trust-no-contacts", """
                {"recordType":"complaint","channel":"EMAIL","complainant":{"name":"Nia Nocontact","email":"%s"},
                 "description":"Problem","points":["Point"]}""".formatted(email()));
        String decision = "{\"summary\":\"Done\",\"points\":[{\"number\":1,\"outcome\":\"UPHELD\",\"reasons\":\"yes\"}]}";
        act("trust-no-contacts", c, "respond", decision);
        act("trust-no-contacts", c, "escalation-request", "{}");
        Api.Response finalResponse = api().post("/api/v1/organisations/trust-no-contacts/cases/" + c.get("id").asString() + "/respond", decision);
        assertThat(finalResponse.status()).isEqualTo(422);
        assertThat(finalResponse.json().get("detail").asString())
                .isEqualTo("a final response cannot be sent: the policy gives no contact details for the Housing Ombudsman Service: A-10, F-8");
        JsonNode after = api().get("/api/v1/organisations/trust-no-contacts/cases/" + c.get("id").asString()).json();
        assertThat(after.get("status").asString()).isEqualTo("OPEN");
        assertThat(after.get("stage").asInt()).isEqualTo(2);
    }

    @Test
    void underFcaDispAComplaintResolvedInThreeBusinessDaysGetsASummaryResolutionAndALaterOneAFinalResponse() throws Exception {
        api().post("/api/v1/organisations", "{\"code\":\"fca-disp\",\"name\":\"Debt Advice Service\",\"referencePrefix\":\"DAS\"}");
        String quick = email();
        String slow = email();
        clock.setUk("2026-11-23T09:30");
        String decision = "{\"summary\":\"We have corrected your payment plan.\",\"points\":[{\"number\":1,\"outcome\":\"UPHELD\",\"reasons\":\"the plan used old figures\"}]}";
        JsonNode q = create("fca-disp", """
                {"recordType":"complaint","channel":"PHONE","complainant":{"name":"Quin Quick","email":"%s"},
                 "description":"Wrong payment plan","points":["Payment plan"]}""".formatted(quick));
        JsonNode s = create("fca-disp", """
                {"recordType":"complaint","channel":"PHONE","complainant":{"name":"Sam Slow","email":"%s"},
                 "description":"Wrong payment plan","points":["Payment plan"]}""".formatted(slow));
        clock.setUk("2026-11-25T16:00");
        act("fca-disp", q, "respond", decision);
        assertThat(mailTo(quick).get(0).getSubject()).startsWith("Your complaint has been resolved");
        assertThat(body(mailTo(quick).get(0))).contains("Financial Ombudsman Service", "https://www.financial-ombudsman.org.uk");
        clock.setUk("2026-12-10T16:00");
        act("fca-disp", s, "respond", decision);
        assertThat(body(mailTo(slow).get(0))).contains("This is our final response", "within six months of the date of this letter",
                "Ombudsman's leaflet", "0800 023 4567");
    }

    @Test
    void helpingOurFuturesLettersWalkThroughThreeStepsToTheOmbudsman() throws Exception {
        String to = email();
        clock.setUk("2026-11-23T09:00");
        JsonNode c = create("helping-our-future", """
                {"recordType":"complaint","channel":"PHONE","complainant":{"name":"Hal Hope","email":"%s"},
                 "description":"Rude staff member","points":["Staff attitude"]}""".formatted(to));
        String decision = "{\"summary\":\"We have spoken to the team.\",\"points\":[{\"number\":1,\"outcome\":\"NOT_UPHELD\",\"reasons\":\"no witness saw it\"}]}";
        act("helping-our-future", c, "acknowledge", "{}");
        assertThat(body(only(to, "We have received your complaint"))).contains("We will send you our Step 1 response by Monday 7 December 2026.");
        act("helping-our-future", c, "respond", decision);
        assertThat(body(only(to, "Our response"))).contains("This is our Step 1 response", "take your complaint to Step 2");
        act("helping-our-future", c, "escalation-request", "{}");
        act("helping-our-future", c, "accept-escalation", "{}");
        smtp.purgeEmailFromAllMailboxes();
        act("helping-our-future", c, "respond", decision);
        assertThat(body(only(to, "Our response"))).contains("This is our Step 2 response", "take your complaint to Step 3");
        act("helping-our-future", c, "escalation-request", "{}");
        act("helping-our-future", c, "accept-escalation", "{}");
        act("helping-our-future", c, "respond", decision);
        assertThat(body(only(to, "Our final response"))).contains("Housing Ombudsman");
    }

    /** The one email to this address whose subject starts so (several letters of one moment may arrive in any order). */
    MimeMessage only(String to, String subjectStart) throws Exception {
        List<MimeMessage> matching = new ArrayList<>();
        for (MimeMessage m : mailTo(to)) {
            if (m.getSubject().startsWith(subjectStart)) {
                matching.add(m);
            }
        }
        assertThat(matching).as(subjectStart).hasSize(1);
        return matching.get(0);
    }
}
