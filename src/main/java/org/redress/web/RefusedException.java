package org.redress.web;

import org.jspecify.annotations.Nullable;

/**
 * A request the rules refuse (as opposed to malformed input): answered with 422, the rule it breaks, and the
 * field when there is one. Nothing was changed.
 */
public class RefusedException extends RuntimeException {

    private final @Nullable String rule;
    private final @Nullable String field;

    public RefusedException(String message, @Nullable String rule, @Nullable String field) {
        super(rule == null || rule.isBlank() ? message : message + ": " + rule);
        this.rule = rule;
        this.field = field;
    }

    public @Nullable String rule() {
        return rule;
    }

    public @Nullable String field() {
        return field;
    }
}
