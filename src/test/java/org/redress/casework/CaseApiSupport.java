package org.redress.casework;

import org.redress.testing.Api;
import org.redress.testing.Cases;
import org.redress.testing.NewCase;
import org.redress.testing.MutableClock;
import org.redress.testing.TestClockConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A tiny test language over the case API: log a complaint, apply verbs, read clocks. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
abstract class CaseApiSupport {

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    Api api() {
        return new Api(port);
    }

    Cases cases() {
        return new Cases(api());
    }

    /** A phone contact from Ada Resident about a missed boiler repair, filed under Repairs, needing large print. */
    static String complaint(String type, String receivedAt, String serviceLine, String... points) {
        NewCase contact = Cases.aContact(type).receivedAt(Instant.parse(receivedAt)).preferringContactBy("EMAIL")
                .needing("large print letters").inArea("Repairs").about("Repairs", "Missed appointment")
                .saying("The boiler repair was missed twice").wanting("Fix the boiler").points(points);
        if (serviceLine != null) {
            contact.onServiceLine(serviceLine);
        }
        return contact.json();
    }

    JsonNode create(String organisation, String body) {
        Api.Response response = api().post("/api/v1/organisations/" + organisation + "/cases", body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("caseFile");
    }

    JsonNode act(String organisation, JsonNode caseFile, String verb, String body) {
        Api.Response response = api().post(path(organisation, caseFile) + "/" + verb, body);
        assertThat(response.status()).as(verb + ": " + response.body()).isEqualTo(200);
        return response.json();
    }

    Api.Response attempt(String organisation, JsonNode caseFile, String verb, String body) {
        return api().post(path(organisation, caseFile) + "/" + verb, body);
    }

    static String path(String organisation, JsonNode caseFile) {
        return "/api/v1/organisations/" + organisation + "/cases/" + caseFile.get("id").asString();
    }

    static JsonNode clock(JsonNode caseFile, String id, int stage) {
        for (JsonNode c : caseFile.get("clocks")) {
            if (c.get("id").asString().equals(id) && c.get("stage").asInt() == stage) {
                return c;
            }
        }
        throw new AssertionError("no clock " + id + " at stage " + stage + " in " + caseFile.get("clocks"));
    }

    static String due(JsonNode caseFile, String id, int stage) {
        return clock(caseFile, id, stage).get("dueDate").asString();
    }
}
