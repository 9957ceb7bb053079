package org.redress.privacy;

import org.redress.accounts.Accounts;
import org.redress.accounts.Permission;
import org.redress.accounts.Permissions;
import org.redress.casework.CaseSection;
import org.redress.casework.CaseView;
import org.redress.pages.LinkedSection;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** On the case page, for administrators: when the case's personal data will be anonymised, or why it is kept. */
@Component
class PrivacySection extends LinkedSection implements CaseSection {

    private final Retention retention;
    private final Accounts accounts;

    PrivacySection(Retention retention, Accounts accounts) {
        super("privacy", "Personal data and retention", 900);
        this.retention = retention;
        this.accounts = accounts;
    }

    @Override
    public Optional<String> summary(String organisation, CaseView caseFile, String username) {
        return Optional.of(retention.forCase(organisation, caseFile).summary());
    }

    @Override
    public boolean visibleTo(String organisation, CaseView caseFile, String username) {
        return accounts.roleIn(username, organisation).map(r -> Permissions.allows(r, Permission.ADMINISTER)).orElse(false);
    }
}
