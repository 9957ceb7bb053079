package org.redress.intake;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redress.testing.Api;
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

import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** A connected mailbox on a real IMAP server (GreenMail): new emails become contacts, replies land on their case. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "redress.intake.poll-interval=1h")
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class EmailIntakeIT {

    static final int SMTP = freePort();
    static final int IMAP = freePort();

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(new ServerSetup[]{
            new ServerSetup(SMTP, null, ServerSetup.PROTOCOL_SMTP), new ServerSetup(IMAP, null, ServerSetup.PROTOCOL_IMAP)})
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("complaints@alliancehomes.example", "intake", "secret"))
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mailbox(DynamicPropertyRegistry registry) {
        registry.add("redress.intake.mailboxes[0].organisation", () -> "alliance-homes");
        registry.add("redress.intake.mailboxes[0].host", () -> "localhost");
        registry.add("redress.intake.mailboxes[0].port", () -> IMAP);
        registry.add("redress.intake.mailboxes[0].protocol", () -> "imap");
        registry.add("redress.intake.mailboxes[0].username", () -> "intake");
        registry.add("redress.intake.mailboxes[0].password", () -> "secret");
    }

    @LocalServerPort
    int port;
    @Autowired
    MailboxPoller poller;
    @Autowired
    EmailIntake intake;
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

    MimeMessage message(String from, String subject, String text) throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", "localhost");
        props.put("mail.smtp.port", String.valueOf(SMTP));
        MimeMessage m = new MimeMessage(Session.getInstance(props));
        m.setFrom(new InternetAddress(from));
        m.setRecipients(Message.RecipientType.TO, "complaints@alliancehomes.example");
        m.setSubject(subject);
        m.setText(text);
        return m;
    }

    String caseOfEmail(String subject) {
        return jdbc.sql("select case_reference from intake.message where subject = ?").param(subject).query(String.class).single();
    }

    @Test
    void aNewEmailBecomesAContactWithItsAttachmentAndTheOriginalKept() throws Exception {
        clock.setUk("2026-11-23T09:00");
        MimeMessage m = message("Ada Resident <ada.intake@example.org>", "My boiler is still broken", "");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("The engineer did not come on Friday. Please send someone.");
        MimeBodyPart photo = new MimeBodyPart();
        photo.setFileName("boiler.jpg");
        photo.setContent(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x00}, "image/jpeg");
        m.setContent(new MimeMultipart(text, photo));
        Transport.send(m);
        assertThat(mail.waitForIncomingEmail(5000, 1)).isTrue();

        assertThat(poller.pollAll()).isEqualTo(1);
        String reference = caseOfEmail("My boiler is still broken");
        JsonNode c = new Api(port).get("/api/v1/organisations/alliance-homes/cases/" + reference).json();
        assertThat(c.get("channel").asString()).isEqualTo("EMAIL");
        assertThat(c.get("complainant").get("name").asString()).isEqualTo("Ada Resident");
        assertThat(c.get("complainant").get("email").asString()).isEqualTo("ada.intake@example.org");
        assertThat(c.get("description").asString()).isEqualTo("The engineer did not come on Friday. Please send someone.");
        assertThat(c.get("classification").get("subject").asString()).isEqualTo("Email: My boiler is still broken");
        assertThat(jdbc.sql("select filename || ' ' || size from intake.attachment a join intake.message m using (organisation, message_id) where m.subject = ?")
                .param("My boiler is still broken").query(String.class).single()).isEqualTo("boiler.jpg 4");
        byte[] raw = jdbc.sql("select raw from intake.message where subject = ?").param("My boiler is still broken").query(byte[].class).single();
        assertThat(new String(raw)).contains("Subject: My boiler is still broken");

        assertThat(poller.pollAll()).isZero();
        assertThat(intake.accept("alliance-homes", "test", raw).outcome()).isEqualTo("ALREADY_HANDLED");
    }

    @Test
    void aReplyQuotingTheReferenceLandsOnItsCase() throws Exception {
        clock.setUk("2026-11-23T09:00");
        Api.Response created = new Api(port).post("/api/v1/organisations/alliance-homes/cases", """
                {"recordType":"complaint","channel":"PHONE","complainant":{"name":"Rhys Reply","email":"rhys@example.org"},
                 "serviceLine":"housing","description":"Leak","points":["Leak"]}""");
        String reference = created.json().get("caseFile").get("reference").asString();
        Transport.send(message("Rhys Reply <rhys@example.org>", "Re: We have received your complaint (" + reference + ")",
                "Thanks. The leak is worse now, water is coming through the ceiling."));
        assertThat(mail.waitForIncomingEmail(5000, 1)).isTrue();
        poller.pollAll();
        JsonNode c = new Api(port).get("/api/v1/organisations/alliance-homes/cases/" + reference).json();
        JsonNode last = c.get("history").get(c.get("history").size() - 1);
        assertThat(last.get("type").asString()).isEqualTo("correspondence-received");
        assertThat(last.get("reason").asString()).contains("water is coming through the ceiling");
        assertThat(last.get("details").get("from").asString()).contains("rhys@example.org");
    }

    @Test
    void bouncesAndAutoRepliesAreKeptButNeverBecomeComplaints() throws Exception {
        long before = jdbc.sql("select count(*) from casework.case_file where organisation = 'alliance-homes'").query(Long.class).single();
        MimeMessage outOfOffice = message("Away Person <away@example.org>", "Out of office: complaint", "I am away until Monday.");
        outOfOffice.setHeader("Auto-Submitted", "auto-replied");
        Transport.send(outOfOffice);
        Transport.send(message("MAILER-DAEMON@mail.example.org", "Undelivered Mail Returned to Sender", "could not deliver"));
        assertThat(mail.waitForIncomingEmail(5000, 2)).isTrue();
        poller.pollAll();
        assertThat(jdbc.sql("select count(*) from casework.case_file where organisation = 'alliance-homes'").query(Long.class).single()).isEqualTo(before);
        assertThat(jdbc.sql("select outcome || ': ' || reason from intake.message where subject like 'Out of office%' or subject like 'Undelivered%' order by subject")
                .query(String.class).list()).containsExactly("IGNORED: automatic reply (Auto-Submitted: auto-replied)",
                "IGNORED: delivery report from MAILER-DAEMON@mail.example.org");
    }
}
