package org.redress.casework;

import org.junit.jupiter.api.Test;
import org.redress.testing.Api;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 20, item 6: dates in order everywhere. No verb of the API may be dated before the case was received or before
 * the step it follows (a 422 naming the field {@code at} and the rule), and a date outside the calendar's years is a 400
 * naming the field, never a 500.
 */
class DatesInOrderIT extends CaseApiSupport {

    private static final String RESPONSE = """
            {"summary":"We are sorry","points":[{"number":1,"outcome":"UPHELD","reasons":"the repair was missed"}],"at":"%s"}""";

    @Test
    void eachDatedVerbIsRefusedBeforeTheStepItFollowsNamingTheFieldAndTheRule() {
        clock.setUk("2026-12-01T10:00");
        String org = cases().anOrganisationLike("alliance-homes");
        JsonNode c = create(org, complaint("complaint", "2026-11-23T09:00:00Z", null, "The boiler"));

        assertOutOfOrder(attempt(org, c, "acknowledge", "{\"at\":\"2026-11-22T09:00:00Z\"}"),
                "is before the case was received (23 November 2026 09:00): a step cannot be dated before the step it follows");
        act(org, c, "acknowledge", "{\"at\":\"2026-11-24T09:00:00Z\"}");
        c = api().get(path(org, c)).json();

        assertOutOfOrder(attempt(org, c, "respond", RESPONSE.formatted("2026-11-23T12:00:00Z")),
                "is before Stage 1 was acknowledged (24 November 2026 09:00)");
        act(org, c, "respond", RESPONSE.formatted("2026-11-30T09:00:00Z"));
        c = api().get(path(org, c)).json();

        assertOutOfOrder(attempt(org, c, "escalation-request", "{\"unresolved\":\"still broken\",\"requestedAt\":\"2026-11-29T09:00:00Z\"}"),
                "requestedAt", "is before the Stage 1 response (30 November 2026 09:00)");
        assertOutOfOrder(attempt(org, c, "close", "{\"at\":\"2026-11-25T09:00:00Z\"}"),
                "is before the last response (30 November 2026 09:00)");
        act(org, c, "close", "{\"at\":\"2026-11-30T10:00:00Z\"}");
        c = api().get(path(org, c)).json();
        assertOutOfOrder(attempt(org, c, "reopen", "{\"reason\":\"new evidence\",\"at\":\"2026-11-30T09:30:00Z\"}"),
                "is before the case was closed (30 November 2026 10:00)");
        assertThat(api().get(path(org, c)).json().get("status").asString()).isEqualTo("CLOSED");
    }

    @Test
    void aDateOutsideTheCalendarsYearsIsA400NamingTheFieldNeverA500() {
        clock.setUk("2026-12-01T10:00");
        String org = cases().anOrganisationLike("alliance-homes");
        for (String receivedAt : new String[] {"1999-01-01T00:00:00Z", "2101-01-01T00:00:00Z", "+999999999-12-31T00:00:00Z"}) {
            Api.Response r = api().post("/api/v1/organisations/" + org + "/cases",
                    complaint("complaint", "2026-11-23T09:00:00Z", null, "Point").replace("2026-11-23T09:00:00Z", receivedAt));
            assertThat(r.status()).as(receivedAt + ": " + r.body()).isEqualTo(400);
            assertThat(r.json().get("errors").get(0).get("field").asString()).as(r.body()).isEqualTo("receivedAt");
        }
        // 2100 is the calendar's last year: a receipt in it is in the future, refused naming the field
        Api.Response future = api().post("/api/v1/organisations/" + org + "/cases",
                complaint("complaint", "2026-11-23T09:00:00Z", null, "Point").replace("2026-11-23T09:00:00Z", "2100-06-01T00:00:00Z"));
        assertOutOfOrder(future, "receivedAt", "cannot be in the future");
        JsonNode c = create(org, complaint("complaint", "2026-11-23T09:00:00Z", null, "Point"));
        for (String at : new String[] {"1999-01-01T00:00:00Z", "2100-01-01T00:00:00Z"}) {
            Api.Response r = attempt(org, c, "acknowledge", "{\"at\":\"" + at + "\"}");
            assertThat(r.status()).as(at + ": " + r.body()).isEqualTo(400);
            assertThat(r.json().get("errors").get(0).get("field").asString()).as(r.body()).isEqualTo("at");
        }
    }

    private static void assertOutOfOrder(Api.Response response, String detail) {
        assertOutOfOrder(response, "at", detail);
    }

    private static void assertOutOfOrder(Api.Response response, String field, String detail) {
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
        assertThat(response.json().get("detail").asString()).contains(detail);
    }
}
