package org.redress.lifecycle;

import org.junit.jupiter.api.Test;
import org.redress.testing.Api;
import org.redress.testing.CaseOnFile;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.redress.testing.Cases.notUpheld;
import static org.redress.testing.Cases.partlyUpheld;

/**
 * Helping Our Future's complaint handling policy (policy text 003, April 2014), pack {@code helping-our-future}, told
 * as one user's story through its three steps to the Housing Ombudsman. 003 sets no timescales: every figure is the
 * Housing Ombudsman Complaint Handling Code 2024's, as the pack's assumptions say (acknowledge in 5 working days,
 * respond in 10 at step 1 and 20 at steps 2 and 3, counted from the acknowledgement). Dates were counted by hand on
 * the England and Wales calendar (GOV.UK's bank holidays): Spring bank holiday Mon 31 May 2027, Summer bank holiday
 * Mon 30 Aug 2027. "Day 0" is the day a clock starts.
 */
class HelpingOurFutureLifecycleIT extends LifecycleSupport {

    static final String HOF = "helping-our-future";

    @Test
    void aUsersComplaintGoesThroughThreeStepsToTheReviewPanelAndTheHousingOmbudsman() {
        // Thursday 20 May 2027: Hal emails. A member of staff was rude to him at the hostel's front desk: "dissatisfaction
        // with the attitude of staff" (003 2.0, H-1, H-2). H-10: "All complaints are recorded as a step 1".
        itIs("2027-05-20T09:30");
        CaseOnFile c = cases().aComplaint().through("EMAIL").receivedOn(LocalDate.of(2027, 5, 20)).by("Hal Hope")
                .onServiceLine("supported-housing").with("category", "staff-attitude")
                .points("A member of staff was rude to me at the front desk").in(HOF);
        assertThat(c.json().get("stageName").asString()).isEqualTo("Step 1");
        // H-1: the kind of complaint is chosen from 003 2.0's list when logging, and kept on the case.
        assertThat(c.json().get("classification").get("category").asString()).isEqualTo("staff-attitude");
        // issue 22: H-10 changes this step ("so long as they have not been raised previously": the repeat rule's period)
        // H-6: a case worker and a Complaint Management Officer are appointed to each complaint: each must hold the role
        // (issue 22), and Helping Our Future's review panel is a role only an administrator gives.
        member(HOF, "cal.caseworker", "case-worker");
        member(HOF, "cara.cmo", "complaint-management-officer");
        member(HOF, "review.panel", "review-panel");

        // Code 6.2 (pack assumption): acknowledged within 5 working days: 21, 24, 25, 26, 27 May.
        assertThat(due(c, "acknowledge", 1)).isEqualTo("2027-05-27");
        assertThat(explanation(c, "acknowledge", 1)).endsWith("Due by the end of Thu 27 May 2027: 5 working days after Thu 20 May 2027 "
                + "in the England and Wales calendar (the start day is day 0), skipping Sat 22 May 2027 (Saturday), Sun 23 May 2027 (Sunday).");

        // Monday 24 May: acknowledged. "Keeping the complainant fully informed of the process" (003 Resolution).
        // Code 6.3 (pack assumption): 10 working days from the acknowledgement: 25-28 May, the Spring bank holiday
        // skipped, 1-4 and 7, 8 June.
        itIs("2027-05-24T10:00");
        c.acknowledge();
        assertThat(status(c, "acknowledge", 1)).isEqualTo("MET");
        assertThat(due(c, "respond", 1)).isEqualTo("2027-06-08");
        assertThat(explanation(c, "respond", 1)).endsWith("Due by the end of Tue 8 Jun 2027: 10 working days after Mon 24 May 2027 "
                + "in the England and Wales calendar (the start day is day 0), skipping Sat 29 May 2027 (Saturday), Sun 30 May 2027 (Sunday), "
                + "Mon 31 May 2027 (Spring bank holiday), Sat 5 Jun 2027 (Saturday), Sun 6 Jun 2027 (Sunday).");
        assertThat(body(c, "ACKNOWLEDGEMENT")).contains("Dear Hal Hope,", "Thank you for contacting Helping Our Future.",
                "We will send you our Step 1 response by Tuesday 8 June 2027.");
        c.assignTo("cal.caseworker");
        c.act("assign", "{\"owner\":\"cara.cmo\",\"role\":\"complaint-management-officer\"}");
        assertThat(c.json().get("stages").get(0).get("owner").asString()).isEqualTo("cal.caseworker");
        assertThat(c.json().get("stages").get(0).get("coOwners").toString()).isEqualTo("{\"complaint-management-officer\":\"cara.cmo\"}");

        // Friday 4 June: a witness is on leave. Code 6.4-6.5 (pack assumption): at most a further 10 working days, with
        // the reason, once, and the Housing Ombudsman's details in the letter.
        itIs("2027-06-04T10:00");
        assertThat(refused(c.attempt("extend", extend("respond", 11, "a witness is on leave"))))
                .isEqualTo("an extension of the Step 1 response clock may add at most 10 working days, not 11: assumption from Code 6.4-6.5");
        assertThat(refusedField(c.attempt("extend", "{\"clock\":\"respond\",\"amount\":10}"))).isEqualTo("reason");
        c.act("extend", extend("respond", 10, "a witness is on leave until 14 June"));
        // Ten working days from Tue 8 June: 9-11, 14-18, 21, 22 June.
        assertThat(due(c, "respond", 1)).isEqualTo("2027-06-22");
        assertThat(body(c, "EXTENSION")).contains("Why: a witness is on leave until 14 June",
                "We will now respond by Tuesday 22 June 2027 (we had said Tuesday 8 June 2027).",
                "If you are unhappy with this new date, you can contact the Housing Ombudsman Service:",
                "Phone: 0300 111 3000", "Email: info@housing-ombudsman.org.uk", "Website: https://www.housing-ombudsman.org.uk");
        assertThat(refused(c.attempt("extend", extend("respond", 1, "again"))))
                .isEqualTo("the Step 1 response clock has had every extension the policy allows (1): assumption from Code 6.4-6.5");

        // Friday 18 June: the step 1 response. 003 sets no window to escalate, so the letter gives no "ask by" date.
        itIs("2027-06-18T14:00");
        c.respond("We have spoken to the member of staff and listened to the desk's recording.",
                notUpheld(1, "the recording shows the member of staff was polite"));
        assertThat(status(c, "respond", 1)).isEqualTo("MET");
        assertThat(body(c, "STAGE_RESPONSE")).contains("This is our Step 1 response to your complaint " + c.reference() + ".",
                "1. A member of staff was rude to me at the front desk\n   Our decision: not upheld (we do not think we got this wrong)",
                "If you are not happy with this response, you can ask us to take your complaint to Step 2.")
                .doesNotContain("Please ask by");
        // H-10: the review is for "a customer not happy with the outcome of step 1 or 2", so Hal could ask for the step 3
        // review now (the next story); he goes to step 2.

        // Monday 21 June: "If the user remains dissatisfied after Step 1, the complaint will be dealt with under Step 2"
        // (H-10). Code 6.11: acknowledged within 5 working days: 22-25, 28 June.
        itIs("2027-06-21T09:00");
        c.askToEscalate("the member of staff is still rude", "an apology");
        assertThat(c.json().get("stageName").asString()).isEqualTo("Step 2");
        assertThat(due(c, "acknowledge", 2)).isEqualTo("2027-06-28");
        // H-5: a refusal to escalate would carry its review date (the third story).
        // Step 2 is handled by someone other than the step 1 handler (pack: the Complaint Management Officer): the case
        // worker who handled step 1 does not hold that role (issue 22).
        Api.Response caseWorker = c.attempt("assign", "{\"owner\":\"cal.caseworker\"}");
        assertThat(refusedField(caseWorker)).isEqualTo("owner");
        assertThat(refused(caseWorker)).isEqualTo("cal.caseworker does not hold the role of Complaint Management Officer, which owns "
                + "Step 2 (an administrator gives it on the team page): H-10; 003 'If the user remains dissatisfied after Step 1'");
        c.assignTo("cara.cmo");

        // Wednesday 23 June: accepted. Code 6.14: 20 working days from the acknowledgement: 24, 25 June, 28 June-2 July,
        // 5-9, 12-16 and 19-21 July.
        itIs("2027-06-23T09:00");
        c.acceptEscalation();
        assertThat(due(c, "respond", 2)).isEqualTo("2027-07-21");
        assertThat(body(c, "ESCALATION_ACKNOWLEDGEMENT")).contains("to Step 2.", "We will send you our Step 2 response by Wednesday 21 July 2027.",
                "We understand that this is still unresolved: the member of staff is still rude", "You told us you would like: an apology");
        // Code 6.15: a step 2 extension adds at most 20 working days.
        assertThat(refused(c.attempt("extend", extend("respond", 21, "complex"))))
                .isEqualTo("an extension of the Step 2 response clock may add at most 20 working days, not 21: assumption from Code 6.15-6.16");

        // Monday 19 July: the step 2 response points to the step 3 review.
        itIs("2027-07-19T11:00");
        c.respond("We have arranged a meeting with the hostel manager.", partlyUpheld(1, "the tone of one reply was curt"));
        assertThat(body(c, "STAGE_RESPONSE")).contains("This is our Step 2 response to your complaint " + c.reference() + ".",
                "you can ask us to take your complaint to Step 3 review by a panel.");

        // Tuesday 10 August: "Step 3: Review: If a customer is not happy with the outcome of step 1 or 2, the third and
        // final step will be dealt with as a review" by a panel (H-10). Acknowledged by Tue 17 August (11-13, 16, 17).
        itIs("2027-08-10T09:00");
        c.askToEscalate("I want the panel to look at it", "an apology in writing");
        assertThat(c.json().get("stage").asInt()).isEqualTo(3);
        assertThat(c.json().get("stageName").asString()).isEqualTo("Step 3 review by a panel");
        assertThat(due(c, "acknowledge", 3)).isEqualTo("2027-08-17");
        c.assignTo("review.panel");

        // Thursday 12 August: accepted. The panel keeps the stage 2 figure (pack assumption): 20 working days, 13, 16-20,
        // 23-27 August, the Summer bank holiday (Mon 30 August) skipped, 31 August-3 September and 6-10 September.
        itIs("2027-08-12T09:00");
        c.acceptEscalation();
        assertThat(due(c, "respond", 3)).isEqualTo("2027-09-10");
        assertThat(explanation(c, "respond", 3)).contains("Mon 30 Aug 2027 (Summer bank holiday)");
        assertThat(body(c, "ESCALATION_ACKNOWLEDGEMENT")).contains("We will send you our Step 3 review by a panel response by Friday 10 September 2027.");
        // The pack gives the review panel's clock no extension.
        assertThat(refusedField(c.attempt("extend", extend("respond", 5, "a panel member is ill")))).isEqualTo("clock");

        // Wednesday 8 September: the panel's decision is the final response, with the Housing Ombudsman's details
        // (pack assumption: 003 names no ombudsman; the Housing Ombudsman Scheme applies to a supported housing provider).
        itIs("2027-09-08T15:00");
        c.respond("The panel upholds your complaint in part; the hostel manager will apologise in writing.",
                partlyUpheld(1, "the panel found one reply was curt"));
        assertThat(status(c, "respond", 3)).isEqualTo("MET");
        assertThat(body(c, "FINAL_RESPONSE")).contains(
                "This is our final response to your complaint " + c.reference() + ". It is the last stage of our complaints procedure (Step 3 review by a panel).",
                "You can ask the Housing Ombudsman Service to look at your complaint. It is free and independent.",
                "Phone: 0300 111 3000", "Email: info@housing-ombudsman.org.uk", "Website: https://www.housing-ombudsman.org.uk");
        assertThat(refused(c.attempt("escalation-request", "{}")))
                .startsWith("Step 3 review by a panel is the final stage of this procedure; the complainant may go to Housing Ombudsman Service");

        // H-7: "the Complaint Management Officer will ask the user how well we have managed their complaint and how
        // satisfied there were with the outcome", and why: the case does not close until they are asked.
        itIs("2027-09-09T10:00");
        Api.Response unasked = c.attempt("close", "{}");
        assertThat(refusedField(unasked)).isEqualTo("satisfaction");
        assertThat(refused(unasked)).contains("H-7");
        c.act("close", "{\"satisfaction\":{\"withHandling\":true,\"withOutcome\":false,\"reasons\":\"I wanted the member of staff moved\"}}");
        assertThat(c.json().get("status").asString()).isEqualTo("CLOSED");
        assertThat(c.json().get("satisfaction").get("withHandling").asBoolean()).isTrue();
        assertThat(c.json().get("satisfaction").get("withOutcome").asBoolean()).isFalse();
        assertThat(letterKinds(c)).containsExactly("ACKNOWLEDGEMENT", "EXTENSION", "STAGE_RESPONSE", "ESCALATION_ACKNOWLEDGEMENT",
                "STAGE_RESPONSE", "ESCALATION_ACKNOWLEDGEMENT", "FINAL_RESPONSE");
        // issue 22: mediation and adjustments change this story (offered or recorded at any point)
    }

    /** A user's complaint logged on Thursday 20 May 2027, acknowledged on Monday 24 May and answered at step 1 on Friday 18 June. */
    private CaseOnFile answeredAtStepOne(String name, String point) {
        member(HOF, "cal.caseworker", "case-worker");
        member(HOF, "review.panel", "review-panel");
        itIs("2027-05-20T09:30");
        CaseOnFile c = cases().aComplaint().through("EMAIL").receivedOn(LocalDate.of(2027, 5, 20)).by(name)
                .onServiceLine("supported-housing").points(point).in(HOF);
        itIs("2027-05-24T10:00");
        c.acknowledge().assignTo("cal.caseworker");
        itIs("2027-06-18T14:00");
        c.respond("We have looked into it.", notUpheld(1, "the records show the support was given"));
        return c;
    }

    @Test
    void aUserNotHappyWithStepOneAsksForTheStepThreeReviewStraightAway() {
        // H-10 (003): "Step 3: Review: If a customer is not happy with the outcome of step 1 or 2, the third and final
        // step will be dealt with as a review". Hana asks for the panel's review on Monday 21 June, straight from step 1.
        CaseOnFile c = answeredAtStepOne("Hana Hope", "My support plan was changed without asking me");
        itIs("2027-06-21T09:00");
        c.act("escalation-request", "{\"toStage\":\"step-3-review\",\"unresolved\":\"my plan is still changed\","
                + "\"outcomeWanted\":\"my old plan back\"}");
        assertThat(c.json().get("stage").asInt()).isEqualTo(3);
        assertThat(c.json().get("stageName").asString()).isEqualTo("Step 3 review by a panel");
        // Step 2 is skipped and is no part of the case.
        assertThat(c.json().get("stages")).extracting(st -> st.get("name").asString()).containsExactly("Step 1", "Step 3 review by a panel");
        // Code 6.11 (pack assumption): acknowledged within 5 working days: 22-25 and 28 June.
        assertThat(due(c, "acknowledge", 3)).isEqualTo("2027-06-28");
        // The panel is not the step 1 handler, and the case worker does not hold the panel's role.
        assertThat(refusedField(c.attempt("assign", "{\"owner\":\"cal.caseworker\"}"))).isEqualTo("owner");
        c.assignTo("review.panel");

        // Wednesday 23 June: accepted; 20 working days from the acknowledgement: 24, 25 June, 28 June-2 July, 5-9,
        // 12-16 and 19-21 July.
        itIs("2027-06-23T09:00");
        c.acceptEscalation();
        assertThat(due(c, "respond", 3)).isEqualTo("2027-07-21");
        assertThat(body(c, "ESCALATION_ACKNOWLEDGEMENT")).contains("to Step 3 review by a panel.",
                "We will send you our Step 3 review by a panel response by Wednesday 21 July 2027.",
                "We understand that this is still unresolved: my plan is still changed", "You told us you would like: my old plan back");
        assertThat(letterKinds(c)).containsExactly("ACKNOWLEDGEMENT", "STAGE_RESPONSE", "ESCALATION_ACKNOWLEDGEMENT");
    }

    @Test
    void aRefusalToEscalateForUnacceptableBehaviourCarriesTheDateItWillBeReviewed() {
        // H-5 (003 appendix 1.4): Helping Our Future "reserves the right to not escalate a complaint to the next stage"
        // for unacceptable actions or behaviour; the decision is recorded with its reasons and the date it is reviewed.
        CaseOnFile c = answeredAtStepOne("Huw Hostile", "The hostel rules were applied to me unfairly");
        itIs("2027-06-21T09:00");
        c.askToEscalate("the rules are still unfair", "an apology");
        assertThat(c.json().get("stageName").asString()).isEqualTo("Step 2");

        // Wednesday 23 June: Huw threatened the front desk staff on Tuesday. A refusal without a review date, or with one
        // that is not after the refusal, is refused.
        itIs("2027-06-23T10:00");
        String refusal = "{\"ground\":\"unacceptable actions or behaviour (003 appendix 1.4)\","
                + "\"reasons\":\"You threatened our front desk staff on 22 June\"";
        Api.Response noDate = c.attempt("refuse-escalation", refusal + "}");
        assertThat(refusedField(noDate)).isEqualTo("reviewDate");
        assertThat(refused(noDate)).contains("must include the date it will be reviewed");
        assertThat(refusedField(c.attempt("refuse-escalation", refusal + ",\"reviewDate\":\"2027-06-23\"}"))).isEqualTo("reviewDate");
        c.act("refuse-escalation", refusal + ",\"reviewDate\":\"2027-09-23\"}");
        assertThat(c.json().get("status").asString()).isEqualTo("CLOSED");
        JsonNode refused = c.json().get("history").get(historyTypes(c).lastIndexOf("escalation-refused")).get("details");
        assertThat(refused.get("reviewDate").asString()).isEqualTo("2027-09-23");
        assertThat(body(c, "ESCALATION_REFUSAL")).contains("We have decided not to do this.",
                "Why: You threatened our front desk staff on 22 June", "We will review this decision on Thursday 23 September 2027.");
    }
}
