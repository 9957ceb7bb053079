/**
 * The deadline sweep: warns owners before a clock is due, tells the organisation's complaints managers when one
 * is missed, and sends each person a daily digest. Safe with many nodes: db-scheduler runs each execution on one
 * node, and every reminder is recorded under a unique key in the same transaction as its email, so it goes out once.
 */
@ApplicationModule(allowedDependencies = {"calendar", "casework", "correspondence", "hazards", "metrics", "notices", "people"})
@NullMarked
package org.redress.deadlines;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
