package org.redress.learning;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.redress.web.Refusal;

/**
 * A lesson learned or a service change made because of complaints (F-14, H-8), with the cases it came from. Its
 * status moves along one table of allowed changes; a change not adopted keeps the reason (H-8).
 *
 * @param groupSuggestion whether it came from a group (residents, a panel) suggesting it; if not adopted, the reason is required
 */
public record Lesson(UUID id, String organisation, Kind kind, String title, String description, RootCause rootCause,
                     String owner, Status status, @Nullable LocalDate doneOn, @Nullable String notAdoptedReason,
                     boolean groupSuggestion, List<CaseLink> cases, String createdBy, Instant createdAt, long version) {

    public Lesson {
        cases = List.copyOf(cases);
    }

    /** The same lesson naming only these of its cases: what a member limited to some service areas is shown. */
    Lesson naming(List<CaseLink> shown) {
        return new Lesson(id, organisation, kind, title, description, rootCause, owner, status, doneOn, notAdoptedReason,
                groupSuggestion, shown, createdBy, createdAt, version);
    }

    public enum Kind { LESSON, SERVICE_CHANGE }

    public enum Status { PROPOSED, AGREED, IN_PROGRESS, DONE, NOT_ADOPTED }

    /** A case the lesson came from. */
    public record CaseLink(String caseId, String reference) {
    }

    /** The one table of allowed status changes: done and not adopted are final. */
    private static final Map<Status, Set<Status>> NEXT = Map.of(
            Status.PROPOSED, EnumSet.of(Status.AGREED, Status.IN_PROGRESS, Status.DONE, Status.NOT_ADOPTED),
            Status.AGREED, EnumSet.of(Status.IN_PROGRESS, Status.DONE, Status.NOT_ADOPTED),
            Status.IN_PROGRESS, EnumSet.of(Status.DONE, Status.NOT_ADOPTED),
            Status.DONE, EnumSet.noneOf(Status.class),
            Status.NOT_ADOPTED, EnumSet.noneOf(Status.class));

    /**
     * Moves the lesson on. Done needs the date it was done (not in the future); not adopted needs the reason (H-8).
     */
    Outcome moveTo(Status to, @Nullable LocalDate on, @Nullable String reason, LocalDate today) {
        if (to == status) {
            return Outcome.refused("it is already " + words(status), "F-14", "status");
        }
        if (!NEXT.get(status).contains(to)) {
            return Outcome.refused("a lesson that is " + words(status) + " cannot become " + words(to), "F-14", "status");
        }
        LocalDate doneOn = null;
        String notAdopted = null;
        if (to == Status.DONE) {
            doneOn = on == null ? today : on;
            if (doneOn.isAfter(today)) {
                return Outcome.refused("the date done cannot be in the future", "F-14", "doneOn");
            }
        }
        if (to == Status.NOT_ADOPTED) {
            if (reason == null || reason.isBlank()) {
                return Outcome.refused("record why it is not adopted", "H-8", "reason");
            }
            notAdopted = reason.strip();
        }
        return new Outcome(new Lesson(id, organisation, kind, title, description, rootCause, owner, to, doneOn, notAdopted,
                groupSuggestion, cases, createdBy, createdAt, version), null);
    }

    /** Whether its complainants may be told: only of a change that is done (H-8). */
    Optional<Refusal> mayTellComplainants() {
        if (status != Status.DONE) {
            return Optional.of(new Refusal("the people who complained are told once the change is done; this one is " + words(status),
                    "H-8", "status"));
        }
        return Optional.empty();
    }

    record Outcome(@Nullable Lesson after, @Nullable Refusal refusal) {
        static Outcome refused(String message, String rule, @Nullable String field) {
            return new Outcome(null, new Refusal(message, rule, field));
        }
    }

    static String words(Status s) {
        return s.name().toLowerCase(java.util.Locale.UK).replace('_', ' ');
    }
}
