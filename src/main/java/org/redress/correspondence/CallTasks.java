package org.redress.correspondence;

import org.jspecify.annotations.Nullable;
import org.redress.calendar.UkTime;
import org.redress.casework.CaseScope;
import org.redress.casework.CaseView;
import org.redress.casework.Casework;
import org.redress.web.NotFoundException;
import org.redress.web.TextLimits;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Contact by the way the person asked (A-2, issue 21). A letter the procedure requires, for a person who asked to be
 * phoned or sent a text, is a call for the case's owner to make, with the letter's text as what to say; a letter with
 * nowhere to go (no postal address, no email) is a warning for them, never a silent queue. Both show on the case page
 * and on "my work" until the member records the contact, which marks the letter done and records the contact in the
 * case's history.
 */
@Service
public class CallTasks {

    /** A letter to give by phone (or by text message, channel TEXT). */
    public static final String TO_CALL = "TO_CALL";
    /** A letter with no postal address and no email to go to. */
    public static final String UNDELIVERABLE = "UNDELIVERABLE";
    /** A letter GOV.UK Notify could not deliver (its receipt said so, issue 24): a warning as an undeliverable letter is. */
    public static final String NOT_DELIVERED = "NOT_DELIVERED";
    /** Any of these, once the member recorded the contact. */
    public static final String CONTACTED = "CONTACTED";

    private final JdbcClient jdbc;
    private final Letters letters;
    private final Casework casework;
    private final Clock clock;

    CallTasks(JdbcClient jdbc, Letters letters, Casework casework, Clock clock) {
        this.jdbc = jdbc;
        this.letters = letters;
        this.casework = casework;
        this.clock = clock;
    }

    /**
     * A contact to make.
     *
     * @param what       in words, e.g. "Phone call" or "Letter cannot be sent"
     * @param undeliverable the letter has nowhere to go: shown as a warning
     * @param person     who to contact and how, e.g. "Paul Phoner, 01632 960123"
     * @param whatToSay  the letter's text
     * @param member     the member of staff who is to make the contact
     */
    public record CallTask(UUID id, String caseReference, String what, boolean undeliverable, String subject, String person,
                       String whatToSay, @Nullable String member, Instant createdAt, String warning) {

        /** What to say, paragraph by paragraph, for the page. */
        public List<String> paragraphs() {
            return List.of(whatToSay.split("\\n\\s*\\n"));
        }
    }

    /** What recording a contact did: {@code inHistory} false when the case's status takes no contact (closed, declined). */
    public record ContactRecorded(CallTask call, boolean inHistory) {
    }

    /** The contacts still to make on a case, oldest first. */
    @Transactional(readOnly = true)
    public List<CallTask> openOn(String organisation, String caseReference) {
        return jdbc.sql("select id from correspondence.letter where organisation = ? and case_reference = ? and status in (?, ?, ?) order by created_at, id")
                .params(organisation, caseReference, TO_CALL, UNDELIVERABLE, NOT_DELIVERED).query(UUID.class).list().stream()
                .map(id -> letters.find(organisation, id)).flatMap(java.util.Optional::stream).map(CallTasks::task).toList();
    }

    /** The case's reference, from its id or reference: not found if the member may not open it. */
    public String referenceOf(String organisation, String caseIdOrReference) {
        return casework.get(organisation, caseIdOrReference).reference();
    }

    /** The contacts a member is to make, oldest first, on the cases of the scope they may open. */
    @Transactional(readOnly = true)
    public List<CallTask> openFor(CaseScope scope, String username) {
        List<Letter> mine = jdbc.sql("select id from correspondence.letter where organisation = ? and addressee = ? and status in (?, ?, ?) "
                        + "order by created_at, id limit 200")
                .params(scope.organisation(), username, TO_CALL, UNDELIVERABLE, NOT_DELIVERED).query(UUID.class).list().stream()
                .map(id -> letters.find(scope.organisation(), id)).flatMap(java.util.Optional::stream).toList();
        return casework.visible(scope, mine, l -> l.caseId() == null ? null : l.caseId().toString()).rows().stream().map(CallTasks::task).toList();
    }

    /**
     * The member made the contact: the letter is done (who, when, how), and a contact is recorded in the case's history
     * with what was said, unless the case's status takes none.
     */
    @Transactional
    public ContactRecorded record(String organisation, String caseReference, String letterId, String actor, @Nullable String note) {
        TextLimits.check("note", note, TextLimits.TEXT);
        CaseView c = casework.get(organisation, caseReference);
        Letter letter = parse(letterId).flatMap(id -> letters.find(organisation, id))
                .filter(l -> c.id().equals(String.valueOf(l.caseId())))
                .filter(l -> TO_CALL.equals(l.status()) || UNDELIVERABLE.equals(l.status()) || NOT_DELIVERED.equals(l.status()))
                .orElseThrow(() -> new NotFoundException("id", "no contact to make " + letterId + " on case " + caseReference));
        CallTask task = task(letter);
        String how = NOT_DELIVERED.equals(letter.status()) ? "In person or by phone" : "TEXT".equals(letter.channel()) ? "By text message" : TO_CALL.equals(letter.status()) ? "By phone" : "In person or by phone";
        String said = how + ", in place of the letter \"" + letter.subject() + "\"" + (note == null || note.isBlank() ? "" : ": " + note.strip());
        boolean inHistory = c.allowedActions().contains("contact");
        if (inHistory) {
            casework.on(organisation, c.reference(), actor).recordContact(said);
        }
        Instant now = clock.instant();
        jdbc.sql("update correspondence.letter set status = ?, sent_at = ?, delivered_via = ? where organisation = ? and id = ?")
                .params(CONTACTED, Letters.ts(now), how.toLowerCase(java.util.Locale.UK) + ", recorded by " + actor, organisation, letter.id()).update();
        return new ContactRecorded(task, inHistory);
    }

    private static CallTask task(Letter l) {
        if (NOT_DELIVERED.equals(l.status())) {
            return new CallTask(l.id(), String.valueOf(l.caseReference()), "Letter not delivered", true, l.subject(), l.recipient(), l.body(),
                    l.addressee(), l.createdAt(), "The letter \"" + l.subject() + "\" was not delivered: " + l.lastError()
                            + ". Contact the person another way, then record it, or correct their contact details.");
        }
        boolean undeliverable = UNDELIVERABLE.equals(l.status());
        String what = undeliverable ? "Letter cannot be sent" : "TEXT".equals(l.channel()) ? "Text message" : "Phone call";
        String warning = undeliverable
                ? "The letter \"" + l.subject() + "\" cannot be sent: no postal address or email is recorded. Contact the person another way, "
                        + "then record it, or correct their contact details."
                : "The person asked to be contacted by " + ("TEXT".equals(l.channel()) ? "text message" : "phone")
                        + ": tell them what the letter \"" + l.subject() + "\" says, then record the contact.";
        return new CallTask(l.id(), String.valueOf(l.caseReference()), what, undeliverable, l.subject(), l.recipient(), l.body(), l.addressee(),
                l.createdAt(), warning);
    }

    /** The day a contact was asked for, in UK time: the day it is due. */
    static LocalDate day(CallTask call) {
        return UkTime.dateOf(call.createdAt());
    }

    private static java.util.Optional<UUID> parse(String id) {
        try {
            return java.util.Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
