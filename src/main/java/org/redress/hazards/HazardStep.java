package org.redress.hazards;

import org.redress.web.Refusal;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * The steps of a hazard record recorded with when they were done (R-3; issue 23 for made safe, further works and
 * alternative accommodation): the one table of them. Each has its name in the API's and the page's addresses, what the
 * page says once it is recorded, whether it may be dated before the organisation became aware of the hazard, whether
 * it reads the request's notes, and what it does to the hazard.
 */
public enum HazardStep {

    INVESTIGATION_CONCLUDED("investigation-concluded", "Investigation recorded as concluded", true, false,
            (hazard, at, now, request, actor) -> hazard.concludeInvestigation(at, Hazards.blankToNull(request.findings()))),
    SUMMARY_SENT("summary-sent", "Written summary recorded as sent", false, false,
            (hazard, at, now, request, actor) -> hazard.summarySent(at)),
    WORK_STARTED("work-started", "Safety work recorded as begun", true, false,
            (hazard, at, now, request, actor) -> hazard.workStarted(at)),
    MADE_SAFE("made-safe", "Home recorded as made safe", true, false,
            (hazard, at, now, request, actor) -> hazard.madeSafe(at)),
    FURTHER_WORKS_STARTED("further-works-started", "Further works recorded as begun", false, false,
            (hazard, at, now, request, actor) -> hazard.furtherWorksStarted(at)),
    ACCOMMODATION("accommodation", "Alternative accommodation recorded as needed", true, true,
            (hazard, at, now, request, actor) -> hazard.accommodationNeeded(at, Hazards.blankToNull(request.notes()), now, actor)),
    ACCOMMODATION_OFFERED("accommodation-offered", "Offer of alternative accommodation recorded", false, true,
            (hazard, at, now, request, actor) -> hazard.accommodationOffered(at, Hazards.blankToNull(request.notes()))),
    ACCOMMODATION_ANSWER("accommodation-answer", "Answer to the offer recorded", false, true,
            (hazard, at, now, request, actor) -> hazard.accommodationAnswered(request.answer(), at));

    /** Every step's name, as the address pattern of the API's one endpoint for them takes them ({@code HazardStepTest} checks). */
    static final String NAMES = "investigation-concluded|summary-sent|work-started|made-safe|further-works-started"
            + "|accommodation|accommodation-offered|accommodation-answer";

    /** What the step does to the hazard: when it was done, now, the request, and who records it. */
    interface Action {
        Optional<Refusal> apply(Hazard hazard, Instant at, Instant now, Hazards.DoneRequest request, String actor);
    }

    private final String path;
    private final String doneText;
    private final boolean notBeforeAwareness;
    private final boolean readsNotes;
    private final Action action;

    HazardStep(String path, String doneText, boolean notBeforeAwareness, boolean readsNotes, Action action) {
        this.path = path;
        this.doneText = doneText;
        this.notBeforeAwareness = notBeforeAwareness;
        this.readsNotes = readsNotes;
        this.action = action;
    }

    /** The step of this name in an address, if there is one. */
    static Optional<HazardStep> named(String path) {
        return Arrays.stream(values()).filter(s -> s.path.equals(path)).findFirst();
    }

    String path() {
        return path;
    }

    String doneText() {
        return doneText;
    }

    boolean notBeforeAwareness() {
        return notBeforeAwareness;
    }

    boolean readsNotes() {
        return readsNotes;
    }

    Optional<Refusal> apply(Hazard hazard, Instant at, Instant now, Hazards.DoneRequest request, String actor) {
        return action.apply(hazard, at, now, request, actor);
    }
}
