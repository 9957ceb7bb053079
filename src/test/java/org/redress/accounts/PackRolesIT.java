package org.redress.accounts;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.testing.Api;
import org.redress.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 22 (F-10, T-4, T-5, H-6, A-3): who holds which role of the organisation's policy pack. An administrator gives a
 * member the pack's roles through the team API and the team page; until then the member holds those their account role
 * implies; {@link PackRoles} answers whether a member holds a role and who holds it. An organisation of its own running
 * the Alliance Homes procedure, so the holders it lists are exact.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PackRolesIT {

    static final String ORG = "pack-roles-test";
    static final String PASSWORD = "pack-roles-password";
    static final String STAFF = "/api/v1/organisations/" + ORG + "/staff";

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    PackRoles packRoles;
    @Autowired
    Team team;

    @BeforeEach
    void anOrganisationRunningTheAllianceHomesProcedure() {
        if (new Api(port).get("/api/v1/organisations/" + ORG).status() == 404) {
            Api.Response created = new Api(port).post("/api/v1/organisations", """
                    {"code":"%s","name":"Pack Roles Homes","referencePrefix":"PRH","policyPack":"alliance-homes","serviceAreas":["Repairs"]}"""
                    .formatted(ORG));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
        }
        accounts.ensure("pr.admin", "Ada Admin", PASSWORD, false, Map.of(ORG, Role.ADMINISTRATOR));
        accounts.ensure("pr.director", "Dee Director", PASSWORD, false, Map.of(ORG, Role.DIRECTOR));
        accounts.ensure("pr.chief", "Cy Chief", PASSWORD, false, Map.of(ORG, Role.DIRECTOR));
        accounts.ensure("pr.officer", "Oli Officer", PASSWORD, false, Map.of(ORG, Role.COMPLAINT_MANAGEMENT_OFFICER));
        team.setPackRoles(ORG, "pr.director", null);
        team.setPackRoles(ORG, "pr.chief", null);
        team.setPackRoles(ORG, "pr.officer", null);
    }

    Api admin() {
        return Api.as(port, "pr.admin", PASSWORD);
    }

    @Test
    void untilAnAdministratorChoosesAMemberHoldsThePackRolesTheirAccountRoleImplies() {
        assertThat(packRoles.heldBy(ORG, "pr.director")).containsExactly("director");
        assertThat(packRoles.heldBy(ORG, "pr.officer")).containsExactlyInAnyOrder("complaint-management-officer", "local-manager", "service-manager");
        assertThat(packRoles.heldBy(ORG, "pr.admin")).isEmpty();
        assertThat(packRoles.heldBy(ORG, "nobody-here")).isEmpty();
        assertThat(packRoles.holds(ORG, "pr.chief", "group-chief-executive")).isFalse();
        assertThat(packRoles.holders(ORG, "director")).containsExactly("pr.chief", "pr.director");
        JsonNode member = admin().get(STAFF + "/pr.officer").json();
        assertThat(member.get("packRolesChosen").asBoolean()).isFalse();
        assertThat(member.get("packRoles").toString()).isEqualTo("[\"complaint-management-officer\",\"local-manager\",\"service-manager\"]");
    }

    /** F-10: Alliance Homes' Group Chief Executive is a member the administrator names, not an account role. */
    @Test
    void anAdministratorGivesAMemberThePacksRolesThroughTheApiAndExactlyThoseAreHeld() {
        Api.Response given = admin().put(STAFF + "/pr.chief/pack-roles", "{\"packRoles\":[\"group-chief-executive\",\"director\"]}");
        assertThat(given.status()).as(given.body()).isEqualTo(200);
        assertThat(given.json().get("packRoles").toString()).isEqualTo("[\"director\",\"group-chief-executive\"]");
        assertThat(given.json().get("packRolesChosen").asBoolean()).isTrue();
        assertThat(packRoles.holds(ORG, "pr.chief", "group-chief-executive")).isTrue();
        assertThat(packRoles.holders(ORG, "group-chief-executive")).containsExactly("pr.chief");

        // chosen roles replace those the account role implies: the director given none holds none
        assertThat(admin().put(STAFF + "/pr.director/pack-roles", "{\"packRoles\":[]}").status()).isEqualTo(200);
        assertThat(packRoles.heldBy(ORG, "pr.director")).isEmpty();
        assertThat(packRoles.holders(ORG, "director")).containsExactly("pr.chief");

        JsonNode roles = admin().get("/api/v1/organisations/" + ORG + "/team/pack-roles").json();
        JsonNode chief = roles.valueStream().filter(r -> r.get("id").asString().equals("group-chief-executive")).findFirst().orElseThrow();
        assertThat(chief.get("name").asString()).isEqualTo("Group Chief Executive");
        assertThat(chief.get("heldBy").toString()).isEqualTo("[\"pr.chief\"]");

        // null goes back to the account role's
        assertThat(admin().put(STAFF + "/pr.director/pack-roles", "{\"packRoles\":null}").status()).isEqualTo(200);
        assertThat(packRoles.heldBy(ORG, "pr.director")).isEqualTo(Set.of("director"));
    }

    @Test
    void aRoleThePackDoesNotNameIsRefusedNamingTheField() {
        Api.Response unknown = admin().put(STAFF + "/pr.chief/pack-roles", "{\"packRoles\":[\"client-services-manager\"]}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("packRoles");
        assertThat(unknown.json().get("errors").get(0).get("message").asString()).startsWith("'client-services-manager' is not a role of this organisation's policy");
        assertThat(Api.as(port, "pr.director", PASSWORD).put(STAFF + "/pr.chief/pack-roles", "{\"packRoles\":[\"director\"]}").status())
                .isEqualTo(403);
    }

    @Test
    void theTeamPageOffersThePacksRolesByNameAndSavesTheTickedOnes() {
        WebSession web = new WebSession(port);
        web.signIn("pr.admin", PASSWORD);
        WebSession.Page page = web.get("/staff/" + ORG + "/team/pr.chief");
        assertThat(page.body()).contains("Roles in the complaints procedure", "Group Chief Executive", "value=\"group-chief-executive\"");
        WebSession.Page saved = web.post("/staff/" + ORG + "/team/pr.chief/pack-roles", Map.of("packRoles", "group-chief-executive"));
        assertThat(saved.status()).isEqualTo(302);
        assertThat(packRoles.heldBy(ORG, "pr.chief")).isEqualTo(Set.of("group-chief-executive"));
        assertThat(web.get(saved.location().replaceFirst("^https?://[^/]+", "")).body())
                .contains("Their roles in the complaints procedure are now Group Chief Executive");
        assertThat(web.get("/staff/" + ORG + "/team").body()).contains("Group Chief Executive");
        assertThat(List.of(packRoles.name(ORG, "service-manager"))).containsExactly("Manager of the service area the complaint falls into");
    }
}
