package org.redress.ombudsman;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What an ombudsman ordered (or recommended) the organisation to do. The list is our reading of the Housing
 * Ombudsman's published determinations and its own decision data, which names twelve kinds of order (among them
 * Complaint Handling Failure Orders, surveys, staff training and record-keeping reviews); {@link #OTHER} is for
 * anything else, and is what every order recorded before the full list was (old rows still read as they were stored).
 * The Ombudsman publishes no fixed code list, so the names and aliases here are ours, not the regulator's.
 */
public enum OrderKind {
    APOLOGISE("Apologise", "apology", "apologize", "written apology", "apologise"),
    PAY("Pay compensation", "compensation", "payment", "pay", "financial redress", "pay compensation"),
    CARRY_OUT_WORKS("Carry out repairs or works", "repairs", "repair", "works", "carry out works", "carry out repairs"),
    INSPECT_OR_SURVEY("Inspect or survey", "inspection", "survey", "inspect", "surveys", "property inspection"),
    REVIEW_POLICY("Review a policy", "policy review", "review policy", "review of policy", "policy"),
    STAFF_TRAINING("Train staff", "training", "staff training", "train staff"),
    REVIEW_RECORD_KEEPING("Review record keeping", "record keeping", "record keeping review", "records review",
            "review of record keeping", "review records"),
    COMPLAINT_HANDLING_FAILURE("Complaint Handling Failure Order", "chfo", "complaint handling failure order",
            "complaint handling failure"),
    CONTACT_OR_MEET("Contact or meet the complainant", "contact", "meeting", "meet", "contact resident", "contact the resident"),
    RECONSIDER("Reconsider", "reconsideration", "reconsider the decision", "reconsider"),
    PROVIDE_INFORMATION("Provide information or a response", "provide information", "information", "provide a response",
            "response", "respond"),
    MANAGEMENT_REVIEW("Senior management review", "management review", "senior management review", "learning review",
            "review of the case"),
    OTHER("Other", "other");

    private final String words;
    private final List<String> aliases;

    OrderKind(String words, String... aliases) {
        this.words = words;
        this.aliases = List.of(aliases);
    }

    /** The kind as staff read it, e.g. "Complaint Handling Failure Order". */
    public String words() {
        return words;
    }

    /** The kind named by its code (STAFF_TRAINING), its words or an alias (training, CHFO), case and punctuation aside. */
    public static Optional<OrderKind> parse(String text) {
        String given = normal(text);
        for (OrderKind k : values()) {
            if (normal(k.name()).equals(given) || normal(k.words).equals(given) || k.aliases.stream().anyMatch(a -> normal(a).equals(given))) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    private static String normal(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    }
}
