package org.redress.casework;

import org.jspecify.annotations.Nullable;
import org.redress.calendar.UkTime;
import org.redress.casework.CaseFact.MediationAnswered;
import org.redress.casework.CaseFact.MediationConcluded;
import org.redress.casework.CaseFact.MediationHeld;
import org.redress.casework.CaseFact.MediationOffered;
import org.redress.casework.CaseTypes.CaseState;
import org.redress.casework.CaseTypes.StepRecord;
import org.redress.policy.PolicyPack;
import org.redress.policy.PolicyPack.StepKind;
import org.redress.policy.PolicyPack.StepRule;
import org.redress.web.Refusal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Referral to an independent mediator (F-6, Alliance Homes 002 2.2.4: "at any point in the process where we feel it
 * appropriate"). The organisation offers it where its pack has a step of kind {@code mediation-offer}: at the stages
 * that step names, or at any stage when it names none, whatever the case's status while it is open (the verb
 * {@link CaseVerb#MEDIATION}). Each step is one typed fact with its date: offered (with the mediator), accepted or
 * declined, held (each session), and its outcome. The steps are kept in the case's steps as
 * {@code MEDIATION_OFFERED}, ... so the next one can be checked against the last.
 */
public final class Mediation {

    /** The steps of a mediation, in the order they happen. */
    public enum Step { OFFERED, ACCEPTED, DECLINED, HELD, OUTCOME }

    /** How a mediation ended. */
    public enum Result { RESOLVED, PARTLY_RESOLVED, NOT_RESOLVED }

    /** One step as the case page and the API show it, read from the history. */
    public record Entry(Step step, LocalDate on, @Nullable String mediator, @Nullable Result result, @Nullable String notes,
                        String by, int stage) {
    }

    static final String CITE = "F-6";
    private static final String KIND = "MEDIATION_";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    private Mediation() {
    }

    /** The pack's mediation step that applies at the case's stage, if the organisation offers mediation there. */
    static Optional<StepRule> rule(PolicyPack pack, int stage) {
        return pack.steps().stream().filter(s -> s.kind() == StepKind.MEDIATION_OFFER)
                .filter(s -> s.stages().isEmpty() || s.stages().contains(stage)).findFirst();
    }

    /** Why mediation cannot be recorded on this case at all: the organisation does not offer it (at this stage). */
    static Optional<Refusal> notOffered(PolicyPack pack, CaseState state) {
        if (rule(pack, state.stage()).isPresent()) {
            return Optional.empty();
        }
        boolean anywhere = pack.steps().stream().anyMatch(s -> s.kind() == StepKind.MEDIATION_OFFER);
        return Optional.of(Refusal.of(anywhere ? "the " + pack.id() + " policy offers mediation only at stages "
                + pack.steps().stream().filter(s -> s.kind() == StepKind.MEDIATION_OFFER).flatMap(s -> s.stages().stream()).toList()
                : "the " + pack.id() + " policy does not offer mediation", CITE));
    }

    /** The last mediation step recorded on the case. */
    static Optional<Step> last(CaseState state) {
        Step last = null;
        for (StepRecord s : state.steps()) {
            if (s.kind().startsWith(KIND)) {
                try {
                    last = Step.valueOf(s.kind().substring(KIND.length()));
                } catch (IllegalArgumentException e) {
                    // a step of another kind starting the same way: not a mediation step
                }
            }
        }
        return Optional.ofNullable(last);
    }

    /** The step's rule: it follows the last one, says what it needs, and its date is not in the future. */
    static Optional<Refusal> refused(CaseState state, Step step, @Nullable String mediator, LocalDate on, @Nullable Result result, Instant at) {
        if (on.isAfter(UkTime.dateOf(at))) {
            return Optional.of(Refusal.onField("on", "the date of the mediation step cannot be in the future", CITE));
        }
        if (on.isBefore(UkTime.dateOf(state.receivedAt()))) {
            return Optional.of(Refusal.onField("on", "the date cannot be before the complaint was received, on "
                    + DAY.format(UkTime.dateOf(state.receivedAt())), CITE));
        }
        Optional<Step> last = last(state);
        boolean underWay = last.isPresent() && last.get() != Step.DECLINED && last.get() != Step.OUTCOME;
        return switch (step) {
            case OFFERED -> underWay ? refusal("mediation is already under way (last step: " + words(last.get()) + ")")
                    : mediator == null ? Optional.of(Refusal.onField("mediator", "say who the independent mediator is", CITE)) : Optional.empty();
            case ACCEPTED, DECLINED -> last.filter(s -> s == Step.OFFERED).isPresent() ? Optional.empty()
                    : refusal("record the offer of mediation before the person's answer");
            case HELD -> last.filter(s -> s == Step.ACCEPTED || s == Step.HELD).isPresent() ? Optional.empty()
                    : refusal("mediation is held only once the person has accepted it");
            case OUTCOME -> !last.filter(s -> s == Step.HELD).isPresent() ? refusal("record the mediation being held before its outcome")
                    : result == null ? Optional.of(Refusal.onField("result", "say whether mediation resolved the complaint: RESOLVED, "
                    + "PARTLY_RESOLVED or NOT_RESOLVED", CITE)) : Optional.empty();
        };
    }

    /** The step as a fact of the history. */
    static CaseFact fact(int stage, Step step, @Nullable String mediator, LocalDate on, @Nullable Result result) {
        return switch (step) {
            case OFFERED -> new MediationOffered(stage, mediator == null ? "" : mediator, on);
            case ACCEPTED, DECLINED -> new MediationAnswered(stage, step == Step.ACCEPTED, on);
            case HELD -> new MediationHeld(stage, mediator, on);
            case OUTCOME -> new MediationConcluded(stage, result == null ? Result.NOT_RESOLVED : result, on);
        };
    }

    /** The step as the case keeps it among its steps, so the next one can be checked. */
    static StepRecord stepRecord(String stepId, int stage, Step step, @Nullable String mediator, LocalDate on, Instant at, String actor) {
        return new StepRecord(stepId, KIND + step.name(), stage, at, actor, words(step) + " " + DAY.format(on)
                + (mediator == null ? "" : ", mediator " + mediator));
    }

    /** The mediation steps of a case, oldest first, from its history. */
    static List<Entry> of(List<CaseEvent> history) {
        List<Entry> entries = new ArrayList<>();
        for (CaseEvent e : history) {
            CaseFact f = e.payload();
            if (f instanceof MediationOffered o) {
                entries.add(new Entry(Step.OFFERED, o.offeredOn(), o.mediator(), null, e.reason(), e.actor(), o.stage()));
            } else if (f instanceof MediationAnswered a) {
                entries.add(new Entry(a.accepted() ? Step.ACCEPTED : Step.DECLINED, a.answeredOn(), null, null, e.reason(), e.actor(), a.stage()));
            } else if (f instanceof MediationHeld h) {
                entries.add(new Entry(Step.HELD, h.heldOn(), h.mediator(), null, e.reason(), e.actor(), h.stage()));
            } else if (f instanceof MediationConcluded c) {
                entries.add(new Entry(Step.OUTCOME, c.concludedOn(), null, c.result(), e.reason(), e.actor(), c.stage()));
            }
        }
        return entries;
    }

    /** A step out of order: the case's state refuses it, not a field of the request. */
    private static Optional<Refusal> refusal(String message) {
        return Optional.of(Refusal.of(message, CITE));
    }

    static String words(Step step) {
        return switch (step) {
            case OFFERED -> "offered";
            case ACCEPTED -> "accepted";
            case DECLINED -> "declined";
            case HELD -> "held";
            case OUTCOME -> "outcome";
        };
    }
}
