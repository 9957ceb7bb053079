package org.redress.staffui;

import org.jspecify.annotations.Nullable;

/** The "log a contact" form as posted: every field a string, so a bad value gets a message, not an error page. */
record ContactForm(@Nullable String recordType, @Nullable String channel, @Nullable String receivedDate,
                   @Nullable String name, @Nullable String email, @Nullable String phone, @Nullable String address,
                   @Nullable String preferredContact, @Nullable String reasonableAdjustments, @Nullable String serviceArea,
                   @Nullable String subject, @Nullable String exclusion, @Nullable String description,
                   @Nullable String outcomeWanted, @Nullable String awareSince, @Nullable String points,
                   @Nullable String representativeName, @Nullable String representativeRelationship,
                   @Nullable String representativeConsent, @Nullable String tenure) {

    static ContactForm empty() {
        return new ContactForm("complaint", "PHONE", null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, "UNKNOWN");
    }
}
