/**
 * The case: a complaint (or concern, service request, compliment, feedback, suggestion) moving through
 * its organisation's procedure with exact deadlines and an append-only history. The {@link
 * org.redress.casework.CaseFile} aggregate checks every verb against the case's policy pack version and
 * records an event; a refusal is a value naming the rule.
 */
@ApplicationModule(allowedDependencies = {"accounts", "calendar", "metrics", "notices", "pages", "people", "policy", "vocabulary", "web"})
@NullMarked
package org.redress.casework;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
