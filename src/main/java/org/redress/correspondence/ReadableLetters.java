package org.redress.correspondence;

import org.jspecify.annotations.Nullable;
import org.redress.casework.CaseScope;
import org.redress.casework.Casework;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The letters the signed-in member of staff may read outside a case's own page: the outbox, and one letter by its id.
 * A member limited to some service areas (their {@link CaseScope}) reads only letters of their areas' cases, and of
 * the notices that belong to no case (daily digests, missed-deadline reports to the complaints mailbox, quarterly
 * reports, staff concern notices) only those for them: the others go to shared or named addresses and list or name
 * cases of any area. One letter by id asks casework, as the case's own letters do, so a case out of reach answers 404.
 */
@Component
class ReadableLetters {

    private final Letters letters;
    private final Casework casework;

    ReadableLetters(Letters letters, Casework casework) {
        this.letters = letters;
        this.casework = casework;
    }

    /** The organisation's newest letters the reader may see, newest first. */
    List<Letter> outbox(CaseScope scope, @Nullable String status, int limit) {
        return letters.recent(scope.organisation(), status, limit, scope.serviceAreas(), scope.username());
    }

    /** What a limited reader is told above the outbox; null for a reader who sees every area. */
    @Nullable String limitNotice(CaseScope scope) {
        var areas = scope.serviceAreas();
        return areas == null ? null : "Showing the letters of " + String.join(", ", areas.stream().sorted().toList())
                + " cases only, and notices for you: you are limited to "
                + (areas.size() == 1 ? "this service area." : "these service areas.");
    }

    /** One letter, if the reader may see it. */
    Optional<Letter> find(String organisation, UUID id) {
        return letters.find(organisation, id).filter(l -> mayRead(organisation, l));
    }

    private boolean mayRead(String organisation, Letter letter) {
        if (letter.caseReference() != null) {
            return casework.exists(organisation, letter.caseReference());
        }
        CaseScope scope = casework.scope(organisation);
        return scope.serviceAreas() == null || (scope.username() != null && Objects.equals(scope.username(), letter.addressee()));
    }
}
