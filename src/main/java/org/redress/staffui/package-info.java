/**
 * The staff pages: my work by next deadline, logging a contact with warnings before saving, the case page with the
 * actions its policy allows now, and the organisation switcher. Pages call the casework facade, never the database.
 */
@ApplicationModule(allowedDependencies = {
        "accounts", "calendar", "casework", "correspondence", "pages", "people", "policy", "publicweb", "vocabulary", "web"
})
@NullMarked
package org.redress.staffui;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
