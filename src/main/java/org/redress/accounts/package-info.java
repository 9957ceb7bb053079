/**
 * Staff accounts: sign-in with hashed passwords and lockout, the organisations each person belongs to with a
 * role in each, and the one permission matrix (role by action) that every page and API call is checked against.
 */
@ApplicationModule(allowedDependencies = {"database", "people", "policy", "web"})
@NullMarked
package org.redress.accounts;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
