package org.redress.remedies;

import org.jspecify.annotations.Nullable;

/** Why a change to a remedy was not allowed, naming the rule; a value, and nothing was changed. */
public record Refusal(String message, String rule, @Nullable String field) {

    /** The message with its rule, e.g. "nobody approves their own proposed payment: F-13". */
    public String describe() {
        return message + ": " + rule;
    }
}
