package org.redress.mailauth;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.accounts.Accounts;
import org.redress.accounts.Role;
import org.redress.correspondence.Outbox;
import org.redress.intake.MailboxPoller;
import org.redress.testing.Api;
import org.redress.testing.Cases;
import org.redress.testing.MutableClock;
import org.redress.testing.TestAccounts;
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

import java.time.LocalDate;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Microsoft 365 with SMTP and IMAP switched off (issue 24, item 1): letters sent by Microsoft Graph's sendMail and the
 * complaints mailbox read through Graph, each with a bearer token from the test's OAuth 2.0 server, against a local
 * server speaking those Graph endpoints that takes only a token that server signed and that has not expired.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "redress.intake.poll-interval=1h", "redress.outbox.poll-interval=1h", "redress.outbox.deliver-after-commit=false"})
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class GraphMailIT {

    static final String MAILBOX = "complaints@alliancehomes.example";
    static final String SENDER = "letters@alliancehomes.example";
    static final MailServers SERVERS = new MailServers().start();
    static final GraphServer GRAPH = new GraphServer(SERVERS);

    @DynamicPropertySource
    static void mailAccounts(DynamicPropertyRegistry registry) {
        registry.add("redress.intake.mailboxes[0].organisation", () -> "alliance-homes");
        registry.add("redress.intake.mailboxes[0].protocol", () -> "graph");
        registry.add("redress.intake.mailboxes[0].graph-uri", GRAPH::uri);
        registry.add("redress.intake.mailboxes[0].username", () -> MAILBOX);
        registry.add("redress.intake.mailboxes[0].oauth2.client-id", () -> MailServers.CLIENT_ID);
        registry.add("redress.intake.mailboxes[0].oauth2.client-secret", () -> "intake-secret");
        registry.add("redress.intake.mailboxes[0].oauth2.token-uri", SERVERS::tokenUri);
        registry.add("redress.intake.mailboxes[0].oauth2.scope", () -> "https://graph.microsoft.com/.default");
        registry.add("redress.mail.transport", () -> "graph");
        registry.add("redress.mail.graph.mailbox", () -> SENDER);
        registry.add("redress.mail.graph.uri", GRAPH::uri);
        registry.add("redress.mail.oauth2.client-id", () -> MailServers.CLIENT_ID);
        registry.add("redress.mail.oauth2.client-secret", () -> "sending-secret");
        registry.add("redress.mail.oauth2.token-uri", SERVERS::tokenUri);
        registry.add("redress.mail.oauth2.scope", () -> "https://graph.microsoft.com/.default");
    }

    @AfterAll
    static void stop() {
        GRAPH.stop();
        SERVERS.issuer.shutdown();
    }

    @LocalServerPort
    int port;
    @Autowired
    MailboxPoller poller;
    @Autowired
    Outbox outbox;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    Accounts accounts;

    @BeforeEach
    void tokensAreTakenAgain() {
        SERVERS.refuseAll.set(false);
        outbox.deliverDue();
        poller.pollAll();
        GRAPH.sent.clear();
    }

    String aComplaintAcknowledged() {
        String to = "graph." + System.nanoTime() + "@example.org";
        clock.setUk("2026-11-23T09:30");
        new Cases(new Api(port)).aComplaint().receivedOn(LocalDate.of(2026, 11, 23)).by("Ada Resident").withEmail(to)
                .preferringContactBy("EMAIL").onServiceLine("housing").saying("Boiler repair missed twice")
                .points("Repair missed twice").in("alliance-homes").acknowledge();
        return to;
    }

    JsonNode letterTo(String email) {
        JsonNode outbox = new Api(port).get("/api/v1/organisations/alliance-homes/outbox").json();
        return StreamSupport.stream(outbox.spliterator(), false).filter(l -> l.get("recipient").asString().equals(email))
                .findFirst().orElseThrow();
    }

    static String mime(String from, String subject, String text, String messageId) {
        return "From: " + from + "\r\nTo: " + MAILBOX + "\r\nSubject: " + subject + "\r\nMessage-ID: <" + messageId + ">\r\n"
                + "Date: Mon, 23 Nov 2026 09:00:00 +0000\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + text + "\r\n";
    }

    @Test
    void aLetterIsSentThroughGraphsSendMailWithItsOwnMessageIdAndATokenAsBearer() {
        String to = aComplaintAcknowledged();

        assertThat(outbox.deliverDue()).isEqualTo(1);

        assertThat(GRAPH.sent).hasSize(1);
        assertThat(GRAPH.sent.get(0).getKey()).isEqualTo(SENDER);
        JsonNode letter = letterTo(to);
        assertThat(GRAPH.sent.get(0).getValue()).contains("To: " + to, "Subject: We have received your complaint (",
                "Message-ID: <" + letter.get("id").asString() + "@redress>", "X-Redress-Reference: ", "Dear Ada Resident");
        assertThat(letter.get("status").asString()).isEqualTo("SENT");
        assertThat(letter.get("deliveredVia").asString()).isEqualTo("Microsoft Graph");
    }

    @Test
    void aComplaintEmailIsReadThroughGraphAndMarkedReadOnceItIsOnFile() {
        clock.setUk("2026-11-23T09:00");
        GRAPH.arrives(MAILBOX, "AAMk-damp", mime("Cy Resident <cy.graph@example.org>", "Damp in the hall", "The hall wall is wet.", "damp-1@example.org"));

        assertThat(poller.pollAll()).isEqualTo(1);

        String reference = jdbc.sql("select case_reference from intake.message where subject = 'Damp in the hall'").query(String.class).single();
        JsonNode c = new Api(port).get("/api/v1/organisations/alliance-homes/cases/" + reference).json();
        assertThat(c.get("complainant").get("email").asString()).isEqualTo("cy.graph@example.org");
        assertThat(c.get("description").asString()).isEqualTo("The hall wall is wet.");
        assertThat(GRAPH.markedRead).contains("AAMk-damp");
        assertThat(poller.pollAll()).isZero();
    }

    @Test
    void aTokenGraphRefusesKeepsTheLetterAndTheEmailAndSaysWhy() {
        String to = aComplaintAcknowledged();
        clock.setUk("2026-11-24T09:00");
        GRAPH.arrives(MAILBOX, "AAMk-gutter", mime("Di Tenant <di.graph@example.org>", "Gutter on Graph", "Still leaking.", "gutter-1@example.org"));
        SERVERS.refuseAll.set(true);

        assertThat(outbox.deliverDue()).isZero();
        assertThat(poller.pollAll()).isZero();

        JsonNode letter = letterTo(to);
        assertThat(letter.get("status").asString()).isEqualTo("PENDING");
        assertThat(letter.get("lastError").asString()).startsWith("MailAuthenticationException: Microsoft Graph refused the OAuth 2.0 token "
                + "of the sending account (Graph) sending as " + SENDER + " (401; the app registration needs the application permission Mail.Send");
        JsonNode mailbox = new Api(port).get("/api/v1/organisations/alliance-homes/mailboxes").json().get(0);
        assertThat(mailbox.get("signsInWith").asString()).isEqualTo("Microsoft Graph, OAuth 2.0 token");
        assertThat(mailbox.get("lastError").asString()).startsWith("MailAuthenticationException: Microsoft Graph refused the OAuth 2.0 token "
                + "of the " + MAILBOX + "@graph/INBOX reading " + MAILBOX);
        assertThat(GRAPH.markedRead).doesNotContain("AAMk-gutter");
        // an administrator sees it on the mailboxes page too: which mailbox, since when and why
        String page = mailboxesPage(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD).body();
        assertThat(page).contains("A mailbox cannot be read", "Cannot be read since", "Tue 24 Nov 2026, 9:00am",
                "Microsoft Graph, OAuth 2.0 token", "Microsoft Graph refused the OAuth 2.0 token");

        SERVERS.refuseAll.set(false);
        clock.setUk("2026-11-24T10:00");
        assertThat(outbox.deliverDue()).isEqualTo(1);
        assertThat(poller.pollAll()).isEqualTo(1);
        assertThat(letterTo(to).get("status").asString()).isEqualTo("SENT");
        assertThat(GRAPH.markedRead).contains("AAMk-gutter");
        String recovered = mailboxesPage(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD).body();
        assertThat(recovered).doesNotContain("A mailbox cannot be read", "Cannot be read since").contains("Tue 24 Nov 2026, 10:00am");
    }

    @Test
    void onlyAnAdministratorMayOpenTheMailboxesPage() {
        accounts.ensure("graph.worker", "Gus Worker", "graph-worker-password", false, Map.of("alliance-homes", Role.CASE_WORKER));
        assertThat(mailboxesPage("graph.worker", "graph-worker-password").status()).isEqualTo(403);
    }

    private WebSession.Page mailboxesPage(String username, String password) {
        WebSession session = new WebSession(port);
        session.signIn(username, password);
        return session.get("/staff/alliance-homes/mailboxes");
    }

    @Test
    void theHealthCheckAsksGraphsTokenEndpointRatherThanAnSmtpServerThatIsNotThere() {
        Api.Response health = Api.anonymous(port).get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");

        SERVERS.refuseAll.set(true); // the check asks only for a token: Graph refusing one does not call the application down
        assertThat(Api.anonymous(port).get("/actuator/health").status()).isEqualTo(200);
    }
}
