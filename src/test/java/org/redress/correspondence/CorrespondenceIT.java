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
import org.redress.testing.CaseOnFile;
import org.redress.testing.Cases;
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

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.redress.testing.Cases.notUpheld;
import static org.redress.testing.Cases.promise;
import static org.redress.testing.Cases.upheld;

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

    Cases cases() {
        return new Cases(api());
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
        CaseOnFile c = cases().aComplaint().receivedOn(LocalDate.of(2026, 11, 23)).by("Ada Resident").withEmail(to)
                .preferringContactBy("EMAIL").onServiceLine("housing").saying("Boiler repair missed twice")
                .points("Repair missed twice").in("alliance-homes");
        assertThat(mailTo(to)).isEmpty();

        clock.setUk("2026-11-25T10:00");
        c.acknowledge();
        List<MimeMessage> mail = mailTo(to);

        assertThat(mail).hasSize(1);
        // A-2 acknowledgement, with the stage 1 response date (A-4: 10 working days)
        assertThat(mail.get(0).getSubject()).isEqualTo("We have received your complaint (" + c.reference() + ")");
        assertThat(body(mail.get(0))).contains("Dear Ada Resident", "We will send you our Stage 1 response by Wednesday 9 December 2026.");
        assertThat(mail.get(0).getHeader("X-Redress-Reference")[0]).isEqualTo(c.reference());

        clock.setUk("2026-12-08T10:00");
        c.act("extend", "{\"clock\":\"respond\",\"amount\":10,\"reason\":\"We are waiting for the contractor's report\",\"complainantAgreed\":true}");
        assertThat(body(mailTo(to).get(1))).contains("Why: We are waiting for the contractor's report",
                "We will now respond by Wednesday 23 December 2026 (we had said Wednesday 9 December 2026). Thank you for agreeing to this.");

        clock.setUk("2026-12-22T15:00");
        c.respond("We have rebooked the repair and apologise.", List.of(upheld(1, "two appointments were missed")),
                List.of(promise("Repair the boiler", LocalDate.of(2027, 1, 8))));
        String stageOne = body(mailTo(to).get(2));
        // Code 6.7 / A-5: each point's decision and reasons, outstanding actions with dates, how to escalate
        assertThat(stageOne).contains("1. Repair missed twice", "Our decision: upheld", "Why: two appointments were missed",
                "- Repair the boiler, by Friday 8 January 2027", "you can ask us to take your complaint to Stage 2");

        clock.setUk("2027-01-04T10:00");
        c.askToEscalate("the boiler is still broken", "compensation").assignTo("fay.feedback").acceptEscalation();
        assertThat(body(mailTo(to).get(3))).contains("We will send you our Stage 2 (final) response by Monday 1 February 2027.",
                "We understand that this is still unresolved: the boiler is still broken", "You told us you would like: compensation");

        clock.setUk("2027-01-27T10:00");
        c.act("steps", "{\"step\":\"case-conference\",\"note\":\"agreed\"}");
        c.act("steps", "{\"step\":\"adverse-findings\",\"note\":\"no comment\"}");
        c.act("contact-arrangement", "{\"method\":\"phone\",\"frequency\":\"every week\"}");
        c.respond("We will pay £150 for the inconvenience.", upheld(1, "confirmed"));
        MimeMessage last = mailTo(to).get(4);
        assertThat(last.getSubject()).startsWith("Our final response to your complaint");
        // A-10 / F-8: the ombudsman of the housing service line, with contact details
        assertThat(body(last)).contains("Housing Ombudsman Service", "Phone: 0300 111 3000", "info@housing-ombudsman.org.uk");

        JsonNode letters = api().get("/api/v1/organisations/alliance-homes/cases/" + c.reference() + "/letters").json();
        assertThat(letters).extracting(l -> l.get("kind").asString()).containsExactly("ACKNOWLEDGEMENT", "EXTENSION",
                "STAGE_RESPONSE", "ESCALATION_ACKNOWLEDGEMENT", "FINAL_RESPONSE");
        assertThat(letters).allSatisfy(l -> assertThat(l.get("status").asString()).isEqualTo("SENT"));
    }

    @Test
    void theTrustsRefusalToEscalateGivesReasonsAndTheOmbudsman() throws Exception {
        String to = email();
        clock.setUk("2026-11-23T09:30");
        CaseOnFile c = cases().aComplaint().through("EMAIL").by("Cal Client").withEmail(to).saying("Staff were rude")
                .points("Rudeness").in("the-trust");
        c.respond("We have spoken to the staff member.", notUpheld(1, "witnesses disagree"));
        assertThat(body(mailTo(to).get(0))).contains("Please ask by Monday 7 December 2026");
        c.act("escalation-request", "{\"unresolved\":\"I want an apology\"}");
        c.read();
        String ground = api().get("/api/v1/policies/the-trust").json().get("stages").get(1).get("entry").get("refusalGrounds").get(0).asString();
        c.act("refuse-escalation", "{\"ground\":\"" + ground.replace("\"", "\\\"") + "\",\"reasons\":\"Your stage 1 complaint was fully considered and you raised nothing new\"}");
        MimeMessage refusal = mailTo(to).get(1);
        assertThat(body(refusal)).contains("We have decided not to do this.",
                "Why: Your stage 1 complaint was fully considered and you raised nothing new", "Housing Ombudsman Service", "0300 111 3000");
    }

    @Test
    void aLetterForPostIsAPdfInLargePrintReadyToPrint() {
        clock.setUk("2026-11-23T09:30");
        CaseOnFile c = cases().aComplaint().through("LETTER").by("Pat Post").withoutEmail().atAddress("2 Low Road, Leeds")
                .preferringContactBy("POST").inFormat("large print").saying("Heating broken").points("Heating").in("helping-our-future");
        c.acknowledge();
        outbox.deliverDue();
        JsonNode letter = api().get(c.path() + "/letters").json().get(0);
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
        cases().a("compliment").through("EMAIL").by("Kim Kind").withEmail(to).saying("The caretaker was brilliant").points()
                .in("alliance-homes").acknowledge();
        assertThat(body(mailTo(to).get(0))).contains("Thank you for taking the time to tell us about the good service");

        String client = email();
        CaseOnFile c = cases().aComplaint().through("EMAIL").by("Contract Client").withEmail(client)
                .saying("Cleaner missed the office").points("Missed clean").in("247-alliance").acknowledge();
        // S0-7: the response date is a time, 48 hours from receipt
        assertThat(body(mailTo(client).get(0))).contains("response by 09:30 on Wednesday 25 November 2026");
        c.respond("The clean was redone the same day.", upheld(1, "rota error"));
        String reply = body(mailTo(client).get(1));
        assertThat(reply).contains("This is our final response", "Why: rota error").doesNotContain("Ombudsman");
    }

    @Test
    void aMailServerThatIsDownMeansRetriesUntilItIsBackThenExactlyOneEmail() throws Exception {
        String to = email();
        clock.setUk("2026-11-23T09:30");
        CaseOnFile c = cases().aComplaint().through("EMAIL").by("Ren Retry").withEmail(to).saying("Something went wrong")
                .points("Point").in("the-trust");
        smtp.stop();
        try {
            c.acknowledge();
            outbox.deliverDue();
            JsonNode pending = api().get(c.path() + "/letters").json().get(0);
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
        JsonNode sent = api().get(c.path() + "/letters").json().get(0);
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
        CaseOnFile c = cases().aComplaint().through("EMAIL").by("Nia Nocontact").withEmail(email()).saying("Problem")
                .points("Point").in("trust-no-contacts");
        c.respond("Done", upheld(1, "yes")).askToEscalate();
        Api.Response finalResponse = c.attempt("respond", CaseOnFile.response("Done", List.of(upheld(1, "yes")), List.of()));
        assertThat(finalResponse.status()).isEqualTo(422);
        assertThat(finalResponse.json().get("detail").asString())
                .isEqualTo("a final response cannot be sent: the policy gives no contact details for the Housing Ombudsman Service: A-10, F-8");
        JsonNode after = c.read();
        assertThat(after.get("status").asString()).isEqualTo("OPEN");
        assertThat(after.get("stage").asInt()).isEqualTo(2);
    }

    @Test
    void underFcaDispAComplaintResolvedInThreeBusinessDaysGetsASummaryResolutionAndALaterOneAFinalResponse() throws Exception {
        api().post("/api/v1/organisations", "{\"code\":\"fca-disp\",\"name\":\"Debt Advice Service\",\"referencePrefix\":\"DAS\"}");
        String quick = email();
        String slow = email();
        clock.setUk("2026-11-23T09:30");
        CaseOnFile q = cases().aComplaint().by("Quin Quick").withEmail(quick).saying("Wrong payment plan").points("Payment plan").in("fca-disp");
        CaseOnFile s = cases().aComplaint().by("Sam Slow").withEmail(slow).saying("Wrong payment plan").points("Payment plan").in("fca-disp");
        clock.setUk("2026-11-25T16:00");
        q.respond("We have corrected your payment plan.", upheld(1, "the plan used old figures"));
        assertThat(mailTo(quick).get(0).getSubject()).startsWith("Your complaint has been resolved");
        assertThat(body(mailTo(quick).get(0))).contains("Financial Ombudsman Service", "https://www.financial-ombudsman.org.uk");
        clock.setUk("2026-12-10T16:00");
        s.respond("We have corrected your payment plan.", upheld(1, "the plan used old figures"));
        assertThat(body(mailTo(slow).get(0))).contains("This is our final response", "within six months of the date of this letter",
                "Ombudsman's leaflet", "0800 023 4567");
    }

    @Test
    void helpingOurFuturesLettersWalkThroughThreeStepsToTheOmbudsman() throws Exception {
        String to = email();
        clock.setUk("2026-11-23T09:00");
        CaseOnFile c = cases().aComplaint().by("Hal Hope").withEmail(to).saying("Rude staff member").points("Staff attitude")
                .in("helping-our-future");
        Cases.Decision decision = notUpheld(1, "no witness saw it");
        c.acknowledge();
        assertThat(body(only(to, "We have received your complaint"))).contains("We will send you our Step 1 response by Monday 7 December 2026.");
        c.respond("We have spoken to the team.", decision);
        assertThat(body(only(to, "Our response"))).contains("This is our Step 1 response", "take your complaint to Step 2");
        c.askToEscalate().acceptEscalation();
        smtp.purgeEmailFromAllMailboxes();
        c.respond("We have spoken to the team.", decision);
        assertThat(body(only(to, "Our response"))).contains("This is our Step 2 response", "take your complaint to Step 3");
        c.askToEscalate().acceptEscalation();
        c.respond("We have spoken to the team.", decision);
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

    /**
     * T-5: a support service request "must be logged on the client's log and the Client Services Manager informed". The
     * Trust's pack tells the holders of that role when one is logged: the notice reaches the address the administrator
     * set for each holder, through the mail server; a member who does not hold the role is not told.
     */
    @Test
    void aSupportServiceRequestTellsTheClientServicesManagerT5(@Autowired org.redress.accounts.Accounts accounts,
                                                                @Autowired org.redress.accounts.PackRoles packRoles) throws Exception {
        clock.setUk("2026-11-23T09:30");
        String trust = cases().anOrganisationLike("the-trust");
        String manager = "csm." + trust;
        String other = "other." + trust;
        accounts.ensure(manager, "Cam Services", "client-services-password", false, java.util.Map.of(trust, org.redress.accounts.Role.FEEDBACK_MANAGER));
        accounts.ensure(other, "Oz Other", "client-services-password", false, java.util.Map.of(trust, org.redress.accounts.Role.FEEDBACK_MANAGER));
        packRoles.set(trust, manager, java.util.Set.of("client-services-manager"));
        String managerMail = email();
        String otherMail = email();
        org.redress.testing.Api.Response set = api().put("/api/v1/organisations/" + trust + "/staff/" + manager + "/notice-email",
                "{\"email\":\"" + managerMail + "\"}");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().get("noticeEmail").asString()).isEqualTo(managerMail);
        assertThat(api().put("/api/v1/organisations/" + trust + "/staff/" + other + "/notice-email", "{\"email\":\"" + otherMail + "\"}")
                .status()).isEqualTo(200);
        assertThat(api().put("/api/v1/organisations/" + trust + "/staff/" + other + "/notice-email", "{\"email\":\"not an address\"}")
                .json().get("errors").get(0).get("field").asString()).isEqualTo("email");

        CaseOnFile request = cases().a("support-service-request").receivedOn(LocalDate.of(2026, 11, 23)).by("Sid Support")
                .withoutEmail().saying("My support worker has not called this week").in(trust);
        String reference = request.json().get("reference").asString();
        List<MimeMessage> told = mailTo(managerMail);
        assertThat(told).hasSize(1);
        assertThat(told.get(0).getSubject()).isEqualTo("New support service request " + reference + " for the Client Services Manager");
        assertThat(body(told.get(0))).contains("Cam Services", "A support service request was logged as " + reference + " from Sid Support.",
                "What it is about: My support worker has not called this week",
                "Contact the client to try to resolve the request: due by 2026-11-26.");
        assertThat(mailTo(otherMail)).isEmpty();
        // a complaint tells nobody: the pack says so only of support service requests
        cases().aComplaint().receivedOn(LocalDate.of(2026, 11, 23)).by("Cy Complainant").withoutEmail().saying("Rude staff")
                .points("Rudeness").in(trust);
        assertThat(mailTo(managerMail)).hasSize(1);
    }
}
