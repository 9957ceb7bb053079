package org.redress.casework;

import org.redress.casework.CaseTypes.CaseState;
import org.redress.casework.CaseTypes.StageRecord;
import org.redress.policy.PolicyPack;
import org.redress.policy.PolicyPack.Stage;
import org.redress.web.Refusal;

import java.util.Optional;

/**
 * at a stage whose pack says {@code agreesContact: true} (Alliance Homes' stage 2: "We will agree method and
 * frequency of contact with you"), the method and frequency of contact are agreed with the complainant and recorded,
 * and the stage's response waits for them. Rules of the contact-arrangement and respond verbs: they answer, they change
 * nothing.
 */
final class CaseContact {

    private CaseContact() {
    }

    /** The verb is offered only at a stage that agrees contact. */
    static Optional<Refusal> offered(PolicyPack pack, CaseState state) {
        return agrees(pack, state) ? Optional.empty() : Optional.of(Refusal.of("this policy does not ask for the method and frequency"
                + " of contact to be agreed at this point", null));
    }

    static Optional<Refusal> arrangement(String method, String frequency) {
        if (method.isBlank()) {
            return Optional.of(Refusal.onField("method", "say how the complainant will be contacted (for example by phone, email or letter)", "A-7"));
        }
        if (frequency.isBlank()) {
            return Optional.of(Refusal.onField("frequency", "say how often the complainant will be contacted (for example every week)", "A-7"));
        }
        return Optional.empty();
    }

    /** A stage that agrees contact is not answered before the arrangement is recorded. */
    static Optional<Refusal> beforeResponse(PolicyPack pack, CaseState state) {
        boolean recorded = state.stages().stream().filter(s -> s.number() == state.stage()).findFirst()
                .map(StageRecord::contactArrangement).isPresent();
        if (!agrees(pack, state) || recorded) {
            return Optional.empty();
        }
        Stage stage = pack.stage(state.stage()).orElseThrow();
        return Optional.of(Refusal.onField("contactArrangement", "record the method and frequency of contact agreed with the complainant"
                + " before the " + stage.name() + " response", stage.cite() != null ? stage.cite() : "A-7"));
    }

    private static boolean agrees(PolicyPack pack, CaseState state) {
        return state.stage() >= 1 && pack.stage(state.stage()).map(Stage::agreesContact).orElse(false);
    }
}
