package org.redress.lifecycle;

import org.junit.jupiter.api.Test;
import org.redress.accounts.Role;
import org.redress.testing.Api;
import org.redress.testing.CaseOnFile;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.redress.testing.Cases.notUpheld;
import static org.redress.testing.Cases.promise;
import static org.redress.testing.Cases.upheld;

/**
 * Alliance Homes Group's complaint handling procedure (policy text 001) with its customer feedback policy (002), pack
 * {@code alliance-homes}, told as one tenant's story from first contact to the Housing Ombudsman, the clock moved as
 * the story goes. Where the two texts differ the pack follows the newer 001 (two stages, the ombudsman straight after
 * stage 2). Dates were counted by hand on the England and Wales calendar (GOV.UK's bank holidays): Good Friday
 * 26 Mar 2027, Easter Monday 29 Mar 2027, Early May bank holiday Mon 3 May 2027, Spring bank holiday Mon 31 May 2027.
 * "Day 0" is the day a clock starts.
 */
class AllianceHomesLifecycleIT extends LifecycleSupport {

    static final String ALLIANCE = "alliance-homes";

    @Test
    void aTenantsRepairComplaintOverEasterGoesThroughBothStagesAndTheCaseConferenceToTheHousingOmbudsman() {
        // Tuesday 23 March 2027, 09:00: Ada phones. The boiler repair was missed twice. Not a service request that can
        // be "resolved immediately": a complaint, under the Housing Ombudsman's definition (001), about housing.
        itIs("2027-03-23T09:15");
        CaseOnFile c = cases().aComplaint().through("PHONE").receivedOn(LocalDate.of(2027, 3, 23)).by("Ada Tenant")
                .preferringContactBy("EMAIL").onServiceLine("housing").about("Repairs", "Missed appointment")
                .points("The boiler repair appointment was missed twice", "Nobody called me back").in(ALLIANCE);
        assertThat(c.reference()).matches("AH-2027-\\d{6}");
        // Ada became aware of the problem this month: no 12-month warning (F-3; a late complaint is the story further down).
        assertThat(historyTypes(c)).containsExactly("logged");
        // stage 1 goes to the manager of the complaint's service area; Ada's names no area, so it waits to be
        // assigned (a complaint in an area with a manager is the story further down).

        // "We will acknowledge all complaints within 5 working days": Wed 24, Thu 25, then Good Friday, the weekend
        // and Easter Monday are skipped, then Tue 30, Wed 31 March and Thu 1 April.
        assertThat(due(c, "acknowledge", 1)).isEqualTo("2027-04-01");
        assertThat(explanation(c, "acknowledge", 1)).endsWith("Due by the end of Thu 1 Apr 2027: 5 working days after Tue 23 Mar 2027 "
                + "in the England and Wales calendar (the start day is day 0), skipping Fri 26 Mar 2027 (Good Friday), Sat 27 Mar 2027 "
                + "(Saturday), Sun 28 Mar 2027 (Sunday), Mon 29 Mar 2027 (Easter Monday).");
        // the stage 1 response's 10 working days run from the acknowledgement (pack assumption, Code 6.3), so there
        // is no stage 1 date until then.
        assertThat(c.json().get("clocks").toString()).doesNotContain("\"respond\"");

        // Thursday 25 March: acknowledged "in a method of communication that has been agreed with you".
        itIs("2027-03-25T10:00");
        c.act("acknowledge", "{\"method\":\"email\"}");
        assertThat(status(c, "acknowledge", 1)).isEqualTo("MET");
        // ten working days from Thu 25 March: 30, 31 March, 1, 2, 5-9 and 12 April (Easter skipped).
        assertThat(due(c, "respond", 1)).isEqualTo("2027-04-12");
        assertThat(explanation(c, "respond", 1)).endsWith("Due by the end of Mon 12 Apr 2027: 10 working days after Thu 25 Mar 2027 "
                + "in the England and Wales calendar (the start day is day 0), skipping Fri 26 Mar 2027 (Good Friday), Sat 27 Mar 2027 "
                + "(Saturday), Sun 28 Mar 2027 (Sunday), Mon 29 Mar 2027 (Easter Monday), Sat 3 Apr 2027 (Saturday), Sun 4 Apr 2027 "
                + "(Sunday), Sat 10 Apr 2027 (Saturday), Sun 11 Apr 2027 (Sunday).");
        assertThat(body(c, "ACKNOWLEDGEMENT")).contains("Dear Ada Tenant,", "Thank you for contacting Alliance Homes Group.",
                "We will send you our Stage 1 response by Monday 12 April 2027.");
        // stage 1 is owned by the manager of the service area; its owner must hold that role (issue 22). Ada's
        // complaint names no area, so it waited to be assigned. Mo also holds the Feedback Manager role, so at stage 2
        // below only the different handler (Code 6.13) stands in his way.
        member(ALLIANCE, "mo.manager", "service-manager", "feedback-manager");
        Api.Response notAManager = c.attempt("assign", "{\"owner\":\"fay.feedback\"}");
        assertThat(refused(notAManager)).isEqualTo("fay.feedback does not hold the role of Manager of the service area the complaint"
                + " falls into, which owns Stage 1 (an administrator gives it on the team page): A-2, A-3, A-4, A-5; 001 Complaints Process, Stage 1");
        c.assignTo("mo.manager");

        // Thursday 8 April: the contractor's report is late. A-4: "We will agree a suitable extension of the timescale
        // with you, which would not normally be more than a further 10 working days", and explain why.
        itIs("2027-04-08T11:00");
        Api.Response unagreed = c.attempt("extend", extend("respond", 10, "the contractor's report is late"));
        assertThat(refusedField(unagreed)).isEqualTo("complainantAgreed");
        assertThat(refused(unagreed)).startsWith("the complainant must agree to this extension");
        assertThat(refused(c.attempt("extend", extendAgreed("respond", 11, "the contractor's report is late"))))
                .startsWith("an extension of the Stage 1 response clock may add at most 10 working days, not 11: A-4");
        c.act("extend", extendAgreed("respond", 10, "the contractor's report is late"));
        // Ten working days from Mon 12 April: 13-16, 19-23 and 26 April.
        assertThat(due(c, "respond", 1)).isEqualTo("2027-04-26");
        assertThat(body(c, "EXTENSION")).contains("Why: the contractor's report is late",
                "We will now respond by Monday 26 April 2027 (we had said Monday 12 April 2027). Thank you for agreeing to this.");
        // The pack reads "not normally more than a further 10" as one extension: a second is refused.
        assertThat(refused(c.attempt("extend", extendAgreed("respond", 2, "still waiting"))))
                .startsWith("the Stage 1 response clock has had every extension the policy allows (1): A-4");

        // Thursday 22 April: the stage 1 response "will include all actions taken to resolve the complaint", and "any
        // subsequent actions" with "clear timescales of when these will be completed" (A-5). 001 sets no window for
        // escalating, so the letter gives no "ask by" date.
        itIs("2027-04-22T15:00");
        c.respond("We are sorry. The boiler repair is booked with a different contractor.",
                List.of(upheld(1, "two appointments were missed"), notUpheld(2, "our call log shows we rang back the same day")),
                List.of(promise("Repair the boiler", LocalDate.of(2027, 5, 7))));
        assertThat(status(c, "respond", 1)).isEqualTo("MET");
        assertThat(c.json().hasNonNull("escalationWindow")).isFalse();
        assertThat(body(c, "STAGE_RESPONSE")).contains("This is our Stage 1 response to your complaint " + c.reference() + ".",
                "1. The boiler repair appointment was missed twice\n   Our decision: upheld (we agree we got this wrong)\n   Why: two appointments were missed",
                "- Repair the boiler, by Friday 7 May 2027",
                "If you are not happy with this response, you can ask us to take your complaint to Stage 2 (final).")
                .doesNotContain("Please ask by");

        // Tuesday 4 May, after the Early May bank holiday: Ada asks for stage 2. A-6: "we will need to understand what
        // issues remain unresolved and specifically, what desired outcome you are looking for".
        itIs("2027-05-04T09:30");
        c.askToEscalate("the boiler is still not fixed", "compensation for three weeks without heating");
        assertThat(c.json().get("stage").asInt()).isEqualTo(2);
        assertThat(c.json().get("stageName").asString()).isEqualTo("Stage 2 (final)");
        // A-2 read as covering escalations (pack assumption): acknowledged by Tue 11 May (5, 6, 7, 10, 11 May).
        assertThat(due(c, "acknowledge", 2)).isEqualTo("2027-05-11");
        // "This stage is coordinated by our Feedback Manager", not the stage 1 service manager (Code 6.13).
        Api.Response sameHandler = c.attempt("assign", "{\"owner\":\"mo.manager\"}");
        assertThat(refusedField(sameHandler)).isEqualTo("owner");
        assertThat(refused(sameHandler)).startsWith("the Stage 2 (final) handler must not be the person who handled Stage 1 (mo.manager)");
        // The Feedback Manager owns stage 2: a service manager who does not hold that role may not take it (issue 22).
        Api.Response notFeedbackManager = c.attempt("assign", "{\"owner\":\"sam.manager\"}");
        assertThat(refusedField(notFeedbackManager)).isEqualTo("owner");
        assertThat(refused(notFeedbackManager)).isEqualTo("sam.manager does not hold the role of Feedback Manager, which owns Stage 2 (final) "
                + "(an administrator gives it on the team page): A-6, A-7; 001 Escalation, Stage 2");
        c.assignTo("fay.feedback");

        // Thursday 6 May: the escalation is acknowledged. A-7: "We aim to respond within 20 working days": 7, 10-14,
        // 17-21, 24-28 May, then the Spring bank holiday (Mon 31 May) is skipped, then 1-4 June.
        itIs("2027-05-06T10:00");
        c.acceptEscalation();
        assertThat(due(c, "respond", 2)).isEqualTo("2027-06-04");
        assertThat(explanation(c, "respond", 2)).contains("Mon 31 May 2027 (Spring bank holiday)");
        assertThat(body(c, "ESCALATION_ACKNOWLEDGEMENT")).contains(
                "We have received your request to take your complaint " + c.reference() + " to Stage 2 (final).",
                "We will send you our Stage 2 (final) response by Friday 4 June 2027.",
                "We understand that this is still unresolved: the boiler is still not fixed",
                "You told us you would like: compensation for three weeks without heating",
                "Someone who was not involved in the earlier stage will review everything we have done so far.");
        // "Any extension would not normally be more than a further 10 working days."
        assertThat(refused(c.attempt("extend", extendAgreed("respond", 11, "added complexity"))))
                .isEqualTo("an extension of the Stage 2 final response clock may add at most 10 working days, not 11: A-7; 001 Stage 2");
        // "We will agree method and frequency of contact with you" at stage 2: Fay and Ada agree a phone call
        // every Friday, and it is recorded (the stage 2 response is refused until it is).
        c.act("contact-arrangement", "{\"method\":\"phone\",\"frequency\":\"every Friday\"}");
        assertThat(c.json().get("stages").get(1).get("contactArrangement").get("method").asString()).isEqualTo("phone");
        assertThat(c.json().get("stages").get(1).get("contactArrangement").get("frequency").asString()).isEqualTo("every Friday");
        // F-6 and F-10 could come in here: mediation offered, or the Group Chief Executive deciding the complaint is
        // vexatious "at any point of the complaints procedure" (the stage 2 story further down).

        // Wednesday 2 June: the final response is ready, but A-8 ("reviewed at a regular case conference") and A-9
        // ("the opportunity to comment on any adverse findings before we determine our final response") come first.
        itIs("2027-06-02T10:00");
        String finalResponse = CaseOnFile.response("We will pay £150 for the missed appointments and the weeks without heating.",
                List.of(upheld(1, "confirmed by the contractor's records"), notUpheld(2, "confirmed by the call log")), List.of());
        assertThat(refused(c.attempt("respond", finalResponse)))
                .startsWith("the case-conference step must be recorded before the response at this stage: A-8");
        c.act("steps", "{\"step\":\"case-conference\",\"note\":\"Handled fairly; agree £150\"}");
        assertThat(refused(c.attempt("respond", finalResponse)))
                .startsWith("the adverse-findings step must be recorded before the response at this stage: A-9");
        c.act("steps", "{\"step\":\"adverse-findings\",\"note\":\"Ada was invited to comment by 1 June; she had no comment\"}");
        c.act("respond", finalResponse);
        assertThat(status(c, "respond", 2)).isEqualTo("MET");
        // A-10: "If you remain dissatisfied with the outcome of your stage 2 complaint you can choose to contact the
        // Housing Ombudsman Service", with its contact details (001, and the address from 002 2.2.7).
        assertThat(latestLetter(c, "FINAL_RESPONSE").get("subject").asString()).isEqualTo("Our final response to your complaint (" + c.reference() + ")");
        assertThat(body(c, "FINAL_RESPONSE")).contains(
                "This is our final response to your complaint " + c.reference() + ". It is the last stage of our complaints procedure (Stage 2 (final)).",
                "You can ask the Housing Ombudsman Service to look at your complaint. It is free and independent.",
                "Phone: 0300 111 3000", "Email: info@housing-ombudsman.org.uk", "Website: https://www.housing-ombudsman.org.uk",
                "Post: 81 Aldwych, London WC2B 4HN");
        // The pack's notes for staff (when the ombudsman applies, which text is superseded) never reach the letter, and
        // 002's appeal to a review panel (F-5, 002 2.2.3) is recorded in the pack but not kept (001 is newer): not offered.
        assertThat(body(c, "FINAL_RESPONSE")).doesNotContain("When:", "superseded", "review panel");

        // "This is the final stage of our internal complaints process" (001).
        assertThat(refused(c.attempt("escalation-request", "{}"))).startsWith(
                "Stage 2 (final) is the final stage of this procedure; the complainant may go to Housing Ombudsman Service: A-6, A-7");
        itIs("2027-06-03T09:00");
        c.act("close", "{\"note\":\"repair done; payment made\"}");
        assertThat(c.json().get("status").asString()).isEqualTo("CLOSED");
        assertThat(historyTypes(c)).containsExactly("logged", "acknowledged", "assigned", "extended", "responded",
                "escalation-requested", "assigned", "acknowledged", "contact-arranged", "step-recorded", "step-recorded", "responded", "closed");
        assertThat(letterKinds(c)).containsExactly("ACKNOWLEDGEMENT", "EXTENSION", "STAGE_RESPONSE", "ESCALATION_ACKNOWLEDGEMENT",
                "FINAL_RESPONSE");
    }

    @Test
    void theOmbudsmanInTheFinalResponseDependsOnTheServiceLine() {
        // F-8: home care goes to the Local Government (and Social Care) Ombudsman, debt advice to the Financial
        // Ombudsman Service, each with the contact details 002 2.2.7 gives.
        itIs("2027-05-04T09:00");
        CaseOnFile homeCare = finalResponseOn("home-care");
        assertThat(body(homeCare, "FINAL_RESPONSE")).contains(
                "You can ask the Local Government and Social Care Ombudsman to look at your complaint.",
                "Phone: 0300 061 0614", "Post: PO Box 4771, Coventry CV4 0EH").doesNotContain("Housing Ombudsman");
        // Debt advice is regulated by the FCA (DISP): its final response is the DISP one, with the six-month limit and
        // the Ombudsman's leaflet, "supplied with the leaflets regarding this" (002 2.2.7).
        CaseOnFile debt = finalResponseOn("debt-advice");
        assertThat(body(debt, "DISP_FINAL_RESPONSE")).contains("If you are not happy with our response, you can refer your complaint "
                + "to the Financial Ombudsman Service. It is free and independent.", "We enclose the Ombudsman's leaflet explaining its service.",
                "Phone: 0800 023 4567 or 0300 123 9123", "Email: complaint.info@financial-ombudsman.org.uk",
                "Post: Exchange Tower, London E14 9SR").doesNotContain("Housing Ombudsman");
    }

    /**
     * A complaint on this service line taken quickly to its final response: housing through both stages; home care and
     * debt advice run their own one-stage procedures (issue 23, F-8), so their first response is the final one.
     */
    private CaseOnFile finalResponseOn(String serviceLine) {
        CaseOnFile c = cases().aComplaint().through("EMAIL").by("Bo Customer").onServiceLine(serviceLine)
                .points("Carer arrived late").in(ALLIANCE);
        c.acknowledge().assignTo("sam.manager");
        if (serviceLine.equals("debt-advice")) {
            // DISP: answered after the third business day, so a final response rather than a summary resolution
            itIs("2027-05-18T09:00");
        }
        c.respond("We apologise.", notUpheld(1, "the visit log shows the carer was on time"));
        if (!serviceLine.equals("housing")) {
            return c;
        }
        c.askToEscalate().assignTo("fay.feedback").acceptEscalation();
        c.act("steps", "{\"step\":\"case-conference\",\"note\":\"agreed\"}");
        c.act("steps", "{\"step\":\"adverse-findings\",\"note\":\"no adverse findings\"}");
        c.act("contact-arrangement", "{\"method\":\"email\",\"frequency\":\"every week\"}");
        c.respond("We apologise.", notUpheld(1, "confirmed"));
        return c;
    }

    @Test
    void aRepeatComplaintIsFlaggedAndOneThatBecomesADisrepairClaimWaitsOnLegalHoldForTheCourt() {
        // Monday 10 May 2027: Dee complains about the same damp she complained about on Monday 11 January. F-11 (002
        // 2.4.2): "If a complaint is substantially the same as one made within the previous six months, we may choose not
        // to investigate": the earlier complaint is named before logging, and the choice is staff's.
        itIs("2027-05-10T09:30");
        String email = "dee.disrepair." + System.nanoTime() + "@example.org";
        CaseOnFile january = cases().aComplaint().through("EMAIL").receivedOn(LocalDate.of(2027, 1, 11)).by("Dee Disrepair " + System.nanoTime())
                .withEmail(email).onServiceLine("housing").points("Damp in the bedroom").in(ALLIANCE);
        var again = cases().aComplaint().through("EMAIL").receivedOn(LocalDate.of(2027, 5, 10)).by("Dee Disrepair").withEmail(email)
                .onServiceLine("housing").points("The damp in the bedroom is back");
        Api.Response checks = again.checkIn(ALLIANCE);
        assertThat(checks.status()).as(checks.body()).isEqualTo(200);
        assertThat(checks.json().get(0).get("kind").asString()).isEqualTo("REPEAT");
        assertThat(checks.json().get(0).get("cite").asString()).startsWith("F-11");
        assertThat(checks.json().get(0).get("relatedCases").toString()).isEqualTo("[\"" + january.reference() + "\"]");
        CaseOnFile c = again.in(ALLIANCE);

        // Tuesday 11 May: acknowledged; A-4: the response is due Tue 25 May (12-14, 17-21, 24, 25 May).
        itIs("2027-05-11T10:00");
        c.acknowledge();
        assertThat(due(c, "respond", 1)).isEqualTo("2027-05-25");

        // Monday 17 May: Dee's solicitor issues court papers for a disrepair claim. A-11 (001 Legal Complaints): "We
        // will continue to progress the complaint until the court papers have been issued, at which point the court
        // case takes precedence": the complaint goes on legal hold and its clock stops with 6 working days left
        // (18-21, 24, 25 May).
        itIs("2027-05-17T10:00");
        c.act("hold", "{\"kind\":\"LEGAL\",\"reason\":\"court papers issued for a disrepair claim\"}");
        assertThat(c.json().get("status").asString()).isEqualTo("ON_HOLD");
        assertThat(status(c, "respond", 1)).isEqualTo("PAUSED");
        assertThat(refused(c.attempt("respond", CaseOnFile.response("Done", List.of(upheld(1, "damp")), List.of()))))
                .isEqualTo("cannot respond to a case that is on hold");

        // Monday 7 June: the claim is settled; the complaint resumes with the 6 working days it had left: 8-11, 14, 15
        // June (the Spring bank holiday fell inside the hold and costs nothing).
        itIs("2027-06-07T10:00");
        c.act("resume", "{\"note\":\"the disrepair claim was settled\"}");
        assertThat(c.json().get("status").asString()).isEqualTo("OPEN");
        assertThat(due(c, "respond", 1)).isEqualTo("2027-06-15");
    }

    @Test
    void aComplaintMadeMoreThanTwelveMonthsLaterKeepsItsWarningAndIsInvestigatedAnywayWithTheReason() {
        // F-3 (002 2.1.4): a complaint raised more than 12 months after the complainant became aware "will not normally be
        // investigated". Tuesday 23 March 2027: Len has known about the damp since 1 February 2026.
        itIs("2027-03-23T09:15");
        CaseOnFile c = cases().aComplaint().through("PHONE").receivedOn(LocalDate.of(2027, 3, 23)).by("Len Late")
                .onServiceLine("housing").with("awareSince", "2026-02-01").points("Damp in the kitchen since last February").in(ALLIANCE);
        assertThat(historyTypes(c)).containsExactly("logged", "late-complaint-warned");
        JsonNode warned = c.json().get("history").get(1).get("details");
        assertThat(warned.get("awareSince").asString()).isEqualTo("2026-02-01");
        assertThat(warned.get("months").asInt()).isEqualTo(12);
        assertThat(c.json().get("allowedActions").toString()).contains("investigate-anyway");
        // The decision to investigate anyway says why, and is recorded with who took it.
        assertThat(refusedField(c.attempt("investigate-anyway", "{\"reason\":\" \"}"))).isEqualTo("reason");
        c.act("investigate-anyway", "{\"reason\":\"The damp is getting worse and a child in the home has asthma\"}");
        JsonNode decided = c.json().get("history").get(historyTypes(c).lastIndexOf("investigated-anyway"));
        assertThat(decided.get("reason").asString()).isEqualTo("The damp is getting worse and a child in the home has asthma");
        assertThat(decided.get("actor").asString()).isEqualTo("test-admin");
        assertThat(c.json().get("status").asString()).isEqualTo("OPEN");
        // The clocks run as for any complaint: acknowledged by Thu 1 April (A-2, Easter skipped).
        assertThat(due(c, "acknowledge", 1)).isEqualTo("2027-04-01");
    }

    @Test
    void atStageTwoMediationIsOfferedAndDeclinedAndTheGroupChiefExecutiveDecidesTheComplaintIsVexatious() {
        // F-6 (002 2.2.4): mediation "at any point in the process"; F-10 (002 2.4.1): the Group Chief Executive may
        // decide a complaint is deliberately repetitious or vexatious "at any point of the complaints procedure".
        member(ALLIANCE, "dee.director", Role.DIRECTOR);
        member(ALLIANCE, "gil.chief", Role.DIRECTOR, "group-chief-executive");
        itIs("2027-05-04T09:00");
        CaseOnFile c = cases().aComplaint().through("EMAIL").receivedOn(LocalDate.of(2027, 5, 4)).by("Vera Vexed")
                .onServiceLine("housing").points("My neighbour's hedge is too tall").in(ALLIANCE);
        c.acknowledge().assignTo("sam.manager").respond("The hedge is within the tenancy rules.", notUpheld(1, "it is under two metres"));
        itIs("2027-05-05T09:00");
        c.askToEscalate("the hedge", "the hedge cut").assignTo("fay.feedback").acceptEscalation();

        // Thursday 6 May: an independent mediator is offered; Vera declines on Friday 7 May.
        itIs("2027-05-07T10:00");
        c.act("mediation", "{\"step\":\"OFFERED\",\"mediator\":\"Northern Community Mediation\",\"on\":\"2027-05-06\"}");
        c.act("mediation", "{\"step\":\"DECLINED\"}");
        assertThat(historyTypes(c)).containsSubsequence("mediation-offered", "mediation-declined");

        // Monday 10 May: the eleventh identical complaint this year. A director who does not hold the Group Chief
        // Executive's role may not decide it; the Group Chief Executive, signed in, does, and the decision records them.
        itIs("2027-05-10T10:00");
        String vexatious = "{\"ground\":\"VEXATIOUS\",\"reasons\":\"This is the eleventh complaint about the same hedge this year\"}";
        Api.Response director = as("dee.director").post(c.path() + "/decline", vexatious);
        assertThat(refused(director)).isEqualTo("this decision is for the Group Chief Executive, and dee.director does not hold that role"
                + " (an administrator gives it on the team page): F-10; 002 2.4.1");
        assertThat(refusedField(director)).isEqualTo("decidedBy");
        Api.Response chief = as("gil.chief").post(c.path() + "/decline", vexatious);
        assertThat(chief.status()).as(chief.body()).isEqualTo(200);
        CaseOnFile declined = cases().onFile(ALLIANCE, chief.json());
        assertThat(declined.json().get("status").asString()).isEqualTo("DECLINED");
        JsonNode decision = declined.json().get("history").get(historyTypes(declined).lastIndexOf("declined")).get("details");
        assertThat(decision.get("decidedBy").asString()).isEqualTo("gil.chief");
        assertThat(body(declined, "DECLINE")).contains("Dear Vera Vexed,",
                "Why: This is the eleventh complaint about the same hedge this year",
                "If you disagree with this decision, you can ask the Housing Ombudsman Service to look at it. It is free and independent.",
                "Phone: 0300 111 3000", "Post: 81 Aldwych, London WC2B 4HN");
    }

    @Test
    void aComplaintInAServiceAreaGoesStraightToThatAreasManager() {
        // A-3 (001 Stage 1): "Your complaint will be allocated to the manager of the service area your complaint falls
        // into". An organisation of its own running Alliance Homes' procedure, with a Repairs area whose manager the
        // administrator has set (the manager must hold the stage's role).
        itIs("2027-03-23T09:15");
        String org = cases().anOrganisationRunning(ALLIANCE, "Repairs", "Lettings");
        member(org, "rory.repairs", "service-manager");
        member(org, "wes.worker");
        Api.Response notAManager = api().put("/api/v1/organisations/" + org + "/team/area-managers/Repairs", "{\"manager\":\"wes.worker\"}");
        assertThat(refused(notAManager)).isEqualTo("wes.worker does not hold the role of Manager of the service area the complaint falls"
                + " into, which the manager of a service area must hold (an administrator gives it on the team page): A-3");
        Api.Response set = api().put("/api/v1/organisations/" + org + "/team/area-managers/Repairs", "{\"manager\":\"rory.repairs\"}");
        assertThat(set.status()).as(set.body()).isEqualTo(200);

        CaseOnFile repairs = cases().aComplaint().through("PHONE").receivedOn(LocalDate.of(2027, 3, 23)).by("Ria Repair")
                .inArea("Repairs").onServiceLine("housing").points("The gutter repair was left half done").in(org);
        assertThat(repairs.json().get("stages").get(0).get("owner").asString()).isEqualTo("rory.repairs");
        assertThat(historyTypes(repairs)).containsExactly("logged", "assigned");
        // Lettings has no manager yet: its complaint waits to be assigned.
        CaseOnFile lettings = cases().aComplaint().through("PHONE").receivedOn(LocalDate.of(2027, 3, 23)).by("Lee Letting")
                .inArea("Lettings").onServiceLine("housing").points("My tenancy start date was wrong").in(org);
        assertThat(historyTypes(lettings)).containsExactly("logged");
    }
}
