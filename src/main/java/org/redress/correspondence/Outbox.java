package org.redress.correspondence;

import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Delivers letters committed to the outbox: at least once (a crash between sending and recording means it is
 * sent again, with the same Message-ID so mail systems can drop the copy) and recorded once, each recorded sent in its
 * own transaction as soon as it has gone, so a crash repeats at most one letter. Each letter is
 * locked while it is sent, so several nodes can run this at the same time. A mail server that is down means
 * retries with growing waits; after {@link #MAX_ATTEMPTS} the letter is marked FAILED, visible on the outbox page.
 *
 * <p>Without SMTP settings (the embedded demo start), emails go to the local outbox page instead of a server. An
 * organisation connected to GOV.UK Notify has its emails, text messages and posted letters sent by Notify instead
 * ({@link NotifyDelivery}).
 *
 * <p>A letter carrying a one-time code is stored with the code masked; only here is the code put back, from {@link
 * HeldCodes}, into the email as it is sent, and then dropped. A code that is no longer held (expired, replaced) is never
 * sent: the letter fails at once.
 */
@Component
public class Outbox {

    static final int MAX_ATTEMPTS = 8;
    /** One: a letter is recorded sent before the next is sent. */
    static final int LETTERS_PER_TRANSACTION = 1;
    static final String CODE_GONE = "The code expired or was replaced before it could be sent; the complainant can ask for a new one";
    static final String LOCAL_OUTBOX = "local outbox";
    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    private final Letters letters;
    private final HeldCodes codes;
    private final TransactionTemplate transactions;
    private final @Nullable JavaMailSender mail;
    private final LetterPdf pdf;
    private final NotifyDelivery notify;
    private final Clock clock;
    private final String from;
    private final boolean deliverAfterCommit;
    /** How an email went, as the letter records it: "smtp", or "Microsoft Graph" where SMTP is switched off (issue 24) */
    private final String mailedVia;
    private final ExecutorService afterCommit = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "outbox-after-commit");
        t.setDaemon(true);
        return t;
    });

    Outbox(Letters letters, HeldCodes codes, TransactionTemplate transactions, ObjectProvider<JavaMailSender> mail, LetterPdf pdf, Clock clock,
           String from, boolean deliverAfterCommit) {
        this(letters, codes, transactions, mail, pdf, new NotifyDelivery(new NotifyProperties(null, null)), clock, from, deliverAfterCommit, "smtp");
    }

    @org.springframework.beans.factory.annotation.Autowired
    Outbox(Letters letters, HeldCodes codes, TransactionTemplate transactions, ObjectProvider<JavaMailSender> mail, LetterPdf pdf,
           NotifyDelivery notify, Clock clock,
           @Value("${redress.mail.from:complaints@redress.local}") String from,
           @Value("${redress.outbox.deliver-after-commit:true}") boolean deliverAfterCommit,
           @Value("${redress.mail.transport:smtp}") String transport) {
        this.mailedVia = "graph".equals(transport) ? "Microsoft Graph" : "smtp";
        this.notify = notify;
        this.letters = letters;
        this.codes = codes;
        this.transactions = transactions;
        this.mail = mail.getIfAvailable();
        this.pdf = pdf;
        this.clock = clock;
        this.from = from;
        this.deliverAfterCommit = deliverAfterCommit;
    }

    /**
     * Delivers every letter that is due, each in its own short transaction that locks it, sends it and records it
     * sent, so that a crash sends again at most the one letter it interrupted (issue 27: twenty letters to a transaction
     * sent 33 emails twice after a crash); returns how many were delivered.
     */
    public int deliverDue() {
        codes.dropExpired(clock.instant());
        int delivered = 0;
        while (true) {
            Batch batch = transactions.execute(status -> deliverBatch());
            if (batch == null || batch.tried() == 0) {
                return delivered;
            }
            delivered += batch.delivered();
        }
    }

    /** Sends what the current transaction wrote, as soon as it commits (the poller is the safety net). */
    void deliverAfterCommit() {
        if (deliverAfterCommit && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    afterCommit.submit(Outbox.this::deliverQuietly);
                }
            });
        }
    }

    @Scheduled(fixedDelayString = "${redress.outbox.poll-interval:5s}", initialDelayString = "${redress.outbox.poll-interval:5s}")
    void poll() {
        deliverQuietly();
    }

    private void deliverQuietly() {
        try {
            deliverDue();
        } catch (RuntimeException e) {
            log.warn("Outbox delivery round failed; letters stay queued: {}", e.getMessage());
        }
    }

    private record Batch(int tried, int delivered) {
    }

    private Batch deliverBatch() {
        Instant now = clock.instant();
        List<Letter> due = letters.lockDue(now, LETTERS_PER_TRANSACTION);
        int delivered = 0;
        for (Letter letter : due) {
            @Nullable String code = null;
            if (letter.kind().carriesCode()) {
                code = codes.codeFor(letter.id(), now).orElse(null);
                if (code == null) {
                    // a dead code is not worth sending: the complainant asks for a new one
                    letters.markFailed(letter.id(), CODE_GONE, now, true);
                    continue;
                }
            }
            try {
                String via;
                if (notify.carries(letter)) {
                    // issue 24: through the organisation's GOV.UK Notify service; its delivery receipt comes later
                    NotifyDelivery.Sent sent = notify.send(letter, code);
                    via = sent.via();
                    letters.markSentByNotify(letter.id(), clock.instant(), via, sent.notificationId());
                } else {
                    via = deliver(letter, code);
                    letters.markSent(letter.id(), clock.instant(), via);
                }
                if (code != null && !LOCAL_OUTBOX.equals(via)) {
                    // sent: from now on only the complainant has it (the local outbox keeps it for an administrator)
                    codes.drop(letter.id());
                }
                delivered++;
            } catch (NotifyDelivery.Refused e) {
                // Notify refused the letter itself (a bad address, number or template): sending it again changes nothing
                letters.markFailed(letter.id(), e.getMessage(), now, true);
                log.warn("Letter {} for {} refused by GOV.UK Notify: {}", letter.id(), letter.caseReference(), e.getMessage());
            } catch (RuntimeException | jakarta.mail.MessagingException e) {
                int attempt = letter.attempts() + 1;
                boolean giveUp = attempt >= MAX_ATTEMPTS;
                Duration wait = Duration.ofSeconds(Math.min(3600, 30L << Math.min(attempt - 1, 7)));
                letters.markFailed(letter.id(), e.getClass().getSimpleName() + ": " + e.getMessage(), now.plus(wait), giveUp);
                log.warn("Letter {} for {} not delivered (attempt {}{}): {}", letter.id(), letter.caseReference(), attempt,
                        giveUp ? ", giving up" : ", next try in " + wait.toSeconds() + "s", e.getMessage());
            }
        }
        return new Batch(due.size(), delivered);
    }

    /** Sends the letter, with the one-time code it carries in place of its mask. */
    private String deliver(Letter letter, @Nullable String code) throws jakarta.mail.MessagingException {
        if ("POST".equals(letter.channel())) {
            pdf.render(letter); // proves the PDF can be made before the letter counts as ready to print
            return "print";
        }
        if (mail == null) {
            return LOCAL_OUTBOX;
        }
        MimeMessage message = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
        helper.setFrom(from);
        helper.setTo(letter.recipient());
        if (letter.copyTo() != null) {
            helper.setCc(letter.copyTo());
        }
        helper.setSubject(letter.subject());
        helper.setText(code == null ? letter.body() : letter.body().replace(Letter.MASK, code), false);
        message.setHeader("X-Redress-Reference", letter.caseReference());
        message.setHeader("X-Redress-Letter", letter.kind().name());
        if (!letter.letterFormats().isEmpty()) {
            message.setHeader("X-Redress-Formats", String.join(", ", letter.letterFormats()));
        }
        message.saveChanges();
        message.setHeader("Message-ID", "<" + letter.id() + "@redress>");
        mail.send(message);
        return mailedVia;
    }
}
