/**
 * The public side: a complaint form anyone can use on the organisation's branding, and the complainant's own view of
 * their case with a reference and a one-time code. Rate limited, CSRF protected, and it never tells whether a
 * reference exists. It keeps the case's files: the complainant's from the form and those staff upload (S0-6), all
 * checked by content the same way.
 */
@ApplicationModule(allowedDependencies = {"calendar", "casework", "correspondence", "equality", "people", "policy", "web"})
@NullMarked
package org.redress.publicweb;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
