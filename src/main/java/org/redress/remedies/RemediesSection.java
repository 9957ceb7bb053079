package org.redress.remedies;

import org.redress.casework.CaseSection;
import org.redress.casework.CaseView;
import org.redress.pages.LinkedSection;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The case page's link to the remedies, with what needs attention: payments to decide, overdue promised actions. */
@Component
class RemediesSection extends LinkedSection implements CaseSection {

    private final Remedies remedies;

    RemediesSection(Remedies remedies) {
        super("remedies", "Remedies and payments", 10);
        this.remedies = remedies;
    }

    @Override
    public Optional<String> summary(String organisation, CaseView caseFile, String username) {
        return Optional.ofNullable(describe(remedies.summaryOf(organisation, caseFile.id())));
    }

    static @org.jspecify.annotations.Nullable String describe(Remedies.CaseSummary s) {
        if (s.remedies() == 0) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        parts.add(plural(s.remedies(), "remedy", "remedies"));
        if (s.awaitingDecision() > 0) {
            parts.add(plural(s.awaitingDecision(), "payment", "payments") + " awaiting a decision");
        }
        if (s.openActions() > s.overdueActions()) {
            parts.add(plural(s.openActions() - s.overdueActions(), "action", "actions") + " open");
        }
        if (s.overdueActions() > s.overduePromised()) {
            parts.add(plural(s.overdueActions() - s.overduePromised(), "action", "actions") + " overdue");
        }
        if (s.overduePromised() > 0) {
            parts.add(plural(s.overduePromised(), "promised action", "promised actions") + " overdue: grounds to escalate (A-6)");
        }
        return String.join("; ", parts);
    }

    private static String plural(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
