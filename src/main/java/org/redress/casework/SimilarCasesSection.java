package org.redress.casework;

import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** Similar earlier cases on the case page (F-11): how many, and the most alike. */
@Component
class SimilarCasesSection implements CaseSection {

    private final Casework casework;

    SimilarCasesSection(Casework casework) {
        this.casework = casework;
    }

    @Override
    public String id() {
        return "similar";
    }

    @Override
    public String title() {
        return "Similar earlier complaints";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Optional<String> summary(String organisation, CaseView caseFile, String username) {
        CaseScope.Shown<SimilarCase> found = casework.similarTo(casework.scope(organisation), caseFile.id());
        List<SimilarCase> similar = found.rows();
        if (similar.isEmpty()) {
            return Optional.of(found.elsewhere() == 0 ? "none in the last 6 months" : found.elsewhereInWords() + " (F-11)");
        }
        SimilarCase top = similar.get(0);
        return Optional.of("%d found, most alike %s (%d%% alike, %s) (F-11)%s".formatted(similar.size(), top.reference(), top.score(),
                String.join(", ", top.matchedOn()), found.elsewhere() == 0 ? "" : ", " + found.elsewhereInWords()));
    }
}
