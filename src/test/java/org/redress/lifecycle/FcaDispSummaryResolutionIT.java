package org.redress.lifecycle;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.deadlines.DeadlineSweep;
import org.redress.testing.Api;
import org.redress.testing.CaseOnFile;
import org.redress.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.redress.testing.Cases.notUpheld;
import static org.redress.testing.Cases.upheld;

/**
 * Issue 23, R-5: under FCA DISP the Summary Resolution Communication window (the close of the third business day after
 * receipt, DISP 1.5, 1.6.2A) is an option, not a deadline; the deadline is the final or holding response by the end of
 * 8 weeks (DISP 1.6.2), and the final response gives the right to refer to the Financial Ombudsman within 6 months
 * (DISP 1.6.2, 2.8.2). Dates counted by hand on the England and Wales calendar: a complaint received Wed 23 Dec 2026 has
 * its third business day on Wed 30 Dec (Christmas Day Fri 25, the weekend and the Boxing Day substitute Mon 28 skipped),
 * and its 8 weeks end on Wed 17 Feb 2027. Each firm is an organisation of its own running a copy of the fca-disp pack.
 */
class FcaDispSummaryResolutionIT extends LifecycleSupport {

    @Autowired
    DeadlineSweep sweep;
    @Autowired
    JdbcClient jdbc;

    String firm;

    @BeforeEach
    void aFirmFollowingDisp() {
        firm = cases().anOrganisationRunning("fca-disp", "Debt advice");
    }

    CaseOnFile receivedOnWednesday23December(String name) {
        itIs("2026-12-23T09:30");
        return cases().aComplaint().through("PHONE").receivedOn(LocalDate.of(2026, 12, 23)).by(name)
                .onServiceLine("debt-advice").points("My payment plan uses last year's income").in(firm);
    }

    static String resolution(boolean waived) {
        return "{\"summary\":\"We have corrected your payment plan with this year's income.\",\"timeLimitsWaived\":" + waived + "}";
    }

    @Test
    void dispOnePointFiveASummaryResolutionAtTheLastInstantOfTheThirdBusinessDayAcrossTheBankHolidaysClosesTheComplaint() {
        CaseOnFile c = receivedOnWednesday23December("Aisha Adeyemi");
        // the window is an option, shown as one that closes, never as a deadline
        assertThat(explanation(c, "summary-resolution", 1)).startsWith("An option, not a deadline: ")
                .endsWith("The window closes at the end of Wed 30 Dec 2026: 3 working days after Wed 23 Dec 2026 in the England and "
                        + "Wales calendar (the start day is day 0), skipping Fri 25 Dec 2026 (Christmas Day), Sat 26 Dec 2026 (Saturday), "
                        + "Sun 27 Dec 2026 (Sunday), Mon 28 Dec 2026 (Boxing Day (substitute day)).");
        assertThat(clockOf(c, "summary-resolution", 1).get("plainDue").asString())
                .isEqualTo("Can be used until the end of Wednesday 30 December 2026: 3 working days after it was received on Wednesday 23 December 2026.");
        // the case's next due time is the 8 weeks' end, not the window's
        assertThat(c.json().get("nextDue").asString()).isEqualTo("2027-02-18T00:00:00Z");
        assertThat(c.json().get("allowedActions").toString()).contains("summary-resolution");

        // Wednesday 30 December, 23:59:59, the last instant of the third business day (GMT): still in time
        itIs("2026-12-30T23:59:59");
        c.act("summary-resolution", resolution(false));
        assertThat(c.json().get("status").asString()).isEqualTo("CLOSED");
        assertThat(status(c, "summary-resolution", 1)).isEqualTo("MET");
        assertThat(status(c, "final-response", 1)).isEqualTo("MET");
        assertThat(historyTypes(c)).contains("summary-resolved");
        assertThat(latestLetter(c, "DISP_SUMMARY_RESOLUTION").get("subject").asString())
                .isEqualTo("Your complaint has been resolved (" + c.reference() + ")");
        assertThat(body(c, "DISP_SUMMARY_RESOLUTION")).contains(
                "Thank you for your complaint " + c.reference() + ". We believe we have now resolved it to your satisfaction:",
                "We have corrected your payment plan with this year's income.",
                "you may be able to refer it to the Financial Ombudsman Service. The Ombudsman is free and independent. You can find out "
                        + "more at https://www.financial-ombudsman.org.uk.",
                "We do not agree to the Ombudsman considering your complaint outside its usual time limits.");
    }

    @Test
    void dispOnePointFiveASummaryResolutionAfterTheThirdBusinessDayIsRefusedAndTheComplaintIsNotLate() {
        CaseOnFile c = receivedOnWednesday23December("Ben Bailey");
        // Thursday 31 December, 00:00:01: the first second after the third business day (its end, midnight, is still within it)
        itIs("2026-12-31T00:00:01");
        Api.Response refused = c.attempt("summary-resolution", resolution(true));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused(refused)).isEqualTo("the window for a Summary Resolution Communication closed at the end of Wed 30 Dec 2026 "
                + "(3 working days after receipt); send a final or holding response instead, by the end of Wed 17 Feb 2027: DISP 1.5, 1.6.2A; R-5");
        assertThat(refusedField(refused)).isEqualTo("at");
        c.read();
        // the window has passed, which is no lateness: the deadline is the 8 weeks
        assertThat(status(c, "summary-resolution", 1)).isEqualTo("LAPSED");
        assertThat(status(c, "final-response", 1)).isEqualTo("ON_TIME");
        assertThat(c.json().get("status").asString()).isEqualTo("OPEN");
        // a summary without words is bad input, named
        Api.Response blank = c.attempt("summary-resolution", "{\"summary\":\" \"}");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.json().get("errors").get(0).get("field").asString()).isEqualTo("summary");
    }

    @Test
    void dispOnePointSixTheSweepSendsNoMissedNoticeForThePassedWindowAndADayTenAnswerIsInTimeInTheReports() {
        CaseOnFile c = receivedOnWednesday23December("Cara Cole");
        String reference = c.reference();
        for (String day : List.of("2026-12-29T08:00", "2026-12-30T08:00", "2026-12-31T08:00", "2027-01-04T08:00", "2027-01-06T08:00")) {
            itIs(day);
            sweep.run();
        }
        // no "Due soon" and no "Missed" notice for the summary resolution window
        assertThat(jdbc.sql("select subject from correspondence.letter where kind = 'REMINDER' and case_reference = ?")
                .param(reference).query(String.class).list()).isEmpty();

        // Tuesday 5 January 2027, the tenth day after receipt: the final response, within 8 weeks
        itIs("2027-01-05T15:00");
        c.respond("We have checked the fees against your agreement.", notUpheld(1, "the figures were the ones you gave us"));
        assertThat(status(c, "summary-resolution", 1)).isEqualTo("LAPSED");
        assertThat(status(c, "final-response", 1)).isEqualTo("MET");
        JsonNode times = api().get("/api/v1/organisations/" + firm + "/reports/measures/response-times?from=2027-01-01&to=2027-01-31").json();
        assertThat(cell(times, "Stage 1", "responses").get("value").asDouble()).isEqualTo(1.0);
        assertThat(cell(times, "Stage 1", "in-time").get("value").asDouble()).isEqualTo(100.0);
        assertThat(cell(times, "Stage 1", "late").get("value").asDouble()).isEqualTo(0.0);
    }

    @Test
    void dispOnePointSixAFinalResponseAtTheEndOfTheEighthWeekIsInTimeAndGivesTheLastDayToReferWithinSixMonths() {
        CaseOnFile c = receivedOnWednesday23December("Dee Davies");
        // Wednesday 17 February 2027, 23:59:59: the last instant of the eighth week (DISP 1.6.2)
        itIs("2027-02-17T23:59:59");
        c.read();
        assertThat(status(c, "final-response", 1)).isEqualTo("DUE_SOON");
        c.respond("We have checked your budget sheet.", upheld(1, "a figure was copied wrongly"));
        assertThat(status(c, "final-response", 1)).isEqualTo("MET");
        // DISP 2.8.2: six months from the date of the final response, Wed 17 February to Tue 17 August 2027
        assertThat(body(c, "DISP_FINAL_RESPONSE")).contains("You must do so within six months of the date of this letter, that is by "
                + "Tuesday 17 August 2027.", "We enclose the Ombudsman's leaflet explaining its service.");
    }

    @Test
    void dispOnePointFiveTheCasePageOffersTheSummaryResolutionWhileTheWindowIsOpen() {
        CaseOnFile c = receivedOnWednesday23December("Pia Page");
        String worker = member(firm, "src.worker." + firm, "complaints-handler");
        WebSession web = new WebSession(port);
        web.signIn(worker, MEMBER_PASSWORD);
        itIs("2026-12-29T11:00");
        String page = web.get("/staff/" + firm + "/cases/" + c.reference()).body();
        assertThat(page).contains("Close it as resolved within the first days", "How the complaint was resolved",
                "Do you agree that the ombudsman may look at it even if the person refers it late?",
                "Can be used until the end of Wednesday 30 December 2026");
        WebSession.Page blank = web.post("/staff/" + firm + "/cases/" + c.reference() + "/summary-resolution", Map.of("summary", ""));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.body()).contains("Enter how the complaint was resolved");
        WebSession.Page done = web.post("/staff/" + firm + "/cases/" + c.reference() + "/summary-resolution",
                Map.of("summary", "We rang you and corrected the plan.", "complainantAgreed", "yes"));
        assertThat(done.status()).as(done.body()).isEqualTo(302);
        c.read();
        assertThat(c.json().get("status").asString()).isEqualTo("CLOSED");
        assertThat(body(c, "DISP_SUMMARY_RESOLUTION")).contains("We rang you and corrected the plan.",
                "We agree that the Ombudsman may consider your complaint even if you refer it outside its usual time limits.");
    }

    @Test
    void dispOnePointSixAHoldingResponseIsRecordedAndSentButTheEightWeeksKeepRunning() {
        CaseOnFile c = receivedOnWednesday23December("Hana Hold");
        itIs("2027-02-10T10:00");
        c.act("steps", "{\"step\":\"holding-response\",\"note\":\"We are waiting for your lender's statement; we expect to reply by 3 March.\"}");
        assertThat(historyTypes(c)).contains("step-recorded");
        assertThat(c.json().get("status").asString()).isEqualTo("OPEN");
        assertThat(status(c, "final-response", 1)).isEqualTo("ON_TIME");
        assertThat(due(c, "final-response", 1)).isEqualTo("2027-02-17");
        assertThat(latestLetter(c, "DISP_HOLDING_RESPONSE").get("subject").asString())
                .isEqualTo("We need more time for our final response (" + c.reference() + ")");
        assertThat(body(c, "DISP_HOLDING_RESPONSE")).contains("We are waiting for your lender's statement; we expect to reply by 3 March.",
                "you may now refer your complaint to the Financial Ombudsman Service", "We enclose the Ombudsman's leaflet");
        // a holding response must say why
        assertThat(refusedField(c.attempt("steps", "{\"step\":\"holding-response\",\"note\":\" \"}"))).isEqualTo("note");
    }

    @Test
    void dispTwoPointEightAReferralOnTheLastDayOfTheSixMonthsIsInTimeAndOneTheDayAfterIsFlaggedOutOfTime() {
        CaseOnFile inTime = receivedOnWednesday23December("Ivy Intime");
        CaseOnFile late = receivedOnWednesday23December("Leo Late");
        itIs("2027-02-17T15:00");
        inTime.respond("We have checked your budget sheet.", notUpheld(1, "the figures were the ones you gave us"));
        late.respond("We have checked your budget sheet.", notUpheld(1, "the figures were the ones you gave us"));
        JsonNode window = api().get(inTime.path() + "/ombudsman").json().get("referralWindow");
        assertThat(window.get("closesOn").asString()).isEqualTo("2027-08-17");
        assertThat(window.get("explanation").asString()).isEqualTo("The person may refer the complaint to the Financial Ombudsman "
                + "Service until the end of Tuesday 17 August 2027: 6 calendar months after the final response on Wednesday 17 February 2027.");

        itIs("2027-08-18T10:00");
        refer(inTime, "2027-08-17");
        refer(late, "2027-08-18");
        assertThat(api().get(inTime.path() + "/ombudsman").json().get("referralWindow").get("referredInTime").asBoolean()).isTrue();
        JsonNode outOfTime = api().get(late.path() + "/ombudsman").json().get("referralWindow");
        assertThat(outOfTime.get("referredInTime").asBoolean()).isFalse();
        assertThat(outOfTime.get("explanation").asString()).endsWith("Referred on Wednesday 18 August 2027, after that: out of time "
                + "(the ombudsman may consider it only with the organisation's consent or in exceptional circumstances).");
    }

    void refer(CaseOnFile c, String on) {
        Api.Response r = api().post(c.path() + "/ombudsman/referral",
                "{\"ombudsman\":\"financial-ombudsman\",\"reference\":\"FOS-" + on + "\",\"referredOn\":\"" + on + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    @Test
    void dispOnePointSixAComplaintUnansweredAtTheFirstInstantAfterTheEighthWeekIsOverdue() {
        CaseOnFile c = receivedOnWednesday23December("Eve Evans");
        // the first second after the end of the eighth week (midnight itself is its end, still within time)
        itIs("2027-02-18T00:00:01");
        c.read();
        assertThat(status(c, "final-response", 1)).isEqualTo("OVERDUE");
        assertThat(status(c, "summary-resolution", 1)).isEqualTo("LAPSED");
    }

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
}
