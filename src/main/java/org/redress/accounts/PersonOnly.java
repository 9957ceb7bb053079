package org.redress.accounts;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.redress.web.Problems;

/**
 * What only a person signed in as themselves may do, never another system through an API token: make tokens, make an
 * account or set a password, and answer an invitation. A token is a credential another system holds; if it could make
 * credentials, one stolen token would outlive its own revocation and expiry (ADR 18).
 */
final class PersonOnly {

    private PersonOnly() {
    }

    /** Refuses the request (403) when it came with an API token; {@code doing} completes "an API token cannot ...". */
    static void require(Authentication who, String doing) {
        if (byToken(who)) {
            throw new Refused("an API token cannot " + doing + "; sign in as a person");
        }
    }

    static boolean byToken(Authentication who) {
        return who.getAuthorities().stream().anyMatch(a -> BearerTokenFilter.AUTHORITY.equals(a.getAuthority()));
    }

    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    /** Answers a refusal as the API answers every other: a problem document. */
    @RestControllerAdvice(basePackageClasses = PersonOnly.class)
    static class Answer {
        @ExceptionHandler(Refused.class)
        ProblemDetail refused(Refused e) {
            return Problems.of(HttpStatus.FORBIDDEN, "Not allowed", e.getMessage());
        }
    }
}
