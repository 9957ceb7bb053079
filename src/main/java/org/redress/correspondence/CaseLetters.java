package org.redress.correspondence;

import org.jspecify.annotations.Nullable;
import org.redress.casework.CaseChanged;
import org.redress.casework.CaseTypes;
import org.redress.casework.CaseView;
import org.redress.casework.PersonAdjustments;
import org.redress.casework.PersonAdjustments.LetterContact;
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
    private final PersonAdjustments adjustments;
    private final NotifyDelivery notify;

    CaseLetters(LetterComposer composer, Letters letters, PolicyPacks packs, Organisations organisations, Clock clock, Outbox outbox,
                PersonAdjustments adjustments, NotifyDelivery notify) {
        this.notify = notify;
        this.composer = composer;
        this.letters = letters;
        this.packs = packs;
        this.organisations = organisations;
        this.clock = clock;
        this.outbox = outbox;
        this.adjustments = adjustments;
    }

    /** A letter the rules refuse throws, which rolls the change back: this listener may veto the verb, so it runs in its transaction. */
    @EventListener
    void queueLettersOrRefuseTheChange(CaseChanged change) {
        // a change with no event that can need a letter (logging a case, most verbs) costs nothing here
        if (change.events().stream().noneMatch(LetterComposer::mayNeedALetter)) {
            return;
        }
        CaseView c = change.caseFile();
        PolicyPack pack = packs.version(c.pack().id(), c.pack().version()).forServiceLine(c.classification().serviceLine());
        String organisationName = organisations.find(change.organisation()).map(o -> o.name()).orElse(change.organisation());
        List<LetterComposer.Draft> drafts = composer.lettersFor(change.events(), c, pack, organisationName);
        if (drafts.isEmpty()) {
            return;
        }
        var now = clock.instant();
        LetterContact contact = adjustments.letterContact(c);
        String owner = ownerOf(c, change);
        for (LetterComposer.Draft draft : drafts) {
            letters.insert(byTextWherePossible(letterTo(c, draft, now, contact), c, notify).handedTo(owner), now);
        }
        outbox.deliverAfterCommit();
    }

    /**
     * Who is to make a contact a letter cannot make: the owner of the case's current stage, or, with none yet, the
     * member whose change needed the letter.
     */
    static String ownerOf(CaseView c, CaseChanged change) {
        return c.stages().stream().filter(s -> s.number() == c.stage()).map(CaseTypes.StageRecord::owner).filter(java.util.Objects::nonNull)
                .findFirst().orElseGet(() -> change.events().isEmpty() ? "api" : change.events().get(change.events().size() - 1).actor());
    }

    /** A letter to the case's complainant by the way they prefer (email, or post), copied to their representative (H-4). */
    static Letter letterTo(CaseView c, LetterComposer.Draft draft, java.time.Instant now) {
        return letterTo(c, draft, now, LetterContact.NONE);
    }

    /**
     * The same, as the person's reasonable adjustments in force say (T-1): a way of contact they named sends it by post
     * or by email, a representative or named contact is copied in, its formats are flagged (large print, easy read, a
     * language), and each adjustment's instruction goes with it to whoever sends it, as a format starting
     * {@link Letter#ADJUSTMENT}.
     */
    static Letter letterTo(CaseView c, LetterComposer.Draft draft, java.time.Instant now, LetterContact contact) {
        CaseTypes.Complainant person = c.complainant();
        CaseTypes.ContactMethod preferred = contact.sendBy() == CaseTypes.ContactMethod.POST || contact.sendBy() == CaseTypes.ContactMethod.EMAIL
                ? contact.sendBy() : person.preferredContact();
        // a person who asked for a call or a text, and gave a number, is told by the case's owner that way
        boolean byPhone = (preferred == CaseTypes.ContactMethod.PHONE || preferred == CaseTypes.ContactMethod.TEXT) && person.phone() != null;
        boolean byEmail = !byPhone && person.email() != null && preferred != CaseTypes.ContactMethod.POST;
        // nowhere to send it: staff are warned (issue 21), the print queue never gets a letter without an address
        boolean undeliverable = !byPhone && !byEmail && person.address() == null;
        String channel = byPhone ? preferred.name() : byEmail ? "EMAIL" : "POST";
        String status = byPhone ? CallTasks.TO_CALL : undeliverable ? CallTasks.UNDELIVERABLE : "PENDING";
        String recipient = byPhone ? person.name() + ", " + person.phone() : byEmail ? person.email() : postalAddress(person);
        @Nullable String copyTo = c.representative() != null && c.representative().email() != null ? c.representative().email()
                : contact.copyTo();
        List<String> formats = new ArrayList<>(person.formats());
        if (person.reasonableAdjustments() != null && person.reasonableAdjustments().toLowerCase().contains("large print") && !formats.contains("large print")) {
            formats.add("large print");
        }
        contact.formats().stream().filter(f -> !formats.contains(f)).forEach(formats::add);
        contact.instructions().forEach(i -> formats.add(Letter.ADJUSTMENT + i));
        return new Letter(UUID.randomUUID(), c.organisation(), UUID.fromString(c.id()), c.reference(), c.classification().serviceArea(),
                draft.kind(), channel, recipient, copyTo, null, draft.subject(), draft.body(), formats,
                draft.answersClock(), status, 0, null, now, null, null, null, null);
    }

    /**
     * A letter for a person who asked for text messages goes as one (issue 24) when their organisation sends texts through
     * GOV.UK Notify, their number is a mobile and the letter fits in a text message; otherwise it stays a call for the
     * case's owner to make.
     */
    static Letter byTextWherePossible(Letter letter, CaseView c, NotifyDelivery notify) {
        if (!CallTasks.TO_CALL.equals(letter.status()) || !"TEXT".equals(letter.channel()) || letter.body().length() > NotifyDelivery.TEXT_LIMIT
                || !notify.sendsTexts(letter.organisation())) {
            return letter;
        }
        return NotifyDelivery.mobile(c.complainant().phone()).map(letter::byText).orElse(letter);
    }

    private static String postalAddress(CaseTypes.Complainant person) {
        return person.name() + (person.address() == null ? " (no postal address recorded)" : ", " + person.address());
    }
}
