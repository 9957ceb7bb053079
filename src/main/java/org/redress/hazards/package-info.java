/**
 * Awaab's Law (R-3; SI 2025/1042, in force from 27 October 2025): a complaint that reports a hazard (damp and mould
 * first; the categories and keywords are each organisation's data) opens a hazard record on the case, whose own
 * clocks run alongside the complaint's - 24 hours for an emergency, 10 working days to investigate a significant
 * hazard, then 3 working days for the written summary and 5 to begin safety work - and every attempt to get in,
 * failed access included, is recorded.
 */
@ApplicationModule(allowedDependencies = {"calendar", "casework", "database", "pages", "policy", "web"})
@NullMarked
package org.redress.hazards;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
