package org.redress.casework;

import org.jspecify.annotations.Nullable;

/**
 * The kinds of reasonable adjustment a person may need (T-1, Equality Act 2010 s.20), as data: each has a plain-English
 * instruction for the member of staff, shown on every case of the person and with every letter in the outbox, and
 * some change how a letter is sent ({@link #letterFormat}, a preferred channel, a representative copied in). The
 * instruction's {@code %s} is the adjustment's details (the language, the named contact, the times).
 */
public enum AdjustmentKind {
    LARGE_PRINT("Large print", "Send every letter and document in large print (the PDF is printed in large type).", "large print", false),
    EASY_READ("Easy read", "Write in easy read: short sentences, everyday words, one idea at a time.", "easy read", false),
    LANGUAGE("Another language", "Write to the person in %s: have each letter translated before it is sent.", "translated into %s", true),
    INTERPRETER("Interpreter", "Book an interpreter (%s) for every call and meeting.", null, true),
    BSL("British Sign Language", "Book a British Sign Language interpreter for every meeting; offer a video relay call instead of a phone call.", null, false),
    HEARING_LOOP("Hearing loop", "Hold meetings in a room with a working hearing loop.", null, false),
    PREFERRED_CHANNEL("Preferred way of contact", "Contact the person only by %s.", null, true),
    NAMED_CONTACT("Named contact", "Make every contact through the named contact: %s.", null, true),
    REPRESENTATIVE("Representative", "Deal with the person through their representative, %s, and copy every letter to them.", null, true),
    EXTRA_TIME("Extra time", "Give the person extra time to reply or send information: %s.", null, true),
    CONTACT_TIMES("Contact at set times", "Phone or visit only at the agreed times: %s.", null, true),
    OTHER("Other adjustment", "%s", null, true);

    private final String label;
    private final String instruction;
    private final @Nullable String letterFormat;
    private final boolean needsDetails;

    AdjustmentKind(String label, String instruction, @Nullable String letterFormat, boolean needsDetails) {
        this.label = label;
        this.instruction = instruction;
        this.letterFormat = letterFormat;
        this.needsDetails = needsDetails;
    }

    public String label() {
        return label;
    }

    /** Whether the instruction needs the details (the language, the contact, the times) to make sense. */
    public boolean needsDetails() {
        return needsDetails;
    }

    /** What the member of staff must do, with the details put in. */
    public String instruction(@Nullable String details) {
        return needsDetails ? instruction.formatted(details == null ? "as agreed" : details) : instruction;
    }

    /** The instruction as the page's hint shows it before any details are given. */
    public String hint() {
        return instruction.replace("%s", "...");
    }

    /** How a letter is flagged for whoever sends it (F-16), e.g. "large print"; null when the kind does not change a letter. */
    public @Nullable String letterFormat(@Nullable String details) {
        return letterFormat == null ? null : letterFormat.contains("%s") ? letterFormat.formatted(details) : letterFormat;
    }
}
