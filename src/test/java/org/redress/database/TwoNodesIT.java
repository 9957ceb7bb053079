package org.redress.database;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redress.RedressApplication;
import org.redress.casework.CaseTypes.ClockStatus;
import org.redress.casework.Casework;
import org.redress.casework.OpenClock;
import org.redress.deadlines.DeadlineSweep;
import org.redress.testing.Api;
import org.redress.testing.CaseOnFile;
import org.redress.testing.Cases;
import org.redress.testing.MutableClock;
import org.redress.testing.TestAccounts;
import org.redress.testing.TestClockConfiguration;
import org.redress.testing.WebSession;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 27, item 7: two Redress nodes on one PostgreSQL (a database of this test's own), each on a random port and given
 * its settings as arguments (item 8), behind no sticky load balancer: a session, a rate limit and a mailbox behave the
 * same whichever node a request reaches; every reminder, missed notice, digest and email of the deadline sweep goes out
 * once (counted by a real SMTP server, GreenMail); and a node that dies in the middle of a sweep has its work finished by
 * the other within a minute (db-scheduler's 5 s heartbeat, 6 missed beats). The tests run in order, the last kills a node.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesIT {

    static final int SMTP = freePort();
    static final int IMAP = freePort();

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(new ServerSetup[]{
            new ServerSetup(SMTP, null, ServerSetup.PROTOCOL_SMTP), new ServerSetup(IMAP, null, ServerSetup.PROTOCOL_IMAP)})
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("inbox@thetrust.example", "intake", "secret"))
            .withPerMethodLifecycle(false);

    static EmbeddedPostgres database;
    static DataSource testConnections;
    static JdbcClient jdbc;
    static ConfigurableApplicationContext a;
    static ConfigurableApplicationContext b;

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeAll
    static void twoNodesOnOneDatabase() throws Exception {
        Path directory = Path.of("target", "two-nodes-pgdata").toAbsolutePath();
        if (Files.exists(directory)) {
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        int databasePort = freePort();
        EmbeddedDatabaseProperties settings = new EmbeddedDatabaseProperties(directory, databasePort, false,
                Map.of("fsync", "off", "shared_buffers", "32MB"), Duration.ZERO);
        database = EmbeddedPostgresServer.builder(directory, settings, databasePort).start();
        try (Connection connection = database.getPostgresDatabase().getConnection()) {
            connection.createStatement().execute("create database redress_nodes");
        }
        testConnections = database.getDatabase("postgres", "redress_nodes");
        jdbc = JdbcClient.create(testConnections);
        String url = "jdbc:postgresql://localhost:" + databasePort + "/redress_nodes";
        a = node("a", url);
        b = node("b", url);
    }

    /** One node: every setting an argument, so none loses to application.yml (issue 27, item 8). */
    static ConfigurableApplicationContext node(String name, String url) {
        return new SpringApplicationBuilder(RedressApplication.class, TestClockConfiguration.class).profiles("test").run(
                "--server.port=0",
                "--spring.datasource.url=" + url + "?ApplicationName=redress-" + name,
                "--spring.datasource.username=postgres",
                "--redress.node-name=" + name,
                "--db-scheduler.enabled=true",
                // the heartbeat (5 s, dead after 6 missed) is the shipped one; only how often a node looks for due work is quicker
                "--db-scheduler.polling-interval=1s",
                "--redress.rate-limits.key-prefix=two-nodes|",
                "--redress.outbox.poll-interval=1s",
                "--spring.mail.host=localhost",
                "--spring.mail.port=" + SMTP,
                "--redress.intake.poll-interval=1s",
                "--redress.intake.mailboxes[0].organisation=the-trust",
                "--redress.intake.mailboxes[0].host=localhost",
                "--redress.intake.mailboxes[0].port=" + IMAP,
                "--redress.intake.mailboxes[0].protocol=imap",
                "--redress.intake.mailboxes[0].username=intake",
                "--redress.intake.mailboxes[0].password=secret");
    }

    @AfterAll
    static void stop() throws IOException {
        for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[]{a, b}) {
            if (node != null && node.isActive()) {
                node.close();
            }
        }
        if (database != null) {
            database.close();
        }
    }

    static int port(ConfigurableApplicationContext node) {
        return node.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    static void setClocks(String ukLocalDateTime) {
        a.getBean(MutableClock.class).setUk(ukLocalDateTime);
        b.getBean(MutableClock.class).setUk(ukLocalDateTime);
    }

    @Test
    @Order(1)
    void aSessionStartedOnOneNodeIsTheSameSessionOnTheOther() {
        WebSession onA = new WebSession(port(a));
        assertThat(onA.signIn(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD).status()).isEqualTo(302);
        WebSession onB = onA.at(port(b));

        WebSession.Page team = onB.get("/staff/the-trust/team");
        assertThat(team.status()).isEqualTo(200);
        assertThat(team.body()).contains("Test Administrator");
        assertThat(jdbc.sql("select distinct max_inactive_interval from accounts.spring_session").query(Integer.class).list())
                .as("the session ends after 30 minutes without activity, as before").containsExactly(1800);

        // signed out through B, the session has ended on A too
        WebSession.Page signedOut = onB.post("/sign-out", Map.of());
        assertThat(signedOut.location()).endsWith("/sign-in?signed-out");
        WebSession.Page again = onA.get("/staff/the-trust/team");
        assertThat(again.status()).isEqualTo(302);
        assertThat(again.location()).endsWith("/sign-in");
    }

    @Test
    @Order(2)
    void theComplaintFormsLimitReachedThroughOneNodeHoldsThroughTheOther() {
        // five complaints from one address, through A and B in turn: all are accepted
        for (int i = 0; i < 5; i++) {
            WebSession resident = new WebSession(port(i % 2 == 0 ? a : b));
            resident.get("/o/the-trust/complain");
            WebSession.Page page = resident.post("/o/the-trust/complain", Map.of("whatHappened", "Noise " + i, "name", "Ray Peat",
                    "contactBy", "POST", "address", "2 Low Road"));
            assertThat(page.status()).as("complaint " + (i + 1)).isEqualTo(200);
        }
        for (ConfigurableApplicationContext node : List.of(b, a)) {
            WebSession resident = new WebSession(port(node));
            resident.get("/o/the-trust/complain");
            WebSession.Page sixth = resident.post("/o/the-trust/complain", Map.of("whatHappened", "The noise went on all night",
                    "name", "Ray Peat", "contactBy", "POST", "address", "2 Low Road"));
            assertThat(sixth.status()).isEqualTo(429);
            assertThat(sixth.body()).contains("We have received 5 complaints from your connection in the last 10 minutes",
                    "The noise went on all night");
        }
    }

    @Test
    @Order(3)
    void eachEmailInTheMailboxIsTakenInOnceThoughBothNodesAreConnected() throws Exception {
        for (int i = 0; i < 3; i++) {
            Properties props = new Properties();
            props.put("mail.smtp.host", "localhost");
            props.put("mail.smtp.port", String.valueOf(SMTP));
            MimeMessage m = new MimeMessage(Session.getInstance(props));
            m.setFrom(new InternetAddress("Reader " + i + " <reader." + i + "@example.org>"));
            m.setRecipients(Message.RecipientType.TO, "inbox@thetrust.example");
            m.setSubject("Two nodes, one mailbox " + i);
            m.setText("My boiler has been broken for a week (" + i + ").");
            Transport.send(m);
        }
        String taken = "select count(*) from intake.message where subject like 'Two nodes, one mailbox %'";
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(taken).query(Long.class).single() == 3);
        // several more rounds of reading on both nodes change nothing
        Thread.sleep(3000);
        assertThat(jdbc.sql("select subject, outcome, case_reference from intake.message where subject like 'Two nodes, one mailbox %' order by subject")
                .query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + (rs.getString(3) != null)).list())
                .containsExactly("Two nodes, one mailbox 0 NEW_CONTACT true", "Two nodes, one mailbox 1 NEW_CONTACT true",
                        "Two nodes, one mailbox 2 NEW_CONTACT true");
        assertThat(jdbc.sql("select count(distinct case_reference) from intake.message where subject like 'Two nodes, one mailbox %'")
                .query(Long.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from deadlines.scheduled_tasks where task_name = 'mailbox-poll'").query(Long.class).single())
                .as("one reading task for the installation, not one per node").isEqualTo(1);
    }

    @Test
    @Order(4)
    void everyReminderMissedNoticeDigestAndEmailOfTheSweepIsSentOnceByTwoNodes() throws Exception {
        setClocks("2026-11-23T09:00");
        List<String> references = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            references.add(logComplaint(a, "kim" + i + "@thetrust.example").reference());
        }
        for (String moment : List.of("2026-11-29T08:00", "2026-12-10T08:00")) {
            setClocks(moment);
            sweepAndDigestOnBothNodesAtOnce();
        }
        everyEmailWentOutOnce();

        for (int i = 0; i < references.size(); i++) {
            // the acknowledgement (due by the end of 30 November) was due soon on the 29th; both stage 1 clocks and the damp
            // hazard's investigation clock were missed by 10 December: one notice each, never two
            assertThat(noticesFor(references.get(i))).as(references.get(i)).containsExactly("Due soon to kim" + i + "@thetrust.example",
                    "Missed to complaints@thetrust.example", "Missed to complaints@thetrust.example", "Missed to complaints@thetrust.example");
        }
        Map<String, Long> digestsOnThe10th = Arrays.stream(mail.getReceivedMessages())
                .filter(m -> subject(m).startsWith("Your complaints deadlines for Thursday 10 December 2026"))
                .collect(Collectors.groupingBy(TwoNodesIT::to, Collectors.counting()));
        assertThat(digestsOnThe10th).containsKeys("kim0@thetrust.example", "kim1@thetrust.example", "kim2@thetrust.example");
        assertThat(digestsOnThe10th.values()).as("one digest a day for each person").containsOnly(1L);
    }

    @Test
    @Order(5)
    void aNodeKilledInTheMiddleOfASweepHasItsWorkFinishedByTheOtherWithinAMinute() throws Exception {
        setClocks("2026-12-14T09:00");
        for (int i = 0; i < 3; i++) {
            logComplaint(a, "lee" + i + "@thetrust.example");
        }
        setClocks("2027-01-20T09:00");
        List<OpenClock> pending = unsentReminders();
        assertThat(pending).as("reminders for this sweep to send").hasSizeGreaterThanOrEqualTo(3);
        OpenClock first = pending.get(0);
        OpenClock held = pending.get(1);

        ConfigurableApplicationContext victim;
        ConfigurableApplicationContext survivor;
        Instant killed;
        try (Connection test = testConnections.getConnection()) {
            // the test records the second reminder in a transaction it keeps open: the sweep waits there, half done
            test.setAutoCommit(false);
            try (PreparedStatement hold = test.prepareStatement("""
                    insert into deadlines.reminder (organisation, case_id, clock, stage, due_by, kind, sent_at, recipient)
                    values (?, ?, ?, ?, ?, ?, now(), 'held by the test')""")) {
                hold.setString(1, held.organisation());
                hold.setObject(2, UUID.fromString(held.caseId()));
                hold.setString(3, held.clock());
                hold.setInt(4, held.stage());
                hold.setObject(5, held.dueBy().atOffset(ZoneOffset.UTC));
                hold.setString(6, kind(held));
                hold.executeUpdate();
            }
            runNow(a, "deadline-sweep");
            String waiting = """
                    select application_name from pg_stat_activity
                    where wait_event_type = 'Lock' and query like '%deadlines.reminder%' and application_name like 'redress-%'""";
            await().atMost(Duration.ofSeconds(30)).until(() -> !jdbc.sql(waiting).query(String.class).list().isEmpty());
            String sweeping = jdbc.sql(waiting).query(String.class).list().get(0);
            victim = sweeping.equals("redress-a") ? a : b;
            survivor = victim == a ? b : a;
            assertThat(recorded(first)).as("the first reminder was sent before the sweep stopped").isEqualTo(1);
            // the first notice's email has gone, so no email is half sent when the node dies
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from correspondence.letter where status = 'PENDING'")
                    .query(Long.class).single() == 0);

            // the node dies: its connections are gone at once, so it neither finishes the sweep nor hands it back, and its
            // heartbeat stops; its context is then closed
            killed = Instant.now();
            victim.getBean(DataSource.class).unwrap(HikariDataSource.class).close();
            jdbc.sql("select pg_terminate_backend(pid) from pg_stat_activity where application_name = ?").param(sweeping).query().listOfRows();
            Thread closing = new Thread(victim::close, "closing " + sweeping);
            closing.setDaemon(true);
            closing.start();
            test.rollback();
        }

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> pending.stream().allMatch(c -> recorded(c) == 1));
        Duration resumedIn = Duration.between(killed, Instant.now());
        assertThat(resumedIn).as("the other node finished the sweep within a minute").isLessThan(Duration.ofMinutes(1));
        assertThat(survivor.isActive()).isTrue();
        assertThat(jdbc.sql("select recipient from deadlines.reminder where organisation = ? and case_id = ? and clock = ? and stage = ? and kind = ?")
                .params(held.organisation(), UUID.fromString(held.caseId()), held.clock(), held.stage(), kind(held))
                .query(String.class).single()).isNotEqualTo("held by the test");
        everyEmailWentOutOnce();
    }

    // --- helpers

    static CaseOnFile logComplaint(ConfigurableApplicationContext node, String owner) {
        return new Cases(new Api(port(node))).aComplaint().by("Sol Sweep").withoutEmail().saying("Damp in the bathroom").points("Damp")
                .in("the-trust").assignTo(owner);
    }

    /** Asks for a run of a recurring task now, as its timer would; one node runs it. */
    static void runNow(ConfigurableApplicationContext node, String task) {
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() ->
                node.getBean(Scheduler.class).reschedule(TaskInstanceId.of(task, RecurringTask.INSTANCE), Instant.now()));
    }

    /** The scheduled sweep and digest (one node runs each), and both nodes' own at the same moment besides. */
    static void sweepAndDigestOnBothNodesAtOnce() throws Exception {
        Instant asked = Instant.now();
        runNow(a, "deadline-sweep");
        runNow(b, "daily-digest");
        DeadlineSweep onA = a.getBean(DeadlineSweep.class);
        DeadlineSweep onB = b.getBean(DeadlineSweep.class);
        for (int round = 0; round < 2; round++) {
            CompletableFuture<?> x = CompletableFuture.supplyAsync(onA::run);
            CompletableFuture<?> y = CompletableFuture.supplyAsync(onB::run);
            CompletableFuture<?> v = CompletableFuture.supplyAsync(onA::sendDigests);
            CompletableFuture<?> w = CompletableFuture.supplyAsync(onB::sendDigests);
            CompletableFuture.allOf(x, y, v, w).get();
        }
        for (String task : List.of("deadline-sweep", "daily-digest")) {
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                            "select count(*) from deadlines.scheduled_tasks where task_name = ? and not picked and last_success >= ?")
                    .params(task, asked.atOffset(ZoneOffset.UTC)).query(Long.class).single() == 1);
        }
    }

    /** The reminders due now that have not been sent, in the order the sweep reaches them. */
    static List<OpenClock> unsentReminders() {
        Casework casework = a.getBean(Casework.class);
        Instant now = a.getBean(MutableClock.class).instant();
        List<OpenClock> clocks = new ArrayList<>();
        OpenClock.Cursor after = null;
        do {
            OpenClock.Page page = casework.openClocksDueBefore(now.plus(Duration.ofDays(3)), after, 500);
            clocks.addAll(page.clocks());
            after = page.next();
        } while (after != null);
        return clocks.stream().filter(c -> !c.missedBeforeImport() && (c.status() == ClockStatus.DUE_SOON || c.status() == ClockStatus.OVERDUE))
                .filter(c -> recorded(c) == 0).toList();
    }

    static String kind(OpenClock c) {
        return c.status() == ClockStatus.OVERDUE ? "OVERDUE" : "DUE_SOON";
    }

    static long recorded(OpenClock c) {
        return jdbc.sql("select count(*) from deadlines.reminder where organisation = ? and case_id = ? and clock = ? and stage = ? and due_by = ? and kind = ?")
                .params(c.organisation(), UUID.fromString(c.caseId()), c.clock(), c.stage(), c.dueBy().atOffset(ZoneOffset.UTC), kind(c))
                .query(Long.class).single();
    }

    /** The notices queued for a case, as "KIND to recipient" lines. */
    static List<String> noticesFor(String reference) {
        return jdbc.sql("select subject, recipient from correspondence.letter where kind = 'REMINDER' and case_reference = ? order by created_at")
                .param(reference).query((rs, n) -> rs.getString(1).substring(0, rs.getString(1).indexOf(':')) + " to " + rs.getString(2)).list();
    }

    /**
     * Once nothing is left to send: each letter sent by email reached each of its recipients exactly once (GreenMail keeps
     * one copy per recipient), and nothing reached them that is not a letter.
     */
    static void everyEmailWentOutOnce() {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from correspondence.letter where status = 'PENDING'")
                .query(Long.class).single() == 0);
        Map<String, Long> expected = jdbc.sql("select id, copy_to is not null from correspondence.letter where delivered_via = 'smtp'")
                .query((rs, n) -> Map.entry("<" + rs.getString(1) + "@redress>", rs.getBoolean(2) ? 2L : 1L)).list()
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        Map<String, Long> received = Arrays.stream(mail.getReceivedMessages()).map(TwoNodesIT::messageId)
                .filter(id -> id.endsWith("@redress>"))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(expected).as("letters sent by email").isNotEmpty();
        assertThat(received).isEqualTo(expected);
    }

    static String messageId(MimeMessage m) {
        try {
            return String.valueOf(m.getMessageID());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String subject(MimeMessage m) {
        try {
            return String.valueOf(m.getSubject());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String to(MimeMessage m) {
        try {
            return m.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
