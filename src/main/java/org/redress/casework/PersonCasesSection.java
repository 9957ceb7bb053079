package org.redress.casework;

import org.springframework.stereotype.Component;

import java.util.Optional;

/** On every case, the person's other cases (F-7), however old and whatever restriction is in force. */
@Component
class PersonCasesSection implements CaseSection {

    private final PersonCases cases;
    private final Casework casework;

    PersonCasesSection(PersonCases cases, Casework casework) {
        this.cases = cases;
        this.casework = casework;
    }

    @Override
    public String id() {
        return "their-cases";
    }

    @Override
    public String title() {
        return "Other cases of this person";
    }

    @Override
    public int order() {
        return 15;
    }

    @Override
    public Optional<String> summary(String organisation, CaseView caseFile, String username) {
        CaseScope.Shown<PersonCases.PersonCase> found = cases.otherCasesOf(casework.scope(organisation), caseFile.id());
        if (found.rows().isEmpty()) {
            return Optional.of(found.elsewhere() == 0 ? "none" : found.elsewhereInWords());
        }
        return Optional.of(found.rows().size() + (found.rows().size() == 1 ? " case: " : " cases: ")
                + String.join(", ", found.rows().stream().limit(5).map(PersonCases.PersonCase::reference).toList())
                + (found.rows().size() > 5 ? ", ..." : "") + (found.elsewhere() == 0 ? "" : "; " + found.elsewhereInWords()));
    }
}
