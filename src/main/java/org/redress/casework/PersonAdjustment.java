package org.redress.casework;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A reasonable adjustment recorded once for a person (T-1), not for one case: what they asked for and when, what the
 * organisation agreed and when (null until agreed), and whether it has ended. It is found again on each of the
 * person's cases by the matching rule of {@link PersonAdjustments}. While it is in force (asked or agreed, not ended)
 * it is honoured: its {@link #instruction()} shows on the case page and with each letter, and its kind may change how
 * a letter is sent.
 *
 * @param details      the language, the named contact, the times, or the way of contact (EMAIL, POST, PHONE, TEXT)
 * @param contactEmail a representative's or named contact's email, copied into every letter
 * @param recordedOn   the reference of the case it was recorded from
 */
public record PersonAdjustment(UUID id, String organisation, String personName, @Nullable String email, @Nullable String phone,
                               @Nullable String address, AdjustmentKind kind, @Nullable String details,
                               @Nullable String contactEmail, String asked, LocalDate askedOn, @Nullable String agreed,
                               @Nullable LocalDate agreedOn, @Nullable String agreedBy, String recordedBy, Instant recordedAt,
                               @Nullable String recordedOn, @Nullable LocalDate endedOn, @Nullable String endedBy,
                               @Nullable String endReason) {

    /** The same adjustment without the reference of the case it was recorded on. */
    public PersonAdjustment onAnotherCase() {
        return new PersonAdjustment(id, organisation, personName, email, phone, address, kind, details, contactEmail, asked, askedOn,
                agreed, agreedOn, agreedBy, recordedBy, recordedAt, null, endedOn, endedBy, endReason);
    }

    public boolean inForce() {
        return endedOn == null;
    }

    public boolean wasAgreed() {
        return agreed != null;
    }

    /** What the member of staff must do, e.g. "Book an interpreter (Polish) for every call and meeting." */
    public String instruction() {
        String words = kind == AdjustmentKind.PREFERRED_CHANNEL && details != null ? channelWords(details) : details;
        return kind.instruction(words);
    }

    /** "Interpreter: Book an interpreter (Polish) for every call and meeting. (asked 2 Mar 2026, not yet agreed)" */
    public String summary() {
        String state = wasAgreed() ? "agreed " + PersonAdjustments.DAY.format(agreedOn)
                : "asked " + PersonAdjustments.DAY.format(askedOn) + ", not yet agreed";
        return kind.label() + ": " + instruction() + " (" + state + ")";
    }

    /** The way of contact a preferred-channel adjustment names, or null. */
    public CaseTypes.@Nullable ContactMethod contactBy() {
        if (kind != AdjustmentKind.PREFERRED_CHANNEL || details == null) {
            return null;
        }
        try {
            return CaseTypes.ContactMethod.valueOf(details.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String channelWords(String method) {
        return switch (method.strip().toUpperCase(java.util.Locale.ROOT)) {
            case "EMAIL" -> "email";
            case "POST" -> "letter in the post";
            case "PHONE" -> "phone";
            case "TEXT" -> "text message";
            default -> method;
        };
    }
}
