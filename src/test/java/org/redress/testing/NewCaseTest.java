package org.redress.testing;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.redress.testing.Cases.notUpheld;
import static org.redress.testing.Cases.promise;
import static org.redress.testing.Cases.upheld;

/** The case language writes the JSON the case API reads, saying only what a test chose. */
class NewCaseTest {

    static JsonNode json(NewCase contact) {
        return Cases.JSON.readTree(contact.json());
    }

    @Test
    void aComplaintSaysWhoWhenAndWhatAbout() {
        JsonNode c = json(Cases.aContact("complaint").receivedOn(LocalDate.of(2026, 3, 2)).by("Ada Lovelace").about("Repairs")
                .inArea("Repairs").points("Boiler", "Call back"));
        assertThat(c.get("recordType").asString()).isEqualTo("complaint");
        assertThat(c.get("channel").asString()).isEqualTo("PHONE");
        assertThat(c.get("receivedAt").asString()).isEqualTo("2026-03-02T09:00:00Z");
        assertThat(c.get("complainant").get("name").asString()).isEqualTo("Ada Lovelace");
        assertThat(c.get("complainant").get("email").asString()).endsWith("@example.org");
        assertThat(c.get("subject").asString()).isEqualTo("Repairs");
        assertThat(c.get("points")).extracting(JsonNode::asString).containsExactly("Boiler", "Call back");
    }

    @Test
    void aDateInSummerIsNineOClockBritishSummerTime() {
        assertThat(json(Cases.aContact("complaint").receivedOn(LocalDate.of(2026, 7, 1))).get("receivedAt").asString())
                .isEqualTo("2026-07-01T08:00:00Z");
    }

    @Test
    void whatATestLeavesOutIsNotSent() {
        JsonNode c = json(Cases.aContact("compliment").withoutEmail().points());
        assertThat(c.has("points")).isFalse();
        assertThat(c.has("receivedAt")).isFalse();
        assertThat(c.get("complainant").has("email")).isFalse();
        assertThat(c.get("complainant").has("preferredContact")).isFalse();
    }

    @Test
    void everyContactHasItsOwnEmailAddress() {
        assertThat(json(Cases.aContact("complaint")).get("complainant").get("email").asString())
                .isNotEqualTo(json(Cases.aContact("complaint")).get("complainant").get("email").asString());
    }

    @Test
    void aResponseGivesEachPointsDecisionAndEachPromiseItsDate() {
        JsonNode r = Cases.JSON.readTree(CaseOnFile.response("We are sorry", List.of(upheld(1, "missed"), notUpheld(2, "on time")),
                List.of(promise("Repair the boiler", LocalDate.of(2027, 1, 8)))));
        assertThat(r.get("summary").asString()).isEqualTo("We are sorry");
        assertThat(r.get("points").get(0).get("outcome").asString()).isEqualTo("UPHELD");
        assertThat(r.get("points").get(1).get("number").asInt()).isEqualTo(2);
        assertThat(r.get("points").get(1).get("outcome").asString()).isEqualTo("NOT_UPHELD");
        assertThat(r.get("actions").get(0).get("due").asString()).isEqualTo("2027-01-08");
    }
}
