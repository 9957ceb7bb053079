package org.redress.correspondence;

import org.jspecify.annotations.Nullable;
import org.redress.casework.CaseView;
import org.redress.casework.Casework;
import org.redress.notices.NoticeRequested;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Short messages outside the letters a case needs: to staff (reminders, missed deadlines, daily digests) and to a
 * complainant (their one-time code), queued in the same outbox as every letter.
 */
@Service
public class StaffNotices {

    private final Letters letters;
    private final LetterComposer composer;
    private final Outbox outbox;
    private final Clock clock;
    private final org.redress.people.Organisations organisations;
    private final Casework casework;
    private final HeldCodes codes;
    private final NotifyDelivery notify;

    StaffNotices(Letters letters, LetterComposer composer, Outbox outbox, Clock clock, org.redress.people.Organisations organisations,
                 Casework casework, HeldCodes codes, NotifyDelivery notify) {
        this.notify = notify;
        this.codes = codes;
        this.letters = letters;
        this.composer = composer;
        this.outbox = outbox;
        this.clock = clock;
        this.organisations = organisations;
        this.casework = casework;
    }

    /**
     * Emails a complainant the one-time code to see their case online. Kept in the outbox like every email, so a
     * mail server that is down delays it rather than losing it; the code itself expires within minutes. The letter is
     * stored with the code masked, and the code is held apart ({@link HeldCodes}) until it is delivered: no member of
     * staff reads it in the outbox.
     */
    @Transactional
    public void sendAccessCode(String organisation, String reference, String email, String name, String code, Instant expiresAt) {
        var now = clock.instant();
        String organisationName = organisations.find(organisation).map(o -> o.name()).orElse(organisation);
        String body = composer.render(organisation, LetterKind.ACCESS_CODE.template(),
                Map.of("name", name, "reference", reference, "code", Letter.MASK, "organisation", organisationName));
        UUID id = UUID.randomUUID();
        // filed with the case, so it is anonymised with the case's other letters
        @Nullable CaseView caseFile = caseOf(organisation, reference);
        letters.insert(new Letter(id, organisation, caseFile == null ? null : UUID.fromString(caseFile.id()), reference,
                caseFile == null ? null : caseFile.classification().serviceArea(),
                LetterKind.ACCESS_CODE, "EMAIL", email, null, null, "Your code to see complaint " + reference, body, List.of(), null,
                "PENDING", 0, null, now, null, null, null, null), now);
        codes.hold(id, organisation, reference, code, expiresAt);
        outbox.deliverAfterCommit();
    }

    /**
     * The mobile number a text message can go to for this organisation (issue 24): empty when the organisation sends no
     * texts through GOV.UK Notify or the number is not a UK mobile.
     */
    public Optional<String> textableNumber(String organisation, @Nullable String phone) {
        return notify.sendsTexts(organisation) ? NotifyDelivery.mobile(phone) : Optional.empty();
    }

    /** Whether the organisation sends text messages through GOV.UK Notify (the code page says where codes go). */
    public boolean sendsTexts(String organisation) {
        return notify.sendsTexts(organisation);
    }

    /**
     * Texts a complainant the one-time code (issue 24), as {@link #sendAccessCode} emails it: queued in the outbox with
     * the code masked and held apart until GOV.UK Notify takes it. Only for a number {@link #textableNumber} gave.
     */
    @Transactional
    public void sendAccessCodeByText(String organisation, String reference, String mobile, String code, Instant expiresAt) {
        var now = clock.instant();
        String organisationName = organisations.find(organisation).map(o -> o.name()).orElse(organisation);
        String body = composer.render(organisation, ACCESS_CODE_TEXT, Map.of("reference", reference, "code", Letter.MASK, "organisation", organisationName));
        UUID id = UUID.randomUUID();
        @Nullable CaseView caseFile = caseOf(organisation, reference);
        letters.insert(new Letter(id, organisation, caseFile == null ? null : UUID.fromString(caseFile.id()), reference,
                caseFile == null ? null : caseFile.classification().serviceArea(),
                LetterKind.ACCESS_CODE, "TEXT", mobile, null, null, "Your code to see complaint " + reference, body.strip(), List.of(), null,
                "PENDING", 0, null, now, null, null, null, null), now);
        codes.hold(id, organisation, reference, code, expiresAt);
        outbox.deliverAfterCommit();
    }

    /** The text message carrying a one-time code, short enough for one or two texts. */
    static final String ACCESS_CODE_TEXT = "access-code-text";

    /** The complainant has used a code of the case: none of its codes is kept any longer, delivered or not. */
    public void forgetAccessCodes(String organisation, String reference) {
        codes.dropForCase(organisation, reference);
    }

    /**
     * Says that a notice holds special category data (UK GDPR art. 9): a reader whose role may not see such data is
     * shown that the notice was sent but not what it says, and every other reader's read is logged against the case.
     *
     * @param what          the data, in words, for the read log and the withheld notice ("the member of staff a complaint names")
     * @param caseReference the case the data belongs to (the notice is still not filed with the case's letters)
     */
    public record SpecialCategory(String what, String caseReference) {
    }

    /**
     * Queues a notice; it commits with the caller's transaction.
     *
     * @param lines the items the notice lists, one per line
     */
    public void queue(String organisation, @Nullable String caseId, @Nullable String caseReference, String recipient,
                      @Nullable String copyTo, String subject, String greetingName, List<String> lines) {
        queue(organisation, caseId, caseReference, recipient, copyTo, subject, greetingName, lines, null);
    }

    /**
     * Queues a notice another module asked for by event (reporting's quarterly figures), greeting the recipient by name.
     * It runs in the publisher's transaction on purpose, not after commit: the project keeps no log of published events,
     * so the asker's record of having asked (e.g. the quarter claimed as sent) and the queued email commit together,
     * and neither is lost nor sent twice.
     */
    @EventListener
    void on(NoticeRequested request) {
        queue(request.organisation(), null, null, request.recipient(), null, request.subject(), request.greetingName(), request.lines());
    }

    /** As {@link #queue(String, String, String, String, String, String, String, List)}, for a notice that may hold special category data. */
    public void queue(String organisation, @Nullable String caseId, @Nullable String caseReference, String recipient,
                      @Nullable String copyTo, String subject, String greetingName, List<String> lines, @Nullable SpecialCategory special) {
        String area = serviceAreaOf(organisation, caseId != null ? caseId : caseReference);
        insert(organisation, caseId, caseReference, area, recipient, copyTo, null, subject, greetingName, lines, special);
    }

    /**
     * Queues a notice belonging to no case for one member of staff (sent to {@code recipient}, their address or a
     * mailbox they read); a member limited to some service areas sees such a notice in the outbox only when it is for them.
     *
     * @param addressee the member's username
     */
    public void queueFor(String organisation, String addressee, String recipient, String subject, String greetingName, List<String> lines) {
        queueFor(organisation, addressee, recipient, subject, greetingName, lines, null);
    }

    /** As {@link #queueFor(String, String, String, String, String, List)}, for a notice that may hold special category data. */
    public void queueFor(String organisation, String addressee, String recipient, String subject, String greetingName, List<String> lines,
                         @Nullable SpecialCategory special) {
        insert(organisation, null, null, null, recipient, null, addressee, subject, greetingName, lines, special);
    }

    private void insert(String organisation, @Nullable String caseId, @Nullable String caseReference, @Nullable String serviceArea,
                        String recipient, @Nullable String copyTo, @Nullable String addressee, String subject, String greetingName,
                        List<String> lines, @Nullable SpecialCategory special) {
        var now = clock.instant();
        String body = composer.render(organisation, LetterKind.REMINDER.template(), Map.of("name", greetingName, "items", lines));
        letters.insert(new Letter(UUID.randomUUID(), organisation, caseId == null ? null : UUID.fromString(caseId), caseReference,
                serviceArea, LetterKind.REMINDER, "EMAIL", recipient, copyTo, addressee, subject, body, List.of(), null, "PENDING", 0, null,
                now, null, null, special == null ? null : special.what(), special == null ? null : special.caseReference()), now);
        outbox.deliverAfterCommit();
    }

    /**
     * The service area of the case a notice is about, kept on it for the outbox (ReadableLetters).
     */
    private @Nullable String serviceAreaOf(String organisation, @Nullable String caseIdOrReference) {
        CaseView caseFile = caseIdOrReference == null ? null : caseOf(organisation, caseIdOrReference);
        return caseFile == null ? null : caseFile.classification().serviceArea();
    }

    /**
     * The case, if there is one the caller may open. Asked with {@code exists} first, which never throws, so a case out
     * of the caller's reach cannot spoil their transaction.
     */
    private @Nullable CaseView caseOf(String organisation, String caseIdOrReference) {
        return casework.exists(organisation, caseIdOrReference) ? casework.get(organisation, caseIdOrReference) : null;
    }

    /**
     * Writes a letter to a case's complainant that no case change asked for, from a template in {@code letters/} with
     * the person's name, the case reference and the organisation's name filled in: e.g. telling them of a change made
     * because of their complaint (H-8, F-14). Sent by their preferred method; commits with the caller's transaction.
     *
     * @return the letter's id
     */
    public UUID sendCaseLetter(org.redress.casework.CaseView caseFile, LetterKind kind, String subject, Map<String, Object> vars) {
        var now = clock.instant();
        String organisationName = organisations.find(caseFile.organisation()).map(o -> o.name()).orElse(caseFile.organisation());
        Map<String, Object> all = new java.util.HashMap<>(vars);
        all.put("name", caseFile.complainant().name());
        all.put("reference", caseFile.reference());
        all.put("organisation", organisationName);
        String body = composer.render(caseFile.organisation(), kind.template(), all);
        Letter letter = CaseLetters.byTextWherePossible(
                CaseLetters.letterTo(caseFile, new LetterComposer.Draft(kind, subject + " (" + caseFile.reference() + ")", body, null), now),
                caseFile, notify);
        letters.insert(letter, now);
        outbox.deliverAfterCommit();
        return letter.id();
    }
}
