/**
 * Every measure the policies and regulators ask for (S0-11, F-15, H-11, T-11, TSM CH01/CH02, FCA DISP, the Housing
 * Ombudsman Code self-assessment) over the module's own read model of cases, with a dashboard, exports and the Board report.
 */
@ApplicationModule(allowedDependencies = {
        "accounts", "calendar", "casework", "learning", "notices", "ombudsman", "pages", "people", "policy", "remedies", "web"
})
@NullMarked
package org.redress.reporting;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
