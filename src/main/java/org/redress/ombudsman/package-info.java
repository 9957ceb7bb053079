/**
 * After the internal procedure: the referral of a case to the ombudsman its service line goes to (F-8, A-10), the
 * ombudsman's findings per point and its orders with their compliance, and the information pack of every record of
 * the case that the ombudsman asks for (F-9). Publishes {@link org.redress.ombudsman.OmbudsmanReferred} for reporting
 * (F-15).
 */
@ApplicationModule(allowedDependencies = {
        "calendar", "casework", "correspondence", "pages", "people", "policy", "publicweb", "web"
})
@NullMarked
package org.redress.ombudsman;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
