package org.redress.mailauth;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ClientCredentialsOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.DelegatingOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.JwtBearerOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.RestClientJwtBearerTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens for mailboxes, by the OAuth 2.0 client-credentials grant (Microsoft Entra ID) or the JWT-bearer grant
 * (RFC 7523: a Google service account with domain-wide delegation, acting as the mailbox, see {@link JwtAssertions}),
 * through Spring Security's OAuth 2.0 client:
 * each token is kept until {@code redress.mail-tokens.refresh-before} (60 s) before it expires, then a new one is
 * asked for, so a connection never offers a token that runs out while it signs in. A token the mail server refused is
 * dropped with {@link #forget}, so the next try asks for a new one.
 *
 * <p>Tokens expire in the token server's real time, so this reads the system clock, not the application's business
 * clock (which tests and the what-if module move about).
 */
@Component
public class MailTokens {

    private static final String PRINCIPAL = "redress-mail";

    private final Map<String, ClientRegistration> registrations = new ConcurrentHashMap<>();
    private final Map<String, OAuth2Client> clients = new ConcurrentHashMap<>();
    private final InMemoryOAuth2AuthorizedClientService authorized;
    private final AuthorizedClientServiceOAuth2AuthorizedClientManager manager;

    MailTokens(@Value("${redress.mail-tokens.refresh-before:60s}") Duration refreshBefore) {
        authorized = new InMemoryOAuth2AuthorizedClientService(registrations::get);
        SimpleClientHttpRequestFactory timeouts = new SimpleClientHttpRequestFactory();
        timeouts.setConnectTimeout(Duration.ofSeconds(10));
        timeouts.setReadTimeout(Duration.ofSeconds(20));
        RestClient rest = RestClient.builder()
                .messageConverters(List.of(new FormHttpMessageConverter(), new OAuth2AccessTokenResponseHttpMessageConverter()))
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
                .requestFactory(timeouts)
                .build();
        RestClientClientCredentialsTokenResponseClient tokenClient = new RestClientClientCredentialsTokenResponseClient();
        tokenClient.setRestClient(rest);
        ClientCredentialsOAuth2AuthorizedClientProvider provider = new ClientCredentialsOAuth2AuthorizedClientProvider();
        provider.setAccessTokenResponseClient(tokenClient);
        provider.setClockSkew(refreshBefore);
        provider.setClock(Clock.systemUTC());
        RestClientJwtBearerTokenResponseClient jwtTokenClient = new RestClientJwtBearerTokenResponseClient();
        jwtTokenClient.setRestClient(rest);
        // Google takes the signed assertion alone: no client_id beside it
        jwtTokenClient.setParametersCustomizer(parameters -> parameters.remove("client_id"));
        JwtBearerOAuth2AuthorizedClientProvider jwtBearer = new JwtBearerOAuth2AuthorizedClientProvider();
        jwtBearer.setAccessTokenResponseClient(jwtTokenClient);
        jwtBearer.setJwtAssertionResolver(context -> {
            String account = context.getClientRegistration().getRegistrationId();
            return JwtAssertions.sign(account, Objects.requireNonNull(clients.get(account)), Clock.systemUTC());
        });
        jwtBearer.setClockSkew(refreshBefore);
        jwtBearer.setClock(Clock.systemUTC());
        manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations::get, authorized);
        manager.setAuthorizedClientProvider(new DelegatingOAuth2AuthorizedClientProvider(provider, jwtBearer));
    }

    /**
     * A token for {@code account} (a mailbox's name, or the sending account), from the cache while it is fresh enough.
     *
     * @throws MailTokenException naming the account, the token endpoint and the reason, when no token can be had
     */
    public String tokenFor(String account, OAuth2Client client) {
        String missing = client.missing();
        if (!missing.isEmpty()) {
            throw new MailTokenException("The OAuth 2.0 settings of " + account + " lack " + missing);
        }
        ClientRegistration registration = registration(account, client);
        try {
            OAuth2AuthorizedClient authorizedClient = manager.authorize(
                    OAuth2AuthorizeRequest.withClientRegistrationId(registration.getRegistrationId()).principal(PRINCIPAL).build());
            if (authorizedClient == null) {
                throw new MailTokenException("The token endpoint " + client.tokenUri() + " gave no token for " + account);
            }
            return authorizedClient.getAccessToken().getTokenValue();
        } catch (OAuth2AuthorizationException e) {
            throw new MailTokenException("The token endpoint " + client.tokenUri() + " refused a token for " + account + ": "
                    + e.getError().getErrorCode()
                    + (e.getError().getDescription() == null ? "" : " (" + e.getError().getDescription() + ")"), e);
        } catch (RuntimeException e) {
            if (e instanceof MailTokenException) {
                throw e;
            }
            throw new MailTokenException("Could not reach the token endpoint " + client.tokenUri() + " for " + account + ": "
                    + e.getMessage(), e);
        }
    }

    /** Drops the account's cached token (the mail server refused it): the next {@link #tokenFor} asks for a new one. */
    public void forget(String account) {
        ClientRegistration registration = registrations.get(account);
        if (registration != null) {
            authorized.removeAuthorizedClient(registration.getRegistrationId(), PRINCIPAL);
        }
    }

    /** One registration per account; changed settings (a new secret or key) replace it and its cached token. */
    private ClientRegistration registration(String account, OAuth2Client client) {
        ClientRegistration known = registrations.get(account);
        if (known != null && client.equals(clients.get(account))) {
            return known;
        }
        ClientRegistration.Builder builder = ClientRegistration.withRegistrationId(account)
                .tokenUri(client.tokenUri())
                .scope(scopes(client));
        if (client.isJwtBearer()) {
            builder.clientId(Objects.requireNonNull(client.serviceAccount()))
                    .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                    .authorizationGrantType(AuthorizationGrantType.JWT_BEARER);
        } else {
            builder.clientId(Objects.requireNonNull(client.clientId()))
                    .clientSecret(client.clientSecret())
                    // in the form, as Entra ID takes it
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS);
        }
        ClientRegistration fresh = builder.build();
        forget(account);
        clients.put(account, client);
        registrations.put(account, fresh);
        return fresh;
    }

    private static String[] scopes(OAuth2Client client) {
        return Objects.requireNonNull(client.scope()).trim().split("[\\s,]+");
    }
}
