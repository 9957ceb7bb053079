package org.redress.hazards;

/** How a hazard record was closed before its duties ran their course (R-3, issue 23): its clocks stop. */
public enum HazardClosing {
    /** Investigated, and no hazard was found: the reasons say what was checked. */
    NO_HAZARD_FOUND,
    /** Opened in error or a duplicate: dismissed, with why. */
    DISMISSED
}
