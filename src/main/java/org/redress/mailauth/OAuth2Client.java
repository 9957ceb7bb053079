package org.redress.mailauth;

import org.jspecify.annotations.Nullable;

/**
 * How a mailbox gets its OAuth 2.0 access token, bound from settings such as
 * {@code redress.intake.mailboxes[0].oauth2.client-id}. Two grants:
 * <ul>
 * <li>{@code client-credentials} (the default), e.g. a Microsoft Entra app registration: its {@code client-id} and
 * {@code client-secret}, the token endpoint ({@code https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token}) and
 * the scope ({@code https://outlook.office365.com/.default} for IMAP and SMTP, {@code https://graph.microsoft.com/.default}
 * for Graph);</li>
 * <li>{@code jwt-bearer} (RFC 7523), a Google Workspace service account with domain-wide delegation: its
 * {@code service-account} (email) and {@code private-key} (PEM, PKCS#8), acting as {@code subject} (by default the
 * mailbox's user name); the token endpoint defaults to {@code https://oauth2.googleapis.com/token} and the scope to
 * {@code https://mail.google.com/}.</li>
 * </ul>
 */
public record OAuth2Client(@Nullable String clientId, @Nullable String clientSecret, @Nullable String tokenUri,
                           @Nullable String scope, @Nullable String grant, @Nullable String serviceAccount,
                           @Nullable String privateKey, @Nullable String subject) {

    public static final String JWT_BEARER = "jwt-bearer";
    public static final String GOOGLE_TOKEN_URI = "https://oauth2.googleapis.com/token";
    public static final String GOOGLE_MAIL_SCOPE = "https://mail.google.com/";

    public OAuth2Client {
        if (JWT_BEARER.equalsIgnoreCase(grant)) {
            tokenUri = blank(tokenUri) ? GOOGLE_TOKEN_URI : tokenUri;
            scope = blank(scope) ? GOOGLE_MAIL_SCOPE : scope;
        }
    }

    /** No settings at all: {@link #missing} names them all. */
    public static OAuth2Client none() {
        return new OAuth2Client(null, null, null, null, null, null, null, null);
    }

    public boolean isJwtBearer() {
        return JWT_BEARER.equalsIgnoreCase(grant);
    }

    /** The same, acting as {@code username} where no {@code subject} is set (the JWT-bearer grant's mailbox). */
    public OAuth2Client actingAs(@Nullable String username) {
        if (!isJwtBearer() || !blank(subject)) {
            return this;
        }
        return new OAuth2Client(clientId, clientSecret, tokenUri, scope, grant, serviceAccount, privateKey, username);
    }

    /** The settings that are missing, by name, so a half-configured mailbox says what to set. */
    public String missing() {
        StringBuilder missing = new StringBuilder();
        if (grant != null && !grant.isBlank() && !isJwtBearer() && !"client-credentials".equalsIgnoreCase(grant)) {
            return "a known grant (client-credentials or jwt-bearer, not " + grant + ")";
        }
        if (isJwtBearer()) {
            append(missing, serviceAccount, "service-account");
            append(missing, privateKey, "private-key");
            append(missing, subject, "subject");
        } else {
            append(missing, clientId, "client-id");
            append(missing, clientSecret, "client-secret");
        }
        append(missing, tokenUri, "token-uri");
        append(missing, scope, "scope");
        return missing.toString();
    }

    @Override
    public String toString() {
        // never the secret or the private key, in logs or errors
        return "OAuth2Client[" + (isJwtBearer() ? "jwt-bearer, " + serviceAccount + " as " + subject : "client-credentials, " + clientId)
                + ", " + tokenUri + ", " + scope + "]";
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }

    private static void append(StringBuilder missing, @Nullable String value, String name) {
        if (blank(value)) {
            missing.append(missing.isEmpty() ? "" : ", ").append(name);
        }
    }
}
