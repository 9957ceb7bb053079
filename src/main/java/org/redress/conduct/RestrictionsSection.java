package org.redress.conduct;

import org.redress.casework.CaseSection;
import org.redress.casework.CaseView;
import org.redress.pages.LinkedSection;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** On every case of a restricted person, the restrictions in force (F-10, H-5), with a review that is due or overdue. */
@Component
class RestrictionsSection extends LinkedSection implements CaseSection {

    private final Restrictions restrictions;

    RestrictionsSection(Restrictions restrictions) {
        super("restrictions", "Restrictions on contact", 10);
        this.restrictions = restrictions;
    }

    @Override
    public Optional<String> summary(String organisation, CaseView caseFile, String username) {
        List<Restriction> found = applying(organisation, caseFile);
        return found.isEmpty() ? Optional.empty()
                : Optional.of(String.join("; ", found.stream().map(Restriction::summary).toList()));
    }

    List<Restriction> applying(String organisation, CaseView caseFile) {
        var c = caseFile.complainant();
        return restrictions.applyingTo(organisation, c.name(), c.email(), c.phone(), c.address());
    }
}
