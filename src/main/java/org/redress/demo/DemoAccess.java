package org.redress.demo;

import org.redress.accounts.Accounts;
import org.redress.accounts.Role;
import org.redress.people.Organisation;
import org.redress.people.Organisations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A demo case worker per organisation limited to its first service area ({@code <prefix>.area-caseworker}), to show
 * object-level access (docs/security.md): they see only that area's cases.
 */
@Component
@Profile("demo")
@Order(120)
class DemoAccess implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAccess.class);

    private final Accounts accounts;
    private final Organisations organisations;

    DemoAccess(Accounts accounts, Organisations organisations) {
        this.accounts = accounts;
        this.organisations = organisations;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (Organisation org : organisations.all()) {
            if (org.serviceAreas().isEmpty()) {
                continue;
            }
            String username = org.referencePrefix().toLowerCase(Locale.ROOT) + ".area-caseworker";
            accounts.ensure(username, org.name() + " case worker (" + org.serviceAreas().get(0) + " only)", DemoStaffAndCases.PASSWORD, false,
                    Map.of(org.code(), Role.CASE_WORKER));
            accounts.limitToServiceAreas(username, org.code(), Set.of(org.serviceAreas().get(0)));
            log.info("Demo: {} sees only {} cases of {}", username, org.serviceAreas().get(0), org.name());
        }
    }
}
