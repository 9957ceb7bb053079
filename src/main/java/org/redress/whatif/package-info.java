/**
 * What-if: a year of an organisation's real cases replayed, in memory, under a draft version of its policy pack, and
 * compared side by side with what its packs made of them (issue 25). Nothing real changes: cases are read in batches,
 * their recorded events applied again through casework's own verbs and clocks ({@code casework.CaseReplay}), and only
 * the figures are kept. Each replay, its progress and its result are stored in the module's own schema
 * ({@code whatif}, ADR 22), so any node shows them and a restart loses none.
 */
@ApplicationModule(allowedDependencies = {"accounts", "calendar", "casework", "pages", "people", "policy", "web"})
@NullMarked
package org.redress.whatif;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
