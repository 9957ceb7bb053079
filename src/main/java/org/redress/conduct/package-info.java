/**
 * Unacceptable behaviour (F-10, H-5, T-4): restrictions on how the organisation deals with a person, each a recorded
 * decision with its reason, decider and review date. A restriction shows on every case of that person and when a
 * new contact from them is logged; it never stops a new complaint being recorded. It limits only how contact is
 * made: nothing here hides any case, letter or record of the person from the staff who serve them (F-7).
 */
@ApplicationModule(allowedDependencies = {"calendar", "casework", "pages", "people", "web"})
@NullMarked
package org.redress.conduct;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
