package org.redress.correspondence;

import org.jspecify.annotations.Nullable;
import org.redress.accounts.Accounts;
import org.redress.accounts.Permission;
import org.redress.accounts.SpecialCategoryAudit;
import org.redress.calendar.UkTime;
import org.redress.casework.CaseScope;
import org.redress.casework.Casework;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The letters the signed-in member of staff may read: the outbox, a case's letters, and one letter by its id. A member
 * limited to some service areas (their {@link CaseScope}) reads only letters of their areas' cases, and of the
 * notices that belong to no case (daily digests, missed-deadline reports to the complaints mailbox, quarterly reports,
 * staff concern notices) only those for them: the others go to shared or named addresses and list or name cases of any
 * area. One letter by id asks casework, as the case's own letters do, so a case out of reach answers 404.
 *
 * <p>Every letter read here passes {@link #disclose} on its way out: a letter its sender marked as holding special
 * category data is withheld from a role that may not see such data, and each showing of it to anyone else is logged.
 * A one-time code is never in a stored letter ({@link HeldCodes}); only an administrator, on the local outbox page
 * (no mail server), is shown the codes that can still be used, each showing recorded ({@link #liveCodes}).
 */
@Component
class ReadableLetters {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'on' EEE d MMM yyyy", Locale.UK);

    private final Letters letters;
    private final HeldCodes codes;
    private final Casework casework;
    private final Accounts accounts;
    private final SpecialCategoryAudit audit;
    private final Clock clock;

    ReadableLetters(Letters letters, HeldCodes codes, Casework casework, Accounts accounts, SpecialCategoryAudit audit,
                    Clock clock) {
        this.letters = letters;
        this.codes = codes;
        this.casework = casework;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** The organisation's newest letters the reader may see, newest first. */
    List<Letter> outbox(CaseScope cases, @Nullable String status, int limit) {
        return outbox(cases, status, limit, null);
    }

    /** A page of the outbox, newest first, older than {@code before} when given. */
    List<Letter> outbox(CaseScope cases, @Nullable String status, int limit, Letters.@Nullable Before before) {
        String organisation = cases.organisation();
        return letters.recent(organisation, status, limit, cases.serviceAreas(), cases.username(), before).stream()
                .map(l -> disclose(organisation, l, cases)).toList();
    }

    /** The letters of a case the reader may open (casework decides), oldest first. */
    List<Letter> ofCase(String organisation, String caseIdOrReference) {
        CaseScope scope = casework.scope(organisation);
        return letters.ofCase(organisation, caseIdOrReference).stream().map(l -> disclose(organisation, l, scope)).toList();
    }

    /** What a limited reader is told above the outbox; null for a reader who sees every area. */
    @Nullable String limitNotice(CaseScope cases) {
        var areas = cases.serviceAreas();
        return areas == null ? null : "Showing the letters of " + String.join(", ", areas.stream().sorted().toList())
                + " cases only, and notices for you: you are limited to "
                + (areas.size() == 1 ? "this service area." : "these service areas.");
    }

    /** One letter to read, if the reader may see it. */
    Optional<Letter> find(String organisation, UUID id) {
        CaseScope scope = casework.scope(organisation);
        return letters.find(organisation, id).filter(l -> mayRead(organisation, l)).map(l -> disclose(organisation, l, scope));
    }

    /** Whether the reader may act on the letter (retry it): as {@link #find}, without reading it. */
    boolean mayReach(String organisation, UUID id) {
        return letters.find(organisation, id).filter(l -> mayRead(organisation, l)).isPresent();
    }

    /** A one-time code that can still be used, as an administrator is shown it on the local outbox page. */
    record LiveCode(String reference, String recipient, String code, String until, List<String> shown) {
    }

    /**
     * The codes that can still be used, for an administrator only (of the cases they may open); each showing is
     * recorded first, so the list of who was shown a code includes this one. Anyone else: none.
     */
    List<LiveCode> liveCodes(String organisation) {
        CaseScope scope = casework.scope(organisation);
        if (scope.username() == null || !accounts.may(scope.username(), organisation, Permission.ADMINISTER)) {
            return List.of();
        }
        Instant now = clock.instant();
        List<HeldCodes.Live> live = codes.live(organisation, now).stream().filter(c -> scope.mayOpen(c.serviceArea())).toList();
        if (live.isEmpty()) {
            return List.of();
        }
        live.forEach(c -> codes.recordShown(c.letter(), scope.username(), now));
        List<UUID> shownNow = live.stream().map(HeldCodes.Live::letter).toList();
        return codes.live(organisation, now).stream().filter(c -> shownNow.contains(c.letter()))
                .map(c -> new LiveCode(c.reference(), c.recipient(), c.code(), time(c.expiresAt()),
                        c.shown().stream().map(s -> s.username() + " at " + time(s.at())).toList()))
                .toList();
    }

    /**
     * The letter as this reader may see it: a letter holding special category data is withheld from a role that may
     * not see such data (and from a read with nobody signed in), and each showing of it to anyone else is logged
     * against its case.
     */
    private Letter disclose(String organisation, Letter letter, CaseScope scope) {
        if (letter.specialCategory() == null) {
            // a person's reasonable adjustments (T-1) are special category data: only their instructions are left out
            return letter.adjustments().isEmpty() || (scope.username() != null
                    && accounts.may(scope.username(), organisation, Permission.VIEW_SPECIAL_CATEGORY)) ? letter : letter.withoutAdjustments();
        }
        if (scope.username() == null || !accounts.may(scope.username(), organisation, Permission.VIEW_SPECIAL_CATEGORY)) {
            return letter.withheld();
        }
        audit.recordRead(organisation, letter.aboutCase() != null ? letter.aboutCase() : "letter " + letter.id(), letter.serviceArea(),
                scope.username(),
                letter.specialCategory(), SpecialCategoryAudit.currentRequest());
        return letter;
    }

    private boolean mayRead(String organisation, Letter letter) {
        if (letter.caseReference() != null) {
            return casework.exists(organisation, letter.caseReference());
        }
        CaseScope scope = casework.scope(organisation);
        return scope.serviceAreas() == null || (scope.username() != null && Objects.equals(scope.username(), letter.addressee()));
    }

    private static String time(Instant instant) {
        return TIME.format(instant.atZone(UkTime.ZONE));
    }
}
