package org.redress.reporting;

import org.junit.jupiter.api.Test;
import org.redress.testing.Api;
import org.redress.testing.Cases;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 23, item 5: the reports' period edges (T-11, the annual complaints performance report; R-1, the Code's annual
 * outputs). Each test puts one case on each side of the edge of the year 2019/20 (1 April 2019 to 31 March 2020) in an
 * organisation of its own, driven through the case API with the injected clock: the last instant of the period
 * (23:59:59.999999 on 31 March 2020, UK time) and the first instant after it (00:00 on 1 April 2020).
 */
class PeriodEdgesIT extends ReportingApiSupport {

    static final String YEAR_2019_20 = "from=2019-04-01&to=2020-03-31";
    static final String YEAR_2020_21 = "from=2020-04-01&to=2021-03-31";

    private JsonNode measureOf(String organisation, String id, String query) {
        return get("/api/v1/organisations/" + organisation + "/reports/measures/" + id + "?" + query);
    }

    private static String respondClockDue(JsonNode c) {
        for (JsonNode clock : c.get("clocks")) {
            if (clock.get("id").asString().equals("respond") && clock.get("stage").asInt() == 1) {
                return clock.get("dueBy").asString();
            }
        }
        throw new AssertionError("no stage 1 respond clock in " + c);
    }

    /**
     * A stage 1 complaint received on Monday 16 March 2020 and acknowledged on the 17th: its response is due 10 working
     * days after the acknowledgement, by the end of Tuesday 31 March 2020 (BST began on 29 March, so 23:00 UTC).
     */
    private Story dueByTheEndOf31March(String organisation) {
        Story s = complaint(organisation, "complaint", "2020-03-16T09:00", "housing", "Repairs", "Repairs", "Damp", 1)
                .acknowledged("2020-03-17T09:00");
        assertThat(respondClockDue(s.c)).isEqualTo("2020-03-31T23:00:00Z");
        return s;
    }

    @Test
    void aCaseDueByTheEndOfThePeriodsLastDayAndUnansweredAtItsEndIsOverdueNotWithinTime() { // T-11, R-1
        String org = new Cases(api()).anOrganisationLike(ORG);
        // answered at the last instant of the period: answered within time, within the period, not open at its end
        Story answeredInTime = dueByTheEndOf31March(org).responded("2020-03-31T23:59:59.999999", "UPHELD");
        // still unanswered at the period's end: answered at the first instant after it
        Story unanswered = dueByTheEndOf31March(org);
        // due by the end of Wednesday 1 April 2020, the day after the period: still within time at its end
        Story dueAfter = complaint(org, "complaint", "2020-03-17T09:00", "housing", "Repairs", "Repairs", "Leak", 1)
                .acknowledged("2020-03-18T09:00");
        assertThat(respondClockDue(dueAfter.c)).isEqualTo("2020-04-01T23:00:00Z");
        unanswered.responded("2020-04-01T00:00", "UPHELD");
        dueAfter.responded("2020-04-01T09:00", "UPHELD");
        clock.setUk("2020-07-01T09:00");

        JsonNode open = measureOf(org, "open-complaints", YEAR_2019_20);
        assertThat(value(open, "Repairs", "open")).isEqualTo(2);
        assertThat(value(open, "Repairs", "out-of-category")).isEqualTo(1);
        assertThat(casesBehind(open, "Repairs", "out-of-category")).containsExactly(unanswered.reference());
        assertThat(value(open, "Repairs", "in-category")).isEqualTo(1);
        assertThat(casesBehind(open, "Repairs", "in-category")).containsExactly(dueAfter.reference());

        JsonNode times = measureOf(org, "response-times", YEAR_2019_20);
        assertThat(value(times, "Stage 1", "responses")).isEqualTo(1);
        assertThat(value(times, "Stage 1", "in-time")).isEqualTo(100.0);
        assertThat(casesBehind(times, "Stage 1", "responses")).containsExactly(answeredInTime.reference());
        // the two answered after the period are the next period's responses
        assertThat(value(measureOf(org, "response-times", YEAR_2020_21), "Stage 1", "responses")).isEqualTo(2);
    }

    @Test
    void determinedCountsOnlyDeterminationsMadeWithinThePeriod() { // T-11, R-1
        String org = new Cases(api()).anOrganisationLike(ORG);
        Story onTheLastDay = complaint(org, "complaint", "2020-01-06T09:00", "housing", "Repairs", "Repairs", "Damp", 1)
                .acknowledged("2020-01-07T09:00").responded("2020-01-14T09:00", "NOT_UPHELD").closed("2020-01-15T09:00", null, null);
        Story onTheFirstDayAfter = complaint(org, "complaint", "2020-01-06T10:00", "housing", "Repairs", "Repairs", "Leak", 1)
                .acknowledged("2020-01-07T09:00").responded("2020-01-14T09:00", "NOT_UPHELD").closed("2020-01-15T09:00", null, null);
        clock.setUk("2020-04-02T09:00");
        refer(org, onTheLastDay, "HOS-2020-1", "2020-02-03", "2020-03-31");
        refer(org, onTheFirstDayAfter, "HOS-2020-2", "2020-02-10", "2020-04-01");

        JsonNode year = measureOf(org, "ombudsman", YEAR_2019_20);
        assertThat(value(year, "Housing Ombudsman Service", "referred")).isEqualTo(2);
        assertThat(value(year, "Housing Ombudsman Service", "determined")).isEqualTo(1);
        assertThat(casesBehind(year, "Housing Ombudsman Service", "determined")).containsExactly(onTheLastDay.reference());
        // a period running to the first day after counts both
        assertThat(value(measureOf(org, "ombudsman", "from=2019-04-01&to=2020-04-01"), "Housing Ombudsman Service", "determined"))
                .isEqualTo(2);
    }

    private void refer(String org, Story s, String reference, String referredOn, String determinedOn) {
        Api.Response referred = api().post("/api/v1/organisations/" + org + "/cases/" + s.reference() + "/ombudsman/referral", """
                {"ombudsman":"housing-ombudsman","reference":"%s","referredOn":"%s","determinedOn":"%s"}"""
                .formatted(reference, referredOn, determinedOn));
        assertThat(referred.status()).as(referred.body()).isEqualTo(200);
    }
}
