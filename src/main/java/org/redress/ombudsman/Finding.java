package org.redress.ombudsman;

/** What an ombudsman found on one point of complaint (the Housing Ombudsman's and LGSCO's determination terms). */
public enum Finding {
    MALADMINISTRATION,
    SEVERE_MALADMINISTRATION,
    SERVICE_FAILURE,
    REASONABLE_REDRESS,
    NO_MALADMINISTRATION,
    OUTSIDE_JURISDICTION
}
