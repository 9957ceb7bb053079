package org.redress.mailauth;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Sends by SMTP, signing in with SASL XOAUTH2: the account's user name and a fresh access token in place of the
 * password, asked for at each connection (from {@link MailTokens}' cache while it is fresh). A token the server refuses
 * is dropped, so the next try asks for a new one, and the error says plainly what was refused: the outbox keeps the
 * letter and shows the error on its page and in its API.
 */
public class XOAuth2MailSender extends JavaMailSenderImpl {

    static final String ACCOUNT = "sending account";

    private final MailTokens tokens;
    private final OAuth2Client client;

    XOAuth2MailSender(MailTokens tokens, OAuth2Client client) {
        this.tokens = tokens;
        this.client = client;
    }

    /** The Angus Mail settings that make SMTP sign in with XOAUTH2 only. */
    static void useXOAuth2(java.util.Properties settings, String protocol) {
        settings.setProperty("mail." + protocol + ".auth", "true");
        settings.setProperty("mail." + protocol + ".auth.mechanisms", "XOAUTH2");
    }

    /** Spring says only "Authentication failed": say what was refused, for the outbox's page and API. */
    @Override
    protected void doSend(MimeMessage[] messages, Object @Nullable [] originals) throws MailException {
        try {
            super.doSend(messages, originals);
        } catch (MailAuthenticationException e) {
            Throwable cause = e.getCause();
            throw cause == null ? e : new MailAuthenticationException(cause.getMessage(), cause);
        }
    }

    @Override
    protected Transport connectTransport() throws MessagingException {
        String token = tokens.tokenFor(ACCOUNT, client.actingAs(getUsername()));
        Transport transport = getTransport(getSession());
        try {
            transport.connect(getHost(), getPort(), getUsername(), token);
        } catch (AuthenticationFailedException e) {
            tokens.forget(ACCOUNT);
            throw new AuthenticationFailedException("The mail server " + getHost() + " refused the OAuth 2.0 token of "
                    + getUsername() + " (from " + client.tokenUri() + "): " + (e.getMessage() == null ? "" : e.getMessage().trim()));
        }
        return transport;
    }
}
