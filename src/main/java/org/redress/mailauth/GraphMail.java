package org.redress.mailauth;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.util.List;
import java.util.Map;

/**
 * Reads a mailbox through Microsoft Graph where IMAP is switched off: the unread messages of a folder
 * ({@code GET /v1.0/users/{mailbox}/mailFolders/{folder}/messages}), each as its original MIME
 * ({@code .../messages/{id}/$value}), marked read once handled ({@code PATCH .../messages/{id}}), with a bearer token
 * from {@link MailTokens} (scope {@code https://graph.microsoft.com/.default}, application permission Mail.ReadWrite).
 */
@Component
public class GraphMail {

    /** Messages read in one round; the rest are read in the next. */
    static final int PAGE = 50;

    private final MailTokens tokens;

    GraphMail(MailTokens tokens) {
        this.tokens = tokens;
    }

    /** A folder of a mailbox ({@code INBOX} is Graph's well-known {@code inbox}), for {@code account}'s token. */
    public Folder folder(String account, OAuth2Client client, @Nullable String uri, String mailbox, String folder) {
        return new Folder(account, client, GraphClient.rest(uri), mailbox,
                "INBOX".equalsIgnoreCase(folder) ? "inbox" : folder);
    }

    record Page(@Nullable List<Item> value) {
    }

    record Item(String id) {
    }

    /** One mailbox folder on Graph. */
    public final class Folder {

        private final String account;
        private final OAuth2Client client;
        private final RestClient graph;
        private final String mailbox;
        private final String folder;

        private Folder(String account, OAuth2Client client, RestClient graph, String mailbox, String folder) {
            this.account = account;
            this.client = client;
            this.graph = graph;
            this.mailbox = mailbox;
            this.folder = folder;
        }

        /** The ids of up to {@link #PAGE} unread messages. */
        public List<String> unread() {
            Page page = graph.get()
                    .uri("/v1.0/users/{mailbox}/mailFolders/{folder}/messages?$filter={filter}&$select=id&$top={top}",
                            mailbox, folder, "isRead eq false", PAGE)
                    .header("Authorization", bearer())
                    .retrieve()
                    .onStatus(HttpStatusCode::isError, (request, response) -> {
                        throw GraphClient.refusal(tokens, account, "reading " + mailbox, response);
                    })
                    .body(Page.class);
            return page == null || page.value() == null ? List.of() : page.value().stream().map(Item::id).toList();
        }

        /** The message as it was received (MIME). */
        public byte[] mime(String id) {
            byte[] raw = graph.get().uri("/v1.0/users/{mailbox}/messages/{id}/$value", mailbox, id)
                    .header("Authorization", bearer())
                    .retrieve()
                    .onStatus(HttpStatusCode::isError, (request, response) -> {
                        throw GraphClient.refusal(tokens, account, "reading " + mailbox, response);
                    })
                    .body(byte[].class);
            return raw == null ? new byte[0] : raw;
        }

        /** Marks the message read: it is not handed over again. */
        public void markRead(String id) {
            graph.patch().uri("/v1.0/users/{mailbox}/messages/{id}", mailbox, id)
                    .header("Authorization", bearer())
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("isRead", true))
                    .retrieve()
                    .onStatus(HttpStatusCode::isError, (request, response) -> {
                        throw GraphClient.refusal(tokens, account, "marking a message read in " + mailbox, response);
                    })
                    .toBodilessEntity();
        }

        private String bearer() {
            return "Bearer " + tokens.tokenFor(account, client);
        }
    }
}
