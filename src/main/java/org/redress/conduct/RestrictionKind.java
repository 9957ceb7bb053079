package org.redress.conduct;

/** What a restriction limits (H-5). The details say who, when or how (e.g. the named contact, the phone times). */
public enum RestrictionKind {
    SINGLE_POINT_OF_CONTACT("single point of contact"),
    WRITTEN_CONTACT_ONLY("written contact only"),
    LIMITED_PHONE_TIMES("limited phone times"),
    NEW_COMPLAINTS_ONLY("no contact except about new complaints"),
    OTHER("other restriction");

    private final String label;

    RestrictionKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
