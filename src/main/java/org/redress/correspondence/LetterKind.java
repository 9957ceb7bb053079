package org.redress.correspondence;

/** The letters the policies require, each with its template in {@code letters/<template>.txt}. */
public enum LetterKind {
    ACKNOWLEDGEMENT("acknowledgement"),
    ESCALATION_ACKNOWLEDGEMENT("escalation-acknowledgement"),
    EXTENSION("extension"),
    STAGE_RESPONSE("stage-response"),
    FINAL_RESPONSE("final-response"),
    ESCALATION_REFUSAL("escalation-refusal"),
    DECLINE("decline"),
    COMPLIMENT_THANKS("compliment-thanks"),
    DISP_SUMMARY_RESOLUTION("disp-summary-resolution"),
    DISP_FINAL_RESPONSE("disp-final-response"),
    DISP_HOLDING_RESPONSE("disp-holding-response"),
    REMINDER("reminder"),
    ACCESS_CODE("access-code"),
    SERVICE_CHANGE("service-change");

    private final String template;

    LetterKind(String template) {
        this.template = template;
    }

    public String template() {
        return template;
    }

    /** Whether the letter carries a one-time code, which is held apart from it until delivery ({@link HeldCodes}). */
    boolean carriesCode() {
        return this == ACCESS_CODE;
    }
}
