package org.redress.intake;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;
import org.redress.casework.CaseFile;
import org.redress.casework.CaseTypes;
import org.redress.casework.Casework;
import org.redress.people.Organisations;
import org.redress.policy.PolicyPack;
import org.redress.policy.PolicyPacks;
import org.redress.web.TextLimits;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one email into what it should be: a new contact to triage, an addition to the case whose reference it
 * quotes, or (for bounces and auto-replies) nothing but a kept record. Each message is handled once: its
 * Message-ID is the key, claimed in the same transaction as the case change.
 */
@Service
public class EmailIntake {

    private static final Pattern REFERENCE = Pattern.compile("\\b([A-Z0-9]{1,6}-\\d{4}-\\d{6})\\b");

    private final Casework casework;
    private final PolicyPacks packs;
    private final Organisations organisations;
    private final JdbcClient jdbc;
    private final Clock clock;

    EmailIntake(Casework casework, PolicyPacks packs, Organisations organisations, JdbcClient jdbc, Clock clock) {
        this.casework = casework;
        this.packs = packs;
        this.organisations = organisations;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What became of a message. */
    public record Outcome(String outcome, @Nullable String caseReference, @Nullable String reason) {
    }

    @Transactional
    public Outcome accept(String organisation, String mailbox, byte[] raw) {
        organisations.require(organisation);
        MimeMessage message = parse(raw);
        String messageId = header(message, "Message-ID").orElseGet(() -> "<sha256:" + sha256(raw) + ">");
        String sender = sender(message);
        String subject = Optional.ofNullable(subject(message)).orElse("(no subject)");
        Instant now = clock.instant();
        Instant received = sentDate(message, now);
        int claimed = jdbc.sql("""
                insert into intake.message (organisation, message_id, mailbox, received_at, sender, subject, outcome, raw)
                values (?, ?, ?, ?, ?, ?, 'IGNORED', ?) on conflict do nothing
                """).params(organisation, messageId, mailbox, received.atOffset(ZoneOffset.UTC), sender, subject, raw).update();
        if (claimed == 0) {
            return new Outcome("ALREADY_HANDLED", null, "message " + messageId + " was handled before");
        }
        Optional<String> automatic = automatic(message, sender);
        if (automatic.isPresent()) {
            return record(organisation, messageId, new Outcome("IGNORED", null, automatic.get()));
        }
        String text = text(message);
        keepAttachments(organisation, messageId, message);
        Matcher reference = REFERENCE.matcher(subject + "\n" + text);
        while (reference.find()) {
            String ref = reference.group(1);
            // a reference-like string that is not one of this organisation's cases is passed over
            if (casework.exists(organisation, ref)) {
                casework.on(organisation, ref, "email").recordCorrespondence(sender, subject, excerpt(text), messageId, received);
                return record(organisation, messageId, new Outcome("ADDED_TO_CASE", ref, null));
            }
        }
        PolicyPack pack = packs.active(organisation).orElseThrow();
        String type = pack.recordTypes().stream().filter(t -> t.handling() == PolicyPack.Handling.STAGED).findFirst()
                .or(() -> pack.recordTypes().stream().findFirst()).map(PolicyPack.RecordType::id).orElseThrow();
        // cut to the sizes a person typing them is held to: a name or address too long for its index would fail every try
        String email = address(message).filter(a -> a.length() <= TextLimits.NAME).orElse(null);
        String name = cut(personal(message).orElse(email == null ? sender : email.substring(0, email.indexOf('@'))), TextLimits.NAME);
        CaseTypes.NewCase contact = new CaseTypes.NewCase(type, CaseTypes.Channel.EMAIL, received,
                new CaseTypes.Complainant(name, email, null, null, email == null ? null : CaseTypes.ContactMethod.EMAIL, null, List.of(),
                        CaseTypes.Tenure.UNKNOWN),
                null, List.of(), new CaseTypes.Classification(null, null, cut("Email: " + subject, TextLimits.NAME), null),
                text.isBlank() ? "(the email had no text; see its attachments)" : text, null, null, null, List.of(), null);
        Casework.Created created = casework.create(organisation, contact, "email:" + messageId, "email");
        return record(organisation, messageId, new Outcome("NEW_CONTACT", created.view().reference(), "to triage: logged as a " + type));
    }

    /**
     * Erases the emails kept for one case when it is anonymised (retention or erasure): the message stays as a record
     * that one arrived and what became of it, without its sender, subject, content or attachments. Returns how many.
     */
    @org.springframework.transaction.annotation.Transactional
    public int anonymise(String organisation, String caseReference) {
        jdbc.sql("""
                delete from intake.attachment a using intake.message m
                where a.organisation = m.organisation and a.message_id = m.message_id and m.organisation = ? and m.case_reference = ?
                """).params(organisation, caseReference).update();
        return jdbc.sql("""
                update intake.message set sender = '[anonymised]', subject = '[anonymised]', reason = null, raw = ''::bytea
                where organisation = ? and case_reference = ?
                """).params(organisation, caseReference).update();
    }

    private Outcome record(String organisation, String messageId, Outcome outcome) {
        jdbc.sql("update intake.message set outcome = ?, reason = ?, case_reference = ? where organisation = ? and message_id = ?")
                .params("ALREADY_HANDLED".equals(outcome.outcome()) ? "IGNORED" : outcome.outcome(), outcome.reason(),
                        outcome.caseReference(), organisation, messageId)
                .update();
        return outcome;
    }

    /** Why a message was sent by a machine (bounce, out-of-office, list), if it was. */
    static Optional<String> automatic(MimeMessage message, String sender) {
        try {
            Optional<String> autoSubmitted = header(message, "Auto-Submitted");
            if (autoSubmitted.isPresent() && !autoSubmitted.get().trim().equalsIgnoreCase("no")) {
                return Optional.of("automatic reply (Auto-Submitted: " + autoSubmitted.get().trim() + ")");
            }
            if (header(message, "X-Autoreply").isPresent() || header(message, "X-Autorespond").isPresent()) {
                return Optional.of("automatic reply");
            }
            String precedence = header(message, "Precedence").orElse("").trim().toLowerCase(Locale.ROOT);
            if (List.of("bulk", "junk", "list", "auto_reply").contains(precedence)) {
                return Optional.of("bulk or automatic mail (Precedence: " + precedence + ")");
            }
            if (message.isMimeType("multipart/report")) {
                return Optional.of("delivery report (bounce)");
            }
            String local = sender.toLowerCase(Locale.ROOT);
            if (local.startsWith("mailer-daemon@") || local.startsWith("postmaster@") || local.contains("<mailer-daemon@")) {
                return Optional.of("delivery report from " + sender);
            }
            if (header(message, "Return-Path").map(String::trim).filter("<>"::equals).isPresent()) {
                return Optional.of("delivery report (empty return path)");
            }
            return Optional.empty();
        } catch (MessagingException e) {
            return Optional.empty();
        }
    }

    private void keepAttachments(String organisation, String messageId, MimeMessage message) {
        List<Part> attachments = new ArrayList<>();
        collectAttachments(message, attachments);
        int position = 0;
        for (Part part : attachments) {
            try {
                byte[] content = part.getInputStream().readAllBytes();
                jdbc.sql("""
                        insert into intake.attachment (organisation, message_id, position, filename, content_type, size, sha256, content)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        """).params(organisation, messageId, position++, part.getFileName(), part.getContentType(), content.length,
                        sha256(content), content).update();
            } catch (IOException | MessagingException e) {
                throw new IllegalStateException("could not read an attachment of " + messageId, e);
            }
        }
    }

    private static void collectAttachments(Part part, List<Part> into) {
        try {
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    collectAttachments(multipart.getBodyPart(i), into);
                }
            } else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null) {
                into.add(part);
            }
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException("could not read a message part", e);
        }
    }

    /** The message's words: its plain text, or its HTML with the tags taken out. */
    static String text(Part part) {
        try {
            if (part.isMimeType("text/plain") && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                return trim(part.getContent().toString());
            }
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                String html = null;
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart body = multipart.getBodyPart(i);
                    String text = text(body);
                    if (!text.isBlank() && !body.isMimeType("text/html")) {
                        return text;
                    }
                    if (body.isMimeType("text/html") && html == null) {
                        html = text;
                    }
                }
                return html == null ? "" : html;
            }
            if (part.isMimeType("text/html")) {
                return trim(part.getContent().toString().replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", " ")
                        .replaceAll("<[^>]+>", " ").replaceAll("&nbsp;", " ").replaceAll("[ \\t]+", " "));
            }
            return "";
        } catch (IOException | MessagingException e) {
            return "";
        }
    }

    private static String trim(String text) {
        String stripped = text.replace("\r\n", "\n").strip();
        return cut(stripped, TextLimits.TEXT);
    }

    private static String cut(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }

    private static String excerpt(String text) {
        return text.length() > 2000 ? text.substring(0, 2000) + "..." : text;
    }

    private static MimeMessage parse(byte[] raw) {
        try {
            return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
        } catch (MessagingException e) {
            throw new IllegalArgumentException("not an email message", e);
        }
    }

    private static Optional<String> header(MimeMessage message, String name) {
        try {
            return Optional.ofNullable(message.getHeader(name, ","));
        } catch (MessagingException e) {
            return Optional.empty();
        }
    }

    private static @Nullable String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            return null;
        }
    }

    private static String sender(MimeMessage message) {
        try {
            Address[] from = message.getFrom();
            return from == null || from.length == 0 ? "unknown sender" : from[0].toString();
        } catch (MessagingException e) {
            return "unknown sender";
        }
    }

    private static Optional<String> address(MimeMessage message) {
        try {
            Address[] from = message.getFrom();
            return from != null && from.length > 0 && from[0] instanceof InternetAddress a ? Optional.ofNullable(a.getAddress()) : Optional.empty();
        } catch (MessagingException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> personal(MimeMessage message) {
        try {
            Address[] from = message.getFrom();
            return from != null && from.length > 0 && from[0] instanceof InternetAddress a && a.getPersonal() != null
                    && !a.getPersonal().isBlank() ? Optional.of(a.getPersonal()) : Optional.empty();
        } catch (MessagingException e) {
            return Optional.empty();
        }
    }

    private static Instant sentDate(MimeMessage message, Instant now) {
        try {
            java.util.Date sent = message.getSentDate();
            return sent == null || sent.toInstant().isAfter(now) ? now : sent.toInstant();
        } catch (MessagingException e) {
            return now;
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
