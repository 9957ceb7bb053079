package org.redress.publicweb;

import org.springframework.context.ApplicationContext;

/** For tests in other packages that use the public pages many times from one address. */
public final class PublicWebTestAccess {

    private PublicWebTestAccess() {
    }

    /** Forgets every rate limit count, so a test is not refused for what earlier tests sent. */
    public static void forgetRateLimits(ApplicationContext context) {
        context.getBean(RateLimiter.class).reset();
    }
}
