package org.redress.reporting;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every measure on the hand-built data set of {@link ReportingApiSupport#theFirstHalfOf2019HasHappened()}. The expected
 * figures are worked out here from the stories, never copied from the output.
 */
class MeasuresIT extends ReportingApiSupport {

    @Autowired
    JdbcClient jdbc;

    @Test
    void complaintsReceivedCountsFirstStagesReceivedInThePeriodAndNotCompliments() {
        JsonNode received = measure("complaints-received");
        // A, B, C, D, E, F; H was received in 2018 and G is a compliment
        assertThat(value(received, "All", "received")).isEqualTo(6);
        assertThat(received.get("definition").asString()).contains("first stage was received in the period");
        assertThat(casesBehind(received, "All", "received")).containsExactlyElementsOf(refs("A", "B", "C", "D", "E", "F"));
    }

    @Test
    void receivedByMonthShowsEveryMonthOfThePeriodIncludingEmptyOnes() {
        JsonNode byMonth = measure("received-by-month");
        assertThat(byMonth.get("rows")).extracting(r -> r.get("group").asString())
                .containsExactly("2019-01", "2019-02", "2019-03", "2019-04", "2019-05", "2019-06");
        assertThat(value(byMonth, "2019-01", "received")).isEqualTo(1);  // F
        assertThat(value(byMonth, "2019-02", "received")).isEqualTo(4);  // A, B, C, E
        assertThat(value(byMonth, "2019-03", "received")).isEqualTo(0);
        assertThat(value(byMonth, "2019-06", "received")).isEqualTo(1);  // D
    }

    @Test
    void subjectsAndServiceAreasSplitTheComplaintsReceived() {
        JsonNode areas = measure("received-by-service-area");
        assertThat(value(areas, "Repairs", "received")).isEqualTo(2);
        assertThat(value(areas, "Neighbourhoods", "received")).isEqualTo(2);
        assertThat(value(areas, "Debt advice", "received")).isEqualTo(2);
        JsonNode subjects = measure("subjects");
        assertThat(value(subjects, "Anti-social behaviour / Noise", "received")).isEqualTo(1);
        assertThat(value(subjects, "Repairs / Missed appointment", "received")).isEqualTo(1);  // A; H is from 2018
        assertThat(subjects.get("rows").size()).isEqualTo(6);
    }

    @Test
    void fortyEightHourResponsesAreTheShareOfStageOneResponsesWithin48ClockHoursOfReceipt() {
        JsonNode m = measure("responded-within-48-hours");
        // stage 1 responses in the period: A, B, E, F, H; only A within 48 hours (47)
        assertThat(value(m, "All", "responses")).isEqualTo(5);
        assertThat(value(m, "All", "within-48-hours")).isEqualTo(Math.round(1000.0 / 5) / 10.0);
    }

    @Test
    void responseTimesCountTheLateOnesAndAverageWorkingDaysFromReceipt() {
        JsonNode m = measure("response-times");
        assertThat(value(m, "Stage 1", "responses")).isEqualTo(5);
        // F alone missed its deadline; B met its extended one
        assertThat(value(m, "Stage 1", "in-time")).isEqualTo(80.0);
        assertThat(casesBehind(m, "Stage 1", "late")).containsExactlyElementsOf(refs("F"));
        // working days from receipt: A 2, B 21 (13 in February after the 11th, 8 in March), E 9, F 41 (18 + 20 + 3), H 7
        assertThat(value(m, "Stage 1", "average-working-days")).isEqualTo((2 + 21 + 9 + 41 + 7) / 5.0);
        assertThat(value(m, "Stage 2", "responses")).isEqualTo(1);
        assertThat(value(m, "Stage 2", "in-time")).isEqualTo(100.0);
        assertThat(value(m, "Stage 2", "average-working-days")).isEqualTo(11);
    }

    @Test
    void outcomesAndEscalationsKeepEachStagesOwnDecision() {
        JsonNode outcomes = measure("outcomes");
        assertThat(value(outcomes, "Stage 1", "upheld")).isEqualTo(3);        // A, E, H
        assertThat(value(outcomes, "Stage 1", "not-upheld")).isEqualTo(2);    // B (at stage 1, though partly upheld at stage 2), F
        assertThat(value(outcomes, "Stage 2", "partly-upheld")).isEqualTo(1); // B
        JsonNode escalations = measure("escalations");
        assertThat(value(escalations, "Stage 2", "received")).isEqualTo(1);
        assertThat(value(escalations, "Stage 2", "partly-upheld")).isEqualTo(1);
        assertThat(value(escalations, "Stage 2", "awaiting")).isEqualTo(0);
    }

    @Test
    void openComplaintsAtThePeriodEndAreSplitIntoWithinTimeAndOverdueByServiceArea() {
        JsonNode open = measure("open-complaints");
        assertThat(value(open, "Neighbourhoods", "open")).isEqualTo(2);
        assertThat(value(open, "Neighbourhoods", "in-category")).isEqualTo(1);      // D
        assertThat(value(open, "Neighbourhoods", "out-of-category")).isEqualTo(1);  // C, due 20 March
        assertThat(casesBehind(open, "Neighbourhoods", "out-of-category")).containsExactlyElementsOf(refs("C"));
        assertThat(open.get("rows").size()).isEqualTo(1);
    }

    @Test
    void closedComplaintsAverageCalendarDaysFromReceiptToClosure() {
        JsonNode closed = measure("closed");
        // A 3, B 49, E 11, F 58, H 15 days; the compliment G is not a complaint
        assertThat(value(closed, "All", "closed")).isEqualTo(5);
        assertThat(value(closed, "All", "average-days-to-close")).isEqualTo((3 + 49 + 11 + 58 + 15) / 5.0);
    }

    @Test
    void satisfactionIsTheShareOfThoseWhoAnswered() {
        JsonNode m = measure("satisfaction");
        // answered: A (yes, yes), B (no, no), H (yes, no)
        assertThat(value(m, "All", "handling")).isEqualTo(Math.round(1000.0 * 2 / 3) / 10.0);
        assertThat(value(m, "All", "outcome")).isEqualTo(Math.round(1000.0 * 1 / 3) / 10.0);
        assertThat(cell(m, "All", "handling").get("of").asLong()).isEqualTo(3);
    }

    @Test
    void ch01DividesStageOneAndStageTwoComplaintsByTheHomesOfTheYear() {
        JsonNode m = measure("tsm-ch01");
        // issue 23, F-8: housing complaints only (A, B, C, D); the debt advice complaints E and F run DISP and count in its return
        assertThat(value(m, "Stage 1", "per-1000-homes")).isEqualTo(4 * 1000.0 / 2000);
        assertThat(value(m, "Stage 2", "per-1000-homes")).isEqualTo(1 * 1000.0 / 2000);
        JsonNode noHomes = measure("tsm-ch01", "from=2018-01-01&to=2018-12-31");
        assertThat(cell(noHomes, "Stage 1", "per-1000-homes").get("value")).isNull();
        assertThat(noHomes.get("notes").toString()).contains("number of homes for 2018 is not set");
    }

    static final String LCRA = ": low-cost rental (LCRA)";
    static final String LCHO = ": low-cost home ownership (LCHO)";
    static final String OTHER = ": other tenure (not LCRA or LCHO)";
    static final String UNKNOWN = ": unknown tenure";

    @Test
    void ch01SplitsEachStageByTenureAndDividesEachTenureRowByThatTenuresHomes() {
        // TSM CH01 for low-cost rental and low-cost home ownership separately, and in total
        JsonNode m = measure("tsm-ch01");
        assertThat(m.get("rows")).extracting(r -> r.get("group").asString()).containsExactly(
                "Stage 1", "Stage 1" + LCRA, "Stage 1" + LCHO, "Stage 1" + OTHER, "Stage 1" + UNKNOWN,
                "Stage 2", "Stage 2" + LCRA, "Stage 2" + LCHO, "Stage 2" + OTHER, "Stage 2" + UNKNOWN);
        // stage 1 housing complaints received in the period: A and C rent (2), B is a shared owner (1), D did not say (1); the
        // debt advice complaints E (neither) and F (not known) are left out (issue 23, F-8: CH01 counts housing only)
        assertThat(value(m, "Stage 1" + LCRA, "received")).isEqualTo(2);
        assertThat(value(m, "Stage 1" + LCHO, "received")).isEqualTo(1);
        assertThat(value(m, "Stage 1" + OTHER, "received")).isEqualTo(0);
        assertThat(value(m, "Stage 1" + UNKNOWN, "received")).isEqualTo(1);
        assertThat(2 + 1 + 0 + 1).isEqualTo((int) value(m, "Stage 1", "received"));
        assertThat(casesBehind(m, "Stage 1" + UNKNOWN, "received")).containsExactlyElementsOf(refs("D"));
        assertThat(casesBehind(m, "Stage 1" + LCHO, "per-1000-homes")).containsExactlyElementsOf(refs("B"));
        // each tenure's rate divides by its own homes: 2 of 1,600 low-cost rental homes is 1.25 (1.3 to one place),
        // 1 of 400 low-cost home ownership homes 2.5; the stage's total still divides by all 2,000 homes
        assertThat(value(m, "Stage 1" + LCRA, "per-1000-homes")).isEqualTo(Math.round(2 * 1000.0 / 1600 * 10) / 10.0);
        assertThat(value(m, "Stage 1" + LCHO, "per-1000-homes")).isEqualTo(1 * 1000.0 / 400);
        assertThat(value(m, "Stage 1", "per-1000-homes")).isEqualTo(4 * 1000.0 / 2000);
        // no homes belong to other or unknown tenures: counted, with no rate
        assertThat(cell(m, "Stage 1" + OTHER, "per-1000-homes").get("value")).isNull();
        assertThat(cell(m, "Stage 1" + UNKNOWN, "per-1000-homes").get("value")).isNull();
        // stage 2: B's escalation alone, a shared owner's
        assertThat(value(m, "Stage 2" + LCHO, "received")).isEqualTo(1);
        assertThat(value(m, "Stage 2" + LCHO, "per-1000-homes")).isEqualTo(1 * 1000.0 / 400);
        assertThat(value(m, "Stage 2" + LCRA, "received")).isEqualTo(0);
        assertThat(value(m, "Stage 2" + LCRA, "per-1000-homes")).isEqualTo(0.0);
        assertThat(value(m, "Stage 2" + UNKNOWN, "received")).isEqualTo(0);
        assertThat(m.get("notes").toString()).contains("Homes in 2019: 2000; of them low-cost rental (LCRA) 1600, low-cost home "
                + "ownership (LCHO) 400.", "Complaints of other and unknown tenure count in each stage's total");
        // without homes for the year, no rate at all, and the note says how to set each tenure's
        JsonNode noHomes = measure("tsm-ch01", "from=2018-01-01&to=2018-12-31");
        assertThat(cell(noHomes, "Stage 1" + LCRA, "per-1000-homes").get("value")).isNull();
        assertThat(noHomes.get("notes").toString()).contains("/reports/settings/homes/2018/LOW_COST_HOME_OWNERSHIP");
    }

    @Test
    void ch02SplitsEachStagesResponsesByTenureSoTheyAddUpToTheStage() {
        // TSM CH02 by tenure. Stage 1 housing responses in the period: A and H (rent, both in time), B (shared owner, in
        // time by its agreed extension): 2 + 1 = 3, all in time. Issue 23, F-8: the debt advice responses E (neither) and F
        // (not known, late) run DISP and are left out, so the other and unknown tenures have no response to give a share of
        JsonNode m = measure("tsm-ch02");
        assertThat(value(m, "Stage 1" + LCRA, "responses")).isEqualTo(2);
        assertThat(value(m, "Stage 1" + LCRA, "within-code-timescale")).isEqualTo(100.0);
        assertThat(value(m, "Stage 1" + LCHO, "within-code-timescale")).isEqualTo(100.0);
        assertThat(cell(m, "Stage 1" + OTHER, "within-code-timescale").get("value")).isNull();
        assertThat(cell(m, "Stage 1" + UNKNOWN, "within-code-timescale").get("value")).isNull();
        assertThat(cell(m, "Stage 1", "within-code-timescale").get("text").asString()).isEqualTo("100% (3 of 3)");
        assertThat(casesBehind(m, "Stage 1" + LCRA, "within-code-timescale")).containsExactlyElementsOf(refs("A", "H"));
        // stage 2: B, 10 working days from the acceptance; no low-cost rental response, so no share to give
        assertThat(value(m, "Stage 2" + LCHO, "within-code-timescale")).isEqualTo(100.0);
        assertThat(cell(m, "Stage 2" + LCRA, "within-code-timescale").get("value")).isNull();
        try {
            assertThat(api().put("/api/v1/organisations/" + ORG + "/reports/settings/extensions", "{\"extensionsCountAsInTime\":false}")
                    .status()).isEqualTo(200);
            // B's response was in time only by its extension
            assertThat(cell(measure("tsm-ch02"), "Stage 1" + LCHO, "within-code-timescale").get("text").asString()).isEqualTo("0% (0 of 1)");
        } finally {
            api().put("/api/v1/organisations/" + ORG + "/reports/settings/extensions", "{\"extensionsCountAsInTime\":true}");
        }
    }

    @Test
    void homesAreSetPerTenureBesideTheTotalAndWithoutATotalTheStagesDivideByTheTenuresTogether() {
        // R-2, at Helping Our Future in 2017 (a year no other test sets homes for)
        String settings = "/api/v1/organisations/helping-our-future/reports/settings";
        assertThat(api().put(settings + "/homes/2017/LOW_COST_RENTAL", "{\"homes\":900}").status()).isEqualTo(200);
        var set = api().put(settings + "/homes/2017/LOW_COST_HOME_OWNERSHIP", "{\"homes\":100}");
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json().get("homesByYearAndTenure").get("2017").get("LOW_COST_RENTAL").asInt()).isEqualTo(900);
        assertThat(set.json().get("homesByYearAndTenure").get("2017").get("LOW_COST_HOME_OWNERSHIP").asInt()).isEqualTo(100);
        assertThat(set.json().get("homesByYear").has("2017")).isFalse();
        JsonNode m = get("/api/v1/organisations/helping-our-future/reports/measures/tsm-ch01?from=2017-01-01&to=2017-12-31");
        assertThat(m.get("notes").toString()).contains("Homes in 2017: 1000, the homes of each tenure together");
        // 900 + 100 = 1,000 homes: the rate is the count itself
        assertThat(value(m, "Stage 1", "per-1000-homes")).isEqualTo(value(m, "Stage 1", "received"));

        var other = api().put(settings + "/homes/2017/OTHER", "{\"homes\":5}");
        assertThat(other.status()).isEqualTo(400);
        assertThat(other.json().get("errors").get(0).get("field").asString()).isEqualTo("tenure");
        var unknown = api().put(settings + "/homes/2017/council-houses", "{\"homes\":5}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("tenure");
        var none = api().put(settings + "/homes/2017/LOW_COST_RENTAL", "{\"homes\":0}");
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.json().get("errors").get(0).get("field").asString()).isEqualTo("homes");
        assertThat(get(settings).get("homesByYearAndTenure").get("2017").get("LOW_COST_RENTAL").asInt()).isEqualTo(900);
    }

    @Test
    void ch02CountsAgreedExtensionsAsInTimeOnlyWhenTheSettingSaysSo() {
        // Code time from acknowledgement: A 1, B 16 (extended, met its extended deadline), H 6 working days (the debt advice
        // complaints E and F run DISP and are left out: issue 23, F-8)
        assertThat(value(measure("tsm-ch02"), "Stage 1", "within-code-timescale")).isEqualTo(100.0);
        assertThat(value(measure("tsm-ch02"), "Stage 2", "within-code-timescale")).isEqualTo(100.0);
        try {
            assertThat(api().put("/api/v1/organisations/" + ORG + "/reports/settings/extensions", "{\"extensionsCountAsInTime\":false}")
                    .status()).isEqualTo(200);
            JsonNode strict = measure("tsm-ch02");
            assertThat(value(strict, "Stage 1", "within-code-timescale")).isEqualTo(Math.round(1000.0 * 2 / 3) / 10.0);
            assertThat(strict.get("notes").toString()).contains("Agreed extensions count as in time: no");
        } finally {
            api().put("/api/v1/organisations/" + ORG + "/reports/settings/extensions", "{\"extensionsCountAsInTime\":true}");
        }
    }

    @Test
    void codeAcknowledgementsAreTheShareWithinFiveWorkingDaysOfReceipt() {
        JsonNode m = measure("code-acknowledgements");
        // stage 1 acknowledged in the period: A 1, B 5, C 7, E 1, F 1 working days; H was acknowledged in 2018
        assertThat(value(m, "Stage 1", "acknowledged")).isEqualTo(5);
        assertThat(value(m, "Stage 1", "within-5-working-days")).isEqualTo(80.0);
        assertThat(value(m, "Stage 2", "within-5-working-days")).isEqualTo(100.0);
    }

    @Test
    void theDispReturnBandsDebtAdviceComplaintsByWeeksToClose() {
        JsonNode m = measure("disp-return");
        assertThat(value(m, "All", "received")).isEqualTo(2);                 // E, F
        assertThat(value(m, "All", "closed-within-4-weeks")).isEqualTo(1);    // E, 11 days
        assertThat(value(m, "All", "closed-4-to-8-weeks")).isEqualTo(0);
        assertThat(value(m, "All", "closed-over-8-weeks")).isEqualTo(1);      // F, 58 days
        assertThat(value(m, "All", "upheld")).isEqualTo(1);                   // E
    }

    @Test
    void aServiceLineOrAreaNarrowsEveryMeasure() {
        assertThat(value(measure("complaints-received", PERIOD + "&serviceLine=debt-advice"), "All", "received")).isEqualTo(2);
        assertThat(value(measure("complaints-received", PERIOD + "&serviceArea=Repairs"), "All", "received")).isEqualTo(2);
    }

    @Test
    void badInputIsRefusedNamingTheParameter() {
        var badDate = api().get("/api/v1/organisations/" + ORG + "/reports/measures/closed?from=yesterday");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.json().get("errors").get(0).get("field").asString()).isEqualTo("from");
        var unknown = api().get("/api/v1/organisations/" + ORG + "/reports/measures/happiness");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("measure");
        var homes = api().put("/api/v1/organisations/" + ORG + "/reports/settings/homes/2019", "{\"homes\":0}");
        assertThat(homes.status()).isEqualTo(400);
        assertThat(homes.json().get("errors").get(0).get("field").asString()).isEqualTo("homes");
    }

    @Test
    void rebuildingTheReadModelThroughCaseworkGivesTheSameFigures() {
        JsonNode before = measure("response-times");
        var rebuilt = api().post("/api/v1/organisations/" + ORG + "/reports/read-model/rebuild", "{}");
        assertThat(rebuilt.status()).isEqualTo(200);
        // every case of the organisation: this data set and whatever other tests logged there
        long cases = jdbc.sql("select count(*) from casework.case_file where organisation = ?").param(ORG).query(Long.class).single();
        assertThat(rebuilt.json().get("cases").asLong()).isEqualTo(cases);
        assertThat(measure("response-times").get("rows")).isEqualTo(before.get("rows"));
    }

    @Test
    void theBatchedRebuildGivesEveryFigureOfBothPagesAgainAndSaysHowFarItGot() {
        // issue 28: the rebuild reads the cases a thousand at a time and writes their rows in batches
        Map<String, JsonNode> before = new java.util.HashMap<>();
        for (String page : Measures.PAGES.keySet()) {
            before.put(page, get("/api/v1/organisations/" + ORG + "/reports/" + page + "?" + PERIOD));
        }
        var rebuilt = api().post("/api/v1/organisations/" + ORG + "/reports/read-model/rebuild", "{}");
        assertThat(rebuilt.status()).isEqualTo(200);
        for (String page : Measures.PAGES.keySet()) {
            assertThat(get("/api/v1/organisations/" + ORG + "/reports/" + page + "?" + PERIOD)).as(page).isEqualTo(before.get(page));
        }
        long cases = rebuilt.json().get("cases").asLong();
        JsonNode progress = get("/api/v1/organisations/" + ORG + "/reports/read-model/rebuild");
        assertThat(progress.get("cases").asLong()).isEqualTo(cases);
        assertThat(progress.get("done").asLong()).isEqualTo(cases);
        assertThat(progress.get("finished").isNull()).isFalse();
    }

    @Test
    void measuresWorkedOutTogetherForAPageGiveTheSameFiguresAsEachAlone() {
        for (String page : Measures.PAGES.keySet()) {
            JsonNode together = get("/api/v1/organisations/" + ORG + "/reports/" + page + "?" + PERIOD);
            for (JsonNode m : together) {
                assertThat(m.get("rows")).as(page + ": " + m.get("id")).isEqualTo(measure(m.get("id").asString()).get("rows"));
            }
        }
    }
}
