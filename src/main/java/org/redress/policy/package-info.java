/**
 * Policy packs: each organisation's complaint procedure as versioned data (YAML), validated on load, with
 * the Housing Ombudsman Complaint Handling Code 2024 check for social landlords. Code implements the kinds
 * of rule; packs choose the steps and the figures.
 */
@ApplicationModule(allowedDependencies = {"calendar", "web"})
@NullMarked
package org.redress.policy;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
