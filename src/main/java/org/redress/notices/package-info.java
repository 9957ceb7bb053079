/**
 * Asking for a short email without knowing who sends it: a module publishes {@link
 * org.redress.notices.NoticeRequested} and correspondence queues it in its outbox, in the asker's transaction. Holds
 * only the event, so any module may use it without depending on correspondence (or forming a cycle through it).
 */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package org.redress.notices;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
