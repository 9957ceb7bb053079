package org.redress.correspondence;

import org.jspecify.annotations.Nullable;
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

    StaffNotices(Letters letters, LetterComposer composer, Outbox outbox, Clock clock, org.redress.people.Organisations organisations) {
        this.letters = letters;
        this.composer = composer;
        this.outbox = outbox;
        this.clock = clock;
        this.organisations = organisations;
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
        letters.insert(new Letter(UUID.randomUUID(), organisation, null, reference, LetterKind.ACCESS_CODE, "EMAIL", email, null,
                "Your code to see complaint " + reference, body, List.of(), null, "PENDING", 0, null, now, null, null), now);
        outbox.deliverAfterCommit();
    }

    /**
     * Queues a notice; it commits with the caller's transaction.
     *
     * @param lines the items the notice lists, one per line
     */
    public void queue(String organisation, @Nullable String caseId, @Nullable String caseReference, String recipient,
                      @Nullable String copyTo, String subject, String greetingName, List<String> lines) {
        var now = clock.instant();
        String body = composer.render(organisation, LetterKind.REMINDER.template(), Map.of("name", greetingName, "items", lines));
        letters.insert(new Letter(UUID.randomUUID(), organisation, caseId == null ? null : UUID.fromString(caseId), caseReference,
                LetterKind.REMINDER, "EMAIL", recipient, copyTo, subject, body, List.of(), null, "PENDING", 0, null, now, null, null), now);
        outbox.deliverAfterCommit();
    }
}
