package org.redress.casework;

import org.junit.jupiter.api.Test;
import org.redress.testing.Api;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** F-11: a complaint from someone who complained in the last months is flagged with their earlier cases, newest first. */
class RepeatComplaintIT extends CaseApiSupport {

    @Test
    void anEarlierComplaintBySameEmailOrSameNameIsNamedAndOneBeyondTheWindowIsNot() {
        clock.setUk("2026-11-23T10:00");
        String old = logged("2025-06-01T09:00:00Z", "Bea Repeat", "bea.repeat@example.org").get("caseFile").get("reference").asString();
        JsonNode first = logged("2026-09-01T09:00:00Z", "Bea Repeat", "bea.repeat@example.org");
        String byEmail = first.get("caseFile").get("reference").asString();
        assertThat(first.get("warnings")).isEmpty();
        String byName = logged("2026-10-01T09:00:00Z", "BEA REPEAT", null).get("caseFile").get("reference").asString();

        JsonNode again = logged("2026-11-23T09:00:00Z", "Bea Repeat", "Bea.Repeat@example.org");
        JsonNode repeat = again.get("warnings").get(0);
        assertThat(repeat.get("kind").asString()).isEqualTo("REPEAT");
        List<String> related = new ArrayList<>();
        repeat.get("relatedCases").forEach(r -> related.add(r.asString()));
        assertThat(related).containsExactly(byName, byEmail).doesNotContain(old);
    }

    private JsonNode logged(String receivedAt, String name, String email) {
        Api.Response response = api().post("/api/v1/organisations/alliance-homes/cases", """
                {"recordType":"complaint","channel":"EMAIL","receivedAt":"%s",
                 "complainant":{"name":"%s"%s},"serviceLine":"housing",
                 "description":"Again the repair was missed","points":["Missed repair"]}
                """.formatted(receivedAt, name, email == null ? "" : ",\"email\":\"" + email + "\""));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }
}
