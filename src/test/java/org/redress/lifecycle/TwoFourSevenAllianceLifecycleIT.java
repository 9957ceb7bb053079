package org.redress.lifecycle;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.redress.testing.Api;
import org.redress.testing.CaseOnFile;
import tools.jackson.databind.JsonNode;

import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.redress.testing.Cases.upheld;

/**
 * 247 Alliance's complaint policy 247 POL 28 (policy text 000), pack {@code 247-alliance}, told as one client's
 * story. 247 Alliance is a contract services company, not a social landlord: one formal stage counted in clock hours
 * (every hour counts, nights, weekends and bank holidays included) and no ombudsman after the response. The story
 * runs over Easter 2027, when British Summer Time also begins (01:00 GMT on Sunday 28 March 2027), so a wall-clock
 * reading of "48 hours" would be an hour out.
 */
class TwoFourSevenAllianceLifecycleIT extends LifecycleSupport {

    static final String ALLIANCE_247 = "247-alliance";

    @Test
    void aFormalComplaintMadeOnGoodFridayIsAnsweredInFortyEightClockHoursAcrossTheClockChange() {
        // Good Friday, 26 March 2027, 14:00 GMT: a client emails info@247alliance.co.uk (S0-4): the office cleaner did
        // not come. The client wants it handled formally (S0-1: "informal or formal depending upon the wishes of the
        // client").
        itIs("2027-03-26T14:05");
        CaseOnFile c = cases().aComplaint().through("EMAIL").receivedAt(LocalDateTime.parse("2027-03-26T14:00")).by("Cleo Client")
                .points("The office cleaner did not come on Thursday").in(ALLIANCE_247);
        assertThat(c.reference()).matches("TFA-2027-\\d{6}");
        assertThat(c.json().get("stageName").asString()).isEqualTo("Formal complaint");

        // S0-5: "an acknowledgment email to the complainant within 24 Hours of the receipt": 14:00 GMT Saturday.
        assertThat(clockOf(c, "acknowledge", 1).get("dueBy").asString()).isEqualTo("2027-03-27T14:00:00Z");
        assertThat(explanation(c, "acknowledge", 1)).endsWith("Due by 14:00 GMT on Sat 27 Mar 2027: 24 hours from 14:00 GMT on "
                + "Fri 26 Mar 2027 (every hour counts, including nights, weekends and holidays).");
        // S0-7: "Responses will be drafted and sent within 48 hours" (from receipt, pack assumption): 14:00 GMT on
        // Sunday is 15:00 BST, the clocks having gone forward at 01:00 GMT that morning.
        assertThat(clockOf(c, "respond", 1).get("dueBy").asString()).isEqualTo("2027-03-28T14:00:00Z");
        assertThat(explanation(c, "respond", 1)).endsWith("Due by 15:00 BST on Sun 28 Mar 2027: 48 hours from 14:00 GMT on "
                + "Fri 26 Mar 2027 (every hour counts, including nights, weekends and holidays).");

        // Saturday 27 March, 10:00 GMT: the Operations Manager acknowledges, inside the 24 hours (S0-5), and the email
        // gives the response time to the hour.
        itIs("2027-03-27T10:00");
        c.acknowledge();
        assertThat(status(c, "acknowledge", 1)).isEqualTo("MET");
        assertThat(body(c, "ACKNOWLEDGEMENT")).contains("Dear Cleo Client,", "Thank you for contacting 247 Alliance Ltd.",
                "We will send you our Formal complaint response by 15:00 on Sunday 28 March 2027.");

        // Sunday 28 March, 10:00 BST: the site supervisor cannot be reached until Easter Monday. S0-7: "In the event of
        // any anticipated delay the Investigating Officer will speak to the client/complainant, explaining the reasons
        // for the delay": a delay without its reason is refused.
        itIs("2027-03-28T10:00");
        Api.Response noReason = c.attempt("extend", "{\"clock\":\"respond\",\"amount\":24}");
        assertThat(refused(noReason)).isEqualTo("an extension must give the reason for the delay: S0-7");
        assertThat(refusedField(noReason)).isEqualTo("reason");
        c.act("extend", extend("respond", 24, "the site supervisor is away until Easter Monday"));
        // 24 clock hours on: 15:00 BST on Easter Monday (a bank holiday counts like any other day).
        assertThat(clockOf(c, "respond", 1).get("dueBy").asString()).isEqualTo("2027-03-29T14:00:00Z");
        assertThat(explanation(c, "respond", 1)).endsWith("Extended on Sun 28 Mar 2027 by 24 hours (the site supervisor is away until "
                + "Easter Monday): now due by 15:00 BST on Mon 29 Mar 2027: 24 hours from 15:00 BST on Sun 28 Mar 2027 (every hour "
                + "counts, including nights, weekends and holidays).");
        assertThat(body(c, "EXTENSION")).contains("Why: the site supervisor is away until Easter Monday",
                "We will now respond by Monday 29 March 2027 (we had said Sunday 28 March 2027).")
                .doesNotContain("Thank you for agreeing", "Ombudsman");

        // Easter Monday, 29 March, 11:00 BST: the response. S0-8: it "explains how their concerns have been resolved and
        // what action has been taken"; one without that explanation is not a response.
        itIs("2027-03-29T11:00");
        Api.Response unexplained = c.attempt("respond", "{\"summary\":\" \",\"points\":[{\"number\":1,\"outcome\":\"UPHELD\",\"reasons\":\"rota error\"}]}");
        assertThat(unexplained.status()).as(unexplained.body()).isEqualTo(400);
        assertThat(unexplained.json().get("errors").findValuesAsString("field")).containsExactly("summary");
        assertThat(unexplained.body()).contains("S0-8");
        c.respond("The office was cleaned on Saturday and the rota now names a cover cleaner.", upheld(1, "a rota error left the office uncovered"));
        assertThat(status(c, "respond", 1)).isEqualTo("MET");
        assertThat(c.json().get("status").asString()).isEqualTo("RESPONDED");
        // One formal stage, and 000 names no ombudsman or other route after the response: the response is final and
        // points nowhere else.
        assertThat(latestLetter(c, "FINAL_RESPONSE").get("subject").asString()).isEqualTo("Our final response to your complaint (" + c.reference() + ")");
        assertThat(body(c, "FINAL_RESPONSE")).contains(
                "This is our final response to your complaint " + c.reference() + ". It is the last stage of our complaints procedure (Formal complaint).",
                "1. The office cleaner did not come on Thursday\n   Our decision: upheld (we agree we got this wrong)\n   Why: a rota error left the office uncovered",
                "What we are doing about it\nThe office was cleaned on Saturday and the rota now names a cover cleaner.")
                .doesNotContain("Ombudsman", "If you are still unhappy");
        assertThat(c.json().get("allowedActions").toString()).doesNotContain("escalation-request");
        assertThat(refused(c.attempt("escalation-request", "{}"))).startsWith("Formal complaint is the final stage of this procedure");

        // S0-9, S0-10: the complaint stays in the register, closed.
        itIs("2027-03-29T12:00");
        c.close();
        assertThat(c.json().get("status").asString()).isEqualTo("CLOSED");
        assertThat(historyTypes(c)).containsExactly("logged", "acknowledged", "extended", "responded", "closed");
        assertThat(letterKinds(c)).containsExactly("ACKNOWLEDGEMENT", "EXTENSION", "FINAL_RESPONSE");
    }

    @Test
    void anInformalComplaintIsConfirmedWithinTwentyFourHoursAndCanBecomeFormal() {
        // S0-1: the client chooses informal. S0-5: "All complaints will be acknowledged, and confirmation of receipt
        // will be sent" (the 24 hours are read as the same for informal complaints: pack assumption).
        itIs("2027-03-26T16:00");
        CaseOnFile informal = cases().a("informal-complaint").through("PHONE").receivedAt(LocalDateTime.parse("2027-03-26T16:00"))
                .by("Ivo Informal").points("Bins left unemptied").in(ALLIANCE_247);
        assertThat(informal.json().get("stage").asInt()).isZero();
        // 16:00 GMT Friday + 24 hours = 16:00 GMT Saturday.
        assertThat(clockOf(informal, "acknowledge", 0).get("dueBy").asString()).isEqualTo("2027-03-27T16:00:00Z");
        // If the client then wants it handled formally, it becomes a formal complaint (S0-1).
        // A formal complaint is logged for it, linked to the informal one, with the formal clocks from the same receipt.
        Api.Response formal = informal.attempt("reclassify", "{\"recordType\":\"complaint\"}");
        assertThat(formal.status()).as(formal.body()).isEqualTo(201);
        CaseOnFile complaint = cases().onFile(ALLIANCE_247, formal.json().get("caseFile"));
        assertThat(complaint.json().get("recordType").asString()).isEqualTo("complaint");
        assertThat(complaint.json().get("stageName").asString()).isEqualTo("Formal complaint");
        assertThat(complaint.json().get("linkedFrom").asString()).isEqualTo(informal.reference());
        assertThat(clockOf(complaint, "acknowledge", 1).get("dueBy").asString()).isEqualTo("2027-03-27T16:00:00Z");
        assertThat(clockOf(complaint, "respond", 1).get("dueBy").asString()).isEqualTo("2027-03-28T16:00:00Z");

        // S0-2: an issue/concern is resolved "within 12-48 hours from the complaint being made": 48 hours is the
        // deadline, and the pack reads 12 hours as the aim, shown on the case beside it.
        CaseOnFile issue = cases().a("issue-concern").through("PHONE").receivedAt(LocalDateTime.parse("2027-03-26T16:00"))
                .by("Iris Issue").points("Reception was untidy").in(ALLIANCE_247);
        // 48 clock hours from 16:00 GMT on Friday: 16:00 GMT (17:00 BST) on Sunday.
        assertThat(clockOf(issue, "resolve", 0).get("dueBy").asString()).isEqualTo("2027-03-28T16:00:00Z");
        // 12 clock hours from 16:00 GMT on Friday: 04:00 GMT on Saturday, before the clocks go forward.
        assertThat(clockOf(issue, "resolve", 0).get("aim").get("by").asString()).isEqualTo("2027-03-27T04:00:00Z");
        assertThat(clockOf(issue, "resolve", 0).get("aim").get("explanation").asString()).isEqualTo("Aim: resolve without formal "
                + "investigation by 04:00 GMT on Sat 27 Mar 2027, within 12 hours; at the latest by 17:00 BST on Sun 28 Mar 2027.");
        // The aim sets no deadline: at 05:00 GMT on Saturday the aim has passed, and the clock is not overdue.
        itIs("2027-03-27T05:00");
        issue.read();
        assertThat(status(issue, "resolve", 0)).isEqualTo("ON_TIME");
    }

    @Test
    void aStaffMembersEmploymentConcernIsRedirectedToTheGrievancePolicyWithALetterThatNamesNoOmbudsman() {
        // S0-3 (000, "Complaints dealt with outside of this policy"): "Staff concerns related to their employment" go to
        // the Whistle Blowing Policy or the Grievance Policy. Tuesday 30 March 2027: a cleaner emails about a shift change.
        itIs("2027-03-30T09:00");
        CaseOnFile c = cases().aComplaint().through("EMAIL").receivedAt(LocalDateTime.parse("2027-03-30T08:30")).by("Sol Staff")
                .points("My shift pattern was changed without notice").in(ALLIANCE_247);
        // The exclusion offers two policies, so the decision must say which.
        Api.Response which = c.attempt("decline", "{\"ground\":\"OUT_OF_SCOPE\",\"exclusion\":\"staff-employment\","
                + "\"reasons\":\"This is about your employment\"}");
        assertThat(refusedField(which)).isEqualTo("redirectTo");
        assertThat(refused(which)).contains("[Whistle Blowing Policy, Grievance Policy]");
        c.act("decline", "{\"ground\":\"OUT_OF_SCOPE\",\"exclusion\":\"staff-employment\",\"redirectTo\":\"Grievance Policy\","
                + "\"reasons\":\"A change to your shift pattern is a matter of your employment with us\"}");
        assertThat(c.json().get("status").asString()).isEqualTo("DECLINED");
        JsonNode declined = c.json().get("history").get(historyTypes(c).lastIndexOf("declined")).get("details");
        assertThat(declined.get("redirectedTo").asString()).isEqualTo("Grievance Policy");
        assertThat(declined.get("exclusion").asString()).isEqualTo("staff-employment");
        // 000 names no ombudsman: the letter points to the Grievance Policy and nowhere else.
        assertThat(body(c, "DECLINE")).contains("Dear Sol Staff,", "Why: A change to your shift pattern is a matter of your employment with us",
                "Where to take it instead: Grievance Policy", "The matter will be dealt with under that policy instead.")
                .doesNotContainIgnoringCase("ombudsman");
        assertThat(letterKinds(c)).containsExactly("DECLINE");
    }

    @Test
    @Disabled("defect: an extension letter for a clock counted in hours gives only dates, so a same-day extension reads "
            + "'now respond by Monday 29 March 2027 (we had said Monday 29 March 2027)'; the acknowledgement gives the time (S0-7, T-10)")
    void anExtensionCountedInHoursTellsTheClientTheNewTime() {
        itIs("2027-03-26T14:05");
        CaseOnFile c = cases().aComplaint().through("EMAIL").receivedAt(LocalDateTime.parse("2027-03-26T14:00")).by("Cleo Client")
                .points("The office cleaner did not come on Thursday").in(ALLIANCE_247);
        itIs("2027-03-28T10:00");
        c.act("extend", extend("respond", 24, "the site supervisor is away until Easter Monday"));
        itIs("2027-03-29T10:00");
        c.act("extend", extend("respond", 2, "the supervisor's report arrives at lunchtime"));
        // S0-7: the client is told the reasons for the delay, and when the response will now come: to the hour.
        assertThat(body(c, "EXTENSION")).contains("Why: the supervisor's report arrives at lunchtime",
                "We will now respond by 17:00 on Monday 29 March 2027 (we had said 15:00 on Monday 29 March 2027).");
    }

    @Test
    @Disabled("defect: escalating after 247 Alliance's formal response is refused with 'the complainant may go to the ombudsman', "
            + "but 000 names no ombudsman or other route after the response, so staff are told of a route the policy does not have")
    void theRefusalToEscalateAFormalComplaintNamesNoOmbudsmanThePolicyDoesNotHave() {
        itIs("2027-03-26T14:05");
        CaseOnFile c = cases().aComplaint().through("EMAIL").receivedAt(LocalDateTime.parse("2027-03-26T14:00")).by("Cleo Client")
                .points("The office cleaner did not come on Thursday").in(ALLIANCE_247);
        c.acknowledge().respond("The office was cleaned on Saturday.", upheld(1, "a rota error"));
        // 000: one formal stage; no ombudsman is named (pack assumption "no external route after the response").
        assertThat(refused(c.attempt("escalation-request", "{}"))).startsWith("Formal complaint is the final stage of this procedure")
                .doesNotContainIgnoringCase("ombudsman");
    }
}
