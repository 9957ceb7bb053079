/**
 * The public side: a complaint form anyone can use on the organisation's branding, and the complainant's own view of
 * their case with a reference and a one-time code. Rate limited, CSRF protected, and it never tells whether a
 * reference exists.
 */
@ApplicationModule(allowedDependencies = {"calendar", "casework", "correspondence", "equality", "people", "web"})
@NullMarked
package org.redress.publicweb;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
