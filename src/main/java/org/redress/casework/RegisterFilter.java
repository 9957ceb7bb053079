package org.redress.casework;

import org.jspecify.annotations.Nullable;

/**
 * What a reader of the register asked for, as given (query parameters of the API, or the page's form with its dates
 * put together): every field optional. {@link Register} checks it once, the same way for the page, the API and the
 * exports, and answers 400 naming each parameter it cannot take.
 *
 * @param text        a reference, a name, an address or words the record holds
 * @param receivedFrom the first day received, YYYY-MM-DD (UK days)
 * @param receivedTo   the last day received, YYYY-MM-DD, inclusive
 * @param overdue      "true" for records past their next deadline only
 * @param sort         received (newest first, the default), due (next deadline first, then records with none, newest
 *                     first) or reference
 */
public record RegisterFilter(@Nullable String text, @Nullable String type, @Nullable String status, @Nullable String stage,
                             @Nullable String serviceLine, @Nullable String serviceArea, @Nullable String subject,
                             @Nullable String owner, @Nullable String receivedFrom, @Nullable String receivedTo,
                             @Nullable String overdue, @Nullable String sort, @Nullable String size, @Nullable String cursor) {

    /** Everything, newest first. */
    public static RegisterFilter everything() {
        return new RegisterFilter(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The same filters and order with no page size or position: an export takes every record from the first. */
    public RegisterFilter withoutPaging() {
        return new RegisterFilter(text, type, status, stage, serviceLine, serviceArea, subject, owner, receivedFrom, receivedTo,
                overdue, sort, null, null);
    }

    /** The same filters and order from the first page, for an export or a link that starts again. */
    public RegisterFilter fromTheStart() {
        return new RegisterFilter(text, type, status, stage, serviceLine, serviceArea, subject, owner, receivedFrom, receivedTo,
                overdue, sort, size, null);
    }
}
