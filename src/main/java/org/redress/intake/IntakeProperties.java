package org.redress.intake;

import org.jspecify.annotations.Nullable;
import org.redress.mailauth.OAuth2Client;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * Mailboxes connected to organisations, e.g.
 * {@code redress.intake.mailboxes[0].organisation=alliance-homes}, {@code .host}, {@code .port},
 * {@code .protocol=imaps}, {@code .username}, {@code .password}, {@code .folder=INBOX}.
 *
 * <p>Microsoft 365 and Google Workspace (issue 24): {@code .auth=oauth2} signs in to IMAP with XOAUTH2, the mailbox's
 * address as {@code .username} and a token from {@code .oauth2.client-id}, {@code .client-secret}, {@code .token-uri},
 * {@code .scope} in place of the password; {@code .protocol=graph} reads the mailbox through Microsoft Graph instead of
 * IMAP (always with a token; {@code .graph-uri} only to point it elsewhere, as the tests do).
 */
@ConfigurationProperties("redress.intake")
public record IntakeProperties(@Nullable List<Mailbox> mailboxes) {

    public List<Mailbox> connected() {
        return mailboxes == null ? List.of() : mailboxes;
    }

    public record Mailbox(String organisation, @Nullable String host, int port, @Nullable String protocol, String username,
                          @Nullable String password, @Nullable String folder, @Nullable String auth,
                          @Nullable OAuth2Client oauth2, @Nullable String graphUri) {

        static final String GRAPH = "graph";

        public boolean signsInWithToken() {
            return "oauth2".equalsIgnoreCase(auth) || isGraph();
        }

        public boolean isGraph() {
            return GRAPH.equalsIgnoreCase(protocol);
        }

        public OAuth2Client client() {
            return oauth2 == null ? OAuth2Client.none() : oauth2;
        }

        public String protocolOrDefault() {
            return protocol == null || protocol.isBlank() ? "imaps" : protocol;
        }

        public String folderOrDefault() {
            return folder == null || folder.isBlank() ? "INBOX" : folder;
        }

        public String name() {
            return username + "@" + (isGraph() ? GRAPH : host) + "/" + folderOrDefault();
        }
    }
}
