package org.redress.casework;

import org.junit.jupiter.api.Test;
import org.redress.accounts.Accounts;
import org.redress.accounts.Role;
import org.redress.testing.Api;
import org.redress.testing.CaseOnFile;
import org.redress.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 22, decisions and the letters they send: each decision is the pack's rule, recorded on the case with who and
 * why, and the letter it sends tells the complainant exactly what the procedure promises them.
 */
class DecisionLettersIT extends CaseApiSupport {

    @Autowired
    Accounts accounts;

    JsonNode letters(CaseOnFile c) {
        return api().get(c.path() + "/letters").json();
    }

    /** The latest letter of this kind (letters written in the same instant have no order between them). */
    String lastLetter(CaseOnFile c, String kind) {
        String body = null;
        for (JsonNode letter : letters(c)) {
            if (letter.get("kind").asString().equals(kind)) {
                body = letter.get("body").asString();
            }
        }
        assertThat(body).as("a " + kind + " letter").isNotNull();
        return body;
    }

    JsonNode lastEvent(CaseOnFile c) {
        JsonNode history = c.read().get("history");
        return history.get(history.size() - 1);
    }

    static void assertRefusedOn(Api.Response response, int status, String field, String detail) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
        assertThat(response.json().get("detail").asString()).contains(detail);
    }

    // ---- S0-3 ------------------------------------------------------------------------------------------------

    @Test
    void s03_247AllianceDeclinesAStaffGrievanceAsOutOfScopeRecordingTheGrievancePolicyAndItsLetterPointsThereNotToAnOmbudsman() {
        clock.setUk("2026-11-23T09:30");
        CaseOnFile c = cases().aComplaint().through("EMAIL").by("Sam Staff").withEmail("sam.staff@example.org")
                .saying("My shift pattern was changed without notice").points("Shift change").in("247-alliance");

        // the exclusion offers two policies, so the decision must say which
        assertRefusedOn(c.attempt("decline", """
                {"ground":"OUT_OF_SCOPE","exclusion":"staff-employment","reasons":"This is about your employment"}"""),
                422, "redirectTo", "[Whistle Blowing Policy, Grievance Policy]");
        assertRefusedOn(c.attempt("decline", """
                {"ground":"OUT_OF_SCOPE","exclusion":"staff-employment","redirectTo":"Ombudsman","reasons":"x"}"""),
                422, "redirectTo", "must be one of [Whistle Blowing Policy, Grievance Policy]");

        c.act("decline", """
                {"ground":"OUT_OF_SCOPE","exclusion":"staff-employment","redirectTo":"Grievance Policy",
                 "reasons":"A change to your shift pattern is a matter of your employment with us"}""");

        assertThat(c.json().get("status").asString()).isEqualTo("DECLINED");
        JsonNode declined = lastEvent(c);
        assertThat(declined.get("type").asString()).isEqualTo("declined");
        assertThat(declined.get("reason").asString()).isEqualTo("A change to your shift pattern is a matter of your employment with us");
        assertThat(declined.get("details").get("redirectedTo").asString()).isEqualTo("Grievance Policy");
        assertThat(declined.get("details").get("exclusion").asString()).isEqualTo("staff-employment");
        assertThat(declined.get("details").has("ombudsman")).isFalse();

        assertThat(lastLetter(c, "DECLINE")).contains(
                "Why: A change to your shift pattern is a matter of your employment with us",
                "Where to take it instead: Grievance Policy",
                "The matter will be dealt with under that policy instead.").doesNotContainIgnoringCase("ombudsman");
    }

    @Test
    void s03_theStaffPageOffersThePoliciesAnOutOfScopeMatterGoesToAndRecordsTheOneChosen() {
        clock.setUk("2026-11-23T09:30");
        accounts.ensure("decide.tfa", "Dee Director", "decide-tfa-pass", false, Map.of("247-alliance", Role.DIRECTOR));
        CaseOnFile c = cases().aComplaint().through("EMAIL").by("Wes Whistle").withEmail("wes@example.org")
                .saying("I want to report a safety cover-up by my manager").points("Cover-up").in("247-alliance");
        WebSession director = new WebSession(port);
        director.signIn("decide.tfa", "decide-tfa-pass");
        WebSession.Page page = director.get("/staff/247-alliance/cases/" + c.reference());
        assertThat(page.body()).contains("Where the matter goes instead", "<option value=\"Whistle Blowing Policy\">Whistle Blowing Policy</option>");

        WebSession.Page done = director.post("/staff/247-alliance/cases/" + c.reference() + "/decline", Map.of("ground", "OUT_OF_SCOPE",
                "exclusion", "staff-employment", "redirectTo", "Whistle Blowing Policy", "reason", "A concern raised as a member of staff"));
        assertThat(done.status()).as(done.body()).isEqualTo(302);
        assertThat(lastEvent(c).get("details").get("redirectedTo").asString()).isEqualTo("Whistle Blowing Policy");
        assertThat(lastLetter(c, "DECLINE")).contains("Where to take it instead: Whistle Blowing Policy");
    }
    // ---- F-10, T-4 -------------------------------------------------------------------------------------------

    @Test
    void f10_allianceHomesDeclinesAVexatiousComplaintAtStage2AndTellsThePersonOfTheHousingOmbudsmanWithItsContactDetails() {
        clock.setUk("2026-11-23T09:30");
        CaseOnFile c = cases().aComplaint().through("EMAIL").by("Val Vexed").withEmail("val@example.org").onServiceLine("housing")
                .saying("The same fence complaint again").points("Fence").in("alliance-homes");
        c.respond("We have checked the fence.", org.redress.testing.Cases.notUpheld(1, "the fence is sound"));
        c.askToEscalate("the fence", "a new fence");
        assertThat(c.json().get("allowedActions")).extracting(JsonNode::asString).contains("decline");
        // the decision is the signed-in member's, who must hold the role 002 names for it (F-10)
        CaseOnFile chief = c.actingAs(cases().aDeciderHolding("alliance-homes", "dl.chief", "group-chief-executive"));

        // only the ground 002 allows "at any point of the complaints procedure"
        assertRefusedOn(chief.attempt("decline", """
                {"ground":"REPEAT","reasons":"the same as before","decidedBy":"group-chief-executive"}"""), 422, "ground", "[VEXATIOUS]");

        clock.setUk("2026-12-10T11:00");
        chief.act("decline", """
                {"ground":"VEXATIOUS","reasons":"The complaint repeats one decided twice with nothing new","decidedBy":"group-chief-executive"}""");
        assertThat(chief.json().get("status").asString()).isEqualTo("DECLINED");
        assertThat(chief.json().get("stage").asInt()).isEqualTo(2);
        assertThat(lastEvent(c).get("details").get("cite").asString()).isEqualTo("F-10; 002 2.4.1");
        assertThat(lastLetter(c, "DECLINE")).contains("Why: The complaint repeats one decided twice with nothing new",
                "you can ask the Housing Ombudsman Service to look at it", "Phone: 0300 111 3000",
                "Email: info@housing-ombudsman.org.uk", "Website: https://www.housing-ombudsman.org.uk", "Post: 81 Aldwych, London WC2B 4HN");
    }

    @Test
    void t4_theTrustMayCloseAComplaintForAbuseOfStaffAfterItsStage1ResponseButNotAfterTheFinalResponse() {
        clock.setUk("2026-11-23T09:30");
        CaseOnFile c = cases().aComplaint().through("EMAIL").by("Abe Abusive").withEmail("abe@example.org")
                .saying("Support worker late").points("Late").in("the-trust");
        c.respond("We have spoken to the worker.", org.redress.testing.Cases.notUpheld(1, "on time by the rota"));
        assertThat(c.json().get("status").asString()).isEqualTo("RESPONDED");
        // the decision is the signed-in member's, who must hold the role the Trust names for it (T-4)
        org.redress.testing.Api manager = cases().aDeciderHolding("the-trust", "dl.services", "client-services-manager");
        c.actingAs(manager).act("decline", """
                {"ground":"VEXATIOUS","reasons":"Our staff were verbally abused on the phone on 24 November","decidedBy":"client-services-manager"}""");
        assertThat(c.read().get("status").asString()).isEqualTo("DECLINED");
        assertThat(lastLetter(c, "DECLINE")).contains("Why: Our staff were verbally abused", "Housing Ombudsman Service", "Phone: 0300 111 3000");

        CaseOnFile done = cases().aComplaint().through("EMAIL").by("Fin Final").withEmail("fin@example.org")
                .saying("Late again").points("Late").in("the-trust");
        done.respond("Stage 1.", org.redress.testing.Cases.notUpheld(1, "no"));
        done.askToEscalate("still late", "apology").acceptEscalation();
        done.respond("Final.", org.redress.testing.Cases.notUpheld(1, "no"));
        assertThat(done.json().get("allowedActions")).extracting(JsonNode::asString).doesNotContain("decline");
        assertThat(done.actingAs(manager).attempt("decline", """
                {"ground":"VEXATIOUS","reasons":"x","decidedBy":"client-services-manager"}""").json().get("detail").asString())
                .contains("the final response has ended the complaints procedure");
    }

    @Test
    void f10_theStaffPageOffersDecliningAStage2ComplaintWhereThePolicyAllowsItAtAnyPoint() {
        clock.setUk("2026-11-23T09:30");
        accounts.ensure("decide.ah", "Gus Chief", "decide-ah-pass", false, Map.of("alliance-homes", Role.DIRECTOR));
        // F-10: the decider holds the role 002 names
        cases().aMember("alliance-homes", "decide.ah", "decide-ah-pass", Role.DIRECTOR, java.util.List.of("group-chief-executive"));
        CaseOnFile c = cases().aComplaint().through("EMAIL").by("Ray Repeat").withEmail("ray@example.org").onServiceLine("housing")
                .saying("Fence again").points("Fence").in("alliance-homes");
        c.respond("Checked.", org.redress.testing.Cases.notUpheld(1, "sound"));
        c.askToEscalate("fence", "new fence");
        WebSession chief = new WebSession(port);
        chief.signIn("decide.ah", "decide-ah-pass");
        assertThat(chief.get("/staff/alliance-homes/cases/" + c.reference()).body()).contains("id=\"action-decline\"");
        WebSession.Page done = chief.post("/staff/alliance-homes/cases/" + c.reference() + "/decline", Map.of("ground", "VEXATIOUS",
                "reason", "Deliberately repetitious", "decidedBy", "group-chief-executive"));
        assertThat(done.status()).as(done.body()).isEqualTo(302);
        assertThat(c.read().get("status").asString()).isEqualTo("DECLINED");
    }
    // ---- F-3 -------------------------------------------------------------------------------------------------

    @Test
    void f3_aComplaintMadeMoreThan12MonthsLaterKeepsItsWarningAndTheDecisionToInvestigateAnywayIsRecordedWithWhoAndWhy() {
        clock.setUk("2026-11-23T09:30");
        CaseOnFile c = cases().aComplaint().through("EMAIL").by("Lou Late").withEmail("lou@example.org").onServiceLine("housing")
                .saying("Damp since last year").with("awareSince", "2025-09-01").points("Damp").in("alliance-homes");
        JsonNode warned = c.json().get("history").get(1);
        assertThat(warned.get("type").asString()).isEqualTo("late-complaint-warned");
        assertThat(warned.get("details").get("awareSince").asString()).isEqualTo("2025-09-01");
        assertThat(warned.get("details").get("months").asInt()).isEqualTo(12);
        assertThat(warned.get("details").get("cite").asString()).isEqualTo("F-3; 002 2.1.4");
        assertThat(c.json().get("allowedActions")).extracting(JsonNode::asString).contains("investigate-anyway");

        assertRefusedOn(c.attempt("investigate-anyway", "{\"reason\":\" \"}"), 422, "reason", "say why");
        c.act("investigate-anyway", "{\"reason\":\"The damp is ongoing and affects a child's health\"}");
        JsonNode decided = lastEvent(c);
        assertThat(decided.get("type").asString()).isEqualTo("investigated-anyway");
        assertThat(decided.get("reason").asString()).isEqualTo("The damp is ongoing and affects a child's health");
        assertThat(decided.get("actor").asString()).isNotBlank();
        assertThat(decided.get("details").get("awareSince").asString()).isEqualTo("2025-09-01");
        assertThat(c.json().get("status").asString()).isEqualTo("OPEN");

        CaseOnFile inTime = cases().aComplaint().through("EMAIL").by("Tim Timely").withEmail("tim@example.org").onServiceLine("housing")
                .saying("Damp since spring").with("awareSince", "2026-03-01").points("Damp").in("alliance-homes");
        assertThat(inTime.json().get("history")).extracting(e -> e.get("type").asString()).doesNotContain("late-complaint-warned");
        assertThat(inTime.json().get("allowedActions")).extracting(JsonNode::asString).doesNotContain("investigate-anyway");
        assertThat(inTime.attempt("investigate-anyway", "{\"reason\":\"x\"}").status()).isEqualTo(422);
    }

    @Test
    void f3_theCasePageShowsTheLateWarningAndOffersInvestigateAnywayWithAReason() {
        clock.setUk("2026-11-23T09:30");
        accounts.ensure("decide.ah", "Gus Chief", "decide-ah-pass", false, Map.of("alliance-homes", Role.DIRECTOR));
        CaseOnFile c = cases().aComplaint().through("EMAIL").by("Pru Past").withEmail("pru@example.org").onServiceLine("housing")
                .saying("Leak in 2024").with("awareSince", "2024-10-01").points("Leak").in("alliance-homes");
        WebSession manager = new WebSession(port);
        manager.signIn("decide.ah", "decide-ah-pass");
        String page = manager.get("/staff/alliance-homes/cases/" + c.reference()).body();
        assertThat(page).contains("Made late", "The person knew of the problem from 2024-10-01, more than 12 months before the complaint",
                "id=\"action-investigate-anyway\"", "Why it is investigated anyway");
        WebSession.Page refused = manager.post("/staff/alliance-homes/cases/" + c.reference() + "/investigate-anyway", Map.of("reason", ""));
        assertThat(refused.status()).isEqualTo(400);
        WebSession.Page done = manager.post("/staff/alliance-homes/cases/" + c.reference() + "/investigate-anyway",
                Map.of("reason", "The leak was reported to the contractor at the time"));
        assertThat(done.status()).as(done.body()).isEqualTo(302);
        assertThat(manager.get("/staff/alliance-homes/cases/" + c.reference()).body()).contains("Investigated anyway",
                "Decided by decide.ah on", ": The leak was reported to the contractor at the time");
    }
    // ---- T-7 -------------------------------------------------------------------------------------------------

    @Test
    void t7_theTrustsFurtherExtensionGoesAheadWithoutTheClientsAgreementAndItsLetterGivesTheHousingOmbudsmanToChallengeTheDate() {
        clock.setUk("2026-11-23T09:30");
        CaseOnFile c = cases().aComplaint().through("EMAIL").by("Ned Noagree").withEmail("ned@example.org")
                .saying("Support plan not followed").points("Plan").in("the-trust");
        clock.setUk("2026-12-01T10:00");
        c.act("extend", "{\"clock\":\"respond\",\"amount\":10,\"reason\":\"We need the support worker's notes\"}");
        clock.setUk("2026-12-15T10:00");
        c.act("extend", "{\"clock\":\"respond\",\"amount\":5,\"reason\":\"The support worker is on long-term sick leave\",\"complainantAgreed\":false}");

        JsonNode extended = lastEvent(c);
        assertThat(extended.get("type").asString()).isEqualTo("extended");
        assertThat(extended.get("details").get("complainantAgreed").asBoolean()).isFalse();
        assertThat(extended.get("details").get("withoutAgreement").asBoolean()).isTrue();
        assertThat(extended.get("details").get("tellOmbudsman").asBoolean()).isTrue();
        assertThat(lastLetter(c, "EXTENSION")).contains("Why: The support worker is on long-term sick leave",
                "You have not agreed to this new date. You can challenge it by contacting the Housing Ombudsman Service:",
                "Phone: 0300 111 3000", "Email: info@housing-ombudsman.org.uk", "Website: https://www.housing-ombudsman.org.uk")
                .doesNotContain("Thank you for agreeing");
    }

    @Test
    void t7_theStaffPageExtendsWithoutTheClientsAgreementWhereThePolicySaysSo() {
        clock.setUk("2026-11-23T09:30");
        accounts.ensure("decide.tt", "Tia Trust", "decide-tt-pass", false, Map.of("the-trust", Role.CASE_WORKER));
        CaseOnFile c = cases().aComplaint().through("EMAIL").by("Nia Noagree").withEmail("nia@example.org")
                .saying("Visit missed").points("Visit").in("the-trust");
        c.act("extend", "{\"clock\":\"respond\",\"amount\":10,\"reason\":\"Complex\"}");
        clock.setUk("2026-12-01T10:00");
        WebSession worker = new WebSession(port);
        worker.signIn("decide.tt", "decide-tt-pass");
        assertThat(worker.get("/staff/the-trust/cases/" + c.reference()).body())
                .contains("if they do not agree, telling them how to challenge the date with the ombudsman");
        WebSession.Page done = worker.post("/staff/the-trust/cases/" + c.reference() + "/extend",
                Map.of("clock", "respond", "amount", "5", "reason", "Exceptional: the manager is away"));
        assertThat(done.status()).as(done.body()).isEqualTo(302);
        assertThat(lastLetter(c, "EXTENSION")).contains("You have not agreed to this new date");
    }
    // ---- H-5 -------------------------------------------------------------------------------------------------

    static final String UNACCEPTABLE = "unacceptable actions or behaviour (003 appendix 1.4)";

    CaseOnFile helpingOurFutureEscalated(String name) {
        CaseOnFile c = cases().aComplaint().through("EMAIL").by(name).withEmail(name.replace(' ', '.').toLowerCase() + "@example.org")
                .saying("Support hours cut").points("Hours").in("helping-our-future");
        c.respond("We reviewed your hours.", org.redress.testing.Cases.notUpheld(1, "hours match the plan"));
        return c.askToEscalate("the hours", "hours restored");
    }

    @Test
    void h5_helpingOurFuturesRefusalToEscalateNeedsAReviewDateWhichIsStoredShownAndWrittenInTheLetter() {
        clock.setUk("2026-11-23T09:30");
        CaseOnFile c = helpingOurFutureEscalated("Una Acceptable");
        String refusal = "{\"ground\":\"" + UNACCEPTABLE + "\",\"reasons\":\"You threatened our staff on 25 November\"";
        assertRefusedOn(c.attempt("refuse-escalation", refusal + "}"), 422, "reviewDate", "must include the date it will be reviewed");
        assertRefusedOn(c.attempt("refuse-escalation", refusal + ",\"reviewDate\":\"2026-11-23\"}"), 422, "reviewDate", "after the day of the refusal");
        assertThat(c.attempt("refuse-escalation", refusal + ",\"reviewDate\":\"2027-02-30\"}").status()).isEqualTo(400);

        c.act("refuse-escalation", refusal + ",\"reviewDate\":\"2027-03-01\"}");
        JsonNode refused = lastEvent(c);
        assertThat(refused.get("type").asString()).isEqualTo("escalation-refused");
        assertThat(refused.get("details").get("reviewDate").asString()).isEqualTo("2027-03-01");
        assertThat(refused.get("details").get("mustInclude")).extracting(JsonNode::asString).containsExactly("reasons", "review-date");
        assertThat(lastLetter(c, "ESCALATION_REFUSAL")).contains("Why: You threatened our staff on 25 November",
                "We will review this decision on Monday 1 March 2027.");
    }

    @Test
    void h5_theStaffPageAsksForTheReviewDateAndTheCasePageShowsIt() {
        clock.setUk("2026-11-23T09:30");
        accounts.ensure("decide.hof", "Cora Officer", "decide-hof-pass", false, Map.of("helping-our-future", Role.COMPLAINT_MANAGEMENT_OFFICER));
        CaseOnFile c = helpingOurFutureEscalated("Vic Abuse");
        WebSession officer = new WebSession(port);
        officer.signIn("decide.hof", "decide-hof-pass");
        assertThat(officer.get("/staff/helping-our-future/cases/" + c.reference()).body()).contains("Date the refusal will be reviewed");
        WebSession.Page missing = officer.post("/staff/helping-our-future/cases/" + c.reference() + "/refuse-escalation",
                Map.of("ground", UNACCEPTABLE, "reason", "Abuse of staff"));
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.body()).contains("govuk-error-summary", "review");
        WebSession.Page done = officer.post("/staff/helping-our-future/cases/" + c.reference() + "/refuse-escalation",
                Map.of("ground", UNACCEPTABLE, "reason", "Abuse of staff", "reviewDate", "2027-02-01"));
        assertThat(done.status()).as(done.body()).isEqualTo(302);
        assertThat(officer.get("/staff/helping-our-future/cases/" + c.reference()).body())
                .contains("Escalation refused", ": Abuse of staff. Review date: 2027-02-01");
    }
    // ---- pack notes never reach a letter ---------------------------------------------------------------------

    /** Every note the pack keeps for staff: cites, conditions, descriptions, assumptions and their sources. */
    static java.util.List<String> notes(JsonNode node) {
        java.util.List<String> notes = new java.util.ArrayList<>();
        java.util.Set<String> keys = java.util.Set.of("cite", "conditions", "condition", "description", "assumption", "source");
        if (node.isObject()) {
            for (java.util.Map.Entry<String, JsonNode> field : node.properties()) {
                if (keys.contains(field.getKey()) && field.getValue().isString() && field.getValue().asString().length() > 12) {
                    notes.add(field.getValue().asString());
                }
                notes.addAll(notes(field.getValue()));
            }
        } else if (node.isArray()) {
            node.forEach(item -> notes.addAll(notes(item)));
        }
        return notes;
    }

    @Test
    void allianceHomesFinalResponseContainsNoPackNoteOnlyWhatTheComplainantReads() {
        clock.setUk("2026-11-23T09:30");
        CaseOnFile c = cases().aComplaint().through("EMAIL").by("Ada Final").withEmail("ada.final@example.org").onServiceLine("housing")
                .saying("Boiler repair missed twice").points("Repair missed twice").in("alliance-homes");
        c.respond("We have rebooked the repair.", org.redress.testing.Cases.upheld(1, "two appointments were missed"));
        clock.setUk("2026-11-30T10:00");
        c.askToEscalate("still broken", "compensation").assignTo("fay.feedback").acceptEscalation();
        c.act("steps", "{\"step\":\"case-conference\",\"note\":\"agreed\"}");
        c.act("steps", "{\"step\":\"adverse-findings\",\"note\":\"no comment\"}");
        c.arrangeContact("phone", "every Friday"); // before the stage 2 response
        c.respond("We will pay 150 pounds.", org.redress.testing.Cases.upheld(1, "confirmed"));

        String body = lastLetter(c, "FINAL_RESPONSE");
        assertThat(body).contains("Housing Ombudsman Service", "Phone: 0300 111 3000", "Post: 81 Aldwych, London WC2B 4HN")
                .doesNotContain("When:", "superseded", "after the stage 2 response (001)", "002's designated person/panel");
        java.util.List<String> notes = notes(api().get("/api/v1/policies/alliance-homes").json());
        assertThat(notes).contains("after the stage 2 response (001); 002's designated person/panel and 8-week wait are superseded");
        assertThat(notes).allSatisfy(note -> assertThat(body).doesNotContain(note));
    }
}
