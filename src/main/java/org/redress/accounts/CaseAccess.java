package org.redress.accounts;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.util.Optional;
import java.util.Set;

/**
 * What the signed-in member of staff may see of an organisation's cases, beyond what their role allows on a path
 * (which {@link StaffAccessFilter} checks): a member limited to some service areas sees only those areas' cases, and
 * special category data only goes to roles with {@link Permission#VIEW_SPECIAL_CATEGORY}. Casework asks it where
 * cases are read, and turns it into the {@code CaseScope} every list of every module takes (ADR 19); only accounts'
 * own read log asks it besides. Work with nobody signed in (the complainant's own
 * view, the deadline sweep, listeners after commit) is not limited here: its own rules apply.
 */
@Service
public class CaseAccess {

    private static final String CACHE = CaseAccess.class.getName() + ".";

    private final Accounts accounts;

    CaseAccess(Accounts accounts) {
        this.accounts = accounts;
    }

    /**
     * One viewer's limits in one organisation.
     *
     * @param username        the signed-in member of staff, or null when nobody is signed in
     * @param serviceAreas    the only service areas whose cases they may see, or null for every area
     * @param specialCategory whether they may see special category data
     */
    public record Scope(@Nullable String username, @Nullable Set<String> serviceAreas, boolean specialCategory) {

        static final Scope NOBODY_SIGNED_IN = new Scope(null, null, true);

        /** Whether a case filed under this service area is visible (a limited member never sees an unfiled case). */
        public boolean mayOpen(@Nullable String serviceArea) {
            return serviceAreas == null || (serviceArea != null && serviceAreas.contains(serviceArea));
        }
    }

    /** The signed-in user's limits in the organisation, worked out once per request. */
    public Scope current(String organisation) {
        String username = signedIn();
        if (username == null) {
            return Scope.NOBODY_SIGNED_IN;
        }
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        String key = CACHE + organisation;
        if (request != null && request.getAttribute(key, RequestAttributes.SCOPE_REQUEST) instanceof Scope cached
                && username.equals(cached.username())) {
            return cached;
        }
        Optional<Role> role = accounts.roleIn(username, organisation);
        Scope scope = new Scope(username, accounts.serviceAreasIn(username, organisation).orElse(null),
                role.map(r -> Permissions.allows(r, Permission.VIEW_SPECIAL_CATEGORY)).orElse(false));
        if (request != null) {
            request.setAttribute(key, scope, RequestAttributes.SCOPE_REQUEST);
        }
        return scope;
    }

    private static @Nullable String signedIn() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return null;
        }
        return auth.getName();
    }
}
