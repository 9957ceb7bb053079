package org.redress.policy;

import java.util.List;
import java.util.Optional;

/**
 * The Housing Ombudsman Complaint Handling Code check of one pack version: each provision checked, passed or
 * failed, and why. A failing pack still loads and runs; this report is what tells the landlord what to change.
 *
 * @param applies false when the pack does not declare a social landlord (then there are no findings)
 * @param checkedAgainst the reference pack and version the Code's figures were read from
 */
public record ComplianceReport(String packId, int version, boolean applies, boolean compliant, String checkedAgainst,
                               String summary, List<Finding> findings) {

    public enum Outcome { PASS, FAIL }

    /**
     * @param provision the Code paragraph, e.g. {@code 6.3}
     * @param rule what the Code requires, in a sentence
     * @param reason what the pack does and why that passes or fails
     */
    public record Finding(String provision, String rule, Outcome outcome, String reason) {

        public boolean passed() {
            return outcome == Outcome.PASS;
        }
    }

    public Optional<Finding> finding(String provision) {
        return findings.stream().filter(f -> f.provision().equals(provision)).findFirst();
    }

    public List<Finding> failures() {
        return findings.stream().filter(f -> !f.passed()).toList();
    }
}
