package org.redress.intake;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.FlagTerm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Properties;

/**
 * Reads new (unseen) messages from each connected mailbox, hands each to {@link EmailIntake}, and marks it seen
 * only once it is committed: a crash in between means it is read again, and its Message-ID stops a duplicate. Run by
 * {@link IntakeTasks}, on one node at a time.
 */
@Component
@EnableConfigurationProperties(IntakeProperties.class)
public class MailboxPoller {

    private static final Logger log = LoggerFactory.getLogger(MailboxPoller.class);

    private final IntakeProperties properties;
    private final EmailIntake intake;

    MailboxPoller(IntakeProperties properties, EmailIntake intake) {
        this.properties = properties;
        this.intake = intake;
    }

    /** Reads every connected mailbox once; returns how many messages were handled. */
    public int pollAll() {
        int handled = 0;
        for (IntakeProperties.Mailbox mailbox : properties.connected()) {
            try {
                handled += poll(mailbox);
            } catch (MessagingException | IOException | RuntimeException e) {
                log.warn("Could not read mailbox {} for {}: {}", mailbox.name(), mailbox.organisation(), e.getMessage());
            }
        }
        return handled;
    }

    private int poll(IntakeProperties.Mailbox mailbox) throws MessagingException, IOException {
        Properties settings = new Properties();
        settings.put("mail.store.protocol", mailbox.protocolOrDefault());
        settings.put("mail." + mailbox.protocolOrDefault() + ".connectiontimeout", "10000");
        settings.put("mail." + mailbox.protocolOrDefault() + ".timeout", "20000");
        // reading a message must not mark it seen: only a committed hand-over does
        settings.put("mail." + mailbox.protocolOrDefault() + ".peek", "true");
        Store store = Session.getInstance(settings).getStore(mailbox.protocolOrDefault());
        store.connect(mailbox.host(), mailbox.port(), mailbox.username(), mailbox.password());
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
}
