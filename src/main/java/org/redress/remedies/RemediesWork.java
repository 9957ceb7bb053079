package org.redress.remedies;

import org.redress.casework.CaseScope;
import org.redress.casework.StaffWork;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The member's open actions on their "my work" page, overdue first; an overdue action promised in a stage
 * response is called out as grounds to escalate.
 */
@Component
class RemediesWork implements StaffWork {

    /** The most actions the page lists; the full list is one link away. */
    static final int MOST = 20;

    private final Remedies remedies;

    RemediesWork(Remedies remedies) {
        this.remedies = remedies;
    }

    @Override
    public List<Item> openWorkOf(CaseScope scope, String username) {
        String organisation = scope.organisation();
        return remedies.openActions(scope, username).stream().limit(MOST)
                .map(a -> new Item("Action", a.description(), a.caseReference(), a.due(), a.overdue(),
                        a.promisedAtStage() == null ? null : a.overdue()
                                ? "promised in the stage " + a.promisedAtStage() + " response and overdue: grounds to escalate (A-6)"
                                : "promised in the stage " + a.promisedAtStage() + " response",
                        "/staff/" + organisation + "/cases/" + a.caseReference() + "/remedies"))
                .toList();
    }
}
