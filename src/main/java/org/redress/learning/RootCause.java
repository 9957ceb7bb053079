package org.redress.learning;

/**
 * Why things went wrong, as a fixed list so that trends can be counted (S0-11, F-14): a short list any service can
 * use, with OTHER for the rest.
 */
public enum RootCause {
    POLICY_OR_PROCEDURE("A policy or procedure"),
    COMMUNICATION("Communication with the person"),
    STAFF_KNOWLEDGE_OR_TRAINING("Staff knowledge or training"),
    STAFF_CONDUCT("Staff conduct or attitude"),
    CONTRACTOR_OR_PARTNER("A contractor or partner"),
    SYSTEMS_OR_RECORDS("Systems or records"),
    RESOURCES_OR_CAPACITY("Resources or capacity"),
    ACCESSIBILITY_OR_ADJUSTMENTS("Accessibility or reasonable adjustments"),
    OTHER("Something else");

    private final String words;

    RootCause(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }
}
