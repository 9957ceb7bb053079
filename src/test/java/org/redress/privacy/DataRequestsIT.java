package org.redress.privacy;

import org.junit.jupiter.api.Test;
import org.redress.testing.Api;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Erasure (UK GDPR Art. 17) and rectification (Art. 16) requests: recorded, decided with reasons, applied. */
class DataRequestsIT extends PrivacyApiSupport {

    static final String PATH = "/api/v1/organisations/" + ORG + "/privacy-requests";

    String record(String kind, Story story, String extra) {
        Api.Response r = api().post(PATH, """
                {"kind":"%s","caseReference":"%s","requestedBy":"%s","request":"Please act on my data"%s}
                """.formatted(kind, story.reference(), story.person.name(), extra));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    JsonNode request(String id) {
        for (JsonNode r : get(PATH)) {
            if (r.get("id").asString().equals(id)) {
                return r;
            }
        }
        throw new AssertionError("no request " + id);
    }

    @Test
    void erasureIsRefusedWhileTheComplaintIsOpenNamingTheReasonAndNothingChanges() {
        Story open = complaint(Person.unique("Ivy"), "2021-05-03T09:00", "Repairs", "Repairs").acknowledged("2021-05-04T09:00");
        String id = record("ERASURE", open, "");
        Api.Response refused = api().post(PATH + "/" + id + "/apply", "{\"reason\":\"asked in writing\"}");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("detail").asString()).contains("erasure refused: case " + open.reference() + " is open");
        assertThat(refused.json().get("rule").asString()).contains("UK GDPR Art. 17(3)(b)");
        assertThat(get("/api/v1/organisations/" + ORG + "/cases/" + open.reference()).get("complainant").get("name").asString())
                .isEqualTo(open.person.name());
        assertThat(request(id).get("decision")).isNull();

        Api.Response noBasis = api().post(PATH + "/" + id + "/refuse", "{\"reason\":\"the complaint is open\"}");
        assertThat(noBasis.status()).isEqualTo(400);
        assertThat(noBasis.body()).contains("lawfulBasis");
        assertThat(api().post(PATH + "/" + id + "/refuse", "{\"reason\":\"the complaint is open\",\"lawfulBasis\":\"UK GDPR Art. 17(3)(b)\"}")
                .status()).isEqualTo(200);
        JsonNode decided = request(id);
        assertThat(decided.get("decision").asString()).isEqualTo("REFUSED");
        assertThat(decided.get("lawfulBasis").asString()).isEqualTo("UK GDPR Art. 17(3)(b)");
        assertThat(api().post(PATH + "/" + id + "/apply", "{\"reason\":\"again\"}").status()).isEqualTo(422);
        open.withdrawn("2021-05-05T09:00");
    }

    @Test
    void erasureOfAnEndedCaseAnonymisesItAndALegalHoldRefusesIt() {
        Story ended = complaint(Person.unique("Jo"), "2021-06-01T09:00", "Repairs", "Repairs").acknowledged("2021-06-02T09:00")
                .responded("2021-06-08T09:00", "UPHELD").closed("2021-06-09T09:00");
        Story held = complaint(Person.unique("Kit"), "2021-06-01T10:00", "Repairs", "Repairs").acknowledged("2021-06-02T10:00")
                .withdrawn("2021-06-03T09:00");
        clock.setUk("2021-07-01T09:00");
        api().post("/api/v1/organisations/" + ORG + "/legal-holds", "{\"person\":\"%s\",\"reason\":\"Tribunal claim\"}".formatted(held.person.phone()));

        String heldId = record("ERASURE", held, "");
        Api.Response refused = api().post(PATH + "/" + heldId + "/apply", "{\"reason\":\"asked\"}");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("detail").asString()).contains("legal hold on the person: Tribunal claim");
        assertThat(refused.json().get("rule").asString()).isEqualTo("UK GDPR Art. 17(3)(e)");

        String id = record("ERASURE", ended, "");
        assertThat(api().post(PATH + "/" + id + "/apply", "{\"reason\":\"no reason to keep it\"}").status()).isEqualTo(200);
        assertThat(request(id).get("decision").asString()).isEqualTo("APPLIED");
        JsonNode c = get("/api/v1/organisations/" + ORG + "/cases/" + ended.reference());
        assertThat(c.get("complainant").get("name").asString()).isEqualTo("[anonymised]");
        assertThat(c.get("history").get(c.get("history").size() - 1).get("details").get("basis").asString()).isEqualTo("erasure request " + id);
        assertThat(whereInTheDatabase(ended.person.email())).isEmpty();
    }

    @Test
    void rectificationCorrectsTheContactDetailsThroughCaseworkAndRecordsWhichFieldsChanged() {
        Story story = complaint(Person.unique("Lou"), "2021-08-02T09:00", "Repairs", "Repairs").acknowledged("2021-08-03T09:00");
        String id = record("RECTIFICATION", story, ",\"correction\":{\"email\":\"lou.corrected@example.net\",\"phone\":\"07700 900999\"}");
        assertThat(api().post(PATH + "/" + id + "/apply", "{\"reason\":\"the email had a typing error\"}").status()).isEqualTo(200);
        JsonNode c = get("/api/v1/organisations/" + ORG + "/cases/" + story.reference());
        assertThat(c.get("complainant").get("email").asString()).isEqualTo("lou.corrected@example.net");
        assertThat(c.get("complainant").get("phone").asString()).isEqualTo("07700 900999");
        assertThat(c.get("complainant").get("name").asString()).isEqualTo(story.person.name());
        JsonNode last = c.get("history").get(c.get("history").size() - 1);
        assertThat(last.get("type").asString()).isEqualTo("contact-details-corrected");
        assertThat(last.get("details").get("fields").toString()).isEqualTo("[\"email\",\"phone\"]");
        assertThat(request(id).get("lawfulBasis").asString()).isEqualTo("UK GDPR Art. 16");
        story.withdrawn("2021-08-04T09:00");
    }

    @Test
    void badInputIsNamedAndRecordsNothing() {
        int before = get(PATH).size();
        Api.Response bad = api().post(PATH, "{\"kind\":\"FORGET\",\"caseReference\":\"AH-1999-999999\",\"requestedBy\":\"\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("\"kind\"").contains("\"caseReference\"").contains("\"requestedBy\"").contains("\"request\"");
        Story story = complaint(Person.unique("Max"), "2021-09-01T09:00", "Repairs", "Repairs");
        Api.Response noCorrection = api().post(PATH, """
                {"kind":"RECTIFICATION","caseReference":"%s","requestedBy":"Max","request":"fix my email"}
                """.formatted(story.reference()));
        assertThat(noCorrection.status()).isEqualTo(400);
        assertThat(noCorrection.body()).contains("\"correction\"");
        assertThat(get(PATH).size()).isEqualTo(before);
        story.withdrawn("2021-09-02T09:00");
    }
}
