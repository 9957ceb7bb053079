package org.redress.calendar;

import org.junit.jupiter.api.Test;
import org.redress.testing.Api;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CalendarApiIT {

    @LocalServerPort
    int port;

    @Autowired
    Calendars calendars;

    Api api() {
        return new Api(port);
    }

    @Test
    void addingWorkingDaysAnswersWithTheDueDateAndEverySkippedDay() {
        Api.Response response = api().get("/api/v1/calendars/england-and-wales/working-days/add?from=2021-12-24&days=1");
        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("jurisdiction").asString()).isEqualTo("england-and-wales");
        assertThat(body.get("from").asString()).isEqualTo("2021-12-24");
        assertThat(body.get("days").asInt()).isEqualTo(1);
        assertThat(body.get("due").asString()).isEqualTo("2021-12-29");
        assertThat(body.get("skipped")).hasSize(4);
        assertThat(body.get("skipped").get(2).get("date").asString()).isEqualTo("2021-12-27");
        assertThat(body.get("skipped").get(2).get("reason").asString()).isEqualTo("Christmas Day (substitute day)");
    }

    @Test
    void holidaysOfAYearAreListedWithSubstituteDaysMarked() {
        JsonNode holidays = api().get("/api/v1/calendars/scotland/holidays?year=2027").json();
        assertThat(holidays).hasSize(9);
        assertThat(holidays.get(1).get("date").asString()).isEqualTo("2027-01-04");
        assertThat(holidays.get(1).get("title").asString()).isEqualTo("2nd January");
        assertThat(holidays.get(1).get("substitute").asBoolean()).isTrue();
        assertThat(holidays.get(0).get("substitute").asBoolean()).isFalse();
    }

    @Test
    void workingDaysBetweenTwoDatesCountsAfterTheFirstUpToAndIncludingTheSecond() {
        JsonNode body = api().get("/api/v1/calendars/northern-ireland/working-days/between?from=2026-07-10&to=2026-07-17").json();
        assertThat(body.get("workingDays").asInt()).isEqualTo(4);
    }

    @Test
    void badInputIsRefusedWithAProblemNamingTheParameter() {
        assertProblem(api().get("/api/v1/calendars/wales/working-days/add?from=2026-01-01&days=1"), 404, "jurisdiction");
        assertProblem(api().get("/api/v1/calendars/england-and-wales/working-days/add?from=2026-13-01&days=1"), 400, "from");
        assertProblem(api().get("/api/v1/calendars/england-and-wales/working-days/add?from=2026-01-01&days=-1"), 400, "days");
        assertThat(api().get("/api/v1/calendars/england-and-wales/working-days/add?from=2026-01-01&days=-1").body())
                .contains("must be between 0 and 1000, not -1");
        assertThat(api().get("/api/v1/calendars/england-and-wales/deadline?start=2026-01-01&unit=weeks&amount=10001&organisation=Bad!").body())
                .contains("must be between 0 and 10000, not 10001", "must be an organisation code of lower-case letters, digits and hyphens");
        assertProblem(api().get("/api/v1/calendars/england-and-wales/working-days/add?from=2026-01-01&days=99999999"), 400, "days");
        assertProblem(api().get("/api/v1/calendars/england-and-wales/working-days/add?from=2026-01-01&days=ten"), 400, "days");
        assertProblem(api().get("/api/v1/calendars/england-and-wales/working-days/add?days=1"), 400, "from");
        assertProblem(api().get("/api/v1/calendars/england-and-wales/working-days/add?from=2100-12-30&days=900"), 400, "days");
        assertProblem(api().get("/api/v1/calendars/england-and-wales/holidays?year=1066"), 400, "year");
        assertProblem(api().get("/api/v1/calendars/england-and-wales/holidays?year=twenty"), 400, "year");
        assertProblem(api().get("/api/v1/calendars/england-and-wales/working-days/between?from=2026-01-01&to=3026-01-01"), 400, "to");
        assertProblem(api().get("/api/v1/calendars/england-and-wales/deadline?start=soon&unit=fortnights&amount=1"), 400, "unit");
    }

    @Test
    void anOrganisationsClosureDaysMoveItsDeadlinesButNoOneElses() {
        String org = "closure-test-org";
        Api api = api();
        assertThat(api.put("/api/v1/organisations/" + org + "/closure-days/2026-12-29",
                "{\"reason\":\"office closed between Christmas and New Year\"}").status()).isEqualTo(200);
        assertThat(api.put("/api/v1/organisations/" + org + "/closure-days/2026-12-30",
                "{\"reason\":\"office closed between Christmas and New Year\"}").status()).isEqualTo(200);

        JsonNode withClosures = api.get("/api/v1/calendars/england-and-wales/working-days/add?from=2026-12-24&days=1&organisation=" + org).json();
        assertThat(withClosures.get("due").asString()).isEqualTo("2026-12-31");
        assertThat(withClosures.get("skipped").toString()).contains("organisation closure: office closed between Christmas and New Year");
        JsonNode without = api.get("/api/v1/calendars/england-and-wales/working-days/add?from=2026-12-24&days=1&organisation=another-org").json();
        assertThat(without.get("due").asString()).isEqualTo("2026-12-29");

        assertThat(api.get("/api/v1/organisations/" + org + "/closure-days").json()).hasSize(2);
        assertThat(api.delete("/api/v1/organisations/" + org + "/closure-days/2026-12-29").status()).isEqualTo(204);
        JsonNode afterRemoval = api.get("/api/v1/calendars/england-and-wales/working-days/add?from=2026-12-24&days=1&organisation=" + org).json();
        assertThat(afterRemoval.get("due").asString()).isEqualTo("2026-12-29");
    }

    @Test
    void aClosureDayWithoutAReasonIsRefusedAndNothingIsStored() {
        String org = "no-reason-org";
        assertProblem(api().put("/api/v1/organisations/" + org + "/closure-days/2026-12-29", "{\"reason\":\"  \"}"), 400, "reason");
        assertThat(calendars.closureDays(org)).isEmpty();
    }

    @Test
    void aDeadlineInClockHoursExplainsItselfAcrossTheClockChange() {
        JsonNode body = api().get("/api/v1/calendars/england-and-wales/deadline?start=2026-10-24T12:00&unit=clock-hours&amount=24").json();
        assertThat(body.get("dueBy").asString()).isEqualTo("2026-10-25T11:00:00Z");
        assertThat(body.get("explanation").asString()).contains("11:00 GMT on Sun 25 Oct 2026", "12:00 BST on Sat 24 Oct 2026");
    }

    @Test
    void healthIsUpAndTheApiIsDescribed() {
        assertThat(api().get("/actuator/health").body()).contains("\"status\":\"UP\"");
        Api.Response docs = api().get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/v1/calendars/{jurisdiction}/working-days/add");
        assertThat(api().get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    private static void assertProblem(Api.Response response, int status, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").findValuesAsString("field")).as(response.body()).contains(field);
    }
}
