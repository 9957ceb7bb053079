package org.redress.casework;

import org.jspecify.annotations.Nullable;

/**
 * Why a verb was not allowed: the rule that refused it and, where the pack cites one, the requirement id.
 * A value, not an exception: the aggregate returns it and changes nothing.
 *
 * @param field the input the refusal is about, when there is one
 */
public record Refusal(String message, @Nullable String cite, @Nullable String field) {

    static Refusal of(String message, @Nullable String cite) {
        return new Refusal(message, cite, null);
    }

    static Refusal onField(String field, String message, @Nullable String cite) {
        return new Refusal(message, cite, field);
    }

    /** The message with its citation, e.g. "escalation window closed on 2026-12-14: T-8". */
    public String describe() {
        return cite == null || cite.isBlank() ? message : message + ": " + cite;
    }
}
