package org.redress.mailauth;

import org.jspecify.annotations.Nullable;

/**
 * An OAuth 2.0 client allowed to use a mailbox, e.g. a Microsoft Entra app registration: its id and secret, the token
 * endpoint ({@code https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token}) and the scope asked for
 * ({@code https://outlook.office365.com/.default} for IMAP and SMTP, {@code https://graph.microsoft.com/.default} for
 * Graph). Bound from settings such as {@code redress.intake.mailboxes[0].oauth2.client-id}.
 */
public record OAuth2Client(@Nullable String clientId, @Nullable String clientSecret, @Nullable String tokenUri,
                           @Nullable String scope) {

    /** The settings that are missing, by name, so a half-configured mailbox says what to set. */
    public String missing() {
        StringBuilder missing = new StringBuilder();
        append(missing, clientId, "client-id");
        append(missing, clientSecret, "client-secret");
        append(missing, tokenUri, "token-uri");
        append(missing, scope, "scope");
        return missing.toString();
    }

    private static void append(StringBuilder missing, @Nullable String value, String name) {
        if (value == null || value.isBlank()) {
            missing.append(missing.isEmpty() ? "" : ", ").append(name);
        }
    }
}
