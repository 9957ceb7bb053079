package org.redress.mailauth;

import org.jspecify.annotations.Nullable;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;
import org.springframework.web.client.RestClient;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Microsoft Graph over HTTP, for sending ({@link GraphMailSender}) and reading ({@link GraphMail}). */
final class GraphClient {

    static final String MICROSOFT_GRAPH = "https://graph.microsoft.com";

    private GraphClient() {
    }

    static RestClient rest(@Nullable String uri) {
        // the JDK client: it speaks PATCH (marking a message read), which HttpURLConnection does not
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
        factory.setReadTimeout(Duration.ofSeconds(30));
        return RestClient.builder().baseUrl(uri == null || uri.isBlank() ? MICROSOFT_GRAPH : uri).requestFactory(factory).build();
    }

    /**
     * What an error answer means: 401 or 403 is the token refused (dropped, so the next try asks for a new one, and the
     * message names the permission the app registration needs); anything else is Graph failing to do what was asked.
     */
    static RuntimeException refusal(MailTokens tokens, String account, String what, ClientHttpResponse response) throws IOException {
        int status = response.getStatusCode().value();
        String body = new String(response.getBody().readNBytes(2000), StandardCharsets.UTF_8).strip();
        if (status == 401 || status == 403) {
            tokens.forget(account);
            return new MailAuthenticationException("Microsoft Graph refused the OAuth 2.0 token of the " + account + " " + what
                    + " (" + status + "; the app registration needs the application permission Mail.Send to send, "
                    + "Mail.ReadWrite to read): " + body);
        }
        return new MailSendException("Microsoft Graph answered " + status + " " + what + ": " + body);
    }
}
