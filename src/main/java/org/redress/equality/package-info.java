/**
 * Equality monitoring (H-3): optional questions asked after a complaint, kept apart from the case with no way back to
 * the person, reported only in aggregate (groups of fewer than 5 hidden) and compared with the organisation's
 * customer profile so under-represented groups show.
 */
@ApplicationModule(allowedDependencies = {"calendar", "casework", "pages", "people", "web"})
@NullMarked
package org.redress.equality;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
