package org.redress.web;

import org.jspecify.annotations.Nullable;

/**
 * Why a verb was not allowed: the rule that refused it and, where the pack cites one, the requirement id. A value, not
 * an exception: the aggregate (a case, a remedy, a referral, a lesson, a restriction) returns it and changes nothing;
 * the service turns it into a 422 with {@link #refuse()}. Every module refuses with this one type.
 *
 * @param cite  the requirement or rule id, when the pack cites one
 * @param field the input the refusal is about, when there is one
 */
public record Refusal(String message, @Nullable String cite, @Nullable String field) {

    public static Refusal of(String message, @Nullable String cite) {
        return new Refusal(message, cite, null);
    }

    public static Refusal onField(String field, String message, @Nullable String cite) {
        return new Refusal(message, cite, field);
    }

    /** The message with its citation, e.g. "escalation window closed on 2026-12-14: T-8". */
    public String describe() {
        return cite == null || cite.isBlank() ? message : message + ": " + cite;
    }

    /** The same refusal about another field, e.g. {@code findings[2].notes} for a refusal of one finding's notes. */
    public Refusal at(@Nullable String field) {
        return new Refusal(message, cite, field);
    }

    /** The 422 this refusal is answered with: the message, the rule and the field. */
    public RefusedException refuse() {
        return new RefusedException(message, cite, field);
    }
}
