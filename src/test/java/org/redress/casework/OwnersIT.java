package org.redress.casework;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.accounts.Accounts;
import org.redress.accounts.Role;
import org.redress.testing.Api;
import org.redress.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who owns a case (issue 22). H-6: Helping Our Future appoints both a Complaint Management Officer and a case worker to
 * each complaint: its pack names both roles as owners of every step, assigning names the role, and the case shows both.
 * Assigning checks the owner holds the role (422 naming it). Through the API and the case page.
 */
class OwnersIT extends CaseApiSupport {

    static final String PASSWORD = "owners-test-password";
    /** What Helping Our Future's step 1 cites. */
    static final String STEP_1 = "H-10; 003 'All complaints are recorded as a step 1, so long as they have not been raised previously'";

    @Autowired
    Accounts accounts;

    @BeforeEach
    void aCaseWorkerAndAComplaintManagementOfficer() {
        accounts.ensure("ow.worker", "Wyn Worker", PASSWORD, false, Map.of("helping-our-future", Role.CASE_WORKER, "alliance-homes", Role.CASE_WORKER));
        accounts.ensure("ow.officer", "Oda Officer", PASSWORD, false, Map.of("helping-our-future", Role.COMPLAINT_MANAGEMENT_OFFICER));
    }

    @Test
    void aHelpingOurFutureComplaintHasBothACaseWorkerAndAComplaintManagementOfficerH6() {
        clock.setUk("2026-11-23T10:00");
        JsonNode c = create("helping-our-future", complaint("complaint", "2026-11-23T09:00:00Z", null, "Support worker did not visit"));
        c = act("helping-our-future", c, "assign", "{\"owner\":\"ow.worker\"}");
        c = act("helping-our-future", c, "assign", "{\"owner\":\"ow.officer\",\"role\":\"complaint-management-officer\"}");
        JsonNode stage = c.get("stages").get(0);
        assertThat(stage.get("owner").asString()).isEqualTo("ow.worker");
        assertThat(stage.get("coOwners").toString()).isEqualTo("{\"complaint-management-officer\":\"ow.officer\"}");
        assertThat(c.get("history").valueStream().filter(e -> e.get("type").asString().equals("assigned"))
                .map(e -> e.get("details").get("role").asString() + "=" + e.get("details").get("owner").asString()).toList())
                .containsExactly("case-worker=ow.worker", "complaint-management-officer=ow.officer");

        Api.Response notAnOwnerRole = attempt("helping-our-future", c, "assign", "{\"owner\":\"ow.officer\",\"role\":\"review-panel\"}");
        assertThat(notAnOwnerRole.status()).isEqualTo(422);
        assertThat(notAnOwnerRole.json().get("detail").asString()).isEqualTo("Step 1 is owned by the Case worker and the Complaint"
                + " Management Officer; 'review-panel' is not one of its roles: " + STEP_1);
        assertThat(notAnOwnerRole.json().get("errors").get(0).get("field").asString()).isEqualTo("role");

        Api.Response workerAsOfficer = attempt("helping-our-future", c, "assign", "{\"owner\":\"ow.worker\",\"role\":\"complaint-management-officer\"}");
        assertThat(workerAsOfficer.status()).isEqualTo(422);
        assertThat(workerAsOfficer.json().get("detail").asString()).isEqualTo("ow.worker does not hold the role of Complaint Management"
                + " Officer, which owns Step 1 (an administrator gives it on the team page): " + STEP_1);
        assertThat(workerAsOfficer.json().get("errors").get(0).get("field").asString()).isEqualTo("owner");
    }

    @Test
    void theCasePageShowsBothOwnersAndAssignsTheRoleChosen() {
        clock.setUk("2026-11-23T10:00");
        JsonNode c = create("helping-our-future", complaint("complaint", "2026-11-23T09:00:00Z", null, "Support worker did not visit"));
        String page = "/staff/helping-our-future/cases/" + c.get("reference").asString();
        WebSession officer = new WebSession(port);
        officer.signIn("ow.officer", PASSWORD);
        String before = officer.get(page).body();
        assertThat(before).contains("Case worker: nobody yet.", "Complaint Management Officer: nobody yet.",
                "Which role are you giving an owner?", "<optgroup label=\"Complaint Management Officer\">");
        assertThat(officer.post(page + "/assign", Map.of("role", "complaint-management-officer", "owner", "ow.officer")).status()).isEqualTo(302);
        assertThat(officer.post(page + "/assign", Map.of("role", "case-worker", "owner", "ow.worker")).status()).isEqualTo(302);
        assertThat(officer.get(page).body()).contains("Case worker: ow.worker.", "Complaint Management Officer: ow.officer.");
        WebSession.Page refused = officer.post(page + "/assign", Map.of("role", "complaint-management-officer", "owner", "ow.worker"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("ow.worker does not hold the role of Complaint Management Officer");
    }

    @Test
    void anOwnerMustHoldTheStagesRoleAtAllianceHomesTheServiceManager() {
        clock.setUk("2026-11-23T10:00");
        JsonNode c = create("alliance-homes", complaint("complaint", "2026-11-23T09:00:00Z", "housing", "Repair missed"));
        Api.Response worker = attempt("alliance-homes", c, "assign", "{\"owner\":\"ow.worker\"}");
        assertThat(worker.status()).isEqualTo(422);
        assertThat(worker.json().get("detail").asString()).isEqualTo("ow.worker does not hold the role of Manager of the service area"
                + " the complaint falls into, which owns Stage 1 (an administrator gives it on the team page): A-2, A-3, A-4, A-5;"
                + " 001 Complaints Process, Stage 1");
        Api.Response nobody = attempt("alliance-homes", c, "assign", "{\"owner\":\"no.such.member\"}");
        assertThat(nobody.status()).isEqualTo(422);
        // an owner outside the team, by email address (the deadline reminders go to it), has no role to check
        assertThat(attempt("alliance-homes", c, "assign", "{\"owner\":\"repairs-contractor@example.org\"}").status()).isEqualTo(200);
        assertThat(attempt("alliance-homes", c, "assign", "{\"owner\":\"sam.manager\"}").status()).isEqualTo(200);
    }
}
