package org.redress.ombudsman;

import java.util.Locale;
import java.util.Optional;

/**
 * What an ombudsman found on one point of complaint (the Housing Ombudsman's and LGSCO's determination terms).
 * WITHDRAWN: the complainant withdrew the point before the determination (our reading of the Housing Ombudsman's
 * published outcomes).
 */
public enum Finding {
    MALADMINISTRATION,
    SEVERE_MALADMINISTRATION,
    SERVICE_FAILURE,
    REASONABLE_REDRESS,
    NO_MALADMINISTRATION,
    OUTSIDE_JURISDICTION,
    WITHDRAWN;

    /** The finding named by its code or its words ("Severe maladministration", "service-failure"), case and punctuation aside. */
    public static Optional<Finding> parse(String text) {
        String given = text.toUpperCase(Locale.ROOT).replaceAll("[^A-Z]+", "_").replaceAll("^_|_$", "");
        if (given.equals("NO_MALADMIN") || given.equals("NOT_MALADMINISTRATION")) {
            return Optional.of(NO_MALADMINISTRATION);
        }
        try {
            return Optional.of(valueOf(given));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
