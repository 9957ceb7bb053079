package org.redress.reporting;

import org.redress.testing.Api;
import org.redress.testing.MutableClock;
import org.redress.testing.TestClockConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** A tiny test language for building cases through the case API at chosen UK times, and reading reports. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
abstract class ReportingApiSupport {

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    Api api() {
        return new Api(port);
    }

    /** A case in the making: each verb is applied at the UK local time given. */
    final class Story {
        final String organisation;
        JsonNode c;

        Story(String organisation, JsonNode c) {
            this.organisation = organisation;
            this.c = c;
        }

        String reference() {
            return c.get("reference").asString();
        }

        Story at(String ukTime, String verb, String body) {
            clock.setUk(ukTime);
            Api.Response response = api().post("/api/v1/organisations/" + organisation + "/cases/" + c.get("id").asString() + "/" + verb, body);
            assertThat(response.status()).as(verb + ": " + response.body()).isEqualTo(200);
            c = response.json();
            return this;
        }

        Story acknowledged(String ukTime) {
            return at(ukTime, "acknowledge", "{}");
        }

        Story responded(String ukTime, String... outcomes) {
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < outcomes.length; i++) {
                points.append(i == 0 ? "" : ",").append("{\"number\":%d,\"outcome\":\"%s\",\"reasons\":\"because\"}".formatted(i + 1, outcomes[i]));
            }
            return at(ukTime, "respond", "{\"summary\":\"Our response\",\"points\":[" + points + "]}");
        }

        Story closed(String ukTime, Boolean satisfiedWithHandling, Boolean satisfiedWithOutcome) {
            String satisfaction = satisfiedWithHandling == null ? "" : ",\"satisfaction\":{\"withHandling\":%s,\"withOutcome\":%s}"
                    .formatted(satisfiedWithHandling, satisfiedWithOutcome);
            return at(ukTime, "close", "{\"note\":\"done\"" + satisfaction + "}");
        }
    }

    /** Logs a complaint received at a UK local time, with one point per outcome it will need. */
    Story complaint(String organisation, String recordType, String receivedUk, String serviceLine, String serviceArea,
                    String subject, String subSubject, int points) {
        clock.setUk(receivedUk);
        StringBuilder p = new StringBuilder();
        for (int i = 1; i <= points; i++) {
            p.append(i == 1 ? "" : ",").append("\"Point ").append(i).append('"');
        }
        String body = """
                {"recordType":"%s","channel":"PHONE",
                 "complainant":{"name":"Ada Resident","email":"ada.%d@example.org","preferredContact":"EMAIL"},
                 "serviceLine":"%s","serviceArea":"%s","subject":"%s","subSubject":"%s",
                 "description":"Something went wrong","points":[%s]}
                """.formatted(recordType, System.nanoTime(), serviceLine, serviceArea, subject, subSubject, p);
        Api.Response response = api().post("/api/v1/organisations/" + organisation + "/cases", body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return new Story(organisation, response.json().get("caseFile"));
    }

    JsonNode get(String path) {
        Api.Response response = api().get(path);
        assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(200);
        return response.json();
    }

    /** One figure of a measure's JSON: the value of the figure in the group's row. */
    static JsonNode cell(JsonNode measure, String group, String figure) {
        for (JsonNode row : measure.get("rows")) {
            if (row.get("group").asString().equals(group)) {
                for (JsonNode cell : row.get("cells")) {
                    if (cell.get("figure").asString().equals(figure)) {
                        return cell;
                    }
                }
            }
        }
        throw new AssertionError("no " + figure + " in group " + group + " of " + measure);
    }

    static double value(JsonNode measure, String group, String figure) {
        JsonNode value = cell(measure, group, figure).get("value");
        assertThat(value).as(figure + " in " + group + " has a value").isNotNull();
        return value.asDouble();
    }
}
