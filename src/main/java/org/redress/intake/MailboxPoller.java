package org.redress.intake;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.FlagTerm;
import org.redress.mailauth.GraphMail;
import org.redress.mailauth.MailTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.Properties;

/**
 * Reads new (unseen) messages from each connected mailbox, hands each to {@link EmailIntake}, and marks it seen
 * only once it is committed: a crash in between means it is read again, and its Message-ID stops a duplicate. Run by
 * {@link IntakeTasks}, on one node at a time.
 *
 * <p>A mailbox signs in with its password, or with an OAuth 2.0 token as SASL XOAUTH2 (Microsoft 365, Google
 * Workspace), or is read through Microsoft Graph (issue 24). How each read went is kept in {@link MailboxReads}: a
 * mailbox that cannot be read (a refused token) leaves its emails unread there and says why to administrators.
 */
@Component
@EnableConfigurationProperties(IntakeProperties.class)
public class MailboxPoller {

    private static final Logger log = LoggerFactory.getLogger(MailboxPoller.class);

    private final IntakeProperties properties;
    private final EmailIntake intake;
    private final MailTokens tokens;
    private final GraphMail graph;
    private final MailboxReads reads;
    private final Clock clock;

    MailboxPoller(IntakeProperties properties, EmailIntake intake, MailTokens tokens, GraphMail graph, MailboxReads reads, Clock clock) {
        this.properties = properties;
        this.intake = intake;
        this.tokens = tokens;
        this.graph = graph;
        this.reads = reads;
        this.clock = clock;
    }

    /** Reads every connected mailbox once; returns how many messages were handled. */
    public int pollAll() {
        int handled = 0;
        for (IntakeProperties.Mailbox mailbox : properties.connected()) {
            try {
                handled += mailbox.isGraph() ? pollGraph(mailbox) : poll(mailbox);
                reads.read(mailbox, clock.instant());
            } catch (MessagingException | IOException | RuntimeException e) {
                String error = e.getClass().getSimpleName() + ": " + e.getMessage();
                log.warn("Could not read mailbox {} for {}: {}", mailbox.name(), mailbox.organisation(), error);
                try {
                    reads.failed(mailbox, error, clock.instant());
                } catch (RuntimeException notRecorded) {
                    log.warn("Could not record that mailbox {} could not be read: {}", mailbox.name(), notRecorded.getMessage());
                }
            }
        }
        return handled;
    }

    private int poll(IntakeProperties.Mailbox mailbox) throws MessagingException, IOException {
        if (mailbox.host() == null || mailbox.host().isBlank()) {
            throw new IllegalStateException("the mailbox has no host: set its host, or protocol: graph to read it through Microsoft Graph");
        }
        Properties settings = new Properties();
        settings.put("mail.store.protocol", mailbox.protocolOrDefault());
        settings.put("mail." + mailbox.protocolOrDefault() + ".connectiontimeout", "10000");
        settings.put("mail." + mailbox.protocolOrDefault() + ".timeout", "20000");
        // reading a message must not mark it seen: only a committed hand-over does
        settings.put("mail." + mailbox.protocolOrDefault() + ".peek", "true");
        String secret = mailbox.password();
        if (mailbox.signsInWithToken()) {
            // SASL XOAUTH2: the user name and the token in place of the password (Microsoft 365, Google Workspace)
            settings.put("mail." + mailbox.protocolOrDefault() + ".auth.mechanisms", "XOAUTH2");
            secret = tokens.tokenFor(mailbox.name(), mailbox.client().actingAs(mailbox.username()));
        }
        Store store = Session.getInstance(settings).getStore(mailbox.protocolOrDefault());
        try {
            store.connect(mailbox.host(), mailbox.port(), mailbox.username(), secret);
        } catch (AuthenticationFailedException e) {
            if (!mailbox.signsInWithToken()) {
                throw e;
            }
            tokens.forget(mailbox.name());
            throw new AuthenticationFailedException("The mail server " + mailbox.host() + " refused the OAuth 2.0 token of "
                    + mailbox.username() + " (from " + mailbox.client().tokenUri() + "): " + (e.getMessage() == null ? "" : e.getMessage().trim()));
        }
        try {
            Folder folder = store.getFolder(mailbox.folderOrDefault());
            folder.open(Folder.READ_WRITE);
            try {
                int handled = 0;
                for (Message message : folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
                    ByteArrayOutputStream raw = new ByteArrayOutputStream();
                    message.writeTo(raw);
                    EmailIntake.Outcome outcome = intake.accept(mailbox.organisation(), mailbox.name(), raw.toByteArray());
                    message.setFlag(Flags.Flag.SEEN, true);
                    log.info("Email to {} handled: {} {}", mailbox.organisation(), outcome.outcome(),
                            outcome.caseReference() == null ? "" : outcome.caseReference());
                    handled++;
                }
                return handled;
            } finally {
                folder.close(false);
            }
        } finally {
            store.close();
        }
    }

    /** The same hand-over through Microsoft Graph: each unread message's MIME, then marked read once committed. */
    private int pollGraph(IntakeProperties.Mailbox mailbox) {
        GraphMail.Folder folder = graph.folder(mailbox.name(), mailbox.client(), mailbox.graphUri(), mailbox.username(), mailbox.folderOrDefault());
        int handled = 0;
        for (String id : folder.unread()) {
            EmailIntake.Outcome outcome = intake.accept(mailbox.organisation(), mailbox.name(), folder.mime(id));
            folder.markRead(id);
            log.info("Email to {} handled: {} {}", mailbox.organisation(), outcome.outcome(),
                    outcome.caseReference() == null ? "" : outcome.caseReference());
            handled++;
        }
        return handled;
    }
}
