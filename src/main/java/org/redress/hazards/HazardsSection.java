package org.redress.hazards;

import org.redress.casework.CaseSection;
import org.redress.casework.CaseTypes.ClockStatus;
import org.redress.casework.CaseView;
import org.redress.pages.LinkedSection;
import org.redress.pages.PageText;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The hazards line on the staff case page: each hazard and its next Awaab's Law deadline, with its status in words. */
@Component
class HazardsSection extends LinkedSection implements CaseSection {

    private final Hazards hazards;
    private final PageText text;

    HazardsSection(Hazards hazards, PageText text) {
        super("hazards", "Hazards (Awaab's Law)", 20);
        this.hazards = hazards;
        this.text = text;
    }

    @Override
    public Optional<String> summary(String organisation, CaseView caseFile, String username) {
        List<HazardView> list = hazards.ofCaseId(organisation, caseFile.id());
        if (list.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(list.stream().map(h -> h.closure() != null
                ? h.category() + ": closed (" + (h.closure().as() == HazardClosing.NO_HAZARD_FOUND ? "no hazard found" : "dismissed") + ")"
                : !h.duty() ? h.category() + ": no duty under Awaab's Law" : h.clocks().stream().filter(Hazard::running).findFirst()
                        .map(c -> h.category() + ": " + c.name().toLowerCase(Locale.UK) + " by " + text.deadline(c.dueBy())
                                + (c.status() == ClockStatus.OVERDUE ? " (overdue)" : c.status() == ClockStatus.DUE_SOON ? " (due soon)" : ""))
                        .orElse(h.category() + ": every deadline met"))
                .collect(Collectors.joining("; ")));
    }
}
