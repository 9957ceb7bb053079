package org.redress.accounts;

/** A member of staff's role in one organisation (H-6, S0-4, A-7, F-13, T-11). */
public enum Role {
    CASE_WORKER("Case worker"),
    COMPLAINT_MANAGEMENT_OFFICER("Complaint management officer"),
    FEEDBACK_MANAGER("Feedback manager"),
    DIRECTOR("Director"),
    ADMINISTRATOR("Administrator"),
    BOARD_MEMBER("Board member (read only)");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
