package org.redress.access;

import org.redress.testing.Api;
import org.redress.testing.MutableClock;
import org.redress.web.TextLimits;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A complaint with every text field of every part of it at its largest allowed size: the case through both stages
 * with its points, decisions, actions, extension, hold, notes, evidence and steps; its remedies, hazard record, staff
 * concern, ombudsman referral with findings and orders, a restriction on the complainant, a lesson and a subject access
 * request. Text is words, as people write, exactly as long as each field allows.
 */
record LargeCase(Api api, String path, String reference, String subjectAccessId) {

    static final String NAME = words(TextLimits.NAME);
    static final String LINE = words(TextLimits.LINE);
    static final String TEXT = words(TextLimits.TEXT);

    /** Words ("the mould in the bedroom came back...") cut to exactly {@code length} characters. */
    static String words(int length) {
        String[] words = {"the ", "mould ", "in ", "the ", "bedroom ", "came ", "back ", "after ", "the ", "repair ", "we ", "were ",
                "promised, ", "and ", "nobody ", "called ", "when ", "they ", "said ", "they ", "would. "};
        StringBuilder text = new StringBuilder(length + 16);
        for (int i = 0; text.length() < length; i++) {
            text.append(words[i % words.length]);
        }
        return text.substring(0, length);
    }

    static LargeCase fill(int port, MutableClock clock, String org) {
        Api api = new Api(port);
        String base = "/api/v1/organisations/" + org;
        String manager = "large.manager." + System.nanoTime() % 1_000_000;
        String invitation = ok(api.post(base + "/staff", """
                {"username":"%s","displayName":"%s","role":"CASE_WORKER","password":"a long enough password 9"}""".formatted(manager, NAME)), 202)
                .get("invitation").get("id").asString();
        // the new account joins by accepting, signed in as itself
        ok(Api.as(port, manager, "a long enough password 9").post("/api/v1/invitations/" + invitation + "/accept", "{}"), 200);
        String email = "a".repeat(TextLimits.NAME - "@example.org".length()) + "@example.org";
        String phone = "0".repeat(TextLimits.NAME);
        clock.setUk("2026-11-24T09:00");
        JsonNode c = ok(api.post(base + "/cases", """
                {"recordType":"complaint","channel":"PHONE",
                 "complainant":{"name":"%1$s","email":"%2$s","phone":"%3$s","address":"%4$s","preferredContact":"EMAIL",
                                "reasonableAdjustments":"%5$s","formats":["%1$s"],"tenure":"LOW_COST_RENTAL"},
                 "representative":{"name":"%1$s","relationship":"%1$s","email":"%2$s","phone":"%3$s","consentRecorded":true},
                 "namedPeople":[{"name":"%1$s","kind":"staff","role":"%1$s"}],
                 "serviceLine":"housing","serviceArea":"Repairs","subject":"%1$s","subSubject":"%1$s",
                 "description":"%5$s","outcomeWanted":"%5$s","understanding":"%5$s","points":["%5$s","%5$s"]}"""
                .formatted(NAME, email, phone, LINE, TEXT)), 201).get("caseFile");
        String id = c.get("id").asString();
        String reference = c.get("reference").asString();
        String path = base + "/cases/" + id;
        ok(api.post(path + "/acknowledge", "{\"method\":\"%s\"}".formatted(NAME)), 200);
        ok(api.post(path + "/extend", "{\"clock\":\"respond\",\"amount\":10,\"reason\":\"%s\",\"complainantAgreed\":true}".formatted(TEXT)), 200);
        ok(api.post(path + "/assign", "{\"owner\":\"sam.manager\"}"), 200);
        ok(api.post(path + "/points", "{\"summary\":\"%s\"}".formatted(TEXT)), 200);
        ok(api.post(path + "/understanding", "{\"understanding\":\"%1$s\",\"outcomeWanted\":\"%1$s\"}".formatted(TEXT)), 200);
        ok(api.post(path + "/evidence", "{\"kind\":\"SITE_VISIT\",\"date\":\"2026-11-24\",\"who\":\"%s\",\"notes\":\"%s\"}".formatted(NAME, TEXT)), 200);
        ok(api.post(path + "/contact", "{\"note\":\"%s\"}".formatted(TEXT)), 200);
        ok(api.post(path + "/hold", "{\"kind\":\"AWAITING_COMPLAINANT\",\"reason\":\"%s\"}".formatted(TEXT)), 200);
        ok(api.post(path + "/resume", "{\"note\":\"%s\"}".formatted(TEXT)), 200);
        ok(api.post(path + "/contact", "{\"note\":\"%s\"}".formatted(TEXT)), 200);

        JsonNode hazards = ok(api.get(path + "/hazards"), 200);
        String hazard = hazards.isEmpty()
                ? ok(api.post(path + "/hazards", "{\"category\":\"damp and mould\",\"notes\":\"%s\"}".formatted(TEXT)), 201).get("id").asString()
                : hazards.get(0).get("id").asString();
        ok(api.post(path + "/hazards/" + hazard + "/attempts", "{\"by\":\"%s\",\"outcome\":\"NO_ACCESS\",\"notes\":\"%s\"}".formatted(NAME, TEXT)), 200);
        ok(api.post(path + "/hazards/" + hazard + "/investigation-concluded", "{\"findings\":\"%s\"}".formatted(TEXT)), 200);

        ok(api.post(path + "/remedies", "{\"kind\":\"APOLOGY\",\"description\":\"%s\"}".formatted(TEXT)), 201);
        ok(api.post(path + "/remedies", "{\"kind\":\"ACTION\",\"description\":\"%s\",\"owner\":\"%s\",\"due\":\"2027-01-29\"}"
                .formatted(TEXT, NAME)), 201);
        JsonNode concern = ok(api.post(path + "/staff-concerns", "{\"namedPerson\":\"%s\",\"manager\":\"%s\"}".formatted(NAME, manager)), 201);
        String concerns = path + "/staff-concerns/" + concern.get("id").asString();
        ok(api.post(concerns + "/view", "{\"view\":\"%s\",\"givenOn\":\"2026-11-24\"}".formatted(TEXT)), 200);
        ok(api.post(concerns + "/updates", "{\"said\":\"%s\",\"on\":\"2026-11-24\"}".formatted(TEXT)), 201);

        clock.setUk("2026-12-22T15:00");
        String decisions = "[{\"number\":1,\"outcome\":\"UPHELD\",\"reasons\":\"%1$s\"},{\"number\":2,\"outcome\":\"NOT_UPHELD\",\"reasons\":\"%1$s\"},"
                .formatted(TEXT) + "{\"number\":3,\"outcome\":\"UPHELD\",\"reasons\":\"%s\"}]".formatted(TEXT);
        ok(api.post(path + "/respond", "{\"summary\":\"%s\",\"points\":%s,\"actions\":[{\"description\":\"%s\",\"due\":\"2027-01-08\",\"owner\":\"%s\"}]}"
                .formatted(TEXT, decisions, TEXT, NAME)), 200);
        clock.setUk("2027-01-04T10:00");
        ok(api.post(path + "/escalation-request", "{\"unresolved\":\"%1$s\",\"outcomeWanted\":\"%1$s\"}".formatted(TEXT)), 200);
        ok(api.post(path + "/assign", "{\"owner\":\"fay.feedback\"}"), 200);
        clock.setUk("2027-01-06T09:00");
        ok(api.post(path + "/accept-escalation", "{}"), 200);
        clock.setUk("2027-01-27T09:00");
        ok(api.post(path + "/steps", "{\"step\":\"case-conference\",\"note\":\"%s\"}".formatted(TEXT)), 200);
        ok(api.post(path + "/steps", "{\"step\":\"adverse-findings\",\"note\":\"%s\"}".formatted(TEXT)), 200);
        ok(api.post(path + "/contact-arrangement", "{\"method\":\"phone\",\"frequency\":\"every week\"}"), 200);
        ok(api.post(path + "/respond", "{\"summary\":\"%s\",\"points\":%s}".formatted(TEXT, decisions)), 200);
        ok(api.post(path + "/close", "{\"satisfaction\":{\"withHandling\":false,\"withOutcome\":false,\"reasons\":\"%1$s\"},\"note\":\"%1$s\"}"
                .formatted(TEXT)), 200);

        clock.setUk("2027-02-01T09:00");
        ok(api.post(path + "/ombudsman/referral", "{\"ombudsman\":\"housing-ombudsman\",\"reference\":\"%s\",\"referredOn\":\"2027-02-01\"}"
                .formatted(NAME)), 200);
        ok(api.post(path + "/ombudsman/findings", "{\"findings\":[{\"point\":1,\"finding\":\"MALADMINISTRATION\",\"notes\":\"%1$s\"},"
                .formatted(TEXT) + "{\"point\":2,\"finding\":\"NO_MALADMINISTRATION\",\"notes\":\"%s\"}]}".formatted(TEXT)), 200);
        JsonNode order = ok(api.post(path + "/ombudsman/orders", "{\"kind\":\"APOLOGISE\",\"description\":\"%s\",\"dueOn\":\"2027-03-01\"}"
                .formatted(TEXT)), 200).get("orders").get(0);
        ok(api.post(path + "/ombudsman/orders/" + order.get("id").asString() + "/complied",
                "{\"compliedOn\":\"2027-02-01\",\"evidence\":\"%s\"}".formatted(TEXT)), 200);

        ok(api.post(base + "/restrictions", """
                {"personName":"%s","email":"%s","phone":"%s","address":"%s","kind":"WRITTEN_CONTACT_ONLY","details":"%s","reason":"%s",
                 "decidedBy":"%s","decidedOn":"2027-02-01","reviewOn":"2027-08-01"}""".formatted(NAME, email, phone, LINE, TEXT, TEXT, NAME)), 201);
        ok(api.post(base + "/lessons", """
                {"kind":"LESSON","title":"%s","description":"%s","rootCause":"COMMUNICATION","owner":"%s","cases":["%s"]}"""
                .formatted(NAME, TEXT, NAME, reference)), 201);
        String subjectAccess = ok(api.post(base + "/subject-access", "{\"name\":\"%s\",\"email\":\"%s\",\"phone\":\"%s\"}"
                .formatted(NAME, email, phone)), 201).get("id").asString();
        return new LargeCase(api, path, reference, subjectAccess);
    }

    private static JsonNode ok(Api.Response response, int status) {
        assertThat(response.status()).as(response.body().length() > 2000 ? response.body().substring(0, 2000) : response.body()).isEqualTo(status);
        return response.json();
    }
}
