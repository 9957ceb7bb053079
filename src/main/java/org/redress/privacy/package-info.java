/**
 * Data protection duties (issue 9, R-7): cases are anonymised a set time after they end unless on legal hold, keeping the
 * figures reports are made of; subject access requests are tracked to their one-month deadline and answered with one
 * export package; erasure and rectification requests are recorded with their decisions and applied.
 */
@ApplicationModule(allowedDependencies = {
        "accounts", "calendar", "casework", "correspondence", "intake", "pages", "people", "policy", "publicweb",
        "web"
})
@NullMarked
package org.redress.privacy;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
