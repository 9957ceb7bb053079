/**
 * Organisations served by one installation (each with its own policy pack, calendar, staff and cases),
 * their service areas and staff.
 */
@ApplicationModule(allowedDependencies = {"web"})
@NullMarked
package org.redress.people;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
