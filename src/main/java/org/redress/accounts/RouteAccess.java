package org.redress.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * Decides every request on the route Spring actually matched, after matching and before the controller: the pattern
 * ({@code /api/v1/organisations/{organisation}/subject-access/{id}/export.zip}) and the variables exactly as the
 * controller will receive them. An address spelt differently (percent-encoded letters, {@code ;} parameters, doubled
 * or dotted segments) that Spring routes to the same controller is decided the same way, because the raw address is
 * never read. A route the permission matrix does not name is refused to everyone (deny by default).
 * <p>
 * A request for an organisation the user does not belong to is answered 404, exactly as for an organisation that
 * does not exist, so nothing leaks; a request the user's role does not allow is answered 403.
 */
final class RouteAccess implements HandlerInterceptor {

    private final Accounts accounts;

    RouteAccess(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws IOException {
        if (handler instanceof ResourceHttpRequestHandler) {
            return true; // static files: the security chain decides who may have them
        }
        String pattern = (String) request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        boolean api = pattern != null && pattern.startsWith("/api/");
        Optional<Permissions.Rule> rule = pattern == null ? Optional.empty()
                : Permissions.forRoute(request.getMethod(), pattern, variables == null ? Map.of() : variables);
        if (rule.isEmpty()) {
            return refuse(response, api, HttpServletResponse.SC_FORBIDDEN, "Not allowed", "this address is not open to anyone");
        }
        if (rule.get() instanceof Permissions.Open) {
            return true;
        }
        String user = username();
        if (user == null) {
            return refuse(response, api, HttpServletResponse.SC_UNAUTHORIZED, "Sign-in required", "sign in first");
        }
        if (rule.get() instanceof Permissions.Requirement requirement) {
            return decide(response, api, user, requirement);
        }
        if (rule.get() instanceof Permissions.Operator && !accounts.operatesInstallation(user)) {
            return refuse(response, api, HttpServletResponse.SC_FORBIDDEN, "Not allowed", "only the installation's operator may do this");
        }
        return true;
    }

    private boolean decide(HttpServletResponse response, boolean api, String user, Permissions.Requirement requirement) throws IOException {
        Optional<Role> role = accounts.roleIn(user, requirement.organisation());
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean outsideToken = auth != null && auth.getDetails() instanceof BearerTokenFilter.Scope scope
                && !scope.organisation().equals(requirement.organisation());
        if (role.isEmpty() || outsideToken) {
            return refuse(response, api, HttpServletResponse.SC_NOT_FOUND, "Not found", "no organisation '" + requirement.organisation() + "'");
        }
        if (!Permissions.allows(role.get(), requirement.permission())) {
            return refuse(response, api, HttpServletResponse.SC_FORBIDDEN, "Not allowed", "a " + role.get().label().toLowerCase()
                    + " may not do this (it needs " + requirement.permission().name().toLowerCase().replace('_', ' ') + ")");
        }
        return true;
    }

    private static @Nullable String username() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return null;
        }
        return auth.getName();
    }

    private static boolean refuse(HttpServletResponse response, boolean api, int status, String title, String detail) throws IOException {
        if (api) {
            StaffAccessFilter.problem(response, status, title, detail);
        } else {
            response.sendError(status);
        }
        return false;
    }

    /** Runs before every other interceptor, so nothing sees a request that is refused. */
    @Configuration(proxyBeanMethods = false)
    static class Registration implements WebMvcConfigurer {

        private final Accounts accounts;

        Registration(Accounts accounts) {
            this.accounts = accounts;
        }

        @Override
        public void addInterceptors(InterceptorRegistry registry) {
            registry.addInterceptor(new RouteAccess(accounts)).order(Ordered.HIGHEST_PRECEDENCE);
        }
    }
}
