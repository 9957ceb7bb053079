package org.redress.mailauth;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redress.correspondence.Outbox;
import org.redress.intake.MailboxPoller;
import org.redress.testing.Api;
import org.redress.testing.CaseOnFile;
import org.redress.testing.Cases;
import org.redress.testing.MutableClock;
import org.redress.testing.TestClockConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.net.ServerSocket;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Microsoft 365 and Google Workspace mail (issue 24, item 1): a complaints mailbox read over IMAP and letters sent over
 * SMTP, both signing in with SASL XOAUTH2 and a client-credentials token from a real OAuth 2.0 server in the test
 * (mock-oauth2-server), against a real mail server (GreenMail) that takes only a token that server signed and that
 * has not expired.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "redress.intake.poll-interval=1h", "redress.outbox.poll-interval=1h", "redress.outbox.deliver-after-commit=false",
        // a token is used until one second before it expires, so the test's short-lived tokens are used, then replaced
        "redress.mail-tokens.refresh-before=1s"})
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class MailOverOAuth2IT {

    static final String MAILBOX = "complaints@alliancehomes.example";
    static final String SENDER = "letters@alliancehomes.example";
    static final int SMTP = freePort();
    static final int IMAP = freePort();
    static final MailServers SERVERS = new MailServers().start();

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(new ServerSetup[]{
            new ServerSetup(SMTP, null, ServerSetup.PROTOCOL_SMTP), new ServerSetup(IMAP, null, ServerSetup.PROTOCOL_IMAP)})
            .withConfiguration(GreenMailConfiguration.aConfig()
                    .withUser(MAILBOX, MAILBOX, "not-the-token")
                    .withUser(SENDER, SENDER, "not-the-token"))
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mailAccounts(DynamicPropertyRegistry registry) {
        registry.add("redress.intake.mailboxes[0].organisation", () -> "alliance-homes");
        registry.add("redress.intake.mailboxes[0].host", () -> "localhost");
        registry.add("redress.intake.mailboxes[0].port", () -> IMAP);
        registry.add("redress.intake.mailboxes[0].protocol", () -> "imap");
        registry.add("redress.intake.mailboxes[0].username", () -> MAILBOX);
        registry.add("redress.intake.mailboxes[0].auth", () -> "oauth2");
        registry.add("redress.intake.mailboxes[0].oauth2.client-id", () -> MailServers.CLIENT_ID);
        registry.add("redress.intake.mailboxes[0].oauth2.client-secret", () -> "intake-secret");
        registry.add("redress.intake.mailboxes[0].oauth2.token-uri", SERVERS::tokenUri);
        registry.add("redress.intake.mailboxes[0].oauth2.scope", () -> "https://outlook.office365.com/.default");
        registry.add("spring.mail.host", () -> "localhost");
        registry.add("spring.mail.port", () -> SMTP);
        registry.add("spring.mail.username", () -> SENDER);
        registry.add("redress.mail.auth", () -> "oauth2");
        registry.add("redress.mail.oauth2.client-id", () -> MailServers.CLIENT_ID);
        registry.add("redress.mail.oauth2.client-secret", () -> "sending-secret");
        registry.add("redress.mail.oauth2.token-uri", SERVERS::tokenUri);
        registry.add("redress.mail.oauth2.scope", () -> "https://outlook.office365.com/.default");
    }

    @AfterAll
    static void stop() {
        SERVERS.issuer.shutdown();
    }

    @LocalServerPort
    int port;
    @Autowired
    MailboxPoller poller;
    @Autowired
    Outbox outbox;
    @Autowired
    MailTokens tokens;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeEach
    void tokensAreTakenAgain() throws Exception {
        SERVERS.checkTokensOf(mail.getUserManager(), MAILBOX);
        SERVERS.checkTokensOf(mail.getUserManager(), SENDER);
        SERVERS.refuseAll.set(false);
        outbox.deliverDue();
        poller.pollAll();
        mail.purgeEmailFromAllMailboxes();
        SERVERS.accepted.clear();
    }

    void anEmailArrives(String from, String subject, String text) throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
        m.setFrom(new InternetAddress(from));
        m.setRecipients(Message.RecipientType.TO, MAILBOX);
        m.setSubject(subject);
        m.setText(text);
        m.saveChanges();
        mail.getUserManager().getUserByEmail(MAILBOX).deliver(m);
    }

    CaseOnFile aComplaintFrom(String email) {
        clock.setUk("2026-11-23T09:30");
        return new Cases(new Api(port)).aComplaint().receivedOn(LocalDate.of(2026, 11, 23)).by("Ada Resident").withEmail(email)
                .preferringContactBy("EMAIL").onServiceLine("housing").saying("Boiler repair missed twice")
                .points("Repair missed twice").in("alliance-homes");
    }

    JsonNode letterTo(String email) {
        JsonNode outbox = new Api(port).get("/api/v1/organisations/alliance-homes/outbox").json();
        return StreamSupport.stream(outbox.spliterator(), false).filter(l -> l.get("recipient").asString().equals(email))
                .findFirst().orElseThrow();
    }

    List<MimeMessage> sentTo(String email) {
        return java.util.Arrays.stream(mail.getReceivedMessagesForDomain(email)).toList();
    }

    @Test
    void aComplaintEmailIsReadOverImapSigningInWithATokenFromTheTokenEndpoint() throws Exception {
        clock.setUk("2026-11-23T09:00");
        anEmailArrives("Ada Resident <ada.oauth@example.org>", "Damp in the bedroom", "Black mould is back on the wall.");

        assertThat(poller.pollAll()).isEqualTo(1);

        String reference = jdbc.sql("select case_reference from intake.message where subject = 'Damp in the bedroom'").query(String.class).single();
        JsonNode c = new Api(port).get("/api/v1/organisations/alliance-homes/cases/" + reference).json();
        assertThat(c.get("channel").asString()).isEqualTo("EMAIL");
        assertThat(c.get("complainant").get("email").asString()).isEqualTo("ada.oauth@example.org");
        assertThat(c.get("description").asString()).isEqualTo("Black mould is back on the wall.");
        // the mail server took exactly one token, signed by the issuer for this client
        assertThat(SERVERS.accepted).hasSize(1);
        assertThat(mail.getUserManager().getUserByEmail(MAILBOX)).isNotNull();
        assertThat(poller.pollAll()).isZero();
    }

    @Test
    void aLetterIsSentOverSmtpSigningInWithATokenFromTheTokenEndpoint() throws Exception {
        String to = "oauth.letter." + System.nanoTime() + "@example.org";
        aComplaintFrom(to).acknowledge();

        assertThat(outbox.deliverDue()).isEqualTo(1);

        MimeMessage sent = mail.getReceivedMessagesForDomain(to)[0];
        assertThat(sent.getSubject()).startsWith("We have received your complaint (");
        assertThat(GreenMailUtil.getBody(sent)).contains("Dear Ada Resident");
        JsonNode letter = letterTo(to);
        assertThat(letter.get("status").asString()).isEqualTo("SENT");
        assertThat(letter.get("deliveredVia").asString()).isEqualTo("smtp");
        assertThat(SERVERS.accepted).hasSize(1);
    }

    @Test
    void anExpiredTokenIsReplacedBeforeItIsOfferedSoNoSendFails() throws Exception {
        tokens.forget(XOAuth2MailSender.ACCOUNT);
        // the next token the issuer gives lives three seconds
        SERVERS.issuer.enqueueCallback(new DefaultOAuth2TokenCallback(MailServers.ISSUER, MailServers.CLIENT_ID, "JWT",
                List.of("https://outlook.office365.com"), Map.of(), 3));
        String first = "oauth.first." + System.nanoTime() + "@example.org";
        String second = "oauth.second." + System.nanoTime() + "@example.org";
        String third = "oauth.third." + System.nanoTime() + "@example.org";
        aComplaintFrom(first).acknowledge();
        assertThat(outbox.deliverDue()).isEqualTo(1);
        aComplaintFrom(second).acknowledge();
        assertThat(outbox.deliverDue()).isEqualTo(1);

        Thread.sleep(3_500); // the short token has now expired: the mail server would refuse it
        aComplaintFrom(third).acknowledge();
        assertThat(outbox.deliverDue()).isEqualTo(1);

        for (String to : List.of(first, second, third)) {
            JsonNode letter = letterTo(to);
            assertThat(letter.get("status").asString()).as(to).isEqualTo("SENT");
            assertThat(letter.get("attempts").asInt()).as("sent at the first attempt").isEqualTo(1);
            assertThat(sentTo(to)).hasSize(1);
        }
        // the first two letters went with the short-lived token, the third with a new one
        assertThat(SERVERS.accepted).hasSize(3);
        assertThat(SERVERS.accepted.get(1)).isEqualTo(SERVERS.accepted.get(0));
        assertThat(SERVERS.accepted.get(2)).isNotEqualTo(SERVERS.accepted.get(0));
    }

    @Test
    void aRefusedTokenKeepsTheLetterQueuedWithAPlainErrorAndItGoesOnceTheTokenIsTaken() throws Exception {
        String to = "oauth.refused." + System.nanoTime() + "@example.org";
        aComplaintFrom(to).acknowledge();
        SERVERS.refuseAll.set(true);

        assertThat(outbox.deliverDue()).isZero();

        JsonNode letter = letterTo(to);
        assertThat(letter.get("status").asString()).isEqualTo("PENDING");
        assertThat(letter.get("attempts").asInt()).isEqualTo(1);
        assertThat(letter.get("lastError").asString())
                .startsWith("MailAuthenticationException: The mail server localhost refused the OAuth 2.0 token of " + SENDER
                        + " (from " + SERVERS.tokenUri() + "): ");
        assertThat(sentTo(to)).isEmpty();

        SERVERS.refuseAll.set(false);
        clock.setUk("2026-11-23T10:00"); // past the retry's wait
        assertThat(outbox.deliverDue()).isEqualTo(1);
        assertThat(letterTo(to).get("status").asString()).isEqualTo("SENT");
        assertThat(sentTo(to)).hasSize(1);
    }

    @Test
    void aRefusedTokenLeavesTheEmailUnreadInTheMailboxAndTellsAdministratorsWhy() throws Exception {
        clock.setUk("2026-11-24T09:00");
        anEmailArrives("Ben Tenant <ben.oauth@example.org>", "Gutter still leaking", "Water runs down the front wall.");
        SERVERS.refuseAll.set(true);

        assertThat(poller.pollAll()).isZero();

        JsonNode mailboxes = new Api(port).get("/api/v1/organisations/alliance-homes/mailboxes").json();
        assertThat(mailboxes).hasSize(1);
        assertThat(mailboxes.get(0).get("mailbox").asString()).isEqualTo(MAILBOX + "@localhost/INBOX");
        assertThat(mailboxes.get(0).get("signsInWith").asString()).isEqualTo("IMAP, OAuth 2.0 token (XOAUTH2)");
        assertThat(mailboxes.get(0).get("failingSince").asString()).isEqualTo("2026-11-24T09:00:00Z");
        assertThat(mailboxes.get(0).get("lastError").asString())
                .startsWith("AuthenticationFailedException: The mail server localhost refused the OAuth 2.0 token of " + MAILBOX
                        + " (from " + SERVERS.tokenUri() + "): ");
        assertThat(jdbc.sql("select count(*) from intake.message where subject = 'Gutter still leaking'").query(Integer.class).single()).isZero();

        SERVERS.refuseAll.set(false);
        clock.setUk("2026-11-24T09:05");
        assertThat(poller.pollAll()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from intake.message where subject = 'Gutter still leaking'").query(Integer.class).single()).isEqualTo(1);
        JsonNode after = new Api(port).get("/api/v1/organisations/alliance-homes/mailboxes").json().get(0);
        assertThat(after.get("lastReadAt").asString()).isEqualTo("2026-11-24T09:05:00Z");
        assertThat(after.has("lastError")).isFalse();
        assertThat(after.has("failingSince")).isFalse();
    }
}
