package org.redress.hazards;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.redress.calendar.Calendars;
import org.redress.calendar.WorkingDayCalendar;
import org.redress.casework.CaseScope;
import org.redress.casework.CaseView;
import org.redress.casework.Casework;
import org.redress.casework.OpenClock;
import org.redress.database.CacheForgetting;
import org.redress.policy.PolicyPack;
import org.redress.policy.PolicyPacks;
import org.redress.web.FieldError;
import org.redress.web.InvalidInputException;
import org.redress.web.NotFoundException;
import org.redress.web.Refusal;
import org.redress.web.RefusedException;
import org.redress.web.TextLimits;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The hazards module's entry point: open a hazard record on a case (found in a new complaint's words, or spotted by
 * staff), record attempts, classify, and record the investigation, the written summary and the start of safety work;
 * read a case's hazards, the organisation's open hazards by next due, and the running hazard clocks for reminders.
 */
@Service
public class Hazards {


    private final Casework casework;
    private final PolicyPacks packs;
    private final Calendars calendars;
    private final HazardStore store;
    private final Clock clock;
    /** Settings read in the last few seconds: every new complaint asks for its organisation's; they rarely change. */
    private final Cache<String, HazardSettings> recentSettings = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(java.time.Duration.ofSeconds(10)).build();

    Hazards(Casework casework, PolicyPacks packs, Calendars calendars, HazardStore store, Clock clock) {
        this.casework = casework;
        this.packs = packs;
        this.calendars = calendars;
        this.store = store;
        this.clock = clock;
    }

    public record OpenRequest(@Size(max = TextLimits.NAME) @Nullable String category, @Nullable Instant awareAt,
                              @Size(max = TextLimits.TEXT) @Nullable String notes) {
    }

    public record AttemptRequest(@Nullable Instant at, @NotBlank(message = "is required: who tried to get in") @Size(max = TextLimits.NAME) @Nullable String by,
                                 @NotNull(message = "is required: ACCESS_GIVEN, NO_ACCESS or REFUSED") @Nullable AttemptOutcome outcome,
                                 @Size(max = TextLimits.TEXT) @Nullable String notes) {
    }

    /**
     * A {@link HazardStep} done: when (now if not given), with what the investigation found where it is the investigation,
     * what was said or offered where it is a step of alternative accommodation, and the household's answer (ACCEPTED or
     * DECLINED) where it is the answer to the offer. A step reads only its own fields.
     */
    // a schema name of its own: another type in the API has the same simple name (ApiDescriptionIT)
    @io.swagger.v3.oas.annotations.media.Schema(name = "HazardStepDoneRequest")
    public record DoneRequest(@Nullable Instant at, @Size(max = TextLimits.TEXT) @Nullable String findings,
                              @Size(max = TextLimits.TEXT) @Nullable String notes, @Nullable AccommodationAnswer answer) {
    }

    /** Further works are needed; {@code notPracticable} says why they cannot begin within 5 working days (then 12 weeks). */
    public record FurtherWorksRequest(@Size(max = TextLimits.TEXT) @Nullable String notPracticable) {
    }

    /** Closing a hazard: NO_HAZARD_FOUND or DISMISSED, and why; at defaults to now. */
    // a schema name of its own: casework's CloseRequest has the same simple name (ApiDescriptionIT)
    @io.swagger.v3.oas.annotations.media.Schema(name = "HazardCloseRequest")
    public record CloseRequest(@NotNull(message = "is required: NO_HAZARD_FOUND or DISMISSED") @Nullable HazardClosing as,
                               @NotBlank(message = "is required: say what was found or why the record is dismissed") @Size(max = TextLimits.TEXT)
                               @Nullable String reasons, @Nullable Instant at) {
    }

    public record ClassifyRequest(@NotNull(message = "is required: EMERGENCY or SIGNIFICANT") @Nullable HazardClassification classification) {
    }

    @Transactional(readOnly = true)
    public List<HazardView> ofCase(String organisation, String caseIdOrReference) {
        CaseView c = casework.get(organisation, caseIdOrReference);
        return views(organisation, store.ofCase(organisation, c.id()));
    }

    /** The hazards of a case already read (by its id), for the case page's summary line. */
    @Transactional(readOnly = true)
    public List<HazardView> ofCaseId(String organisation, String caseId) {
        return views(organisation, store.ofCase(organisation, caseId));
    }

    /** The hazards with a clock still running on the scope's cases, the soonest due first. */
    @Transactional(readOnly = true)
    public List<HazardView> openByNextDue(CaseScope scope) {
        List<Hazard> unfinished = casework.visible(scope, store.unfinished(scope.organisation()), h -> h.state().caseId()).rows();
        return views(scope.organisation(), unfinished).stream().filter(HazardView::open)
                .sorted(Comparator.comparing(HazardView::nextDue)).toList();
    }

    /** Every running hazard clock, on any organisation's case, due before {@code until} (or already overdue), for reminders. */
    @Transactional(readOnly = true)
    public List<OpenClock> openClocksDueBefore(Instant until) {
        Instant now = clock.instant();
        AwaabTimescales law = AwaabTimescales.of(packs);
        Map<String, WorkingDayCalendar> calendarsByOrganisation = new HashMap<>();
        List<OpenClock> result = new ArrayList<>();
        for (Hazard hazard : store.unfinished(null)) {
            Hazard.State s = hazard.state();
            WorkingDayCalendar calendar = calendarsByOrganisation.computeIfAbsent(s.organisation(), this::calendarOf);
            for (HazardView.Clock c : hazard.clocks(calendar, now, law)) {
                if (Hazard.running(c) && c.dueBy().isBefore(until)) {
                    // a hazard opened by an import: a clock already run out then is history, recorded without a notice (issue 20)
                    result.add(new OpenClock(s.organisation(), s.caseId(), s.caseReference(), null, "hazard-" + s.id() + "-" + c.id(), 0,
                            "Awaab's Law: " + c.name() + " (" + s.category() + ")", c.dueBy(), c.dueDate(), c.status(), c.explanation(),
                            IMPORTED_BY.equals(s.openedBy()) ? s.openedAt() : null));
                }
            }
        }
        return result;
    }

    /** The organisation's settings, or the default ones (damp and mould; on for social landlords). */
    public HazardSettings settings(String organisation) {
        return CacheForgetting.read(recentSettings, organisation, o -> store.settings(o).orElse(HazardSettings.DEFAULT));
    }

    @Transactional
    public HazardSettings saveSettings(String organisation, HazardSettings settings, String actor) {
        List<FieldError> errors = new ArrayList<>(TextLimits.errorsIn(settings));
        for (int i = 0; i < settings.categories().size(); i++) {
            HazardSettings.Category c = settings.categories().get(i);
            if (c.keywords() == null || c.keywords().isEmpty() || c.keywords().stream().anyMatch(k -> k == null || k.isBlank())) {
                errors.add(new FieldError("categories[" + i + "].keywords", "give at least one keyword, none blank"));
            }
        }
        throwIfAny(errors);
        packs.active(organisation).orElseThrow(() -> new NotFoundException("organisation", "no organisation '" + organisation + "'"));
        store.saveSettings(organisation, settings, clock.instant(), actor);
        CacheForgetting.nowAndAtTransactionEnd(() -> recentSettings.invalidate(organisation));
        return settings;
    }

    /** Opens a hazard record if a newly logged case's words report a hazard of one of the organisation's categories. */
    @Transactional
    void openIfReported(CaseView c, PolicyPack pack) {
        openIfReported(new ImportedCase(c.organisation(), c.id(), c.reference(), c.description(), c.classification().subject(),
                c.classification().subSubject(), c.receivedAt(), null, c.complainant().tenure().name()), pack, "hazard check", null);
    }

    /**
     * A case an import wrote (issue 20), as the hazard check reads it: its words, its receipt, and when it was closed
     * (null while open).
     */
    public record ImportedCase(String organisation, String caseId, String reference, String description, @Nullable String subject,
                               @Nullable String subSubject, Instant receivedAt, @Nullable Instant closedAt, String tenure) {
        /** A case whose complainant's tenure the import does not give (unknown). */
        public ImportedCase(String organisation, String caseId, String reference, String description, @Nullable String subject,
                            @Nullable String subSubject, Instant receivedAt, @Nullable Instant closedAt) {
            this(organisation, caseId, reference, description, subject, subSubject, receivedAt, closedAt, "UNKNOWN");
        }
    }

    /** Who opened a hazard record found in an imported case: its clocks already run out then raise no notice. */
    static final String IMPORTED_BY = "register import";

    /**
     * The hazard check of a new complaint, for the cases an import wrote, which no listener sees (issue 20): an open case
     * whose words report a hazard, received on or after the day its category applies from, gets its hazard record as a
     * new complaint would, its clocks running from the real receipt; a closed case gets none. The record is marked as
     * opened by the import, so a clock that ran out before the import is recorded by the sweep without a notice.
     * Opening again finds the record already there, so a re-run or a correction adds nothing.
     */
    @Transactional
    public int openForImported(List<ImportedCase> cases, PolicyPack pack, String fileName, String actor) {
        int opened = 0;
        for (ImportedCase c : cases) {
            if (c.closedAt() == null && openIfReported(c, pack, IMPORTED_BY, "imported with its case from " + fileName + " by " + actor)) {
                opened++;
            }
        }
        return opened;
    }

    private boolean openIfReported(ImportedCase c, PolicyPack pack, String openedBy, @Nullable String notes) {
        HazardSettings settings = settings(c.organisation());
        boolean enabled = settings.enabled() != null ? settings.enabled() : pack.organisation().socialLandlord();
        if (!enabled) {
            return false;
        }
        String text = String.join("\n", c.description(), nz(c.subject()), nz(c.subSubject()));
        // a complaint received before the hazard rule applied (Awaab's Law, 27 October 2025) opens no hazard (issue 20)
        return settings.match(text, org.redress.calendar.UkTime.dateOf(c.receivedAt()))
                .map(m -> store.insert(Hazard.open(c.organisation(), c.caseId(), c.reference(), m.category(), "AUTOMATIC",
                        m.excerpt(), c.receivedAt(), notes, clock.instant(), openedBy, c.tenure())))
                .orElse(false);
    }

    /** A member of staff opens a hazard record they spotted. */
    @Transactional
    public HazardView open(String organisation, String caseIdOrReference, OpenRequest request, String actor) {
        TextLimits.check(request);
        CaseView c = casework.get(organisation, caseIdOrReference);
        Instant now = clock.instant();
        List<FieldError> errors = new ArrayList<>();
        List<String> kinds = categoryNames(organisation);
        String category = request.category() == null || request.category().isBlank() ? null : request.category().strip();
        if (category == null) {
            errors.add(new FieldError("category", "is required: one of " + kinds));
        } else if (!kinds.contains(category)) {
            errors.add(new FieldError("category", "must be one of " + kinds));
        }
        Instant awareAt = request.awareAt() == null ? now : request.awareAt();
        if (awareAt.isAfter(now)) {
            errors.add(new FieldError("awareAt", "must not be in the future"));
        }
        throwIfAny(errors);
        Hazard hazard = Hazard.open(organisation, c.id(), c.reference(), category, "STAFF", null, awareAt, blankToNull(request.notes()), now, actor,
                c.complainant().tenure().name());
        if (!store.insert(hazard)) {
            throw new RefusedException("the case already has a " + category + " hazard record: record on that one", Hazard.CITE, "category");
        }
        return hazard.view(calendarOf(organisation), now, AwaabTimescales.of(packs));
    }

    @Transactional
    public HazardView recordAttempt(String organisation, String caseIdOrReference, UUID id, AttemptRequest request, String actor) {
        String by = request.by() == null || request.by().isBlank() ? null : request.by().strip();
        List<FieldError> more = request.outcome() != null && request.outcome() != AttemptOutcome.ACCESS_GIVEN
                && (request.notes() == null || request.notes().isBlank())
                ? List.of(new FieldError("notes", "say what was tried (calling card left, phoned, next date offered): every attempt is evidence"))
                : List.of();
        return doneAt(organisation, caseIdOrReference, id, request.at(), new ArrayList<>(TextLimits.errorsIn(request)), more, false,
                (hazard, at, now) -> {
                    hazard.recordAttempt(at, by, request.outcome(), request.notes() == null ? "" : request.notes().strip(), now, actor);
                    return Optional.empty();
                });
    }

    @Transactional
    public HazardView classify(String organisation, String caseIdOrReference, UUID id, ClassifyRequest request) {
        TextLimits.check(request);
        Instant now = clock.instant();
        return change(organisation, caseIdOrReference, id, hazard -> hazard.classify(request.classification(), now));
    }

    /**
     * A step done at a time (R-3; issue 23 for made safe, further works and alternative accommodation): the one way each
     * of them is recorded, by the API and the page alike. The step says what it does to the hazard and whether it may be
     * dated before the organisation became aware of the hazard; the answer to an offer needs the answer.
     */
    @Transactional
    public HazardView done(String organisation, String caseIdOrReference, UUID id, HazardStep step, DoneRequest request, String actor) {
        if (step == HazardStep.INVESTIGATION_CONCLUDED) {
            // the investigation's findings are checked before anything else, as its own request always was
            TextLimits.check(request);
        }
        List<FieldError> errors = step.readsNotes() ? new ArrayList<>(TextLimits.errorsIn(request)) : new ArrayList<>();
        List<FieldError> more = step == HazardStep.ACCOMMODATION_ANSWER && request.answer() == null
                ? List.of(new FieldError("answer", "is required: ACCEPTED or DECLINED")) : List.of();
        return doneAt(organisation, caseIdOrReference, id, request.at(), errors, more, step.notBeforeAwareness(),
                (hazard, at, now) -> step.apply(hazard, at, now, request, actor));
    }

    /**
     * The kinds of hazard staff may open a record for: the organisation's own categories, then Awaab's Law's categories
     * (issue 23: the law covers more than the words complaints are read for) not already among them.
     */
    public List<String> categoryNames(String organisation) {
        List<String> names = new ArrayList<>(settings(organisation).categories().stream().map(HazardSettings.Category::name).toList());
        for (PolicyPack.HazardCategory c : AwaabTimescales.of(packs).categories()) {
            if (!c.emergencies() && c.from() != null && names.stream().noneMatch(c::names)) {
                names.add(c.name());
            }
        }
        return List.copyOf(names);
    }

    /** Further works are needed (R-3, issue 23): 5 working days from the investigation's end, or 12 weeks with the reason. */
    @Transactional
    public HazardView furtherWorksNeeded(String organisation, String caseIdOrReference, UUID id, FurtherWorksRequest request, String actor) {
        TextLimits.check(request);
        Instant now = clock.instant();
        return change(organisation, caseIdOrReference, id, hazard -> hazard.furtherWorksNeeded(blankToNull(request.notPracticable()), now, actor));
    }

    /** Closes a hazard as no hazard found, or dismissed, with the reasons: its clocks stop (R-3, issue 23). */
    @Transactional
    public HazardView close(String organisation, String caseIdOrReference, UUID id, CloseRequest request, String actor) {
        return doneAt(organisation, caseIdOrReference, id, request.at(), new ArrayList<>(TextLimits.errorsIn(request)), List.of(), true,
                (hazard, at, now) -> hazard.close(request.as(), request.reasons().strip(), at, now, actor));
    }

    /** The complainant's tenure was recorded on the case: its hazards follow it (a shared owner's home has no duty). */
    @Transactional
    void tenureRecorded(String organisation, String caseId, String tenure) {
        store.tenureRecorded(organisation, caseId, tenure);
    }

    // ---- internals -----------------------------------------------------------------------------------------

    /** What a step does to the hazard, given when it was done and now. */
    interface Verb {
        Optional<Refusal> apply(Hazard hazard, Instant at, Instant now);
    }

    /**
     * Records something done at a time: {@code requested}, or now when not given, never in the future (added to the
     * errors found so far, then {@code more}); then, where it matters, not before the organisation became aware of the
     * hazard; then the hazard's own verb.
     */
    private HazardView doneAt(String organisation, String caseIdOrReference, UUID id, @Nullable Instant requested,
                              List<FieldError> errors, List<FieldError> more, boolean notBeforeAwareness, Verb verb) {
        Instant now = clock.instant();
        Instant at = when(errors, requested, now);
        errors.addAll(more);
        throwIfAny(errors);
        return change(organisation, caseIdOrReference, id, hazard -> (notBeforeAwareness ? notBeforeAwareness(hazard, at) : Optional.<Refusal>empty())
                .or(() -> verb.apply(hazard, at, now)));
    }

    private HazardView change(String organisation, String caseIdOrReference, UUID id, Function<Hazard, Optional<Refusal>> verb) {
        CaseView c = casework.get(organisation, caseIdOrReference);
        Hazard hazard = store.find(organisation, c.id(), id)
                .orElseThrow(() -> new NotFoundException("id", "case " + c.reference() + " has no hazard record " + id));
        Optional<Refusal> refused = verb.apply(hazard);
        if (refused.isPresent()) {
            Refusal r = refused.get();
            throw r.refuse();
        }
        store.update(hazard);
        return hazard.view(calendarOf(organisation), clock.instant(), AwaabTimescales.of(packs));
    }

    private static Optional<Refusal> notBeforeAwareness(Hazard hazard, Instant at) {
        return at.isBefore(hazard.state().awareAt())
                ? Optional.of(new Refusal("this cannot be before the organisation became aware of the hazard", Hazard.CITE, "at"))
                : Optional.empty();
    }

    private List<HazardView> views(String organisation, List<Hazard> hazards) {
        if (hazards.isEmpty()) {
            return List.of();
        }
        WorkingDayCalendar calendar = calendarOf(organisation);
        Instant now = clock.instant();
        AwaabTimescales law = AwaabTimescales.of(packs);
        return hazards.stream().map(h -> h.view(calendar, now, law)).toList();
    }

    /** The organisation's working days: its jurisdiction's bank holidays and its own closure days, as casework uses. */
    private WorkingDayCalendar calendarOf(String organisation) {
        PolicyPack pack = packs.active(organisation).orElseThrow(() -> new NotFoundException("organisation", "no organisation '" + organisation + "'"));
        return calendars.forOrganisation(organisation, pack.organisation().jurisdiction());
    }

    private static Instant when(List<FieldError> errors, @Nullable Instant at, Instant now) {
        if (at == null) {
            return now;
        }
        if (at.isAfter(now)) {
            errors.add(new FieldError("at", "must not be in the future"));
        }
        return at;
    }

    static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String nz(@Nullable String text) {
        return text == null ? "" : text;
    }

    private static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
