/**
 * Putting things right (F-13, H-9, A-5, Code 6.6 and section 7): apologies, actions with owners and due dates, and
 * payments approved within the authority table of the case's policy pack (above every limit, by the review panel).
 * Actions promised in a stage response are taken in from the case and tracked after it closes; overdue ones are
 * grounds to escalate.
 */
@ApplicationModule(allowedDependencies = {"accounts", "calendar", "casework", "pages", "policy", "web"})
@NullMarked
package org.redress.remedies;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
