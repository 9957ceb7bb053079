package org.redress.accounts;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Staff sign-in with the installation's OpenID Connect provider, beside local accounts. The provider's groups claim
 * is mapped to roles by {@code redress.oidc.groups}; someone in no mapped group is refused with a page that says so.
 * Each identity becomes a staff account (made at the first sign-in) whose memberships are replaced by the mapped
 * roles at every sign-in, so a change in the provider's groups takes effect at the next sign-in.
 */
@Component
@ConditionalOnProperty(prefix = "redress.oidc", name = "issuer-uri")
class SingleSignOn {

    static final String REGISTRATION_ID = "redress";
    static final String NO_ROLE = "redress_no_role";

    private final SingleSignOnProperties properties;
    private final Accounts accounts;
    private final Map<String, Membership> mapping;
    private volatile @Nullable ClientRegistration registration;

    /** One group's role in one organisation. */
    record Membership(String organisation, Role role) {
        static Membership parse(String group, String value) {
            int colon = value.lastIndexOf(':');
            if (colon <= 0) {
                throw new IllegalStateException("redress.oidc.groups." + group + " must be organisation:ROLE, not '" + value + "'");
            }
            try {
                return new Membership(value.substring(0, colon).strip(), Role.valueOf(value.substring(colon + 1).strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("redress.oidc.groups." + group + ": no role '" + value.substring(colon + 1) + "'", e);
            }
        }
    }

    SingleSignOn(SingleSignOnProperties properties, Accounts accounts) {
        this.properties = properties;
        this.accounts = accounts;
        Map<String, Membership> parsed = new HashMap<>();
        if (properties.groups() != null) {
            properties.groups().forEach((group, value) -> parsed.put(group, Membership.parse(group, value)));
        }
        this.mapping = Map.copyOf(parsed);
    }

    String providerName() {
        return properties.providerName() == null || properties.providerName().isBlank() ? "your organisation's account" : properties.providerName();
    }

    /** The provider's settings, read from its discovery document at the first sign-in (so Redress starts while it is down). */
    ClientRegistrationRepository clients() {
        return id -> REGISTRATION_ID.equals(id) ? registration() : null;
    }

    private ClientRegistration registration() {
        ClientRegistration known = registration;
        if (known == null) {
            synchronized (this) {
                if (registration == null) {
                    registration = ClientRegistrations.fromIssuerLocation(properties.issuerUri())
                            .registrationId(REGISTRATION_ID)
                            .clientId(properties.clientId() == null ? "redress" : properties.clientId())
                            .clientSecret(properties.clientSecret() == null ? "" : properties.clientSecret())
                            .scope(properties.scopes() == null || properties.scopes().isEmpty() ? List.of("openid", "profile", "email") : properties.scopes())
                            .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                            .clientName(providerName())
                            .build();
                }
                known = registration;
            }
        }
        return known;
    }

    /**
     * After signing out of Redress: someone who signed in through the provider is sent to its end-session endpoint
     * (with their ID token, and back to Redress's sign-in page afterwards), so the next "Sign in with ..." asks again;
     * everyone else goes straight to the sign-in page.
     */
    LogoutSuccessHandler signOut() {
        OidcClientInitiatedLogoutSuccessHandler handler = new OidcClientInitiatedLogoutSuccessHandler(clients());
        handler.setPostLogoutRedirectUri("{baseUrl}/sign-in?signed-out");
        handler.setDefaultTargetUrl("/sign-in?signed-out");
        return handler;
    }

    /** The roles the groups map to, one per organisation (the one with most permissions when several groups name it). */
    Map<String, Role> rolesFor(Collection<String> groups) {
        Map<String, Role> roles = new HashMap<>();
        for (String group : groups) {
            Membership m = mapping.get(group);
            if (m != null) {
                roles.merge(m.organisation(), m.role(), (a, b) -> List.of(a, b).stream()
                        .max(Comparator.comparingInt((Role r) -> Permissions.of(r).size()).thenComparing(r -> -r.ordinal())).orElseThrow());
            }
        }
        return roles;
    }

    OAuth2UserService<OidcUserRequest, OidcUser> users() {
        OidcUserService provider = new OidcUserService();
        return request -> {
            OidcUser user = provider.loadUser(request);
            Map<String, Role> roles = rolesFor(groupsOf(user));
            if (roles.isEmpty()) {
                throw new OAuth2AuthenticationException(new OAuth2Error(NO_ROLE,
                        "none of the person's groups at the identity provider has a role in Redress", null));
            }
            String preferred = firstOf(user.getPreferredUsername(), user.getEmail(), user.getSubject());
            String display = firstOf(user.getFullName(), user.getPreferredUsername(), user.getSubject());
            String username = accounts.signedInWithSso(user.getIssuer().toString(), user.getSubject(), preferred, display, roles);
            return new StaffOidcUser(user, username);
        };
    }

    AuthenticationFailureHandler failures() {
        return (request, response, exception) -> {
            boolean noRole = exception instanceof OAuth2AuthenticationException e && NO_ROLE.equals(e.getError().getErrorCode());
            response.setStatus(HttpServletResponse.SC_FOUND);
            response.sendRedirect(request.getContextPath() + (noRole ? "/sign-in/refused" : "/sign-in?error"));
        };
    }

    private List<String> groupsOf(OidcUser user) {
        String claim = properties.groupsClaim() == null || properties.groupsClaim().isBlank() ? "groups" : properties.groupsClaim();
        Object value = user.getClaims().get(claim);
        if (value instanceof Collection<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return value instanceof String single ? List.of(single.split("[,\\s]+")) : List.of();
    }

    private static String firstOf(@Nullable String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        throw new IllegalStateException("the identity provider gave no subject");
    }

    /** The provider's person as a Redress account: its name is the Redress username the rest of the application uses. */
    private record StaffOidcUser(OidcUser provider, String username) implements OidcUser, java.io.Serializable {
        private static final Set<GrantedAuthority> STAFF = Set.copyOf(AuthorityUtils.createAuthorityList("ROLE_STAFF"));

        @Override
        public Map<String, Object> getClaims() {
            return provider.getClaims();
        }

        @Override
        public @Nullable OidcUserInfo getUserInfo() {
            return provider.getUserInfo();
        }

        @Override
        public OidcIdToken getIdToken() {
            return provider.getIdToken();
        }

        @Override
        public Map<String, Object> getAttributes() {
            return provider.getAttributes();
        }

        @Override
        public Collection<? extends GrantedAuthority> getAuthorities() {
            return STAFF;
        }

        @Override
        public String getName() {
            return username;
        }
    }
}
