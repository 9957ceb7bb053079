package org.redress.casework;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.List;

/**
 * Work a member of staff owns that another module keeps (an action promised to a complainant, ...), for their "my
 * work" page beside their cases. Like {@link CaseSection}, the page lists every such bean, so it needs no knowledge
 * of the modules that add to it. Each source shows only what the member may see.
 */
public interface StaffWork {

    /**
     * One piece of work on a case.
     *
     * @param kind          what sort of work, in plain English, e.g. "Action"
     * @param what          the work itself, e.g. "Repair the boiler"
     * @param caseReference the case it belongs to
     * @param due           when it is due, if it has a date
     * @param overdue       whether it is past that date
     * @param note          a short remark, e.g. "promised in the stage 1 response: grounds to escalate (A-6)", or null
     * @param link          the page to do it on
     */
    record Item(String kind, String what, String caseReference, @Nullable LocalDate due, boolean overdue,
                @Nullable String note, String link) {
    }

    /**
     * The member's open work in the scope's organisation, overdue first then by due date: only on cases in the scope.
     *
     * @param username the member whose work it is
     */
    List<Item> openWorkOf(CaseScope scope, String username);
}
