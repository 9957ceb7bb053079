package org.redress.mailauth;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How letters leave Redress, beside {@code spring.mail.*}: {@code redress.mail.auth} is {@code password} (the default:
 * {@code spring.mail.username} and {@code .password}) or {@code oauth2} (SMTP with XOAUTH2, a token from
 * {@code redress.mail.oauth2.*}); {@code redress.mail.transport} is {@code smtp} (the default) or {@code graph}
 * (Microsoft Graph's sendMail as {@code redress.mail.graph.mailbox}, with a token from {@code redress.mail.oauth2.*},
 * where the tenant has SMTP switched off).
 */
@ConfigurationProperties("redress.mail")
public record SendingAccount(@Nullable String auth, @Nullable String transport, @Nullable OAuth2Client oauth2,
                             @Nullable Graph graph) {

    public static final String GRAPH = "graph";

    public OAuth2Client client() {
        return oauth2 == null ? OAuth2Client.none() : oauth2;
    }

    /** Microsoft Graph: the mailbox letters are sent as, and the service's address (another only in tests). */
    public record Graph(@Nullable String mailbox, @Nullable String uri) {
    }
}
