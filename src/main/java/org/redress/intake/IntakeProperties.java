package org.redress.intake;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * Mailboxes connected to organisations, e.g.
 * {@code redress.intake.mailboxes[0].organisation=alliance-homes}, {@code .host}, {@code .port},
 * {@code .protocol=imaps}, {@code .username}, {@code .password}, {@code .folder=INBOX}.
 */
@ConfigurationProperties("redress.intake")
public record IntakeProperties(@Nullable List<Mailbox> mailboxes) {

    public List<Mailbox> connected() {
        return mailboxes == null ? List.of() : mailboxes;
    }

    public record Mailbox(String organisation, String host, int port, @Nullable String protocol, String username,
                          String password, @Nullable String folder) {

        public String protocolOrDefault() {
            return protocol == null || protocol.isBlank() ? "imaps" : protocol;
        }

        public String folderOrDefault() {
            return folder == null || folder.isBlank() ? "INBOX" : folder;
        }

        public String name() {
            return username + "@" + host + "/" + folderOrDefault();
        }
    }
}
