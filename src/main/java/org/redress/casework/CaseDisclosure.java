package org.redress.casework;

import org.redress.accounts.CaseAccess;
import org.redress.accounts.SpecialCategoryAudit;
import org.springframework.stereotype.Component;

/**
 * The last step before a case is shown to a member of staff: special category data (UK GDPR art. 9) is left out
 * for a role that may not see it, and every showing of it to one that may is recorded in the read log. The API does
 * it for every case it answers with ({@link CaseViewDisclosureAdvice}); a page calls {@link #show} itself.
 */
@Component
public class CaseDisclosure {

    private final CaseAccess access;
    private final SpecialCategoryAudit audit;

    CaseDisclosure(CaseAccess access, SpecialCategoryAudit audit) {
        this.access = access;
        this.audit = audit;
    }

    /** The case as the signed-in reader may see it (unchanged when nobody is signed in: the complainant's own view). */
    public CaseView show(CaseView view) {
        if (!view.holdsSpecialCategory()) {
            return view;
        }
        CaseAccess.Scope scope = access.current(view.organisation());
        if (scope.username() == null) {
            return view;
        }
        if (!scope.specialCategory()) {
            return view.withoutSpecialCategory();
        }
        audit.recordRead(view.organisation(), view.reference(), view.classification().serviceArea(), scope.username(), view.specialCategoryFields(), SpecialCategoryAudit.currentRequest());
        return view;
    }
}
