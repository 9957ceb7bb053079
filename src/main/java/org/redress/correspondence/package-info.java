/**
 * Letters and emails in plain language: composed from the case and its policy pack when a verb needs one,
 * checked for what the rules require, committed with the case change, then delivered through an outbox by the
 * complainant's preferred method (email by SMTP, or a PDF letter for post; or, for an organisation connected to GOV.UK
 * Notify, email, text message or a letter Notify posts, with Notify's delivery receipts), at least once and recorded once.
 */
@ApplicationModule(allowedDependencies = {"accounts", "calendar", "casework", "metrics", "notices", "pages", "people", "policy", "web"})
@NullMarked
package org.redress.correspondence;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
