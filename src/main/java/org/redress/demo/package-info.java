/**
 * Demo data for the four organisations whose policies ship with Redress, loaded when the {@code demo}
 * profile is active (the README's start command turns it on). Uses only other modules' public APIs.
 */
@ApplicationModule(allowedDependencies = {
        "accounts", "calendar", "casework", "conduct", "equality", "hazards", "learning", "ombudsman", "people",
        "pages", "policy", "remedies", "reporting", "staffconcerns", "web"
})
@NullMarked
package org.redress.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
