package org.redress.hazards;

import org.redress.casework.CaseChanged;
import org.redress.casework.CaseFact.CaseLogged;
import org.redress.casework.CaseFact.TenureRecorded;
import org.redress.policy.PolicyPacks;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Reads each newly logged case for a hazard, in the transaction that logs it, so that a damp-and-mould complaint has
 * its hazard record (and Awaab's Law clocks) from the moment it exists. Only the {@code CaseLogged} event costs anything.
 * It only reacts (it refuses nothing), yet it stays in the transaction: after commit, a crash between the two would
 * lose the hazard record, and keeping it would need Spring Modulith's persistent event publication registry.
 */
@Component
class HazardDetector {

    private final Hazards hazards;
    private final PolicyPacks packs;

    HazardDetector(Hazards hazards, PolicyPacks packs) {
        this.hazards = hazards;
        this.packs = packs;
    }

    @EventListener
    void openHazardRecordWithTheCase(CaseChanged change) {
        // the complainant's tenure recorded later: the case's hazards follow it (R-3, issue 23: no duty for a shared owner)
        change.events().stream().filter(e -> e.payload() instanceof TenureRecorded).reduce((a, b) -> b)
                .ifPresent(e -> hazards.tenureRecorded(change.organisation(), change.caseId(), ((TenureRecorded) e.payload()).tenure().name()));
        if (change.events().stream().noneMatch(e -> e.payload() instanceof CaseLogged)) {
            return;
        }
        var c = change.caseFile();
        hazards.openIfReported(c, packs.version(c.pack().id(), c.pack().version()));
    }
}
