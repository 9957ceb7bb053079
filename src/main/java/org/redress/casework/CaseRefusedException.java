package org.redress.casework;

import org.redress.web.Refusal;
import org.redress.web.RefusedException;

/** A verb the case's policy or state refused; answered with 422 naming the rule. Nothing was changed. */
public class CaseRefusedException extends RefusedException {

    private final Refusal refusal;

    CaseRefusedException(Refusal refusal) {
        super(refusal.message(), refusal.cite(), refusal.field());
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }
}
