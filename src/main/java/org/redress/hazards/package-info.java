/**
 * Awaab's Law (R-3; SI 2025/1042, in force from 27 October 2025): a complaint that reports a hazard (damp and mould
 * first; the categories and keywords are each organisation's data) opens a hazard record on the case, whose own
 * clocks run alongside the complaint's - 24 hours for an emergency, 10 working days to investigate a significant
 * hazard, then 3 working days for the written summary and 5 to begin safety work - and every attempt to get in,
 * failed access included, is recorded. Issue 23: the law's categories and the day each comes in are the reference
 * pack's data; no duty for a shared owner's home or a hazard reported before its category came in; the emergency clock
 * runs until the home is made safe; further works (5 working days or 12 weeks), alternative accommodation, and closing
 * as no hazard found or dismissed are recorded (docs/regulation/awaabs-law.md).
 */
@ApplicationModule(allowedDependencies = {"calendar", "casework", "database", "pages", "policy", "web"})
@NullMarked
package org.redress.hazards;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
