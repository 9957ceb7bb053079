package org.redress.mailauth;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sends through Microsoft Graph ({@code POST /v1.0/users/{mailbox}/sendMail}) where the tenant has SMTP switched off:
 * the whole MIME message, as the outbox made it (its Message-ID and headers kept), base64-encoded as Graph takes it,
 * with a bearer token from {@link MailTokens} (scope {@code https://graph.microsoft.com/.default}, application
 * permission Mail.Send). A refused token is dropped and the error says so; the outbox keeps the letter.
 */
public class GraphMailSender extends JavaMailSenderImpl {

    static final String ACCOUNT = "sending account (Graph)";

    private final MailTokens tokens;
    private final OAuth2Client client;
    private final String mailbox;
    private final RestClient graph;

    GraphMailSender(MailTokens tokens, SendingAccount account) {
        this.tokens = tokens;
        this.client = account.client();
        SendingAccount.Graph settings = account.graph();
        if (settings == null || settings.mailbox() == null || settings.mailbox().isBlank()) {
            throw new IllegalStateException("redress.mail.transport=graph needs redress.mail.graph.mailbox, the mailbox letters are sent as");
        }
        this.mailbox = settings.mailbox();
        this.graph = GraphClient.rest(settings.uri());
    }

    /**
     * The mail health check: there is no SMTP server to connect to, so it asks for a token, as a connection would.
     * (Spring's own check would connect to a blank host and call the application down.)
     */
    @Override
    public void testConnection() throws MessagingException {
        try {
            tokens.tokenFor(ACCOUNT, client);
        } catch (MailTokenException e) {
            throw new MessagingException(e.getMessage(), e);
        }
    }

    @Override
    protected void doSend(MimeMessage[] messages, Object[] originals) throws MailException {
        Map<Object, Exception> failed = new LinkedHashMap<>();
        Exception first = null;
        for (int i = 0; i < messages.length; i++) {
            MimeMessage message = messages[i];
            byte[] mime;
            try {
                if (message.getSentDate() == null) {
                    message.setSentDate(new java.util.Date());
                }
                String messageId = message.getMessageID();
                message.saveChanges();
                if (messageId != null) {
                    message.setHeader("Message-ID", messageId); // saveChanges makes a new one: keep the outbox's
                }
                ByteArrayOutputStream raw = new ByteArrayOutputStream();
                message.writeTo(raw);
                mime = raw.toByteArray();
            } catch (MessagingException | IOException e) {
                throw new MailPreparationException(e);
            }
            try {
                graph.post().uri("/v1.0/users/{mailbox}/sendMail", mailbox)
                        .header("Authorization", "Bearer " + tokens.tokenFor(ACCOUNT, client))
                        .contentType(MediaType.TEXT_PLAIN)
                        .body(Base64.getEncoder().encodeToString(mime))
                        .retrieve()
                        .onStatus(HttpStatusCode::isError, (request, response) -> {
                            throw GraphClient.refusal(tokens, ACCOUNT, "sending as " + mailbox, response);
                        })
                        .toBodilessEntity();
            } catch (MailAuthenticationException e) {
                throw e;
            } catch (RestClientException | MailTokenException e) {
                failed.put(originals != null ? originals[i] : message, e);
                first = first == null ? e : first;
            }
        }
        if (!failed.isEmpty()) {
            throw new MailSendException("Microsoft Graph did not send " + failed.size() + " of " + messages.length
                    + " messages as " + mailbox + ": " + first.getMessage(), first, failed);
        }
    }
}
