package org.redress.hazards;

import org.jspecify.annotations.Nullable;
import org.redress.calendar.ClockUnit;
import org.redress.casework.CaseTypes.ClockStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A hazard record as the API and pages show it, with each of its clocks and the status derived from now.
 *
 * @param source AUTOMATIC (found in the complaint's words) or STAFF (opened by a member of staff)
 * @param matched the words of the complaint that matched the category's keywords, when found automatically
 * @param awareAt when the organisation became aware of the hazard: the clocks start here
 * @param nextDue the earliest due instant of a clock not yet met, or null when every clock is met (or none runs)
 * @param tenure the complainant's tenure as the case records it (LOW_COST_HOME_OWNERSHIP: a shared owner's home)
 * @param duty whether Awaab's Law's duties apply to this hazard; false with {@code noDuty} saying why
 * @param lawCategory the law's category this hazard falls in (the reference pack's id), with the day it applies from
 */
public record HazardView(UUID id, String organisation, String caseId, String caseReference, String category, String source,
                         @Nullable String matched, Instant awareAt, @Nullable HazardClassification classification,
                         @Nullable Instant classifiedAt, @Nullable Instant investigationConcludedAt,
                         @Nullable String investigationFindings, @Nullable Instant summarySentAt, @Nullable Instant workStartedAt,
                         Instant openedAt, String openedBy, @Nullable String notes, List<Attempt> attempts, List<Clock> clocks,
                         @Nullable Instant nextDue, String tenure, boolean duty, @Nullable String noDuty, @Nullable String lawCategory,
                         @Nullable LocalDate lawAppliesFrom, boolean lawDateConfirmed, @Nullable Instant madeSafeAt,
                         @Nullable FurtherWorks furtherWorks, @Nullable Accommodation accommodation, @Nullable Closure closure) {

    /**
     * Further (preventative) works to stop the hazard coming back: due within 5 working days of the investigation's end, or
     * within 12 weeks where that is not practicable and the reason is recorded.
     */
    public record FurtherWorks(Instant neededAt, @Nullable String notPracticable, @Nullable Instant startedAt, String recordedBy,
                               Instant recordedAt) {
    }

    /** Alternative accommodation where the home cannot be made safe in time: when found needed, offered, and the answer. */
    public record Accommodation(Instant neededAt, @Nullable String reason, @Nullable Instant offeredAt, @Nullable String offer,
                                @Nullable AccommodationAnswer answer, @Nullable Instant answeredAt, String recordedBy, Instant recordedAt) {
    }

    /** A hazard closed as no hazard found, or dismissed: who, when, why. Its clocks stopped then. */
    public record Closure(HazardClosing as, String reasons, Instant at, String by, Instant recordedAt) {
    }

    /** One attempt to get into the home, whatever its outcome. */
    public record Attempt(UUID id, Instant at, String by, AttemptOutcome outcome, String notes, Instant recordedAt, String recordedBy) {
    }

    /**
     * One Awaab's Law clock.
     *
     * @param metAt when what it asks for was done, or null while it runs
     * @param explanation how the due date was worked out, e.g. "Due by the end of Wed 30 Dec 2026: 10 working days after ..."
     */
    public record Clock(String id, String name, ClockUnit unit, int amount, Instant startedAt, Instant dueBy, LocalDate dueDate,
                        ClockStatus status, @Nullable Instant metAt, String explanation, String cite) {
    }

    public boolean open() {
        return nextDue != null;
    }

    public long failedAttempts() {
        return attempts.stream().filter(a -> a.outcome() != AttemptOutcome.ACCESS_GIVEN).count();
    }
}
