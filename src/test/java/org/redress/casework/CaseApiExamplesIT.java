package org.redress.casework;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.testing.Api;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API explorer's examples are requests that work: every case verb in the OpenAPI description has at least one,
 * and each one is sent, as the description gives it, through a case's life.
 */
class CaseApiExamplesIT extends CaseApiSupport {

    static final String CASES = "/api/v1/organisations/{organisation}/cases";

    JsonNode docs;

    @BeforeEach
    void readTheDescription() {
        Api.Response response = api().get("/v3/api-docs");
        assertThat(response.status()).isEqualTo(200);
        docs = response.json();
    }

    /** The example's value as the description gives it, as a request body. */
    String example(String verb, String name) {
        String path = switch (verb) {
            case "create" -> CASES;
            case "checks" -> CASES + "/checks";
            default -> CASES + "/{case}/" + verb;
        };
        JsonNode example = docs.get("paths").get(path).get("post").get("requestBody").get("content").get("application/json")
                .get("examples").get(name);
        assertThat(example).as(verb + " example " + name).isNotNull();
        assertThat(example.get("summary").asString()).isNotBlank();
        return example.get("value").toString();
    }

    JsonNode send(String organisation, JsonNode caseFile, String verb, String name) {
        return act(organisation, caseFile, verb, example(verb, name));
    }

    @Test
    void everyCaseVerbInTheDescriptionHasAWorkedExample() {
        List<String> without = new ArrayList<>();
        int verbs = 0;
        for (Map.Entry<String, JsonNode> path : docs.get("paths").properties()) {
            JsonNode post = path.getValue().get("post");
            if (post == null || !post.get("tags").toString().contains("\"Cases\"")) {
                continue;
            }
            verbs++;
            JsonNode examples = post.path("requestBody").path("content").path("application/json").path("examples");
            if (examples.isMissingNode() || examples.isEmpty()) {
                without.add(path.getKey());
            }
        }
        // issue 22 added investigate-anyway (F-3), mediation (F-6), contact-arrangement and the adjustments (T-1: record, agree, end);
        // issue 23 the summary resolution (DISP 1.5, R-5) and the correction of the service line (F-8)
        assertThat(verbs).as("the case verbs in the description: logging, the checks before logging and the verbs").isEqualTo(30);
        assertThat(without).as("case verbs without an example").isEmpty();
    }

    @Test
    void theExamplesTakeAComplaintThroughBothStagesAndBeyond() {
        clock.setUk("2026-11-25T10:00");
        String org = "alliance-homes";
        assertThat(api().post("/api/v1/organisations/" + org + "/cases/checks", example("checks", "before-logging")).status()).isEqualTo(200);
        Api.Response created = api().post("/api/v1/organisations/" + org + "/cases", example("create", "phone-complaint"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode c = created.json().get("caseFile");

        assertThat(c.get("complainant").get("tenure").asString()).isEqualTo("LOW_COST_RENTAL");
        c = send(org, c, "tenure", "shared-ownership");
        assertThat(c.get("complainant").get("tenure").asString()).isEqualTo("LOW_COST_HOME_OWNERSHIP");
        c = send(org, c, "acknowledge", "by-email");
        c = send(org, c, "assign", "owner");
        c = send(org, c, "points", "another-point");
        c = send(org, c, "understanding", "code-5-6");
        c = send(org, c, "evidence", "interview");
        c = send(org, c, "contact", "phoned");
        c = send(org, c, "hold", "awaiting-complainant");
        c = send(org, c, "resume", "photos-received");
        c = send(org, c, "extend", "agreed");
        c = send(org, c, "respond", "three-points");
        assertThat(c.get("status").asString()).isEqualTo("RESPONDED");
        c = send(org, c, "escalation-request", "not-satisfied");
        c = send(org, c, "accept-escalation", "accept");
        c = send(org, c, "steps", "case-conference");
        c = send(org, c, "steps", "adverse-findings");
        c = send(org, c, "contact-arrangement", "agreed");
        c = send(org, c, "respond", "three-points");
        c = send(org, c, "close", "with-satisfaction");
        assertThat(c.get("status").asString()).isEqualTo("CLOSED");
        c = send(org, c, "reopen", "new-information");
        c = send(org, c, "withdraw", "withdrawn");
        assertThat(c.get("status").asString()).isEqualTo("WITHDRAWN");

        Api.Response letter = api().post("/api/v1/organisations/" + org + "/cases", example("create", "letter-from-a-representative"));
        assertThat(letter.status()).as(letter.body()).isEqualTo(201);
        JsonNode declined = send(org, send(org, letter.json().get("caseFile"), "hold", "legal"), "decline", "out-of-scope");
        assertThat(declined.get("status").asString()).isEqualTo("DECLINED");

        // F-3: a complaint made long after the person knew is investigated anyway
        JsonNode late = create(org, example("create", "phone-complaint").replace("\"recordType\":\"complaint\"",
                "\"awareSince\":\"2025-06-01\",\"recordType\":\"complaint\""));
        assertThat(send(org, late, "investigate-anyway", "late-complaint").get("status").asString()).isEqualTo("OPEN");

        JsonNode request = create(org, example("create", "phone-complaint").replace("\"recordType\":\"complaint\"", "\"recordType\":\"service-request\""));
        Api.Response reclassified = api().post(path(org, request) + "/reclassify", example("reclassify", "to-complaint"));
        assertThat(reclassified.status()).as(reclassified.body()).isEqualTo(201);

        // issue 23, F-8: a complaint logged on housing by mistake is moved to home care before its acknowledgement
        JsonNode moved = send(org, create(org, example("create", "phone-complaint")), "service-line", "logged-on-the-wrong-line");
        assertThat(moved.get("classification").get("serviceLine").asString()).isEqualTo("home-care");
        assertThat(moved.get("stageName").asString()).isEqualTo("Home care complaint (single stage)");
    }

    @Test
    void theRefusalExampleRefusesAnEscalationWhereThePolicyAllowsIt() {
        clock.setUk("2026-11-25T10:00");
        String org = "helping-our-future";
        JsonNode c = create(org, complaint("complaint", "2026-11-23T09:00:00Z", null, "Staff attitude"));
        c = act(org, c, "acknowledge", "{}");
        c = act(org, c, "respond", "{\"summary\":\"Reviewed\",\"points\":[{\"number\":1,\"outcome\":\"NOT_UPHELD\",\"reasons\":\"no evidence\"}]}");
        c = act(org, c, "escalation-request", "{}");
        c = send(org, c, "refuse-escalation", "behaviour");
        assertThat(c.get("status").asString()).isEqualTo("CLOSED");
    }
}
