package org.redress.ombudsman;

/** What an ombudsman ordered the organisation to do. */
public enum OrderKind {
    APOLOGISE,
    PAY,
    CARRY_OUT_WORKS,
    REVIEW_POLICY,
    OTHER
}
