package org.redress.imports;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Redress's fields a register's columns map to, with the column names registers commonly use for each. */
enum ImportField {
    SOURCE_ID("The register's own id for the case (required)", "sourceId", true, "source id", "id", "case id", "complaint id", "record id", "ref no"),
    REFERENCE("Your reference, if the register has one", "reference", false, "reference", "case reference", "our reference"),
    RECEIVED_AT("Date received (required)", "receivedAt", true, "received", "date received", "received date", "received at", "date logged"),
    CHANNEL("How it was received", "channel", false, "channel", "how received", "received by", "method"),
    RECORD_TYPE("Type of record (a complaint if left out)", "recordType", false, "record type", "type", "case type"),
    NAME("Complainant's name", "name", false, "name", "complainant", "complainant name", "customer name"),
    EMAIL("Complainant's email address", "email", false, "email", "email address", "complainant email"),
    PHONE("Complainant's phone number", "phone", false, "phone", "telephone", "phone number"),
    ADDRESS("Complainant's address", "address", false, "address", "property address"),
    SERVICE_AREA("Service area", "serviceArea", false, "service area", "area", "department", "service"),
    SUBJECT("Subject", "subject", false, "subject", "category", "complaint category"),
    DESCRIPTION("Description", "description", false, "description", "details", "summary", "complaint"),
    ACKNOWLEDGED_AT("Date acknowledged", "acknowledgedAt", false, "acknowledged", "date acknowledged", "acknowledged at", "acknowledgement date"),
    STAGE1_RESPONDED_AT("Date of the stage 1 response", "stage1RespondedAt", false, "stage 1 response", "stage 1 responded", "stage 1 response date", "responded"),
    STAGE1_OUTCOME("Stage 1 outcome", "stage1Outcome", false, "stage 1 outcome", "outcome"),
    ESCALATED_AT("Date escalated to stage 2", "escalatedAt", false, "escalated", "date escalated", "escalated at", "stage 2 requested"),
    STAGE2_RESPONDED_AT("Date of the stage 2 response", "stage2RespondedAt", false, "stage 2 response", "stage 2 responded", "stage 2 response date"),
    STAGE2_OUTCOME("Stage 2 outcome", "stage2Outcome", false, "stage 2 outcome"),
    CLOSED_AT("Date closed", "closedAt", false, "closed", "date closed", "closed at"),
    OWNER("Case handler", "owner", false, "owner", "handler", "case handler", "officer"),
    TENURE("Tenure", "tenure", false, "tenure"),
    // the Ombudsman's side of a historic case (issue 20): a finding ("Maladministration", or "Repairs: Maladministration"
    // with the point's category), and the kinds of orders and recommendations, separated by semicolons
    OMBUDSMAN_FINDING("Ombudsman's finding", "ombudsmanFinding", false, "ombudsman finding", "ombudsman findings",
            "ombudsman outcome", "hos finding", "determination"),
    OMBUDSMAN_ORDERS("Ombudsman's orders (kinds, separated by ;)", "ombudsmanOrders", false, "ombudsman orders", "orders",
            "hos orders"),
    OMBUDSMAN_RECOMMENDATIONS("Ombudsman's recommendations (kinds, separated by ;)", "ombudsmanRecommendations", false,
            "ombudsman recommendations", "recommendations", "hos recommendations");

    private final String label;
    private final String key;
    private final boolean required;
    private final List<String> commonNames;

    ImportField(String label, String key, boolean required, String... commonNames) {
        this.label = label;
        this.key = key;
        this.required = required;
        this.commonNames = List.of(commonNames);
    }

    /** The field in words, as the staff page shows it. */
    public String label() {
        return label;
    }

    /** The field's name in mappings, problems and the API. */
    public String key() {
        return key;
    }

    boolean required() {
        return required;
    }

    boolean isDate() {
        return key.endsWith("At");
    }

    static Optional<ImportField> byKey(String key) {
        for (ImportField f : values()) {
            if (f.key.equals(key)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** Whether a column's header is one of this field's common names (case, spaces and punctuation aside). */
    boolean matches(String header) {
        String h = normal(header);
        return normal(key).equals(h) || commonNames.stream().anyMatch(n -> normal(n).equals(h));
    }

    private static String normal(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
