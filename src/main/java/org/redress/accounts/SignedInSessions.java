package org.redress.accounts;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.io.Serializable;

/**
 * A signed-in session lasts only while its account's password is the one it signed in with. Signing in (a password or
 * the identity provider) stamps the session with the account's password version, which every new password raises
 * ({@link Accounts#setPassword}); each request on a session compares the stamp with the account's version and ends the
 * session when the account's is newer. So changing one's password signs out every other session (the one that changed
 * it is stamped afresh and kept), and an administrator setting a member's password signs out all of theirs: at once on
 * this node, within {@link Accounts#REMEMBERED_FOR} on another. HTTP Basic checks the password on every request anyway;
 * API tokens are separate credentials, revoked on their own. There are no remembered ("stay signed in") sessions.
 */
@Component
class SignedInSessions {

    static final String STAMP = SignedInSessions.class.getName() + ".STAMP";

    /** The account a session signed in as and the password version it signed in with. */
    record Stamp(String username, long passwordVersion) implements Serializable {
    }

    private final Accounts accounts;

    SignedInSessions(Accounts accounts) {
        this.accounts = accounts;
    }

    /** Run at every interactive sign-in, beside changing the session id. */
    SessionAuthenticationStrategy stamping() {
        return (authentication, request, response) -> {
            long version = authentication.getPrincipal() instanceof StaffUserDetails.StaffUser user
                    ? user.passwordVersion() : accounts.credentials(authentication.getName()).map(Accounts.Credentials::passwordVersion).orElse(0L);
            request.getSession().setAttribute(STAMP, new Stamp(authentication.getName(), version));
        };
    }

    /** After the member changed their own password in this session: it carries on, under a new id. */
    void keep(HttpServletRequest request, String username) {
        request.changeSessionId();
        long version = accounts.credentials(username).map(Accounts.Credentials::passwordVersion).orElse(0L);
        request.getSession().setAttribute(STAMP, new Stamp(username, version));
    }

    /** Ends a signed-in session whose password has changed since, before anything reads who is signed in. */
    OncePerRequestFilter endingOutdatedSessions() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                HttpSession session = request.getSession(false);
                if (session != null && outdated(session)) {
                    session.invalidate();
                    SecurityContextHolder.clearContext();
                    // the request no longer comes with a live session (the servlet container's own sessions said so by
                    // themselves; Spring Session's, kept in the database since issue 27, keep the answer from before)
                    chain.doFilter(new HttpServletRequestWrapper(request) {
                        @Override
                        public boolean isRequestedSessionIdValid() {
                            return false;
                        }
                    }, response);
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }

    private boolean outdated(HttpSession session) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return false;
        }
        // a signed-in session without a stamp was made before stamps existed: it signs in again
        return !(session.getAttribute(STAMP) instanceof Stamp stamp) || !stamp.username().equals(auth.getName())
                || accounts.passwordVersion(stamp.username()) > stamp.passwordVersion();
    }
}
