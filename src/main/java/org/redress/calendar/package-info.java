/**
 * UK working days and deadlines that explain themselves: bank holidays per jurisdiction (with
 * substitute days), each organisation's own closure days, and clocks in working days, clock hours,
 * calendar days, weeks and calendar months, all in UK local time.
 */
@ApplicationModule(allowedDependencies = {"database", "web"})
@NullMarked
package org.redress.calendar;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
