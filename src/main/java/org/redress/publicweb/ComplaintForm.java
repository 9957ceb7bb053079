package org.redress.publicweb;

import org.jspecify.annotations.Nullable;

/**
 * The public complaint form as posted. {@code submission} is a random id the form carries, so sending it twice
 * logs one complaint.
 */
record ComplaintForm(@Nullable String submission, @Nullable String whatHappened, @Nullable String outcomeWanted,
                     @Nullable String name, @Nullable String email, @Nullable String phone, @Nullable String address,
                     @Nullable String contactBy, @Nullable String adjustments, @Nullable String forSomeoneElse,
                     @Nullable String personName, @Nullable String relationship, @Nullable String consent) {

    static ComplaintForm blank(String submission) {
        return new ComplaintForm(submission, null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
