package org.redress.accounts;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Who may read the Prometheus endpoint (issue 24, docs/adr/0027-metrics.md): its figures name every organisation, so
 * no organisation's member and no organisation's API token may; only the scraper, with the installation's own scrape
 * token ({@code redress.metrics.scrape-token}, sent as {@code Authorization: Bearer ...}), or the installation's
 * operator with HTTP Basic. Anyone else is 401, a member of staff who is not the operator 403. With no scrape token
 * set, only the operator can read it.
 */
@Configuration(proxyBeanMethods = false)
class MetricsAccess {

    static final String SCRAPER = "ROLE_METRICS_SCRAPER";
    /** The shortest scrape token accepted: it is a password that never changes hands through a person. */
    static final int SHORTEST_TOKEN = 32;

    @Bean
    @Order(0)
    SecurityFilterChain metrics(HttpSecurity http, Accounts accounts, @Value("${redress.metrics.scrape-token:}") String scrapeToken)
            throws Exception {
        if (!scrapeToken.isBlank() && scrapeToken.strip().length() < SHORTEST_TOKEN) {
            throw new IllegalStateException("redress.metrics.scrape-token: at least " + SHORTEST_TOKEN
                    + " characters (for example: openssl rand -hex 32)");
        }
        http.securityMatcher("/actuator/prometheus", "/actuator/prometheus/**")
                .authorizeHttpRequests(a -> a.anyRequest().access((authentication, context) ->
                        new AuthorizationDecision(mayRead(authentication.get(), accounts))))
                .httpBasic(b -> b.realmName("Redress").authenticationEntryPoint((request, response, ex) -> signIn(response)))
                // only ever read, never on a browser session: nothing to forge
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(r -> r.requestCache(new NullRequestCache()))
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) -> signIn(response))
                        .accessDeniedHandler((request, response, ex) -> StaffAccessFilter.problem(response, HttpServletResponse.SC_FORBIDDEN,
                                "Not allowed", "only the metrics scraper and the installation's operator may read the metrics")))
                .headers(SecurityConfiguration::hardened)
                .addFilterBefore(new ScrapeTokenFilter(scrapeToken.strip()), BasicAuthenticationFilter.class);
        return http.build();
    }

    private static boolean mayRead(Authentication authentication, Accounts accounts) {
        if (authentication == null || !authentication.isAuthenticated() || authentication instanceof AnonymousAuthenticationToken) {
            return false;
        }
        return authentication.getAuthorities().stream().anyMatch(a -> SCRAPER.equals(a.getAuthority()))
                || accounts.operatesInstallation(authentication.getName());
    }

    private static void signIn(HttpServletResponse response) throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer realm=\"Redress metrics\", Basic realm=\"Redress\"");
        StaffAccessFilter.problem(response, HttpServletResponse.SC_UNAUTHORIZED, "Sign-in required",
                "send the installation's metrics scrape token as a Bearer token, or sign in with HTTP Basic as its operator");
    }

    /** {@code Authorization: Bearer <scrape token>}: the scraper. Another bearer token is refused here, never passed on. */
    static final class ScrapeTokenFilter extends OncePerRequestFilter {

        private final byte[] expected;

        ScrapeTokenFilter(String token) {
            this.expected = token.isEmpty() ? new byte[0] : sha256(token);
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader("Authorization");
            if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                chain.doFilter(request, response);
                return;
            }
            // compared in constant time, as digests of the same length
            if (expected.length == 0 || !MessageDigest.isEqual(expected, sha256(header.substring(7).strip()))) {
                signIn(response);
                return;
            }
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("metrics-scraper", null,
                    AuthorityUtils.createAuthorityList(SCRAPER)));
            SecurityContextHolder.setContext(context);
            try {
                chain.doFilter(request, response);
            } finally {
                SecurityContextHolder.clearContext();
            }
        }

        private static byte[] sha256(String text) {
            try {
                return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
