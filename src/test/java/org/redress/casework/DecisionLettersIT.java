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
}
