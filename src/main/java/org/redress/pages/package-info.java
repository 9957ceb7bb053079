/**
 * What every page shares: the organisation's own name and colour on a GOV.UK Frontend layout (never the GOV.UK crown
 * or font), and plain error pages without stack traces.
 */
@ApplicationModule(allowedDependencies = {"people", "web"})
@NullMarked
package org.redress.pages;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
