/**
 * What every HTTP API of Redress shares: errors as {@code application/problem+json} that name each bad
 * field, so a client always knows what to fix, and never a 500 for bad input.
 */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package org.redress.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
