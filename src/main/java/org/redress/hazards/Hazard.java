package org.redress.hazards;

import org.jspecify.annotations.Nullable;
import org.redress.calendar.ClockUnit;
import org.redress.calendar.Deadline;
import org.redress.calendar.Deadlines;
import org.redress.calendar.WorkingDayCalendar;
import org.redress.casework.CaseTypes.ClockStatus;
import org.redress.policy.PolicyPack;
import org.redress.web.Refusal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A hazard reported in a complaint: the aggregate. Each verb checks the state and records what was done, or returns a
 * refusal naming the rule and changes nothing. Its clocks are derived afresh from what has been recorded and the
 * organisation's working-day calendar; nothing about them is stored.
 *
 * <p>The figures are Awaab's Law's as its reference pack sets them ({@link AwaabTimescales}; SI 2025/1042): emergency,
 * investigate and make safe within 24 clock hours of awareness; significant, investigate within 10 working days of
 * awareness, written summary within 3 working days of the investigation ending, safety work begun within 5 working days
 * (of the investigation ending, as the brief and the statutory guidance put it; REGULATIONS.md gives no start for it).
 */
final class Hazard {

    static final String CITE = "R-3; Awaab's Law, SI 2025/1042 (REGULATIONS.md)";

    record State(UUID id, String organisation, String caseId, String caseReference, String category, String source,
                 @Nullable String matched, Instant awareAt, @Nullable HazardClassification classification,
                 @Nullable Instant classifiedAt, @Nullable Instant investigationConcludedAt, @Nullable String investigationFindings,
                 @Nullable Instant summarySentAt, @Nullable Instant workStartedAt, Instant openedAt, String openedBy,
                 @Nullable String notes) {
    }

    /** What issue 23 added to a hazard: the tenure, the made-safe event, further works, alternative accommodation, closing. */
    record Duties(String tenure, @Nullable Instant madeSafeAt, HazardView.@Nullable FurtherWorks furtherWorks,
                  HazardView.@Nullable Accommodation accommodation, HazardView.@Nullable Closure closure) {
        static Duties of(String tenure) {
            return new Duties(tenure, null, null, null, null);
        }

        Duties tenure(String newTenure) {
            return new Duties(newTenure, madeSafeAt, furtherWorks, accommodation, closure);
        }

        Duties madeSafe(Instant at) {
            return new Duties(tenure, at, furtherWorks, accommodation, closure);
        }

        Duties furtherWorks(HazardView.FurtherWorks works) {
            return new Duties(tenure, madeSafeAt, works, accommodation, closure);
        }

        Duties accommodation(HazardView.Accommodation offer) {
            return new Duties(tenure, madeSafeAt, furtherWorks, offer, closure);
        }

        Duties closure(HazardView.Closure closed) {
            return new Duties(tenure, madeSafeAt, furtherWorks, accommodation, closed);
        }
    }

    /** The tenure under which the duties do not apply: a shared owner's home (low-cost home ownership). */
    static final String SHARED_OWNERSHIP = "LOW_COST_HOME_OWNERSHIP";

    private State state;
    private Duties duties;
    private final List<HazardView.Attempt> attempts = new ArrayList<>();
    private final List<HazardView.Attempt> newAttempts = new ArrayList<>();

    private Hazard(State state, Duties duties) {
        this.state = state;
        this.duties = duties;
    }

    static Hazard open(String organisation, String caseId, String caseReference, String category, String source,
                       @Nullable String matched, Instant awareAt, @Nullable String notes, Instant now, String actor) {
        return open(organisation, caseId, caseReference, category, source, matched, awareAt, notes, now, actor, "UNKNOWN");
    }

    /** Opens a hazard on a case whose complainant has that tenure (R-3, issue 23: none of the duties for a shared owner). */
    static Hazard open(String organisation, String caseId, String caseReference, String category, String source,
                       @Nullable String matched, Instant awareAt, @Nullable String notes, Instant now, String actor, String tenure) {
        return new Hazard(new State(UUID.randomUUID(), organisation, caseId, caseReference, category, source, matched, awareAt,
                null, null, null, null, null, null, now, actor, notes), Duties.of(tenure));
    }

    static Hazard restore(State state, List<HazardView.Attempt> attempts) {
        return restore(state, Duties.of("UNKNOWN"), attempts);
    }

    static Hazard restore(State state, Duties duties, List<HazardView.Attempt> attempts) {
        Hazard h = new Hazard(state, duties);
        h.attempts.addAll(attempts);
        return h;
    }

    State state() {
        return state;
    }

    Duties duties() {
        return duties;
    }

    /** Refused once the hazard is closed: nothing more is recorded on it but attempts. */
    private Optional<Refusal> notClosed() {
        HazardView.Closure c = duties.closure();
        return c == null ? Optional.empty() : Optional.of(new Refusal("the hazard record was closed ("
                + (c.as() == HazardClosing.NO_HAZARD_FOUND ? "no hazard found" : "dismissed") + ") on " + c.at() + "; its clocks have stopped",
                CITE, "at"));
    }

    /** The home was made safe (an emergency's clock stops here, not when work begins: R-3, issue 23). */
    Optional<Refusal> madeSafe(Instant at) {
        if (duties.madeSafeAt() != null) {
            return Optional.of(new Refusal("the home was already recorded as made safe on " + duties.madeSafeAt(), CITE, "at"));
        }
        return notClosed().or(() -> {
            duties = duties.madeSafe(at);
            return Optional.empty();
        });
    }

    /**
     * Further works are needed to stop the hazard coming back: due within the working days of the investigation's end, or
     * within the weeks where the reason they are not practicable sooner is given.
     */
    Optional<Refusal> furtherWorksNeeded(@Nullable String notPracticable, Instant now, String actor) {
        if (state.investigationConcludedAt() == null) {
            return Optional.of(new Refusal("further works are counted from the investigation's end: record that the investigation "
                    + "concluded first", CITE, "at"));
        }
        if (duties.furtherWorks() != null) {
            return Optional.of(new Refusal("further works were already recorded as needed on " + duties.furtherWorks().neededAt(), CITE, "at"));
        }
        return notClosed().or(() -> {
            duties = duties.furtherWorks(new HazardView.FurtherWorks(now, notPracticable, null, actor, now));
            return Optional.empty();
        });
    }

    Optional<Refusal> furtherWorksStarted(Instant at) {
        HazardView.FurtherWorks works = duties.furtherWorks();
        if (works == null) {
            return Optional.of(new Refusal("record that further works are needed first", CITE, "at"));
        }
        if (works.startedAt() != null) {
            return Optional.of(new Refusal("further works were already recorded as begun on " + works.startedAt(), CITE, "at"));
        }
        if (state.investigationConcludedAt() != null && at.isBefore(state.investigationConcludedAt())) {
            return Optional.of(new Refusal("further works follow the investigation: they cannot begin before it concluded", CITE, "at"));
        }
        return notClosed().or(() -> {
            duties = duties.furtherWorks(new HazardView.FurtherWorks(works.neededAt(), works.notPracticable(), at, works.recordedBy(),
                    works.recordedAt()));
            return Optional.empty();
        });
    }

    /** The home cannot be made safe in time: alternative accommodation is to be offered (its own clock starts at {@code at}). */
    Optional<Refusal> accommodationNeeded(Instant at, @Nullable String reason, Instant now, String actor) {
        if (duties.accommodation() != null) {
            return Optional.of(new Refusal("alternative accommodation was already recorded as needed on " + duties.accommodation().neededAt(),
                    CITE, "at"));
        }
        return notClosed().or(() -> {
            duties = duties.accommodation(new HazardView.Accommodation(at, reason, null, null, null, null, actor, now));
            return Optional.empty();
        });
    }

    Optional<Refusal> accommodationOffered(Instant at, @Nullable String offer) {
        HazardView.Accommodation a = duties.accommodation();
        if (a == null) {
            return Optional.of(new Refusal("record that the home cannot be made safe in time (alternative accommodation needed) first",
                    CITE, "at"));
        }
        if (a.offeredAt() != null) {
            return Optional.of(new Refusal("alternative accommodation was already recorded as offered on " + a.offeredAt(), CITE, "at"));
        }
        return notClosed().or(() -> {
            duties = duties.accommodation(new HazardView.Accommodation(a.neededAt(), a.reason(), at, offer, null, null, a.recordedBy(),
                    a.recordedAt()));
            return Optional.empty();
        });
    }

    Optional<Refusal> accommodationAnswered(AccommodationAnswer answer, Instant at) {
        HazardView.Accommodation a = duties.accommodation();
        if (a == null || a.offeredAt() == null) {
            return Optional.of(new Refusal("record the offer of alternative accommodation first", CITE, "answer"));
        }
        if (a.answer() != null) {
            return Optional.of(new Refusal("the answer to the offer was already recorded on " + a.answeredAt(), CITE, "answer"));
        }
        if (at.isBefore(a.offeredAt())) {
            return Optional.of(new Refusal("the answer cannot come before the offer", CITE, "at"));
        }
        duties = duties.accommodation(new HazardView.Accommodation(a.neededAt(), a.reason(), a.offeredAt(), a.offer(), answer, at,
                a.recordedBy(), a.recordedAt()));
        return Optional.empty();
    }

    /** Closes the hazard as no hazard found, or dismissed, with the reasons: every clock still running stops. */
    Optional<Refusal> close(HazardClosing as, String reasons, Instant at, Instant now, String actor) {
        return notClosed().or(() -> {
            duties = duties.closure(new HazardView.Closure(as, reasons, at, actor, now));
            return Optional.empty();
        });
    }

    void tenureRecorded(String tenure) {
        duties = duties.tenure(tenure);
    }

    /**
     * Why Awaab's Law's duties do not apply to this hazard, or empty when they do: a shared owner's home, or a hazard the
     * organisation became aware of before the law applied to its category (an emergency: before it applied to emergencies).
     */
    Optional<String> noDuty(AwaabTimescales law) {
        if (SHARED_OWNERSHIP.equals(duties.tenure())) {
            return Optional.of("No duty under Awaab's Law: the home is a shared owner's (low-cost home ownership). The law's "
                    + "timescales apply to social tenancies, not shared ownership.");
        }
        java.time.LocalDate day = org.redress.calendar.UkTime.dateOf(state.awareAt());
        PolicyPack.HazardCategory category = lawCategory(law).orElse(null);
        if (category == null) {
            return Optional.empty();
        }
        if (category.from() == null) {
            return Optional.of("No duty under Awaab's Law: the law does not cover " + category.name() + " hazards"
                    + (category.confirmed() ? "." : " (not confirmed)."));
        }
        if (day.isBefore(category.from())) {
            String kind = category.emergencies() ? "emergency hazards" : category.name() + " hazards";
            return Optional.of("No duty under Awaab's Law: the organisation became aware of this hazard on " + words(day)
                    + ", before the law applied to " + kind + " (from " + words(category.from()) + (category.confirmed() ? "" : ", a date not yet confirmed")
                    + ")." + (category.emergencies() || law.emergencies().map(e -> e.from() == null || day.isBefore(e.from())).orElse(true)
                    ? "" : " If it is an emergency, classify it so: emergencies are covered whatever the kind of hazard."));
        }
        return Optional.empty();
    }

    /** The law's category for this hazard: the emergencies' entry once classified an emergency, else its category's. */
    Optional<PolicyPack.HazardCategory> lawCategory(AwaabTimescales law) {
        if (state.classification() == HazardClassification.EMERGENCY) {
            Optional<PolicyPack.HazardCategory> emergencies = law.emergencies();
            if (emergencies.isPresent()) {
                return emergencies;
            }
        }
        return law.category(state.category());
    }

    private static String words(java.time.LocalDate day) {
        return day.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK));
    }

    /** Attempts recorded since this hazard was read, to be stored. */
    List<HazardView.Attempt> newAttempts() {
        return List.copyOf(newAttempts);
    }

    Optional<Refusal> classify(HazardClassification classification, Instant now) {
        Optional<Refusal> closed = notClosed();
        if (closed.isPresent()) {
            return closed;
        }
        State s = state;
        if (s.workStartedAt() != null && classification == HazardClassification.EMERGENCY && s.classification() != HazardClassification.EMERGENCY) {
            return Optional.of(new Refusal("safety work has already begun, so the 24-hour emergency clock can no longer be met; "
                    + "record what was done in an attempt note", CITE, "classification"));
        }
        state = new State(s.id(), s.organisation(), s.caseId(), s.caseReference(), s.category(), s.source(), s.matched(), s.awareAt(),
                classification, now, s.investigationConcludedAt(), s.investigationFindings(), s.summarySentAt(), s.workStartedAt(),
                s.openedAt(), s.openedBy(), s.notes());
        return Optional.empty();
    }

    void recordAttempt(Instant at, String by, AttemptOutcome outcome, String notes, Instant now, String actor) {
        HazardView.Attempt attempt = new HazardView.Attempt(UUID.randomUUID(), at, by, outcome, notes, now, actor);
        attempts.add(attempt);
        newAttempts.add(attempt);
    }

    Optional<Refusal> concludeInvestigation(Instant at, @Nullable String findings) {
        Optional<Refusal> closed = notClosed();
        if (closed.isPresent()) {
            return closed;
        }
        State s = state;
        if (s.investigationConcludedAt() != null) {
            return Optional.of(new Refusal("the investigation already concluded on " + s.investigationConcludedAt(), CITE, "at"));
        }
        state = new State(s.id(), s.organisation(), s.caseId(), s.caseReference(), s.category(), s.source(), s.matched(), s.awareAt(),
                s.classification(), s.classifiedAt(), at, findings, s.summarySentAt(), s.workStartedAt(), s.openedAt(), s.openedBy(), s.notes());
        return Optional.empty();
    }

    Optional<Refusal> summarySent(Instant at) {
        Optional<Refusal> closed = notClosed();
        if (closed.isPresent()) {
            return closed;
        }
        State s = state;
        if (s.investigationConcludedAt() == null) {
            return Optional.of(new Refusal("the written summary reports the investigation's findings: record that the investigation "
                    + "concluded first", CITE, "at"));
        }
        if (s.summarySentAt() != null) {
            return Optional.of(new Refusal("the written summary was already sent on " + s.summarySentAt(), CITE, "at"));
        }
        if (at.isBefore(s.investigationConcludedAt())) {
            return Optional.of(new Refusal("the summary cannot be sent before the investigation concluded", CITE, "at"));
        }
        state = new State(s.id(), s.organisation(), s.caseId(), s.caseReference(), s.category(), s.source(), s.matched(), s.awareAt(),
                s.classification(), s.classifiedAt(), s.investigationConcludedAt(), s.investigationFindings(), at, s.workStartedAt(),
                s.openedAt(), s.openedBy(), s.notes());
        return Optional.empty();
    }

    Optional<Refusal> workStarted(Instant at) {
        Optional<Refusal> closed = notClosed();
        if (closed.isPresent()) {
            return closed;
        }
        State s = state;
        if (s.workStartedAt() != null) {
            return Optional.of(new Refusal("safety work was already recorded as begun on " + s.workStartedAt(), CITE, "at"));
        }
        state = new State(s.id(), s.organisation(), s.caseId(), s.caseReference(), s.category(), s.source(), s.matched(), s.awareAt(),
                s.classification(), s.classifiedAt(), s.investigationConcludedAt(), s.investigationFindings(), s.summarySentAt(), at,
                s.openedAt(), s.openedBy(), s.notes());
        return Optional.empty();
    }

    /** The clocks that apply now, in order, each with its status at {@code now}. */
    List<HazardView.Clock> clocks(WorkingDayCalendar calendar, Instant now) {
        return clocks(calendar, now, AwaabTimescales.REGULATIONS);
    }

    /**
     * The clocks that apply now, with the figures given: none when no duty applies; once closed, each clock still running
     * shows as stopped (cancelled).
     */
    List<HazardView.Clock> clocks(WorkingDayCalendar calendar, Instant now, AwaabTimescales law) {
        if (noDuty(law).isPresent()) {
            return List.of();
        }
        State s = state;
        Duties d = duties;
        List<HazardView.Clock> clocks = new ArrayList<>();
        if (s.classification() == HazardClassification.EMERGENCY) {
            // the 24 hours run until the home is made safe, not until work begins (issue 23); elapsed hours across a clock change
            clocks.add(clock("make-safe", "Investigate and make safe (emergency)", calendar, s.awareAt(), ClockUnit.CLOCK_HOURS, law.makeSafeHours(),
                    d.madeSafeAt(), now));
        } else {
            clocks.add(clock("investigate", "Investigate", calendar, s.awareAt(), ClockUnit.WORKING_DAYS, law.investigateDays(),
                    s.investigationConcludedAt(), now));
        }
        if (s.investigationConcludedAt() != null) {
            clocks.add(clock("written-summary", "Written summary to the resident", calendar, s.investigationConcludedAt(),
                    ClockUnit.WORKING_DAYS, law.summaryDays(), s.summarySentAt(), now));
            if (s.classification() == HazardClassification.SIGNIFICANT) {
                clocks.add(clock("safety-work", "Begin safety work", calendar, s.investigationConcludedAt(), ClockUnit.WORKING_DAYS, law.safetyWorkDays(),
                        s.workStartedAt(), now));
            }
            HazardView.FurtherWorks works = d.furtherWorks();
            if (works != null) {
                clocks.add(works.notPracticable() == null
                        ? clock("further-works", "Begin further works", calendar, s.investigationConcludedAt(), ClockUnit.WORKING_DAYS,
                                law.furtherWorksDays(), works.startedAt(), now)
                        : clock("further-works", "Begin further works (longer time: not practicable sooner)", calendar, s.investigationConcludedAt(),
                                ClockUnit.WEEKS, law.furtherWorksWeeks(), works.startedAt(), now));
            }
        }
        HazardView.Accommodation accommodation = d.accommodation();
        if (accommodation != null) {
            clocks.add(clock("alternative-accommodation", "Offer alternative accommodation", calendar, accommodation.neededAt(),
                    ClockUnit.CLOCK_HOURS, law.accommodationHours(), accommodation.offeredAt(), now));
        }
        HazardView.Closure closure = d.closure();
        if (closure == null) {
            return clocks;
        }
        String stopped = (closure.as() == HazardClosing.NO_HAZARD_FOUND ? "Stopped: closed as no hazard found on " : "Stopped: dismissed on ")
                + org.redress.calendar.UkTime.dateOf(closure.at()) + ". ";
        return clocks.stream().map(c -> c.metAt() != null ? c : new HazardView.Clock(c.id(), c.name(), c.unit(), c.amount(), c.startedAt(),
                c.dueBy(), c.dueDate(), ClockStatus.CANCELLED, null, stopped + c.explanation(), c.cite())).toList();
    }

    HazardView view(WorkingDayCalendar calendar, Instant now) {
        return view(calendar, now, AwaabTimescales.REGULATIONS);
    }

    HazardView view(WorkingDayCalendar calendar, Instant now, AwaabTimescales law) {
        State s = state;
        List<HazardView.Clock> clocks = clocks(calendar, now, law);
        Instant nextDue = clocks.stream().filter(Hazard::running).map(HazardView.Clock::dueBy).min(Comparator.naturalOrder()).orElse(null);
        List<HazardView.Attempt> sorted = attempts.stream().sorted(Comparator.comparing(HazardView.Attempt::at)).toList();
        Optional<String> noDuty = noDuty(law);
        Optional<PolicyPack.HazardCategory> category = lawCategory(law);
        Duties d = duties;
        return new HazardView(s.id(), s.organisation(), s.caseId(), s.caseReference(), s.category(), s.source(), s.matched(),
                s.awareAt(), s.classification(), s.classifiedAt(), s.investigationConcludedAt(), s.investigationFindings(),
                s.summarySentAt(), s.workStartedAt(), s.openedAt(), s.openedBy(), s.notes(), sorted, clocks, nextDue,
                d.tenure(), noDuty.isEmpty(), noDuty.orElse(null), category.map(PolicyPack.HazardCategory::id).orElse(null),
                category.map(PolicyPack.HazardCategory::from).orElse(null), category.map(PolicyPack.HazardCategory::confirmed).orElse(true),
                d.madeSafeAt(), d.furtherWorks(), d.accommodation(), d.closure());
    }

    private static HazardView.Clock clock(String id, String name, WorkingDayCalendar calendar, Instant start, ClockUnit unit, int amount,
                                          @Nullable Instant metAt, Instant now) {
        Deadline d = Deadlines.compute(calendar, start, unit, amount);
        return new HazardView.Clock(id, name, unit, amount, start, d.dueBy(), d.dueDate(), status(start, d.dueBy(), metAt, now), metAt,
                d.explanation(), CITE);
    }

    /** A clock still running: neither met nor stopped. */
    static boolean running(HazardView.Clock c) {
        return c.metAt() == null && c.status() != ClockStatus.CANCELLED;
    }

    /** As the case's clocks: met or met late once done; overdue after it; due soon in the last quarter of its span (at most 2 days). */
    static ClockStatus status(Instant start, Instant dueBy, @Nullable Instant metAt, Instant now) {
        if (metAt != null) {
            return metAt.isAfter(dueBy) ? ClockStatus.MET_LATE : ClockStatus.MET;
        }
        if (now.isAfter(dueBy)) {
            return ClockStatus.OVERDUE;
        }
        Duration span = Duration.between(start, dueBy);
        Duration warning = span.dividedBy(4).compareTo(Duration.ofDays(2)) < 0 ? span.dividedBy(4) : Duration.ofDays(2);
        return now.isAfter(dueBy.minus(warning)) ? ClockStatus.DUE_SOON : ClockStatus.ON_TIME;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Hazard h && Objects.equals(h.state.id(), state.id());
    }

    @Override
    public int hashCode() {
        return state.id().hashCode();
    }
}
