package org.redress.lifecycle;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.testing.Api;
import org.redress.testing.CaseOnFile;
import org.redress.testing.WebSession;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.redress.testing.Cases.notUpheld;
import static org.redress.testing.Cases.upheld;

/**
 * Issue 23, F-8: Alliance Homes runs housing, home care and debt advice, and each service line's complaints run their
 * own procedure from the same pack, chosen by the case's service line at intake: housing the Housing Ombudsman Code's
 * two stages (001), home care the social care rules (SI 2009/309, R-4: acknowledge within 3 working days, one stage, a
 * response within 6 months, then the Local Government and Social Care Ombudsman), debt advice FCA DISP (R-5: a final
 * response within 8 weeks, then the Financial Ombudsman Service). Each case is driven through the API with the clock
 * moved to the edge: the last instant of the due day, and an instant after it (a clock is met up to and including the
 * midnight that ends its due day, {@code UkTime.endOf}, so the test steps a millisecond past it). Dates counted by hand on the
 * England and Wales calendar: Mon 10 May 2027 is day 0; no bank holiday falls before Mon 31 May 2027.
 */
class ServiceLineProceduresIT extends LifecycleSupport {

    static final String ALLIANCE = "alliance-homes";
    static final String MANAGER = "lines.manager";

    @BeforeEach
    void aManagerOfEveryArea() {
        member(ALLIANCE, MANAGER, "service-manager");
    }

    private CaseOnFile complaintOn(String serviceLine, String name) {
        itIs("2027-05-10T09:00");
        CaseOnFile c = cases().aComplaint().through("EMAIL").receivedOn(LocalDate.of(2027, 5, 10)).by(name)
                .onServiceLine(serviceLine).points("The carer did not come on Friday").in(ALLIANCE);
        c.assignTo(MANAGER);
        return c;
    }

    @Test
    void aHomeCareComplaintIsAcknowledgedWithinThreeWorkingDaysToTheLastInstantOfTheThirdR4() {
        // SI 2009/309 reg 13: acknowledged within 3 working days of receipt: Tue 11, Wed 12, Thu 13 May.
        CaseOnFile onTime = complaintOn("home-care", "Hana Care");
        assertThat(onTime.json().get("stageName").asString()).isEqualTo("Home care complaint (single stage)");
        assertThat(due(onTime, "acknowledge", 1)).isEqualTo("2027-05-13");
        assertThat(explanation(onTime, "acknowledge", 1)).endsWith("Due by the end of Thu 13 May 2027: 3 working days after Mon 10 May 2027 "
                + "in the England and Wales calendar (the start day is day 0), no days skipped.");
        itIs("2027-05-13T23:59:59.999");
        onTime.acknowledge();
        assertThat(status(onTime, "acknowledge", 1)).isEqualTo("MET");

        CaseOnFile late = complaintOn("home-care", "Hugo Care");
        itIs("2027-05-14T00:00:00.001");
        late.acknowledge();
        assertThat(status(late, "acknowledge", 1)).isEqualTo("MET_LATE");
        // not the Code's 5 working days, which housing still runs
        assertThat(late.json().get("clocks").toString()).doesNotContain("2027-05-17");
    }

    @Test
    void aHomeCareComplaintIsAnsweredInOneStageWithinSixMonthsAndThenGoesToTheLocalGovernmentAndSocialCareOmbudsmanR4() {
        CaseOnFile c = complaintOn("home-care", "Hal Care");
        // SI 2009/309 reg 14: the response within 6 months of receipt (the pack's assumption: counted from receipt)
        assertThat(due(c, "respond", 1)).isEqualTo("2027-11-10");
        assertThat(explanation(c, "respond", 1)).endsWith("Due by the end of Wed 10 Nov 2027: 6 calendar months after Mon 10 May 2027.");
        itIs("2027-05-11T10:00");
        c.acknowledge();
        assertThat(body(c, "ACKNOWLEDGEMENT")).contains("We will send you our Home care complaint (single stage) response by Wednesday 10 November 2027.");

        itIs("2027-11-10T23:59:59.999");
        c.respond("The rota now has a standby carer.", upheld(1, "the visit was missed"));
        assertThat(status(c, "respond", 1)).isEqualTo("MET");
        assertThat(c.json().get("status").asString()).isEqualTo("RESPONDED");
        // one stage: the response is the final response and names the Local Government and Social Care Ombudsman
        assertThat(body(c, "FINAL_RESPONSE")).contains("It is the last stage of our complaints procedure (Home care complaint (single stage)).",
                "You can ask the Local Government and Social Care Ombudsman to look at your complaint.", "Phone: 0300 061 0614")
                .doesNotContain("Housing Ombudsman");
        assertThat(c.json().get("allowedActions").toString()).doesNotContain("escalation-request");
        // F-8, R-4: no stage 2 for home care
        assertThat(refused(c.attempt("escalation-request", "{}"))).isEqualTo("Home care complaint (single stage) is the final stage of this "
                + "procedure; the complainant may go to Local Government and Social Care Ombudsman: F-8, R-4; SI 2009/309: one stage, "
                + "then the Local Government and Social Care Ombudsman");
        assertThat(letterKinds(c)).containsExactly("ACKNOWLEDGEMENT", "FINAL_RESPONSE");

        CaseOnFile late = complaintOn("home-care", "Hattie Care");
        itIs("2027-11-11T00:00:00.001");
        late.respond("The rota now has a standby carer.", upheld(1, "the visit was missed"));
        assertThat(status(late, "respond", 1)).isEqualTo("MET_LATE");
    }

    @Test
    void aDebtAdviceComplaintHasItsFinalResponseDueAtEightWeeksUnderDispAndThenTheFinancialOmbudsmanR5() {
        CaseOnFile c = complaintOn("debt-advice", "Dev Debt");
        assertThat(c.json().get("stageName").asString()).isEqualTo("Summary resolution or final response");
        // DISP 1.6.2: the final (or holding) response by the end of 8 weeks: Mon 5 July 2027; the summary resolution by
        // the close of the third business day (DISP 1.5)
        assertThat(due(c, "final-response", 1)).isEqualTo("2027-07-05");
        assertThat(due(c, "summary-resolution", 1)).isEqualTo("2027-05-13");
        assertThat(c.json().get("clocks").toString()).doesNotContain("\"acknowledge\"");

        itIs("2027-07-05T23:59:59.999");
        c.respond("We have corrected your budget sheet.", notUpheld(1, "the figures were right"));
        assertThat(status(c, "final-response", 1)).isEqualTo("MET");
        assertThat(body(c, "DISP_FINAL_RESPONSE")).contains("Financial Ombudsman Service").doesNotContain("Housing Ombudsman");
        assertThat(refused(c.attempt("escalation-request", "{}"))).startsWith("Summary resolution or final response is the final stage of "
                + "this procedure; the complainant may go to Financial Ombudsman Service: F-8, R-5");

        CaseOnFile late = complaintOn("debt-advice", "Dora Debt");
        itIs("2027-07-06T00:00:00.001");
        late.respond("We have corrected your budget sheet.", notUpheld(1, "the figures were right"));
        assertThat(status(late, "final-response", 1)).isEqualTo("MET_LATE");
    }

    @Test
    void aHousingComplaintStillRunsTheHousingCodesTwoStagesA2A4() {
        CaseOnFile c = complaintOn("housing", "Hal Housing");
        assertThat(c.json().get("stageName").asString()).isEqualTo("Stage 1");
        // 5 working days: 11-14 and Mon 17 May
        assertThat(due(c, "acknowledge", 1)).isEqualTo("2027-05-17");
        itIs("2027-05-11T10:00");
        c.acknowledge();
        // 10 working days from the acknowledgement: 12-14, 17-21, 24, 25 May
        assertThat(due(c, "respond", 1)).isEqualTo("2027-05-25");
        itIs("2027-05-20T10:00");
        c.respond("We have booked the repair.", upheld(1, "the visit was missed"));
        assertThat(letterKinds(c)).containsExactly("ACKNOWLEDGEMENT", "STAGE_RESPONSE");
        assertThat(c.json().get("allowedActions").toString()).contains("escalation-request");
    }

    /**
     * F-8, R-5 (DISP 1.6.2): a step belongs to its procedure. A debt advice complaint may be sent DISP's holding response,
     * which stops no clock; a housing complaint at stage 1 runs the Code's procedure and is not offered it, in the API
     * or on the case page.
     */
    @Test
    void aDebtAdviceComplaintMaySendDispsHoldingResponseAndAHousingComplaintAtStageOneIsNotOfferedItF8R5() {
        CaseOnFile debt = complaintOn("debt-advice", "Hetty Hold");
        WebSession web = new WebSession(port);
        web.signIn(MANAGER, MEMBER_PASSWORD);
        itIs("2027-06-28T10:00");
        String debtPage = web.get("/staff/" + ALLIANCE + "/cases/" + debt.reference()).body();
        assertThat(debtPage).contains("<option value=\"holding-response\">Holding response</option>");
        WebSession.Page sent = web.post("/staff/" + ALLIANCE + "/cases/" + debt.reference() + "/steps",
                Map.of("step", "holding-response", "note", "We are waiting for your creditor's statement; we expect to reply by 19 July."));
        assertThat(sent.status()).as(sent.body()).isEqualTo(302);
        debt.read();
        assertThat(historyTypes(debt)).contains("step-recorded");
        assertThat(debt.json().get("steps").get(0).get("kind").asString()).isEqualTo("HOLDING_RESPONSE");
        // DISP 1.6.2: the holding response stops no clock; the final response is still due at the end of the 8 weeks
        assertThat(debt.json().get("status").asString()).isEqualTo("OPEN");
        assertThat(status(debt, "final-response", 1)).isEqualTo("ON_TIME");
        assertThat(due(debt, "final-response", 1)).isEqualTo("2027-07-05");
        assertThat(body(debt, "DISP_HOLDING_RESPONSE")).contains("We are waiting for your creditor's statement; we expect to reply by 19 July.",
                "you may now refer your complaint to the Financial Ombudsman Service").doesNotContain("Housing Ombudsman");

        CaseOnFile housing = complaintOn("housing", "Harriet Housing");
        itIs("2027-05-11T10:00");
        assertThat(web.get("/staff/" + ALLIANCE + "/cases/" + housing.reference()).body())
                .contains("<option value=\"mediation\">Mediation</option>").doesNotContain("holding-response");
        Api.Response holding = housing.attempt("steps", "{\"step\":\"holding-response\",\"note\":\"We need more time.\"}");
        assertThat(refusedField(holding)).isEqualTo("step");
        assertThat(refused(holding))
                .isEqualTo("this policy has no step 'holding-response'; its steps are [case-conference, adverse-findings, mediation]");
        assertThat(letterKinds(housing)).doesNotContain("DISP_HOLDING_RESPONSE");
    }

    /**
     * Issue 23, F-8, R-4: a home care complaint logged on housing by mistake is corrected on the case page the next day,
     * before its acknowledgement: its clocks are worked out again from its receipt on Mon 10 May 2027 under the social
     * care rules (acknowledged by Thu 13 May, answered by Wed 10 Nov 2027), and its acknowledgement is the home care one.
     * Once a housing complaint is acknowledged, a move to home care is refused, saying to withdraw and log it again.
     */
    @Test
    void aComplaintLoggedOnTheWrongLineIsCorrectedBeforeItsAcknowledgementAndItsClocksAreTheNewProceduresFromItsReceiptF8R4() {
        CaseOnFile c = complaintOn("housing", "Wanda Wrongline");
        assertThat(due(c, "acknowledge", 1)).isEqualTo("2027-05-17");
        WebSession web = new WebSession(port);
        web.signIn(MANAGER, MEMBER_PASSWORD);
        itIs("2027-05-11T10:00");
        String page = web.get("/staff/" + ALLIANCE + "/cases/" + c.reference()).body();
        assertThat(page).contains("Correct the service line", "<label class=\"govuk-label\" for=\"service-line\">Service line the case belongs to</label>",
                "<option value=\"home-care\">Home care</option>", "<option value=\"debt-advice\">Debt advice</option>")
                .doesNotContain("<option value=\"housing\">");
        WebSession.Page blank = web.post("/staff/" + ALLIANCE + "/cases/" + c.reference() + "/service-line", Map.of("serviceLine", "home-care"));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.body()).contains("Enter why the service line is corrected");
        WebSession.Page moved = web.post("/staff/" + ALLIANCE + "/cases/" + c.reference() + "/service-line",
                Map.of("serviceLine", "home-care", "reason", "The complaint is about the home care visits"));
        assertThat(moved.status()).as(moved.body()).isEqualTo(302);

        c.read();
        assertThat(c.json().get("classification").get("serviceLine").asString()).isEqualTo("home-care");
        assertThat(c.json().get("stageName").asString()).isEqualTo("Home care complaint (single stage)");
        assertThat(due(c, "acknowledge", 1)).isEqualTo("2027-05-13");
        assertThat(explanation(c, "acknowledge", 1)).endsWith("Due by the end of Thu 13 May 2027: 3 working days after Mon 10 May 2027 "
                + "in the England and Wales calendar (the start day is day 0), no days skipped.");
        assertThat(due(c, "respond", 1)).isEqualTo("2027-11-10");
        assertThat(historyTypes(c)).endsWith("service-line-corrected");
        c.acknowledge();
        assertThat(status(c, "acknowledge", 1)).isEqualTo("MET");
        assertThat(body(c, "ACKNOWLEDGEMENT")).contains("We will send you our Home care complaint (single stage) response by Wednesday 10 November 2027.");

        // after the acknowledgement: another procedure is refused (API 422 and the page), the case unchanged
        CaseOnFile housing = complaintOn("housing", "Hector Housing");
        itIs("2027-05-11T10:00");
        housing.acknowledge();
        Api.Response refused = housing.attempt("service-line", "{\"serviceLine\":\"home-care\",\"reason\":\"About the carers\"}");
        assertThat(refused(refused)).isEqualTo("The Housing line and the Home care line run different complaint procedures, and the "
                + "acknowledgement has already been sent under this case's procedure, so the case cannot be moved to the Home care line. "
                + "Withdraw this case, giving the reason, and log the complaint again on the Home care line: F-8");
        WebSession.Page notAllowed = web.post("/staff/" + ALLIANCE + "/cases/" + housing.reference() + "/service-line",
                Map.of("serviceLine", "home-care", "reason", "About the carers"));
        assertThat(notAllowed.status()).isEqualTo(422);
        assertThat(notAllowed.body()).contains("Not allowed: The Housing line and the Home care line run different complaint procedures",
                "href=\"#service-line\"");
        assertThat(housing.read().get("classification").get("serviceLine").asString()).isEqualTo("housing");
        assertThat(housing.json().get("stageName").asString()).isEqualTo("Stage 1");
        // bad input: 400 naming the field
        Api.Response missing = housing.attempt("service-line", "{\"reason\":\"About the carers\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").get(0).get("field").asString()).isEqualTo("serviceLine");
        assertThat(refusedField(housing.attempt("service-line", "{\"serviceLine\":\"gardens\",\"reason\":\"x\"}"))).isEqualTo("serviceLine");
    }
}
