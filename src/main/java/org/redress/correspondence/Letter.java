package org.redress.correspondence;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A letter as composed and kept on the case. Its status is where delivery has got to.
 *
 * @param serviceArea the service area of the case it is for (null for none, or for a letter written before it was kept)
 * @param channel EMAIL, POST (a PDF to print and post, or a letter GOV.UK Notify posts), PHONE or TEXT (a call to make, or a
 *                text message GOV.UK Notify sends)
 * @param addressee the member of staff (username) a notice belonging to no case is for, when known; on a case's letter that
 *                  is a call to make or cannot be sent, the member who is to contact the person
 * @param body as stored: a one-time code it carries is {@link #MASK}ed (the code is held apart until delivery)
 * @param formats formats the person needs (large print, easy read, another language), flagged for whoever sends it (F-16)
 * @param answersClock the clock this letter answers, e.g. {@code acknowledge@1}
 * @param specialCategory the special category data the letter holds, in words, as its sender said; null for none
 * @param aboutCase the reference of the case that data belongs to, for the read log (not filing the letter with the case)
 */
public record Letter(UUID id, String organisation, @Nullable UUID caseId, @Nullable String caseReference, @Nullable String serviceArea,
                     LetterKind kind, String channel, String recipient, @Nullable String copyTo, @Nullable String addressee,
                     String subject, String body, List<String> formats, @Nullable String answersClock, String status, int attempts,
                     @Nullable String lastError, Instant createdAt, @Nullable Instant sentAt, @Nullable String deliveredVia,
                     @Nullable String specialCategory, @Nullable String aboutCase) {

    /** How a format that is a reasonable adjustment's instruction for the sender starts (T-1); never sent with the letter. */
    public static final String ADJUSTMENT = "adjustment: ";

    /** The formats to flag on the letter itself (large print, easy read, a language), without the instructions for staff. */
    public List<String> letterFormats() {
        return formats.stream().filter(f -> !f.startsWith(ADJUSTMENT)).toList();
    }

    /** The reasonable adjustments' instructions for whoever sends the letter (T-1). */
    public List<String> adjustments() {
        return formats.stream().filter(f -> f.startsWith(ADJUSTMENT)).map(f -> f.substring(ADJUSTMENT.length())).toList();
    }

    /** How the letter goes, in words for the outbox page. */
    public String channelInWords() {
        switch (channel) {
            case "EMAIL":
                return "email";
            case "TEXT":
                return "text message";
            case "PHONE":
                return "phone";
            default:
                return deliveredVia != null && deliveredVia.startsWith("GOV.UK Notify") ? "post (GOV.UK Notify prints and posts it)" : "post (PDF to print)";
        }
    }

    /** Where delivery has got to, in words for the outbox page (issue 21): never the stored code. */
    public String statusInWords() {
        switch (status) {
            case "PENDING":
                return attempts == 0 ? "Waiting to be sent" : "Waiting to be sent again (" + attempts + (attempts == 1 ? " try" : " tries") + " so far)";
            case "SENT":
                if (deliveredVia != null && deliveredVia.startsWith("GOV.UK Notify")) {
                    return "Sent by " + deliveredVia + ", waiting for its delivery receipt";
                }
                return "Sent by email";
            case "DELIVERED":
                return "Delivered" + (deliveredVia == null ? "" : " (" + deliveredVia + ")");
            case "NOT_DELIVERED":
                return "Not delivered" + (lastError == null ? "" : ": " + lastError);
            case "READY_TO_PRINT":
                return "Ready to print and post";
            case "FAILED":
                return "Could not be sent" + (lastError == null ? "" : ": " + lastError);
            case CallTasks.TO_CALL:
                return ("TEXT".equals(channel) ? "To send by text message" : "To tell by phone") + (addressee == null ? "" : ": a task for " + addressee);
            case CallTasks.UNDELIVERABLE:
                return "Cannot be sent: no postal address or email recorded";
            case CallTasks.CONTACTED:
                return "Contact recorded" + (deliveredVia == null ? "" : " (" + deliveredVia + ")");
            default:
                return status;
        }
    }

    /** The same letter sent as a text message to this mobile number (issue 24), not a call for staff to make. */
    Letter byText(String mobile) {
        return new Letter(id, organisation, caseId, caseReference, serviceArea, kind, "TEXT", mobile, null, null, subject,
                body, formats, answersClock, "PENDING", attempts, lastError, createdAt, sentAt, deliveredVia, specialCategory, aboutCase);
    }

    /** The same letter, for this member of staff to contact the person when it is a call to make or cannot be sent. */
    Letter handedTo(String member) {
        if (!CallTasks.TO_CALL.equals(status) && !CallTasks.UNDELIVERABLE.equals(status)) {
            return this;
        }
        return new Letter(id, organisation, caseId, caseReference, serviceArea, kind, channel, recipient, copyTo, member, subject,
                body, formats, answersClock, status, attempts, lastError, createdAt, sentAt, deliveredVia, specialCategory, aboutCase);
    }

    /** The letter without the adjustments' instructions, for a reader whose role may not see special category data. */
    Letter withoutAdjustments() {
        return new Letter(id, organisation, caseId, caseReference, serviceArea, kind, channel, recipient, copyTo, addressee, subject,
                body, letterFormats(), answersClock, status, attempts, lastError, createdAt, sentAt, deliveredVia, specialCategory, aboutCase);
    }

    /** What a stored letter shows where the one-time code it carries goes. */
    public static final String MASK = "••••••";

    static final String WITHHELD_SUBJECT = "Withheld: special category data";

    /** The letter for a reader whose role may not see special category data: that it was sent, not what it says. */
    Letter withheld() {
        String body = "This notice holds " + specialCategory + ", which is special category data that your role does not allow you to see.";
        return new Letter(id, organisation, caseId, caseReference, serviceArea, kind, channel, recipient, copyTo, addressee, WITHHELD_SUBJECT,
                body, formats, answersClock, status, attempts, lastError, createdAt, sentAt, deliveredVia, specialCategory, null);
    }
}
