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

    String lastLetter(CaseOnFile c) {
        JsonNode all = letters(c);
        return all.get(all.size() - 1).get("body").asString();
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

        JsonNode letter = letters(c).get(letters(c).size() - 1);
        assertThat(letter.get("kind").asString()).isEqualTo("DECLINE");
        assertThat(letter.get("body").asString()).contains(
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
        assertThat(lastLetter(c)).contains("Where to take it instead: Whistle Blowing Policy");
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

        // only the ground 002 allows "at any point of the complaints procedure"
        assertRefusedOn(c.attempt("decline", """
                {"ground":"REPEAT","reasons":"the same as before","decidedBy":"group-chief-executive"}"""), 422, "ground", "[VEXATIOUS]");

        clock.setUk("2026-12-10T11:00");
        c.act("decline", """
                {"ground":"VEXATIOUS","reasons":"The complaint repeats one decided twice with nothing new","decidedBy":"group-chief-executive"}""");
        assertThat(c.json().get("status").asString()).isEqualTo("DECLINED");
        assertThat(c.json().get("stage").asInt()).isEqualTo(2);
        assertThat(lastEvent(c).get("details").get("cite").asString()).isEqualTo("F-10; 002 2.4.1");
        assertThat(lastLetter(c)).contains("Why: The complaint repeats one decided twice with nothing new",
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
        c.act("decline", """
                {"ground":"VEXATIOUS","reasons":"Our staff were verbally abused on the phone on 24 November","decidedBy":"client-services-manager"}""");
        assertThat(c.json().get("status").asString()).isEqualTo("DECLINED");
        assertThat(lastLetter(c)).contains("Why: Our staff were verbally abused", "Housing Ombudsman Service", "Phone: 0300 111 3000");

        CaseOnFile done = cases().aComplaint().through("EMAIL").by("Fin Final").withEmail("fin@example.org")
                .saying("Late again").points("Late").in("the-trust");
        done.respond("Stage 1.", org.redress.testing.Cases.notUpheld(1, "no"));
        done.askToEscalate("still late", "apology").acceptEscalation();
        done.respond("Final.", org.redress.testing.Cases.notUpheld(1, "no"));
        assertThat(done.json().get("allowedActions")).extracting(JsonNode::asString).doesNotContain("decline");
        assertThat(done.attempt("decline", """
                {"ground":"VEXATIOUS","reasons":"x","decidedBy":"client-services-manager"}""").json().get("detail").asString())
                .contains("the final response has ended the complaints procedure");
    }

    @Test
    void f10_theStaffPageOffersDecliningAStage2ComplaintWhereThePolicyAllowsItAtAnyPoint() {
        clock.setUk("2026-11-23T09:30");
        accounts.ensure("decide.ah", "Gus Chief", "decide-ah-pass", false, Map.of("alliance-homes", Role.DIRECTOR));
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
}
