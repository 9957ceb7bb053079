package org.redress.accounts;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * The installation's operator account, from settings ({@code redress.operator.username}, {@code .password}): created
 * at start when both are set and it does not exist yet (an existing account's password is left alone). Only the
 * operator adds organisations and installs packs for any organisation; no organisation's administrator is one.
 */
@Component
class OperatorAccount implements ApplicationRunner {

    private final Accounts accounts;
    private final PasswordPolicy policy;
    private final String username;
    private final String password;

    OperatorAccount(Accounts accounts, PasswordPolicy policy, @Value("${redress.operator.username:}") String username,
                    @Value("${redress.operator.password:}") String password) {
        this.accounts = accounts;
        this.policy = policy;
        this.username = username;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (username.isBlank() || password.isBlank() || accounts.find(username).isPresent()) {
            return;
        }
        policy.check(username, password).ifPresent(weakness -> {
            throw new IllegalStateException("redress.operator.password: " + weakness.rule());
        });
        accounts.ensure(username, "Installation operator", password, true, Map.of());
    }
}
