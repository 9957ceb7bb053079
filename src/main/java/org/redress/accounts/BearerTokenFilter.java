package org.redress.accounts;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/**
 * {@code Authorization: Bearer rdt_...} on the API: the request acts as the token's staff account, and only for the
 * token's organisation (any other organisation is answered 404, as if it did not exist). An unknown, revoked or expired
 * token is 401, the same answer for each.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    /** The authority of a request made with a token, so what only a person may do can refuse it ({@link PersonOnly}). */
    static final String AUTHORITY = "ROLE_API_TOKEN";

    /** The one organisation a token acts for. */
    record Scope(String organisation) {
    }

    private final ApiTokens tokens;

    BearerTokenFilter(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiTokens.Holder> holder = tokens.holder(header.substring(7).trim());
        if (holder.isEmpty()) {
            StaffAccessFilter.problem(response, HttpServletResponse.SC_UNAUTHORIZED, "Sign-in required",
                    "the API token is not valid (unknown, revoked or expired)");
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken.authenticated(
                holder.get().username(), null, AuthorityUtils.createAuthorityList(AUTHORITY));
        // the organisation it acts for: RouteAccess answers any other as if it did not exist
        authentication.setDetails(new Scope(holder.get().organisation()));
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
