package org.redress.testing;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a complainant's one-time code the way the demo does without a mail server: as an administrator, on the local
 * outbox page, which shows a code only while it can still be used.
 */
public final class LocalOutboxCodes {

    private LocalOutboxCodes() {
    }

    /** The live code of the case, as the test administrator is shown it; empty when there is none. */
    public static Optional<String> shownToAdministrator(int port, String organisation, String reference) {
        WebSession admin = new WebSession(port);
        admin.signIn(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
        return codeOn(admin.get("/staff/" + organisation + "/outbox").body(), reference);
    }

    /** The code the outbox page shows for the case, if any. */
    public static Optional<String> codeOn(String page, String reference) {
        Matcher m = Pattern.compile("id=\"code-" + Pattern.quote(reference) + "\">(\\d{6})<").matcher(page);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
