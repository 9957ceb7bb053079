package org.redress.publicweb;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.redress.web.EmailAddress;
import org.redress.web.TextLimits;

/**
 * The public complaint form as posted. {@code submission} is a random id the form carries, so sending it twice
 * logs one complaint. Every field has its size ({@link TextLimits}); what is required and the email address are declared
 * here too, so the page shows them with the other errors.
 */
record ComplaintForm(@Size(max = TextLimits.NAME) @Nullable String submission,
                     @NotBlank(message = "Tell us what happened") @Size(max = TextLimits.TEXT) @Nullable String whatHappened,
                     @Size(max = TextLimits.TEXT) @Nullable String outcomeWanted,
                     @NotBlank(message = "Enter your full name") @Size(max = TextLimits.NAME) @Nullable String name,
                     @EmailAddress(message = "Enter an email address in the correct format, like name@example.com") @Size(max = TextLimits.NAME) @Nullable String email,
                     @Size(max = TextLimits.NAME) @Nullable String phone,
                     @Size(max = TextLimits.LINE) @Nullable String address, @Size(max = TextLimits.NAME) @Nullable String contactBy,
                     @Size(max = TextLimits.TEXT) @Nullable String adjustments, @Size(max = TextLimits.NAME) @Nullable String forSomeoneElse,
                     @Size(max = TextLimits.NAME) @Nullable String personName, @Size(max = TextLimits.NAME) @Nullable String relationship,
                     @Size(max = TextLimits.NAME) @Nullable String consent) {

    static ComplaintForm blank(String submission) {
        return new ComplaintForm(submission, null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
