package org.redress.lifecycle;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.accounts.Accounts;
import org.redress.accounts.Role;
import org.redress.accounts.Team;
import org.redress.testing.CaseOnFile;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.redress.testing.Cases.notUpheld;
import static org.redress.testing.Cases.upheld;

/**
 * The reference pack {@code fca-disp}: a debt advice firm following the FCA's DISP 1 (REGULATIONS.md; R-5), told as
 * two customers' stories from first contact to the Financial Ombudsman Service. It runs in an organisation of its own
 * that runs a copy of the pack. Both clocks run from receipt: the Summary Resolution Communication window (close of the
 * third business day, DISP 1.5, 1.6.2A) and the final response (8 weeks, DISP 1.6.2). Dates were counted by hand on
 * the England and Wales calendar (GOV.UK's bank holidays): Christmas Day Fri 25 Dec 2026, Boxing Day (substitute) Mon
 * 28 Dec 2026, New Year's Day Fri 1 Jan 2027. "Day 0" is the day a clock starts.
 */
class FcaDispLifecycleIT extends LifecycleSupport {

    @Autowired
    Accounts accounts;
    @Autowired
    Team team;

    String firm;

    @BeforeEach
    void aFirmFollowingDisp() {
        firm = cases().anOrganisationRunning("fca-disp", "Debt advice");
        accounts.ensure("fay.handler", "Fay Handler", "fca-disp-lifecycle-password", false, Map.of(firm, Role.COMPLAINT_MANAGEMENT_OFFICER));
    }

    @Test
    void aComplaintResolvedByTheCloseOfTheThirdBusinessDayOverChristmasGetsASummaryResolutionCommunication() {
        // Wednesday 23 December 2026: Aisha phones; her payment plan uses last year's income figures.
        itIs("2026-12-23T09:30");
        CaseOnFile c = cases().aComplaint().through("PHONE").receivedOn(LocalDate.of(2026, 12, 23)).by("Aisha Adeyemi")
                .onServiceLine("debt-advice").points("My payment plan uses last year's income").in(firm);
        assertThat(c.json().get("stageName").asString()).isEqualTo("Summary resolution or final response");
        // DISP 1.5: resolved by the close of the third business day after receipt: Thu 24 December, then Christmas Day,
        // the weekend and the Boxing Day substitute skipped, then Tue 29 and Wed 30 December.
        assertThat(due(c, "summary-resolution", 1)).isEqualTo("2026-12-30");
        // issue 23, R-5: the window is an option (DISP 1.5), so its working says when it closes, not when it is due
        assertThat(explanation(c, "summary-resolution", 1)).endsWith("The window closes at the end of Wed 30 Dec 2026: 3 working days after "
                + "Wed 23 Dec 2026 in the England and Wales calendar (the start day is day 0), skipping Fri 25 Dec 2026 (Christmas Day), "
                + "Sat 26 Dec 2026 (Saturday), Sun 27 Dec 2026 (Sunday), Mon 28 Dec 2026 (Boxing Day (substitute day)).");
        // DISP 1.6.2: the final response within 8 weeks of receipt, every day counting: Wed 17 February 2027.
        assertThat(due(c, "final-response", 1)).isEqualTo("2027-02-17");
        assertThat(explanation(c, "final-response", 1)).endsWith("Due by the end of Wed 17 Feb 2027: 8 weeks after Wed 23 Dec 2026 (every day counts).");

        // Thursday 24 December: the firm acknowledges. The pack has no acknowledgement clock, so the letter names no date.
        itIs("2026-12-24T10:00");
        c.acknowledge();
        assertThat(body(c, "ACKNOWLEDGEMENT")).contains("We have received your complaint and our reference is " + c.reference() + ".")
                .doesNotContain("We will send you");

        // Wednesday 30 December, 4pm, the third business day: the plan is corrected and Aisha is satisfied. Both clocks
        // stop, met; the letter is a Summary Resolution Communication naming the Financial Ombudsman Service (DISP 1.5).
        itIs("2026-12-30T16:00");
        c.respond("We have corrected your payment plan with this year's income.", upheld(1, "the plan used old figures"));
        assertThat(c.json().get("status").asString()).isEqualTo("RESPONDED");
        assertThat(status(c, "summary-resolution", 1)).isEqualTo("MET");
        assertThat(status(c, "final-response", 1)).isEqualTo("MET");
        assertThat(latestLetter(c, "DISP_SUMMARY_RESOLUTION").get("subject").asString())
                .isEqualTo("Your complaint has been resolved (" + c.reference() + ")");
        assertThat(body(c, "DISP_SUMMARY_RESOLUTION")).contains(
                "We believe we have now resolved it to your satisfaction:",
                "We have corrected your payment plan with this year's income.",
                "If you later become unhappy with how we dealt with your complaint, you may be able to refer it to the Financial "
                        + "Ombudsman Service. The Ombudsman is free and independent. You can find out more at https://www.financial-ombudsman.org.uk.",
                "Phone: 0800 023 4567");

        // DISP has one internal stage: there is nothing to escalate to; the next step is the Ombudsman.
        assertThat(refused(c.attempt("escalation-request", "{}"))).isEqualTo(
                "Summary resolution or final response is the final stage of this procedure; the complainant may go to Financial Ombudsman Service: R-5");

        itIs("2026-12-31T09:00");
        c.close();
        assertThat(c.json().get("status").asString()).isEqualTo("CLOSED");
        assertThat(letterKinds(c)).containsExactly("ACKNOWLEDGEMENT", "DISP_SUMMARY_RESOLUTION");
    }

    @Test
    void aComplaintThatNeedsLongerGetsAFinalResponseWithinEightWeeksAndTheSixMonthRightToTheOmbudsman() {
        // Wednesday 23 December 2026: Ben emails; he was charged fees he says nobody told him about.
        itIs("2026-12-23T11:00");
        CaseOnFile c = cases().aComplaint().through("EMAIL").receivedOn(LocalDate.of(2026, 12, 23)).by("Ben Bailey")
                .onServiceLine("debt-advice").points("Fees I was not told about").in(firm);
        assertThat(due(c, "summary-resolution", 1)).isEqualTo("2026-12-30");
        assertThat(due(c, "final-response", 1)).isEqualTo("2027-02-17");

        // Thursday 31 December: not resolved by the close of the third business day.
        // issue 23, R-5: DISP's SRC is an outcome by the third business day, not a deadline: its window has passed, which
        // is not overdue.
        itIs("2026-12-31T09:00");
        c.read();
        assertThat(status(c, "summary-resolution", 1)).isEqualTo("LAPSED");
        assertThat(status(c, "final-response", 1)).isEqualTo("ON_TIME");
        // DISP 1.3: the complaint is owned by a complaints handler; Fay may take it once the firm names her one.
        assertThat(refused(c.attempt("assign", "{\"owner\":\"fay.handler\"}"))).isEqualTo("fay.handler does not hold the role of "
                + "Complaints handler, which owns Summary resolution or final response (an administrator gives it on the team page): R-5");
        team.setPackRoles(firm, "fay.handler", List.of("complaints-handler"));
        c.assignTo("fay.handler");
        assertThat(c.json().get("stages").get(0).get("owner").asString()).isEqualTo("fay.handler");

        // DISP 1.6.2 gives no extension of the 8 weeks (the firm sends a holding response instead): the clock cannot be extended.
        assertThat(refused(c.attempt("extend", extend("final-response", 2, "the fee records are archived"))))
                .isEqualTo("the Final response (or holding response) clock cannot be extended under this policy: R-5: DISP 1.6.2; "
                        + "the twice-yearly return (DISP 1.10) counts closures within 4 weeks, 4 to 8 weeks and over 8 weeks");
        assertThat(refusedField(c.attempt("extend", extend("final-response", 2, "the fee records are archived")))).isEqualTo("clock");
        // The pack sets no time limit for complaints, so a complaint cannot be declined as too late.
        assertThat(refusedField(c.attempt("decline", "{\"ground\":\"TIME_LIMIT\",\"reasons\":\"too old\"}"))).isEqualTo("ground");

        // Wednesday 10 February 2027, in the seventh week: the final response, not upheld, with the right to refer to the
        // Financial Ombudsman Service within six months (DISP 1.6.2, the pack's referWithin) and its full contact details.
        itIs("2027-02-10T16:00");
        c.respond("We have checked the fees against your signed agreement.", notUpheld(1, "the fees were in the agreement you signed"));
        assertThat(status(c, "final-response", 1)).isEqualTo("MET");
        // issue 23, R-5: the SRC window passed unused, which is not lateness (DISP 1.5 is an option).
        assertThat(status(c, "summary-resolution", 1)).isEqualTo("LAPSED");
        assertThat(latestLetter(c, "DISP_FINAL_RESPONSE").get("subject").asString())
                .isEqualTo("Our final response to your complaint (" + c.reference() + ")");
        assertThat(body(c, "DISP_FINAL_RESPONSE")).contains(
                "This is our final response to your complaint " + c.reference() + ".",
                "1. Fees I was not told about\n   Our decision: not upheld (we do not think we got this wrong)\n   Why: the fees were in the agreement you signed",
                "If you are not happy with our response, you can refer your complaint to the Financial Ombudsman Service. It is free and "
                        + "independent. You must do so within six months of the date of this letter, that is by Tuesday 10 August 2027.",
                "We enclose the Ombudsman's leaflet explaining its service.",
                "Phone: 0800 023 4567", "Email: complaint.info@financial-ombudsman.org.uk",
                "Website: https://www.financial-ombudsman.org.uk", "Post: Exchange Tower, London E14 9SR");
        assertThat(refused(c.attempt("escalation-request", "{}")))
                .startsWith("Summary resolution or final response is the final stage of this procedure; the complainant may go to Financial Ombudsman Service");

        itIs("2027-02-11T09:00");
        c.close();
        assertThat(c.json().get("status").asString()).isEqualTo("CLOSED");
        assertThat(letterKinds(c)).containsExactly("DISP_FINAL_RESPONSE");
    }

    @Test
    void aComplaintUnansweredAtTheEndOfTheEighthWeekIsOverdueTheDayAfter() {
        // Wednesday 23 December 2026: Dee emails about her budget sheet; nobody answers.
        itIs("2026-12-23T12:00");
        CaseOnFile c = cases().aComplaint().through("EMAIL").receivedOn(LocalDate.of(2026, 12, 23)).by("Dee Davies")
                .onServiceLine("debt-advice").points("My budget sheet was wrong").in(firm);
        // Wednesday 17 February 2027, the last day of the eighth week: still within time, shown as due soon.
        itIs("2027-02-17T17:00");
        c.read();
        assertThat(status(c, "final-response", 1)).isEqualTo("DUE_SOON");
        // Thursday 18 February: the 8 weeks have passed without a final response (DISP 1.6.2: she may now go to the Ombudsman).
        itIs("2027-02-18T09:00");
        c.read();
        assertThat(status(c, "final-response", 1)).isEqualTo("OVERDUE");
    }
}
