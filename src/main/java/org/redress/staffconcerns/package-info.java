/**
 * Complaints about named staff or contractors (F-12): the named person's manager is told at once, the person gives
 * their view, and they are kept informed. Seen only by those who need it: the case's owners, the person's manager,
 * and the organisation's complaint managers, directors and administrators.
 */
@ApplicationModule(allowedDependencies = {
        "accounts", "calendar", "casework", "correspondence", "pages", "people", "web"
})
@NullMarked
package org.redress.staffconcerns;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
