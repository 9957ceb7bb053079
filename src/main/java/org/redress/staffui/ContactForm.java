package org.redress.staffui;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.redress.web.EmailAddress;
import org.redress.web.TextLimits;

/**
 * The "log a contact" form as posted: every field a string, so a bad value gets a message, not an error page; each
 * with its size ({@link TextLimits}) and its shape (required, an email address) declared here and checked first; what
 * depends on the policy pack or on other fields is checked by {@link ContactLogging}.
 */
record ContactForm(@Size(max = TextLimits.NAME) @Nullable String recordType, @Size(max = TextLimits.NAME) @Nullable String channel,
                   @Size(max = TextLimits.NAME) @Nullable String receivedDate,
                   @NotBlank(message = "Enter the name of the person contacting us") @Size(max = TextLimits.NAME) @Nullable String name,
                   @EmailAddress(message = "Enter an email address in the correct format, like name@example.com") @Size(max = TextLimits.NAME) @Nullable String email,
                   @Size(max = TextLimits.NAME) @Nullable String phone,
                   @Size(max = TextLimits.LINE) @Nullable String address, @Size(max = TextLimits.NAME) @Nullable String preferredContact,
                   @Size(max = TextLimits.TEXT) @Nullable String reasonableAdjustments, @Size(max = TextLimits.NAME) @Nullable String serviceArea,
                   @Size(max = TextLimits.NAME) @Nullable String subject, @Size(max = TextLimits.NAME) @Nullable String exclusion,
                   @NotBlank(message = "Enter what happened, in the person's own words") @Size(max = TextLimits.TEXT) @Nullable String description,
                   @Size(max = TextLimits.TEXT) @Nullable String outcomeWanted,
                   @Size(max = TextLimits.NAME) @Nullable String awareSince, @Size(max = TextLimits.TEXT) @Nullable String points,
                   @Size(max = TextLimits.NAME) @Nullable String representativeName,
                   @Size(max = TextLimits.NAME) @Nullable String representativeRelationship,
                   @Size(max = TextLimits.NAME) @Nullable String representativeConsent, @Size(max = TextLimits.NAME) @Nullable String tenure,
                   @Size(max = TextLimits.NAME) @Nullable String category) {

    static ContactForm empty() {
        return new ContactForm("complaint", "PHONE", null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, "UNKNOWN", null);
    }
}
