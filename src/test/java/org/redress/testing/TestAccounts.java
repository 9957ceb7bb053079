package org.redress.testing;

import org.redress.accounts.Accounts;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The test profile's administrator, who belongs to every organisation: {@link Api} signs in as them by default.
 * Hashed with bcrypt's lowest cost so HTTP Basic on every test request stays fast.
 */
@Component
@Profile("test")
@Order(0)
public class TestAccounts implements ApplicationRunner {

    public static final String ADMIN = "test-admin";
    public static final String ADMIN_PASSWORD = "test-admin-password";

    private final Accounts accounts;

    TestAccounts(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        accounts.ensureHashed(ADMIN, "Test Administrator", "{bcrypt}" + new BCryptPasswordEncoder(4).encode(ADMIN_PASSWORD), true);
    }
}
