package org.redress.casework;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.accounts.Accounts;
import org.redress.accounts.PackRoles;
import org.redress.accounts.Role;
import org.redress.testing.Api;
import org.redress.testing.Cases;
import org.redress.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alliance Homes' stage 1 is owned by the manager of the service area the complaint falls into. An administrator
 * sets each area's manager (a member who holds the stage's role), through the API and a page, and a new complaint in
 * the area is given to that manager. A-7: at stage 2 the method and frequency of contact are agreed and recorded on the
 * case page before the final response. An organisation of its own running the Alliance Homes procedure.
 */
class AreaRoutingIT extends CaseApiSupport {

    static final String PASSWORD = "area-routing-password";

    @Autowired
    Accounts accounts;
    @Autowired
    PackRoles packRoles;

    String org;

    @BeforeEach
    void anOrganisationWithTwoAreasAndTwoManagers() {
        clock.setUk("2026-11-23T10:00");
        org = cases().anOrganisationRunning("alliance-homes", "Repairs", "Lettings");
        accounts.ensure("ar.admin." + org, "Ari Admin", PASSWORD, false, Map.of(org, Role.ADMINISTRATOR));
        accounts.ensure("ar.repairs." + org, "Rae Repairs", PASSWORD, false, Map.of(org, Role.CASE_WORKER));
        accounts.ensure("ar.lettings." + org, "Lou Lettings", PASSWORD, false, Map.of(org, Role.CASE_WORKER));
        accounts.ensure("ar.worker." + org, "Wes Worker", PASSWORD, false, Map.of(org, Role.CASE_WORKER));
        packRoles.set(org, "ar.repairs." + org, Set.of("service-manager"));
        packRoles.set(org, "ar.lettings." + org, Set.of("service-manager"));
    }

    Api admin() {
        return Api.as(port, "ar.admin." + org, PASSWORD);
    }

    JsonNode complaintIn(String area) {
        return create(org, Cases.aContact("complaint").receivedAt(Instant.parse("2026-11-23T09:00:00Z")).inArea(area)
                .onServiceLine("housing").saying("The repair was missed").points("Repair missed").json());
    }

    @Test
    void aNewComplaintGoesToTheManagerTheAdministratorSetForItsAreaA3() {
        String areas = "/api/v1/organisations/" + org + "/team/area-managers";
        Api.Response notAManager = admin().put(areas + "/Repairs", "{\"manager\":\"ar.worker." + org + "\"}");
        assertThat(notAManager.status()).isEqualTo(422);
        assertThat(notAManager.json().get("detail").asString()).isEqualTo("ar.worker." + org + " does not hold the role of Manager of"
                + " the service area the complaint falls into, which the manager of a service area must hold (an administrator gives"
                + " it on the team page): A-3");
        assertThat(admin().put(areas + "/Gardens", "{\"manager\":\"ar.repairs." + org + "\"}").status()).isEqualTo(404);
        assertThat(new Api(port).get(areas).status()).isEqualTo(200);
        assertThat(Api.as(port, "ar.worker." + org, PASSWORD).get(areas).status()).isEqualTo(403);

        Api.Response set = admin().put(areas + "/Repairs", "{\"manager\":\"ar.repairs." + org + "\"}");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().get("manager").asString()).isEqualTo("ar.repairs." + org);
        JsonNode listed = admin().get(areas).json();
        assertThat(listed.valueStream().map(a -> a.get("serviceArea").asString() + "=" + a.path("manager").asString("nobody")).toList())
                .containsExactly("Repairs=ar.repairs." + org, "Lettings=nobody");

        JsonNode repairs = complaintIn("Repairs");
        assertThat(repairs.get("stages").get(0).get("owner").asString()).isEqualTo("ar.repairs." + org);
        assertThat(repairs.get("history").valueStream().map(e -> e.get("type").asString()).toList()).containsExactly("logged", "assigned");
        assertThat(repairs.get("history").get(1).get("details").get("role").asString()).isEqualTo("service-manager");
        assertThat(complaintIn("Lettings").get("stages").get(0).path("owner").asString("nobody")).isEqualTo("nobody");
    }

    @Test
    void theAdministratorSetsAnAreasManagerOnTheirPage() {
        WebSession web = new WebSession(port);
        web.signIn("ar.admin." + org, PASSWORD);
        String page = "/staff/" + org + "/team/area-managers";
        String before = web.get(page).body();
        assertThat(before).contains("Service area managers", "Manager of Repairs", "Manager of Lettings",
                "<option value=\"ar.lettings." + org + "\"");
        WebSession.Page saved = web.post(page, Map.of("serviceArea", "Lettings", "manager", "ar.lettings." + org));
        assertThat(saved.status()).isEqualTo(302);
        assertThat(web.get(page).body()).contains("ar.lettings." + org + " is now the manager of Lettings");
        WebSession.Page refused = web.post(page, Map.of("serviceArea", "Repairs", "manager", "ar.worker." + org));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("does not hold the role of Manager of the service area the complaint falls into");
        assertThat(complaintIn("Lettings").get("stages").get(0).get("owner").asString()).isEqualTo("ar.lettings." + org);
    }

    @Test
    void atStageTwoTheMethodAndFrequencyOfContactAreAgreedOnTheCasePageA7() {
        packRoles.set(org, "ar.worker." + org, Set.of("feedback-manager"));
        JsonNode c = complaintIn("Repairs");
        c = act(org, c, "assign", "{\"owner\":\"ar.lettings." + org + "\"}");
        c = act(org, c, "respond", "{\"summary\":\"Booked\",\"points\":[{\"number\":1,\"outcome\":\"UPHELD\",\"reasons\":\"missed\"}]}");
        assertThat(c.get("allowedActions").toString()).doesNotContain("contact-arrangement");
        assertThat(attempt(org, c, "contact-arrangement", "{\"method\":\"phone\",\"frequency\":\"weekly\"}").status()).isEqualTo(422);
        clock.setUk("2026-11-24T10:00");
        c = act(org, c, "escalation-request", "{\"unresolved\":\"still broken\",\"outcomeWanted\":\"repair\"}");
        c = act(org, c, "accept-escalation", "{}");
        assertThat(c.get("allowedActions").toString()).contains("contact-arrangement");
        Api.Response noFrequency = attempt(org, c, "contact-arrangement", "{\"method\":\"phone\"}");
        assertThat(noFrequency.status()).isEqualTo(400);
        assertThat(noFrequency.json().get("errors").get(0).get("field").asString()).isEqualTo("frequency");

        WebSession web = new WebSession(port);
        web.signIn("ar.worker." + org, PASSWORD);
        String page = "/staff/" + org + "/cases/" + c.get("reference").asString();
        assertThat(web.get(page).body()).contains("Record how and how often you will contact the person", "How often");
        WebSession.Page saved = web.post(page + "/contact-arrangement", Map.of("method", "phone", "frequency", "every Friday",
                "version", c.get("version").asString()));
        assertThat(saved.status()).isEqualTo(302);
        assertThat(web.get(page).body()).contains("Contact agreed: phone, every Friday.");
        JsonNode after = api().get(path(org, c)).json();
        assertThat(after.get("stages").get(1).get("contactArrangement").get("recordedBy").asString()).isEqualTo("ar.worker." + org);
    }
}
