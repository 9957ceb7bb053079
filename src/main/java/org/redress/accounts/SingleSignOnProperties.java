package org.redress.accounts;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;
import java.util.Map;

/**
 * Single sign-on for staff with the installation's OpenID Connect provider ({@code redress.oidc.*}, docs/security.md).
 * Off unless {@code issuer-uri} is set.
 *
 * @param issuerUri    the provider's issuer; its discovery document is read at the first sign-in
 * @param clientId     Redress's client id at the provider
 * @param clientSecret its secret
 * @param providerName shown on the sign-in page: "Sign in with ..."
 * @param groupsClaim  the ID token or user info claim that lists the person's groups ({@code groups} if not set)
 * @param scopes       scopes to ask for ({@code openid, profile, email} if not set)
 * @param groups       provider group to {@code organisation:ROLE} ({@code "redress-tt-caseworkers": the-trust:CASE_WORKER})
 */
@ConfigurationProperties("redress.oidc")
record SingleSignOnProperties(@Nullable String issuerUri, @Nullable String clientId, @Nullable String clientSecret,
                              @Nullable String providerName, @Nullable String groupsClaim, @Nullable List<String> scopes,
                              @Nullable Map<String, String> groups) {
}
