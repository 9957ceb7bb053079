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
import java.util.Optional;

/**
 * Checks every signed-in request against the permission matrix. A request for an organisation the user does not
 * belong to is answered 404, exactly as for an organisation that does not exist, so nothing leaks; a request the
 * user's role does not allow is answered 403. On the API the signed-in username becomes the {@code X-Actor} the
 * casework API records, whatever the client sent.
 */
@Component
class StaffAccessFilter extends OncePerRequestFilter {

    private final Accounts accounts;

    StaffAccessFilter(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String user = username();
        if (user == null) {
            chain.doFilter(request, response);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean api = path.startsWith("/api/");
        Optional<Permissions.Requirement> requirement = Permissions.forRequest(request.getMethod(), path);
        if (requirement.isPresent()) {
            Optional<Role> role = accounts.roleIn(user, requirement.get().organisation());
            if (role.isEmpty()) {
                refuse(response, api, HttpServletResponse.SC_NOT_FOUND, "Not found",
                        "no organisation '" + requirement.get().organisation() + "'");
                return;
            }
            if (!Permissions.allows(role.get(), requirement.get().permission())) {
                refuse(response, api, HttpServletResponse.SC_FORBIDDEN, "Not allowed", "a " + role.get().label().toLowerCase()
                        + " may not do this (it needs " + requirement.get().permission().name().toLowerCase().replace('_', ' ') + ")");
                return;
            }
        } else if (api && installationChange(request.getMethod(), path) && !accounts.administersInstallation(user)) {
            refuse(response, true, HttpServletResponse.SC_FORBIDDEN, "Not allowed", "only an administrator may do this");
            return;
        }
        chain.doFilter(api ? new ActorRequest(request, user) : request, response);
    }

    private static boolean installationChange(String method, String path) {
        boolean reading = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
        return !reading && (path.startsWith("/api/v1/organisations") || path.startsWith("/api/v1/policies"));
    }

    private static @Nullable String username() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return null;
        }
        return auth.getName();
    }

    private static void refuse(HttpServletResponse response, boolean api, int status, String title, String detail) throws IOException {
        if (api) {
            problem(response, status, title, detail);
        } else {
            response.sendError(status);
        }
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
