/**
 * Learning from complaints (F-14, H-8, S0-11, Code section 9): lessons and service changes recorded against one or
 * many cases with a root cause, an owner and a status; a suggestion not adopted keeps its reason (H-8); when a change
 * is done, the people who complained are told once each, by letter through correspondence.
 */
@ApplicationModule(allowedDependencies = {"calendar", "casework", "correspondence", "pages", "web"})
@NullMarked
package org.redress.learning;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
