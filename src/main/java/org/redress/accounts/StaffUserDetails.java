package org.redress.accounts;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads accounts for sign-in (form and HTTP Basic alike) and counts failures towards the lockout. */
@Component
class StaffUserDetails implements UserDetailsService {

    private final Accounts accounts;

    StaffUserDetails(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        Accounts.Credentials c = accounts.credentials(username.strip().toLowerCase(java.util.Locale.ROOT))
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
        return new StaffUser(c);
    }

    /** The account as signed in, with the password version it signed in with (see {@link SignedInSessions}). */
    static final class StaffUser extends User {

        private static final long serialVersionUID = 1L;

        private final long passwordVersion;

        StaffUser(Accounts.Credentials c) {
            super(c.username(), c.passwordHash(), c.enabled(), true, true, !c.locked(), AuthorityUtils.createAuthorityList("ROLE_STAFF"));
            this.passwordVersion = c.passwordVersion();
        }

        long passwordVersion() {
            return passwordVersion;
        }
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        accounts.signInFailed(event.getAuthentication().getName().strip().toLowerCase(java.util.Locale.ROOT));
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        accounts.signInSucceeded(event.getAuthentication().getName());
    }
}
