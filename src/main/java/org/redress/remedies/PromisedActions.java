package org.redress.remedies;

import org.redress.casework.CaseChanged;
import org.redress.casework.CaseFact.StageResponded;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Takes the actions a stage response promised into this module, in the same transaction as the response, so that
 * they are tracked to completion after the case closes (A-5, Code 6.6) and a response never commits without them.
 * It only reacts (it refuses nothing); after commit, a crash between the two would lose the promised actions, and
 * keeping them would need Spring Modulith's persistent event publication registry.
 */
@Component
class PromisedActions {

    private final Remedies remedies;

    PromisedActions(Remedies remedies) {
        this.remedies = remedies;
    }

    @EventListener
    void takeInPromisedActionsWithTheResponse(CaseChanged change) {
        if (change.events().stream().anyMatch(e -> e.payload() instanceof StageResponded)) {
            remedies.takeInPromisedActions(change.organisation(), change.caseFile(), change.events());
        }
    }
}
