package org.redress.correspondence;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redress.testing.Api;
import org.redress.testing.Cases;
import org.redress.testing.MutableClock;
import org.redress.testing.TestClockConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 27, item 6: a crash while the outbox sends repeats at most the one letter it interrupted. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"redress.outbox.poll-interval=1h", "redress.outbox.deliver-after-commit=false"})
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class OutboxCrashIT {

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
    MutableClock clock;
    @Autowired
    Outbox outbox;
    @Autowired
    Letters letters;
    @Autowired
    HeldCodes codes;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    LetterPdf pdf;

    /** The JVM dying after the mail server took a letter and before the outbox recorded it sent. */
    static final class Crash extends Error {
        Crash() {
            super("the node died here");
        }
    }

    /** A mail sender that sends, then crashes on its {@code crashOn}th letter. */
    static final class CrashingSender extends JavaMailSenderImpl {
        private final AtomicInteger sent = new AtomicInteger();
        private final int crashOn;

        CrashingSender(int port, int crashOn) {
            setHost("localhost");
            setPort(port);
            this.crashOn = crashOn;
        }

        @Override
        public void send(MimeMessage... messages) {
            super.send(messages);
            if (sent.addAndGet(messages.length) == crashOn) {
                throw new Crash();
            }
        }
    }

    @Test
    void aCrashOnTheThirdOfFiveLettersSendsOnlyTheThirdAgainAndTheFirstTwoStaySent() throws Exception {
        outbox.deliverDue();
        smtp.purgeEmailFromAllMailboxes();
        clock.setUk("2026-11-23T09:30");
        String batch = "crash." + System.nanoTime();
        for (int i = 0; i < 5; i++) {
            new Cases(new Api(port)).aComplaint().receivedOn(LocalDate.of(2026, 11, 23)).by("Ada Resident " + i)
                    .withEmail(batch + "." + i + "@example.org").preferringContactBy("EMAIL").onServiceLine("housing")
                    .saying("Boiler repair missed").points("Repair missed").in("alliance-homes").acknowledge();
        }
        JavaMailSender crashing = new CrashingSender(smtp.getSmtp().getPort(), 3);
        Outbox crashingNode = new Outbox(letters, codes, transactions,
                new StaticListableBeanFactory(Map.of("mail", crashing)).getBeanProvider(JavaMailSender.class), pdf,
                clock, "complaints@redress.local", false);

        assertThatThrownBy(crashingNode::deliverDue).isInstanceOf(Crash.class);
        assertThat(sentTo(batch)).as("sent before the crash, each recorded as it went").hasSize(3);

        outbox.deliverDue();

        Map<String, Integer> copies = new TreeMap<>();
        for (MimeMessage message : sentTo(batch)) {
            copies.merge(message.getMessageID(), 1, Integer::sum);
        }
        assertThat(copies).hasSize(5);
        // only the letter whose sending the crash interrupted goes twice (same Message-ID); the two before it do not
        assertThat(copies.values().stream().sorted().toList()).containsExactly(1, 1, 1, 1, 2);
        assertThat(outbox.deliverDue()).isZero();
    }

    private List<MimeMessage> sentTo(String batch) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().startsWith(batch));
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }
}
