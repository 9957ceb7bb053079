/**
 * Every channel into a case that is not a person at a keyboard: connected mailboxes (IMAP), where each new email
 * becomes a contact to triage, a reply quoting a case reference lands on that case, and bounces and auto-replies
 * are kept but never turned into complaints. Every original message is kept unchanged.
 */
@ApplicationModule(allowedDependencies = {"casework", "mailauth", "pages", "people", "policy"})
@NullMarked
package org.redress.intake;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
