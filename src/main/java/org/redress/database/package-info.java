/**
 * Where Redress keeps its data: an embedded PostgreSQL by default (data kept on disk across restarts),
 * or an external server when {@code REDRESS_DB_URL} / {@code spring.datasource.url} is set.
 */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package org.redress.database;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
