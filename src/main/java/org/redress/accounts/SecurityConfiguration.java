package org.redress.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Two ways in with the same accounts. The REST API ({@code /api/**}) takes HTTP Basic, an API token or the page session;
 * a request on a live browser session needs the session's CSRF token whatever else it carries, and a request without
 * one makes no session. The pages take form sign-in with a session and CSRF on every form. The public complaint form, the complainant's view, health, API docs and static assets are
 * open. Organisation membership and the permission matrix are checked after sign-in by {@link StaffAccessFilter}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SingleSignOnProperties.class)
class SecurityConfiguration {

    static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            + "font-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** The API explorer (swagger-ui): its own scripts only, calling this application only. */
    static final String EXPLORER_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            + "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /**
     * Headers on every answer besides Spring Security's defaults (no caching of signed-in pages, nosniff, frames
     * denied): HSTS for a year whenever the request came over TLS (directly, or through a configured proxy that says
     * so in {@code X-Forwarded-Proto}, see {@code redress.trusted-proxies}), and no referrer beyond our own origin,
     * since case references are in our addresses.
     */
    static HeadersConfigurer<HttpSecurity> hardened(HeadersConfigurer<HttpSecurity> headers) {
        return headers.contentTypeOptions(Customizer.withDefaults())
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                .httpStrictTransportSecurity(h -> h.maxAgeInSeconds(31_536_000).includeSubDomains(true))
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()"));
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt by default; the stored hash names its algorithm, so a stronger one can be added later
        return new BcryptSizedPasswords(PasswordEncoderFactories.createDelegatingPasswordEncoder());
    }

    /** Spring Security's strict firewall, with its header rule checked faster (HeaderValues). */
    @Bean
    org.springframework.security.web.firewall.HttpFirewall httpFirewall() {
        return HeaderValues.firewall();
    }

    /** The filter runs inside the security chains only, not a second time as a plain servlet filter. */
    @Bean
    FilterRegistrationBean<StaffAccessFilter> staffAccessFilterOutsideTheChains(StaffAccessFilter filter) {
        FilterRegistrationBean<StaffAccessFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, StaffAccessFilter access, ApiTokens tokens, SignedInSessions sessions) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a.requestMatchers("/api").permitAll().anyRequest().authenticated())
                .httpBasic(b -> b.realmName("Redress").authenticationEntryPoint(basicOrDatabaseUnavailable()))
                .csrf(c -> c.ignoringRequestMatchers(
                        // forging a request rides on the browser's session: without a live one there is nothing to forge
                        // (the request signs in with its own credentials, or is refused); with one, an Authorization
                        // header of any kind beside it changes nothing
                        request -> !request.isRequestedSessionIdValid()).csrfTokenRequestHandler(ExplorerCsrf.maskedOrInTheHeader()))
                // an API call uses the page session when it has one, and never starts one (nor saves itself for after sign-in)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .requestCache(r -> r.requestCache(new NullRequestCache()))
                .addFilterAfter(sessions.endingOutdatedSessions(), SecurityContextHolderFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) -> {
                    response.setHeader("WWW-Authenticate", "Basic realm=\"Redress\"");
                    StaffAccessFilter.problem(response, HttpServletResponse.SC_UNAUTHORIZED, "Sign-in required",
                            "use HTTP Basic with a Redress staff account, or sign in at /sign-in");
                }).accessDeniedHandler((request, response, ex) -> StaffAccessFilter.problem(response,
                        HttpServletResponse.SC_FORBIDDEN, "Forbidden", "a request on a browser session needs the session's CSRF token (X-CSRF-TOKEN); another client sends its own"
                        + " credentials and no session cookie")))
                .headers(SecurityConfiguration::hardened)
                .addFilterBefore(new BearerTokenFilter(tokens), BasicAuthenticationFilter.class)
                .addFilterAfter(access, AuthorizationFilter.class);
        return http.build();
    }

    /**
     * A password that could not be checked because the database cannot be reached is not a wrong password: the error
     * goes on to be answered 503 with Retry-After (web.ServiceUnavailableFilter), not 401 (issue 27).
     */
    private static org.springframework.security.web.AuthenticationEntryPoint basicOrDatabaseUnavailable() {
        org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint basic =
                new org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint();
        basic.setRealmName("Redress");
        return (request, response, ex) -> {
            if (org.redress.web.DatabaseUnavailable.causedBy(ex)) {
                throw new jakarta.servlet.ServletException("The database cannot be reached", ex);
            }
            basic.commence(request, response, ex);
        };
    }

    /**
     * The sign-in form posted while the database cannot be reached is not a wrong password: the error goes on to be
     * answered with the 503 page and Retry-After (web.ServiceUnavailableFilter), never "wrong password" or a 500 (issue 27).
     */
    private static org.springframework.security.web.authentication.AuthenticationFailureHandler wrongPasswordOrDatabaseUnavailable() {
        org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler wrong =
                new org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler("/sign-in?error");
        return (request, response, ex) -> {
            if (org.redress.web.DatabaseUnavailable.causedBy(ex)) {
                throw new jakarta.servlet.ServletException("The database cannot be reached", ex);
            }
            wrong.onAuthenticationFailure(request, response, ex);
        };
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, StaffAccessFilter access, ObjectProvider<SingleSignOn> singleSignOn,
                              SignedInSessions sessions) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/", "/index.html", "/favicon.ico", "/webjars/**", "/assets/**", "/css/**", "/js/**", "/reporting/**",
                                "/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**",
                                "/swagger-ui.html", "/o/**", "/sign-in", "/sign-in/refused", "/error").permitAll()
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/sign-in").successHandler(backToThePageAsked())
                        .failureHandler(wrongPasswordOrDatabaseUnavailable()).permitAll())
                .logout(l -> l.logoutUrl("/sign-out").logoutSuccessUrl("/sign-in?signed-out").permitAll())
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()).addSessionAuthenticationStrategy(sessions.stamping()))
                // no page runs inline script: ours and the start page under one policy, the API explorer under its own
                .headers(h -> hardened(h)
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(SecurityConfiguration::explorer,
                                new StaticHeadersWriter("Content-Security-Policy", EXPLORER_POLICY)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(request -> !explorer(request),
                                new StaticHeadersWriter("Content-Security-Policy", PAGE_POLICY))))
                .csrf(c -> c.csrfTokenRequestHandler(ExplorerCsrf.maskedOrInTheHeader()))
                .addFilterAfter(ExplorerCsrf.cookieForTheExplorer(), CsrfFilter.class)
                .addFilterAfter(sessions.endingOutdatedSessions(), SecurityContextHolderFilter.class)
                .addFilterAfter(access, AuthorizationFilter.class);
        SingleSignOn sso = singleSignOn.getIfAvailable();
        if (sso != null) {
            http.oauth2Login(o -> o.loginPage("/sign-in")
                    .clientRegistrationRepository(sso.clients())
                    .userInfoEndpoint(u -> u.oidcUserService(sso.users()))
                    .defaultSuccessUrl("/staff", true)
                    .failureHandler(sso.failures()));
            // signing out of Redress also ends the session at the provider, when the provider offers that
            // (OpenID Connect RP-initiated logout); a member who signed in with a password is simply signed out
            http.logout(l -> l.logoutSuccessHandler(sso.signOut()));
        }
        return http.build();
    }

    static boolean explorer(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/swagger-ui/") || path.equals("/swagger-ui.html");
    }

    /**
     * After signing in, back to the page that sent the member to sign in (or their work), by its path alone: the address
     * kept for it names whatever host the request claimed, and a redirect never names a host.
     */
    static SavedRequestAwareAuthenticationSuccessHandler backToThePageAsked() {
        SavedRequestAwareAuthenticationSuccessHandler handler = new SavedRequestAwareAuthenticationSuccessHandler();
        handler.setDefaultTargetUrl("/staff");
        handler.setRedirectStrategy((request, response, url) -> response.sendRedirect(response.encodeRedirectURL(pathOf(url))));
        return handler;
    }

    /** The path and query of an address, never starting with two slashes (which a browser reads as another host). */
    static String pathOf(String url) {
        try {
            URI uri = new URI(url);
            String path = "/" + (uri.getRawPath() == null ? "" : uri.getRawPath()).replaceFirst("^[/\\\\]+", "");
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        } catch (URISyntaxException e) {
            return "/staff";
        }
    }
}
