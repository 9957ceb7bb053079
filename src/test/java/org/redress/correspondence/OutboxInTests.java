package org.redress.correspondence;

import org.springframework.context.ApplicationContext;

import java.time.Instant;
import java.util.UUID;

/** The outbox's own write, for tests that need a letter it gave up on without failing a mail server eight times. */
public final class OutboxInTests {

    private OutboxInTests() {
    }

    /** Records the letter FAILED, as the outbox does after its last try. */
    public static void giveUpOn(ApplicationContext context, UUID letter, Instant at) {
        context.getBean(Letters.class).markFailed(letter, "IllegalStateException: the mail server refused it (test)", at, true);
    }
}
