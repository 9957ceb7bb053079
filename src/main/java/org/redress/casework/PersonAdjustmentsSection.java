package org.redress.casework;

import org.redress.accounts.CaseAccess;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * On every case of a person, the reasonable adjustments they need (T-1), as instructions for the member of staff,
 * wherever they were recorded. Shown only to a role that may see special category data (health, disability).
 */
@Component
class PersonAdjustmentsSection implements CaseSection {

    private final PersonAdjustments adjustments;
    private final CaseAccess access;

    PersonAdjustmentsSection(PersonAdjustments adjustments, CaseAccess access) {
        this.adjustments = adjustments;
        this.access = access;
    }

    @Override
    public String id() {
        return "adjustments";
    }

    @Override
    public String title() {
        return "Reasonable adjustments";
    }

    @Override
    public int order() {
        return 5;
    }

    @Override
    public Optional<String> summary(String organisation, CaseView caseFile, String username) {
        List<PersonAdjustment> inForce = adjustments.of(organisation, caseFile.complainant(), caseFile.reference()).stream()
                .filter(PersonAdjustment::inForce).toList();
        return inForce.isEmpty() ? Optional.of("none recorded for this person")
                : Optional.of(String.join(" ", inForce.stream().map(PersonAdjustment::summary).toList()));
    }

    @Override
    public boolean visibleTo(String organisation, CaseView caseFile, String username) {
        return access.current(organisation).specialCategory();
    }
}
