package org.redress.casework;

/** A verb the case's policy or state refused; answered with 422 naming the rule. Nothing was changed. */
public class CaseRefusedException extends RuntimeException {

    private final Refusal refusal;

    CaseRefusedException(Refusal refusal) {
        super(refusal.describe());
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }
}
