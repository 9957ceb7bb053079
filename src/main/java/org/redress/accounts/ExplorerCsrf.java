package org.redress.accounts;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseCookie;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * The API explorer's requests carry the signed-in session's CSRF token, as the pages' forms do. The token stays in the
 * session (a cookie an attacker plants proves nothing); the explorer page is also given it in a cookie its script can
 * read ({@link #COOKIE}), and sends it back in the {@link #HEADER} header. So a member who is signed in can try every
 * write of the API from the explorer, while a request forged from another site still lacks the token.
 */
final class ExplorerCsrf {

    static final String COOKIE = "XSRF-TOKEN";
    static final String HEADER = "X-CSRF-TOKEN";
    private static final String SESSION_TOKEN = ExplorerCsrf.class.getName() + ".token";

    private ExplorerCsrf() {
    }

    /**
     * Accepts the token as the pages send it (masked afresh on each page, so a page cannot leak it by its length) and,
     * in the header only, as the explorer sends it (the session's token itself, read from its cookie).
     */
    static CsrfTokenRequestHandler maskedOrInTheHeader() {
        XorCsrfTokenRequestAttributeHandler masked = new XorCsrfTokenRequestAttributeHandler();
        CsrfTokenRequestAttributeHandler plain = new CsrfTokenRequestAttributeHandler();
        return new CsrfTokenRequestHandler() {
            @Override
            public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> token) {
                masked.handle(request, response, token);
                request.setAttribute(SESSION_TOKEN, token);
            }

            @Override
            public @Nullable String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
                String unmasked = masked.resolveCsrfTokenValue(request, token);
                if (unmasked != null && same(unmasked, token.getToken())) {
                    return unmasked;
                }
                return request.getHeader(token.getHeaderName()) != null ? plain.resolveCsrfTokenValue(request, token) : unmasked;
            }
        };
    }

    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    /** Gives the explorer page its session's token in a cookie only pages of this site can read. */
    static OncePerRequestFilter cookieForTheExplorer() {
        return new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !SecurityConfiguration.explorer(request);
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (request.getAttribute(SESSION_TOKEN) instanceof Supplier<?> token && token.get() instanceof CsrfToken csrf) {
                    response.addHeader("Set-Cookie", ResponseCookie.from(COOKIE, csrf.getToken()).path("/").sameSite("Strict")
                            .secure(request.isSecure()).httpOnly(false).build().toString());
                }
                chain.doFilter(request, response);
            }
        };
    }
}
