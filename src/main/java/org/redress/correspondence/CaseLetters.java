package org.redress.correspondence;

import org.jspecify.annotations.Nullable;
import org.redress.casework.CaseChanged;
import org.redress.casework.CaseTypes;
import org.redress.casework.CaseView;
import org.redress.people.Organisations;
import org.redress.policy.PolicyPack;
import org.redress.policy.PolicyPacks;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Writes the letters a case change needs, in the same transaction as the change: the letter and the change
 * commit together or not at all. The outbox delivers them afterwards.
 */
@Component
class CaseLetters {

    private final LetterComposer composer;
    private final Letters letters;
    private final PolicyPacks packs;
    private final Organisations organisations;
    private final Clock clock;
    private final Outbox outbox;

    CaseLetters(LetterComposer composer, Letters letters, PolicyPacks packs, Organisations organisations, Clock clock, Outbox outbox) {
        this.composer = composer;
        this.letters = letters;
        this.packs = packs;
        this.organisations = organisations;
        this.clock = clock;
        this.outbox = outbox;
    }

    /** A letter the rules refuse throws, which rolls the change back: this listener may veto the verb, so it runs in its transaction. */
    @EventListener
    void queueLettersOrRefuseTheChange(CaseChanged change) {
        // a change with no event that can need a letter (logging a case, most verbs) costs nothing here
        if (change.events().stream().noneMatch(LetterComposer::mayNeedALetter)) {
            return;
        }
        CaseView c = change.caseFile();
        PolicyPack pack = packs.version(c.pack().id(), c.pack().version());
        String organisationName = organisations.find(change.organisation()).map(o -> o.name()).orElse(change.organisation());
        List<LetterComposer.Draft> drafts = composer.lettersFor(change.events(), c, pack, organisationName);
        if (drafts.isEmpty()) {
            return;
        }
        var now = clock.instant();
        for (LetterComposer.Draft draft : drafts) {
            letters.insert(letterTo(c, draft, now), now);
        }
        outbox.deliverAfterCommit();
    }

    /** A letter to the case's complainant by the way they prefer (email, or post), copied to their representative (H-4). */
    static Letter letterTo(CaseView c, LetterComposer.Draft draft, java.time.Instant now) {
        CaseTypes.Complainant person = c.complainant();
        boolean byEmail = person.email() != null && person.preferredContact() != CaseTypes.ContactMethod.POST;
        String recipient = byEmail ? person.email() : postalAddress(person);
        @Nullable String copyTo = c.representative() != null && c.representative().email() != null ? c.representative().email() : null;
        List<String> formats = new ArrayList<>(person.formats());
        if (person.reasonableAdjustments() != null && person.reasonableAdjustments().toLowerCase().contains("large print") && !formats.contains("large print")) {
            formats.add("large print");
        }
        return new Letter(UUID.randomUUID(), c.organisation(), UUID.fromString(c.id()), c.reference(), c.classification().serviceArea(),
                draft.kind(), byEmail ? "EMAIL" : "POST", recipient, copyTo, null, draft.subject(), draft.body(), formats,
                draft.answersClock(), "PENDING", 0, null, now, null, null, null, null);
    }

    private static String postalAddress(CaseTypes.Complainant person) {
        return person.name() + (person.address() == null ? " (no postal address recorded)" : ", " + person.address());
    }
}
