package org.redress.correspondence;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Emails to staff (reminders, missed deadlines, daily digests), queued in the same outbox as letters to complainants. */
@Service
public class StaffNotices {

    private final Letters letters;
    private final LetterComposer composer;
    private final Outbox outbox;
    private final Clock clock;

    StaffNotices(Letters letters, LetterComposer composer, Outbox outbox, Clock clock) {
        this.letters = letters;
        this.composer = composer;
        this.outbox = outbox;
        this.clock = clock;
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
