package org.redress.hazards;

/** How serious a hazard is, as Awaab's Law sorts them (REGULATIONS.md, Awaab's Law). */
public enum HazardClassification {
    /** Investigate and make safe within 24 hours of becoming aware. */
    EMERGENCY,
    /** Investigate within 10 working days; written summary within 3 and safety work begun within 5 of the investigation ending. */
    SIGNIFICANT
}
