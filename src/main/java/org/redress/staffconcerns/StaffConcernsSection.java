package org.redress.staffconcerns;

import org.redress.casework.CaseSection;
import org.redress.casework.CaseView;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** On the case page, only for those who may see it: the named people's records (F-12). */
@Component
class StaffConcernsSection implements CaseSection {

    private final StaffConcerns concerns;

    StaffConcernsSection(StaffConcerns concerns) {
        this.concerns = concerns;
    }

    @Override
    public String id() {
        return "staff-concerns";
    }

    @Override
    public String title() {
        return "Complaint about named staff";
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public boolean visibleTo(String organisation, CaseView caseFile, String username) {
        return !caseFile.namedPeople().isEmpty() && concerns.mayView(organisation, caseFile, username);
    }

    @Override
    public Optional<String> summary(String organisation, CaseView caseFile, String username) {
        List<StaffConcern> recorded = concerns.concerns(organisation, caseFile);
        int named = caseFile.namedPeople().size();
        if (recorded.isEmpty()) {
            return Optional.of(named + (named == 1 ? " person named" : " people named") + ", manager not yet told (F-12)");
        }
        long views = recorded.stream().filter(c -> c.ownView() != null).count();
        long updates = recorded.stream().mapToLong(c -> c.keptInformed().size()).sum();
        return Optional.of("%d of %d named: manager told; %d view%s given; %d update%s (F-12)".formatted(recorded.size(), named,
                views, views == 1 ? "" : "s", updates, updates == 1 ? "" : "s"));
    }
}
