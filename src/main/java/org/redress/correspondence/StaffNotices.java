package org.redress.correspondence;

import org.jspecify.annotations.Nullable;
import org.redress.casework.Casework;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.List;
import java.util.Map;
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

    StaffNotices(Letters letters, LetterComposer composer, Outbox outbox, Clock clock, org.redress.people.Organisations organisations,
                 Casework casework) {
        this.letters = letters;
        this.composer = composer;
        this.outbox = outbox;
        this.clock = clock;
        this.organisations = organisations;
        this.casework = casework;
    }

    /**
     * Emails a complainant the one-time code to see their case online. Kept in the outbox like every email, so a
     * mail server that is down delays it rather than losing it; the code itself expires within minutes.
     */
    public void sendAccessCode(String organisation, String reference, String email, String name, String code) {
        var now = clock.instant();
        String organisationName = organisations.find(organisation).map(o -> o.name()).orElse(organisation);
        String body = composer.render(organisation, LetterKind.ACCESS_CODE.template(),
                Map.of("name", name, "reference", reference, "code", code, "organisation", organisationName));
        letters.insert(new Letter(UUID.randomUUID(), organisation, null, reference, serviceAreaOf(organisation, reference),
                LetterKind.ACCESS_CODE, "EMAIL", email, null, null, "Your code to see complaint " + reference, body, List.of(), null,
                "PENDING", 0, null, now, null, null), now);
        outbox.deliverAfterCommit();
    }

    /**
     * Queues a notice; it commits with the caller's transaction.
     *
     * @param lines the items the notice lists, one per line
     */
    public void queue(String organisation, @Nullable String caseId, @Nullable String caseReference, String recipient,
                      @Nullable String copyTo, String subject, String greetingName, List<String> lines) {
        String area = serviceAreaOf(organisation, caseId != null ? caseId : caseReference);
        insert(organisation, caseId, caseReference, area, recipient, copyTo, null, subject, greetingName, lines);
    }

    /**
     * Queues a notice belonging to no case for one member of staff (sent to {@code recipient}, their address or a
     * mailbox they read); a member limited to some service areas sees such a notice in the outbox only when it is for them.
     *
     * @param addressee the member's username
     */
    public void queueFor(String organisation, String addressee, String recipient, String subject, String greetingName, List<String> lines) {
        insert(organisation, null, null, null, recipient, null, addressee, subject, greetingName, lines);
    }

    private void insert(String organisation, @Nullable String caseId, @Nullable String caseReference, @Nullable String serviceArea,
                        String recipient, @Nullable String copyTo, @Nullable String addressee, String subject, String greetingName,
                        List<String> lines) {
        var now = clock.instant();
        String body = composer.render(organisation, LetterKind.REMINDER.template(), Map.of("name", greetingName, "items", lines));
        letters.insert(new Letter(UUID.randomUUID(), organisation, caseId == null ? null : UUID.fromString(caseId), caseReference,
                serviceArea, LetterKind.REMINDER, "EMAIL", recipient, copyTo, addressee, subject, body, List.of(), null, "PENDING", 0, null,
                now, null, null), now);
        outbox.deliverAfterCommit();
    }

    /**
     * The service area of the case a notice is about, kept on it for the outbox (ReadableLetters). Asked with
     * {@code exists} first, which never throws, so a case out of the caller's reach cannot spoil their transaction.
     */
    private @Nullable String serviceAreaOf(String organisation, @Nullable String caseIdOrReference) {
        if (caseIdOrReference == null || !casework.exists(organisation, caseIdOrReference)) {
            return null;
        }
        return casework.get(organisation, caseIdOrReference).classification().serviceArea();
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
        Letter letter = CaseLetters.letterTo(caseFile, new LetterComposer.Draft(kind, subject + " (" + caseFile.reference() + ")", body, null), now);
        letters.insert(letter, now);
        outbox.deliverAfterCommit();
        return letter.id();
    }
}
