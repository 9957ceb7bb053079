package org.redress.equality;

import org.redress.casework.CaseSection;
import org.redress.casework.CaseView;
import org.redress.pages.LinkedSection;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * A link from the case page to the optional equality questions (H-3). It can never say whether this person answered:
 * nothing kept links an answer to a case.
 */
@Component
class EqualitySection extends LinkedSection implements CaseSection {

    EqualitySection() {
        super("equality", "Equality monitoring questions", 200);
    }

    @Override
    public Optional<String> summary(String organisation, CaseView caseFile, String username) {
        return Optional.of("optional; record answers the person gives you (kept apart from the case, H-3)");
    }
}
