package org.redress.conduct;

import org.redress.casework.CaseSection;
import org.redress.casework.CaseView;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** On every case of a restricted person, the restrictions in force (F-10, H-5), with a review that is due or overdue. */
@Component
class RestrictionsSection implements CaseSection {

    private final Restrictions restrictions;

    RestrictionsSection(Restrictions restrictions) {
        this.restrictions = restrictions;
    }

    @Override
    public String id() {
        return "restrictions";
    }

    @Override
    public String title() {
        return "Restrictions on contact";
    }

    @Override
    public int order() {
        return 10;
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
