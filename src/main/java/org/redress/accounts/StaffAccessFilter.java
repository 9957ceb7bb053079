package org.redress.accounts;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;

/**
 * On the API, the signed-in username becomes the {@code X-Actor} the casework API records, whatever the client sent.
 * Who may do what is decided after Spring has matched the route, by {@link RouteAccess}, never here on the raw
 * address: an address can be spelt many ways that route to the same controller.
 */
@Component
class StaffAccessFilter extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String user = username();
        boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
        chain.doFilter(user != null && api ? new ActorRequest(request, user) : request, response);
    }

    private static @Nullable String username() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return null;
        }
        return auth.getName();
    }

    static void problem(HttpServletResponse response, int status, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + json(title) + "\",\"status\":" + status
                + ",\"detail\":\"" + json(detail) + "\"}");
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') out.append('\\').append(c);
            else if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
            else out.append(c);
        }
        return out.toString();
    }

    /** The request as the casework API sees it: its actor is the signed-in user. */
    private static final class ActorRequest extends HttpServletRequestWrapper {
        private final String actor;

        ActorRequest(HttpServletRequest request, String actor) {
            super(request);
            this.actor = actor;
        }

        @Override
        public @Nullable String getHeader(String name) {
            return "X-Actor".equalsIgnoreCase(name) ? actor : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return "X-Actor".equalsIgnoreCase(name) ? Collections.enumeration(java.util.List.of(actor)) : super.getHeaders(name);
        }
    }
}
