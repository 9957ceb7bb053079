package org.redress.casework;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.accounts.Accounts;
import org.redress.accounts.Role;
import org.redress.accounts.Team;
import org.redress.testing.Api;
import org.redress.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * F-10 (Alliance Homes, 002 2.4.1) and T-4 (the Trust): a vexatious complaint is declined by the signed-in member, who must
 * hold the role the pack names for that decision (the Group Chief Executive; the Client Services Manager), whatever
 * {@code decidedBy} the caller types; the decision records the member. Through the API and the case page.
 */
class DeciderIT extends CaseApiSupport {

    static final String PASSWORD = "decider-test-password";

    @Autowired
    Accounts accounts;
    @Autowired
    Team team;

    @BeforeEach
    void membersWhoMayAndMayNotDecide() {
        accounts.ensure("dc.director", "Dara Director", PASSWORD, false, Map.of("alliance-homes", Role.DIRECTOR, "the-trust", Role.DIRECTOR));
        accounts.ensure("dc.chief", "Cyd Chief", PASSWORD, false, Map.of("alliance-homes", Role.DIRECTOR, "the-trust", Role.FEEDBACK_MANAGER));
        team.setPackRoles("alliance-homes", "dc.director", null);
        team.setPackRoles("alliance-homes", "dc.chief", List.of("group-chief-executive"));
        team.setPackRoles("the-trust", "dc.chief", List.of("client-services-manager"));
    }

    Api.Response decline(String organisation, JsonNode c, String who, String body) {
        return Api.as(port, who, PASSWORD).post(path(organisation, c) + "/decline", body);
    }

    @Test
    void aVexatiousDecisionAtAllianceHomesIsTheGroupChiefExecutivesAndRecordsTheMemberNotTheNameTyped() {
        clock.setUk("2026-11-23T10:00");
        JsonNode c = create("alliance-homes", complaint("complaint", "2026-11-23T09:00:00Z", "housing", "Same complaint again"));
        String vexatious = "{\"ground\":\"VEXATIOUS\",\"reasons\":\"the fifth identical complaint this year\",\"decidedBy\":\"group-chief-executive\"}";

        Api.Response director = decline("alliance-homes", c, "dc.director", vexatious);
        assertThat(director.status()).isEqualTo(422);
        assertThat(director.json().get("detail").asString()).isEqualTo("this decision is for the Group Chief Executive, and dc.director"
                + " does not hold that role (an administrator gives it on the team page): F-10; 002 2.4.1");
        assertThat(director.json().get("errors").get(0).get("field").asString()).isEqualTo("decidedBy");
        assertThat(director.body()).contains("F-10");

        Api.Response chief = decline("alliance-homes", c, "dc.chief", vexatious.replace("group-chief-executive", "Somebody Else"));
        assertThat(chief.status()).as(chief.body()).isEqualTo(200);
        assertThat(chief.json().get("status").asString()).isEqualTo("DECLINED");
        JsonNode declined = chief.json().get("history").valueStream().filter(e -> e.get("type").asString().equals("declined")).findFirst().orElseThrow();
        assertThat(declined.get("details").get("decidedBy").asString()).isEqualTo("dc.chief");
    }

    @Test
    void aVexatiousDecisionAtTheTrustIsTheClientServicesManagersAndTheInstallationOperatorHoldsNoRole() {
        clock.setUk("2026-11-23T10:00");
        JsonNode c = create("the-trust", complaint("complaint", "2026-11-23T09:00:00Z", "housing", "Abusive calls"));
        String vexatious = "{\"ground\":\"VEXATIOUS\",\"reasons\":\"abuse of staff on every call (T-4)\"}";
        Api.Response operator = api().post(path("the-trust", c) + "/decline", vexatious);
        assertThat(operator.status()).isEqualTo(422);
        assertThat(operator.json().get("detail").asString()).startsWith("this decision is for the Client Services Manager, and test-admin");
        assertThat(decline("the-trust", c, "dc.director", vexatious).status()).isEqualTo(422);
        Api.Response manager = decline("the-trust", c, "dc.chief", vexatious);
        assertThat(manager.status()).as(manager.body()).isEqualTo(200);
        assertThat(manager.body()).contains("\"decidedBy\":\"dc.chief\"");
    }

    @Test
    void onTheCasePageTheSignedInMemberDecidesAndIsToldWhichRoleTheDecisionNeeds() {
        clock.setUk("2026-11-23T10:00");
        JsonNode c = create("alliance-homes", complaint("complaint", "2026-11-23T09:00:00Z", "housing", "Same complaint again"));
        String page = "/staff/alliance-homes/cases/" + c.get("reference").asString();
        Map<String, String> form = Map.of("ground", "VEXATIOUS", "reason", "the fifth identical complaint this year", "decidedBy", "dc.chief");

        WebSession director = new WebSession(port);
        director.signIn("dc.director", PASSWORD);
        assertThat(director.get(page).body()).contains("The decision is recorded as yours.",
                "Declining as vexatious is for the Group Chief Executive only.");
        WebSession.Page refused = director.post(page + "/decline", form);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("this decision is for the Group Chief Executive, and dc.director does not hold that role");

        WebSession chief = new WebSession(port);
        chief.signIn("dc.chief", PASSWORD);
        chief.get(page);
        assertThat(chief.post(page + "/decline", form).status()).isEqualTo(302);
        JsonNode declined = api().get(path("alliance-homes", c)).json();
        assertThat(declined.get("status").asString()).isEqualTo("DECLINED");
        assertThat(declined.toString()).contains("\"decidedBy\":\"dc.chief\"");
    }
}
