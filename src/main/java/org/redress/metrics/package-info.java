/**
 * What Redress tells a monitoring system (issue 24): the business figures beside the JVM, pool and HTTP figures Spring
 * Boot gives, on the Prometheus endpoint. Each module counts and reads its own figures; this module only keeps the
 * figures read from the database at most once per {@code redress.metrics.refresh} (30 s), so a scrape never costs a
 * query per figure, and reads them afresh when a scrape finds them due (docs/adr/0027-metrics.md).
 */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package org.redress.metrics;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
