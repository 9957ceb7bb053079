package org.redress.mailauth;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.UserImpl;
import com.icegreen.greenmail.user.UserManager;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The test's token issuer (mock-oauth2-server, a real OAuth 2.0 server) and the check a mail server makes of the token
 * a client offers: GreenMail speaks SASL XOAUTH2 on IMAP and SMTP, but left alone compares the token with the user's
 * password; here each user's token validator takes only a token the issuer signed, for this client, not yet expired
 * (no leeway), so a stale or made-up token is refused as Microsoft's and Google's servers refuse it.
 */
final class MailServers {

    static final String ISSUER = "mail";
    static final String CLIENT_ID = "redress-mail-client";

    final MockOAuth2Server issuer = new MockOAuth2Server();
    /** Every token a mail server took, in order. */
    final List<String> accepted = new CopyOnWriteArrayList<>();
    /** Set: the mail servers refuse every token (the app registration lost its permission). */
    final AtomicBoolean refuseAll = new AtomicBoolean();
    private NimbusJwtDecoder decoder;

    MailServers start() {
        issuer.start(0);
        decoder = NimbusJwtDecoder.withJwkSetUri(issuer.jwksUrl(ISSUER).toString()).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(Duration.ZERO), new JwtIssuerValidator(issuer.issuerUrl(ISSUER).toString())));
        return this;
    }

    String tokenUri() {
        return issuer.tokenEndpointUrl(ISSUER).toString();
    }

    boolean valid(String token) {
        if (refuseAll.get()) {
            return false;
        }
        try {
            Jwt jwt = decoder.decode(token);
            if (!CLIENT_ID.equals(jwt.getSubject())) {
                return false;
            }
        } catch (JwtException e) {
            return false;
        }
        accepted.add(token);
        return true;
    }

    /** Makes the user sign in only with a token {@link #valid} takes. */
    void checkTokensOf(UserManager users, String login) {
        GreenMailUser user = users.getUser(login);
        ((UserImpl) user).setTokenValidator(this::valid);
    }
}
