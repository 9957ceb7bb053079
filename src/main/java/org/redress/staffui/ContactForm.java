package org.redress.staffui;

import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.redress.web.TextLimits;

/**
 * The "log a contact" form as posted: every field a string, so a bad value gets a message, not an error page; each
 * with its size ({@link TextLimits}), checked before anything else.
 */
record ContactForm(@Size(max = TextLimits.NAME) @Nullable String recordType, @Size(max = TextLimits.NAME) @Nullable String channel,
                   @Size(max = TextLimits.NAME) @Nullable String receivedDate, @Size(max = TextLimits.NAME) @Nullable String name,
                   @Size(max = TextLimits.NAME) @Nullable String email, @Size(max = TextLimits.NAME) @Nullable String phone,
                   @Size(max = TextLimits.LINE) @Nullable String address, @Size(max = TextLimits.NAME) @Nullable String preferredContact,
                   @Size(max = TextLimits.TEXT) @Nullable String reasonableAdjustments, @Size(max = TextLimits.NAME) @Nullable String serviceArea,
                   @Size(max = TextLimits.NAME) @Nullable String subject, @Size(max = TextLimits.NAME) @Nullable String exclusion,
                   @Size(max = TextLimits.TEXT) @Nullable String description, @Size(max = TextLimits.TEXT) @Nullable String outcomeWanted,
                   @Size(max = TextLimits.NAME) @Nullable String awareSince, @Size(max = TextLimits.TEXT) @Nullable String points,
                   @Size(max = TextLimits.NAME) @Nullable String representativeName,
                   @Size(max = TextLimits.NAME) @Nullable String representativeRelationship,
                   @Size(max = TextLimits.NAME) @Nullable String representativeConsent, @Size(max = TextLimits.NAME) @Nullable String tenure) {

    static ContactForm empty() {
        return new ContactForm("complaint", "PHONE", null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, "UNKNOWN");
    }
}
