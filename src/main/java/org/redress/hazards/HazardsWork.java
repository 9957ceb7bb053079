package org.redress.hazards;

import org.redress.casework.CaseScope;
import org.redress.casework.CaseTypes.ClockStatus;
import org.redress.casework.Casework;
import org.redress.casework.StaffWork;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The Awaab's Law clocks still running on the cases a member owns, on their "my work" page: a hazard is handled
 * by whoever owns its case's current stage, so its deadlines are theirs too. Only cases the member may open are listed.
 */
@Component
class HazardsWork implements StaffWork {

    private final Hazards hazards;
    private final Casework casework;

    HazardsWork(Hazards hazards, Casework casework) {
        this.hazards = hazards;
        this.casework = casework;
    }

    @Override
    public List<Item> openWorkOf(CaseScope scope, String username) {
        String organisation = scope.organisation();
        List<HazardView> open = hazards.openByNextDue(scope);
        if (open.isEmpty()) {
            return List.of();
        }
        Set<UUID> mine = casework.ownedBy(scope, username, open.stream().map(h -> UUID.fromString(h.caseId())).toList());
        List<Item> items = new ArrayList<>();
        for (HazardView hazard : open) {
            if (!mine.contains(UUID.fromString(hazard.caseId()))) {
                continue;
            }
            for (HazardView.Clock c : hazard.clocks()) {
                if (Hazard.running(c)) {
                    items.add(new Item("Awaab's Law", c.name() + " (" + hazard.category() + ")", hazard.caseReference(), c.dueDate(),
                            c.status() == ClockStatus.OVERDUE, c.explanation() + " (" + c.cite() + ")",
                            "/staff/" + organisation + "/cases/" + hazard.caseReference() + "/hazards"));
                }
            }
        }
        items.sort(Comparator.comparing((Item i) -> !i.overdue()).thenComparing(Item::due, Comparator.nullsLast(Comparator.naturalOrder())));
        return items;
    }
}
