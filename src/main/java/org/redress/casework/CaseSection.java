package org.redress.casework;

import java.util.Optional;

/**
 * A part of a case that another module keeps (remedies, ombudsman, hazards, ...). The case page lists every
 * section bean with a link to the section's own page, {@code /staff/{organisation}/cases/{reference}/{id}}, and the
 * one-line summary it gives, so the case page needs no knowledge of the modules that add to it.
 */
public interface CaseSection {

    /** The path segment of the section's page, e.g. {@code remedies}. */
    String id();

    /** The link text, in plain English, e.g. "Remedies and payments". */
    String title();

    /** Display order on the case page (lower first). */
    default int order() {
        return 100;
    }

    /**
     * A short line for the case page, e.g. "2 remedies, 1 payment awaiting approval", or empty when there is nothing
     * to say. Only sections whose reader may see them are asked.
     *
     * @param username the member of staff reading the case page
     */
    Optional<String> summary(String organisation, CaseView caseFile, String username);

    /** Whether this member of staff may see the section at all (e.g. complaints about named staff). */
    default boolean visibleTo(String organisation, CaseView caseFile, String username) {
        return true;
    }
}
