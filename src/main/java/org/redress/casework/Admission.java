package org.redress.casework;

import org.jspecify.annotations.Nullable;
import org.redress.calendar.UkTime;
import org.redress.casework.Casework.AdmissionWarning;
import org.redress.policy.PolicyPack;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The admission checks of a new contact, in one place for everyone who asks: "Check for warnings" before saving,
 * saving, and the saved case's similar earlier complaints. The time limit (F-3), earlier complaints of the same person
 * (F-11) and the other modules' {@link AdmissionCheck}s (a restriction on contact, F-10).
 * <p>
 * Earlier complaints are looked for over one window, {@link #lookBackMonths}: the policy's repeat-complaint months, or
 * six months where it names none. The check used to look only where the policy has a repeat-complaint rule, while the
 * saved case listed similar earlier complaints over six months whatever the policy, so "Check for warnings" said "no
 * earlier complaint" for The Trust and 247 Alliance and the saved case then named one (issue 21). Now an earlier
 * complaint found is a warning whatever the policy: {@code REPEAT} with the policy's rule, {@code SIMILAR} without one.
 */
@Component
class Admission {

    /** The look-back for similar earlier cases when the policy names no repeat-complaint window (F-11: six months). */
    static final int DEFAULT_REPEAT_MONTHS = 6;

    private final SimilarCases similar;
    private final ObjectProvider<AdmissionCheck> checks;
    private volatile @Nullable List<AdmissionCheck> found;

    Admission(SimilarCases similar, ObjectProvider<AdmissionCheck> checks) {
        this.similar = similar;
        this.checks = checks;
    }

    /** How far back earlier complaints are looked for: the policy's repeat-complaint window, or six months. */
    static int lookBackMonths(PolicyPack pack) {
        return repeatRule(pack).map(PolicyPack.AdmissionRule::months).orElse(DEFAULT_REPEAT_MONTHS);
    }

    private static java.util.Optional<PolicyPack.AdmissionRule> repeatRule(PolicyPack pack) {
        return pack.admission().stream().filter(r -> r.kind() == PolicyPack.AdmissionKind.REPEAT && r.months() != null).findFirst();
    }

    /**
     * The earlier cases that may be this one again, most alike first, received in the look-back before it; those in
     * service areas the reader does not work in are counted, never named. {@code self} is left out (a saved case).
     */
    CaseScope.Shown<SimilarCase> earlier(Supplier<CaseScope> scope, String organisation, PolicyPack pack, CaseTypes.CaseState c,
                                         @Nullable UUID self) {
        Instant since = c.receivedAt().atZone(UkTime.ZONE).minusMonths(lookBackMonths(pack)).toInstant();
        return similar.find(scope, organisation, c.complainant(), c.description(), c.classification().serviceArea(), since,
                c.receivedAt(), self);
    }

    /** Every warning logging this contact raises: the same whether asked before saving or on saving. */
    List<AdmissionWarning> warnings(Supplier<CaseScope> scope, String organisation, PolicyPack pack, CaseTypes.CaseState c) {
        List<AdmissionWarning> warnings = new ArrayList<>();
        LocalDate received = UkTime.dateOf(c.receivedAt());
        for (PolicyPack.AdmissionRule rule : pack.admission()) {
            if (rule.kind() == PolicyPack.AdmissionKind.TIME_LIMIT && rule.months() != null && c.awareSince() != null
                    && c.awareSince().isBefore(received.minusMonths(rule.months()))) {
                warnings.add(new AdmissionWarning("TIME_LIMIT", "the complainant became aware on %s, more than %d months before the complaint; decide whether to investigate and record why"
                        .formatted(c.awareSince(), rule.months()), rule.cite(), List.of()));
            }
        }
        // the scope is asked for only when there is something to show: most new complaints have no earlier one
        CaseScope.Shown<SimilarCase> earlier = earlier(scope, organisation, pack, c, null);
        if (!earlier.rows().isEmpty() || earlier.elsewhere() > 0) {
            java.util.Optional<PolicyPack.AdmissionRule> rule = repeatRule(pack);
            warnings.add(new AdmissionWarning(rule.isPresent() ? "REPEAT" : "SIMILAR", repeatMessage(lookBackMonths(pack), earlier),
                    rule.map(PolicyPack.AdmissionRule::cite).orElse(null), earlier.rows().stream().map(SimilarCase::reference).toList()));
        }
        for (AdmissionCheck check : checks()) {
            warnings.addAll(check.warnings(organisation, c.complainant()));
        }
        return warnings;
    }

    /** The other modules' admission checks, found once: looking beans up costs more than the checks on every new case. */
    private List<AdmissionCheck> checks() {
        List<AdmissionCheck> all = found;
        if (all == null) {
            all = checks.orderedStream().toList();
            found = all;
        }
        return all;
    }

    /**
     * "the same person complained in the last 6 months: AH-2026-000012 (same email, 81% alike), ...; most alike first,
     * and 1 more in service areas you do not work in."
     */
    private static String repeatMessage(int months, CaseScope.Shown<SimilarCase> earlier) {
        List<SimilarCase> shown = earlier.rows();
        boolean samePerson = shown.isEmpty() || shown.stream().anyMatch(c -> !c.matchedOn().equals(List.of("same address")));
        boolean sameAddress = shown.stream().anyMatch(c -> c.matchedOn().contains("same address"));
        String who = samePerson && sameAddress ? "the same person complained, or someone complained about the same address and matter,"
                : samePerson ? "the same person complained" : "someone complained about the same address and matter";
        List<String> cases = shown.stream().map(c -> "%s (%s, %d%% alike)".formatted(c.reference(), String.join(", ", c.matchedOn()), c.score())).toList();
        String listed = shown.isEmpty() ? earlier.elsewhereInWords()
                : String.join("; ", cases) + "; most alike first" + (earlier.elsewhere() == 0 ? "" : ", " + earlier.elsewhereInWords());
        return "%s in the last %d months: %s. Check whether this is substantially the same complaint".formatted(who, months, listed);
    }
}
