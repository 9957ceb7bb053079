package org.redress.staffui;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.redress.web.EmailAddress;
import org.redress.web.TextLimits;

import java.util.List;

/**
 * The "log a contact" form as posted: every field a string, so a bad value gets a message, not an error page; each
 * with its size ({@link TextLimits}) and its shape (required, an email address) declared here and checked first; what
 * depends on the policy pack or on other fields is checked by {@link ContactLogging}. The repeatable rows (points,
 * named staff) are {@link ContactRows}. Dates come as day, month and year ({@code receivedDay}...); a date in one field
 * ({@code receivedDate}, {@code awareSince}, written 2026-11-23) is still read, as forms posted it before.
 */
record ContactForm(@Size(max = TextLimits.NAME) @Nullable String recordType, @Size(max = TextLimits.NAME) @Nullable String channel,
                   @Size(max = TextLimits.NAME) @Nullable String receivedDate,
                   @Size(max = 4) @Nullable String receivedDay, @Size(max = 4) @Nullable String receivedMonth,
                   @Size(max = 6) @Nullable String receivedYear, @Size(max = 10) @Nullable String receivedTime,
                   @Size(max = TextLimits.NAME) @Nullable String receivedBy,
                   @NotBlank(message = "Enter the name of the person contacting us") @Size(max = TextLimits.NAME) @Nullable String name,
                   @EmailAddress(message = "Enter an email address in the correct format, like name@example.com") @Size(max = TextLimits.NAME) @Nullable String email,
                   @Size(max = TextLimits.NAME) @Nullable String phone,
                   @Size(max = TextLimits.LINE) @Nullable String address, @Size(max = TextLimits.NAME) @Nullable String preferredContact,
                   @Nullable List<@Size(max = TextLimits.NAME) String> formats,
                   @Size(max = TextLimits.TEXT) @Nullable String reasonableAdjustments,
                   @Size(max = TextLimits.NAME) @Nullable String serviceLine, @Size(max = TextLimits.NAME) @Nullable String serviceArea,
                   @Size(max = TextLimits.NAME) @Nullable String subject, @Size(max = TextLimits.NAME) @Nullable String exclusion,
                   @NotBlank(message = "Enter what happened, in the person's own words") @Size(max = TextLimits.TEXT) @Nullable String description,
                   @Size(max = TextLimits.TEXT) @Nullable String outcomeWanted, @Size(max = TextLimits.TEXT) @Nullable String understanding,
                   @Size(max = TextLimits.NAME) @Nullable String awareSince,
                   @Size(max = 4) @Nullable String awareDay, @Size(max = 4) @Nullable String awareMonth, @Size(max = 6) @Nullable String awareYear,
                   @Size(max = TextLimits.TEXT) @Nullable String points,
                   @Size(max = TextLimits.NAME) @Nullable String representativeName,
                   @Size(max = TextLimits.NAME) @Nullable String representativeRelationship,
                   @EmailAddress(message = "Enter the representative's email address in the correct format, like name@example.com")
                   @Size(max = TextLimits.NAME) @Nullable String representativeEmail,
                   @Size(max = TextLimits.NAME) @Nullable String representativePhone,
                   @Size(max = TextLimits.NAME) @Nullable String representativeConsent,
                   @Size(max = TextLimits.NAME) @Nullable String representativeConsentHow,
                   @Size(max = TextLimits.NAME) @Nullable String tenure,
                   @Size(max = TextLimits.NAME) @Nullable String category) {

    /** The form as first shown: a phone complaint received now by {@code receivedBy}, the signed-in member. */
    static ContactForm empty(String receivedBy) {
        return new ContactForm("complaint", "PHONE", null, null, null, null, null, receivedBy, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, "UNKNOWN", null);
    }

    /** Whether {@code format} was ticked. */
    public boolean wants(String format) {
        return formats != null && formats.contains(format);
    }
}
