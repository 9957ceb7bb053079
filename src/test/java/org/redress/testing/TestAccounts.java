package org.redress.testing;

import org.redress.accounts.Accounts;
import org.redress.accounts.PackRoles;
import org.redress.accounts.Role;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Set;

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

    /**
     * The owners the tests give cases of the shipped organisations to, by organisation: each is a case worker who holds
     * the pack role named (an owner must hold the role that owns the stage, issue 22).
     */
    public static final Map<String, Map<String, String>> OWNERS = Map.of(
            "alliance-homes", Map.of("sam.manager", "service-manager", "sam", "service-manager", "kim", "service-manager",
                    "fay.feedback", "feedback-manager"),
            "the-trust", Map.of("ian.investigator", "investigating-manager", "bea.business", "business-manager"));

    private final Accounts accounts;
    private final PackRoles packRoles;

    TestAccounts(Accounts accounts, PackRoles packRoles) {
        this.accounts = accounts;
        this.packRoles = packRoles;
    }

    @Override
    public void run(ApplicationArguments args) {
        String hash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(ADMIN_PASSWORD);
        accounts.ensureHashed(ADMIN, "Test Administrator", hash, true);
        OWNERS.forEach((organisation, owners) -> owners.forEach((username, packRole) -> {
            accounts.ensureHashed(username, username, hash, false);
            accounts.ensure(username, username, ADMIN_PASSWORD, false, Map.of(organisation, Role.CASE_WORKER));
            packRoles.set(organisation, username, Set.of(packRole));
        }));
    }
}
