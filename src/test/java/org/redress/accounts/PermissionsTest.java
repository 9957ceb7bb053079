package org.redress.accounts;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PermissionsTest {

    @Test
    void aBoardMemberMayOnlyRead() {
        assertThat(Permissions.of(Role.BOARD_MEMBER)).containsExactly(Permission.VIEW_CASES);
    }

    @Test
    void onlyAnAdministratorAdministers() {
        for (Role role : Role.values()) {
            assertThat(Permissions.allows(role, Permission.ADMINISTER)).as(role.name()).isEqualTo(role == Role.ADMINISTRATOR);
        }
    }

    @Test
    void aCaseWorkerWorksAndExtendsButDoesNotEscalateOrClose() {
        assertThat(Permissions.of(Role.CASE_WORKER)).contains(Permission.WORK_CASE, Permission.EXTEND, Permission.LOG_CONTACT)
                .doesNotContain(Permission.ESCALATE, Permission.DECIDE);
    }

    @Test
    void eachVerbNeedsItsPermissionUnderItsOneName() {
        assertThat(Permissions.forVerb("escalation-request")).isEqualTo(Permission.ESCALATE);
        assertThat(Permissions.forVerb("evidence")).isEqualTo(Permission.WORK_CASE);
        // the page's old second names are gone: an unknown name needs the most
        assertThat(Permissions.forVerb("request-escalation")).isEqualTo(Permission.ADMINISTER);
        assertThat(Permissions.forVerb("record-evidence")).isEqualTo(Permission.ADMINISTER);
        assertThat(Permissions.forVerb("close")).isEqualTo(Permission.DECIDE);
        assertThat(Permissions.forVerb("extend")).isEqualTo(Permission.EXTEND);
    }

    @Test
    void aVerbNobodyListedNeedsTheMostPermissionOnThePages() {
        assertThat(Permissions.forVerb("something-new")).isEqualTo(Permission.ADMINISTER);
    }

    @Test
    void requestsAreMappedToTheirOrganisationAndPermission() {
        assertThat(Permissions.forRequest("GET", "/api/v1/organisations/the-trust/cases"))
                .contains(new Permissions.Requirement("the-trust", Permission.VIEW_CASES));
        assertThat(Permissions.forRequest("POST", "/api/v1/organisations/the-trust/cases"))
                .contains(new Permissions.Requirement("the-trust", Permission.LOG_CONTACT));
        assertThat(Permissions.forRequest("POST", "/api/v1/organisations/the-trust/cases/TT-2026-000001/close"))
                .contains(new Permissions.Requirement("the-trust", Permission.DECIDE));
        assertThat(Permissions.forRequest("PUT", "/api/v1/organisations/the-trust/closure-days/2026-12-24"))
                .contains(new Permissions.Requirement("the-trust", Permission.ADMINISTER));
        assertThat(Permissions.forRequest("POST", "/staff/the-trust/contacts/check"))
                .contains(new Permissions.Requirement("the-trust", Permission.LOG_CONTACT));
        assertThat(Permissions.forRequest("POST", "/staff/the-trust/cases/TT-2026-000001/accept-escalation"))
                .contains(new Permissions.Requirement("the-trust", Permission.ESCALATE));
        assertThat(Permissions.forRequest("GET", "/api/v1/calendars/england-and-wales/holidays")).isEmpty();
        assertThat(Permissions.forRequest("GET", "/staff")).isEmpty();
    }

    @Test
    void aRouteIsDecidedOnItsPatternWithTheVariablesSpringDecoded() {
        assertThat(Permissions.forRoute("GET", "/api/v1/organisations/{organisation}/subject-access/{id}/export.zip",
                Map.of("organisation", "the-trust", "id", "1"))).contains(new Permissions.Requirement("the-trust", Permission.ADMINISTER));
        assertThat(Permissions.forRoute("POST", "/staff/{organisation}/cases/{reference}/{verb}",
                Map.of("organisation", "the-trust", "reference", "TT-1", "verb", "close")))
                .contains(new Permissions.Requirement("the-trust", Permission.DECIDE));
        assertThat(Permissions.forRoute("GET", "/api/v1/calendars/{jurisdiction}/holidays", Map.of("jurisdiction", "scotland")))
                .contains(new Permissions.SignedIn());
        assertThat(Permissions.forRoute("POST", "/api/v1/organisations", Map.of())).contains(new Permissions.Operator());
        assertThat(Permissions.forRoute("GET", "/o/{organisation}/complain", Map.of("organisation", "x"))).contains(new Permissions.Open());
    }

    @Test
    void aRouteTheMatrixDoesNotNameIsRefusedToEveryone() {
        assertThat(Permissions.forRoute("GET", "/api/v1/organisations/{organisation}/something-new", Map.of("organisation", "x"))).isEmpty();
        assertThat(Permissions.forRoute("GET", "/staff/{organisation}/cases/{reference}/something-new",
                Map.of("organisation", "x", "reference", "X-1"))).isEmpty();
        assertThat(Permissions.forRoute("POST", "/staff/{organisation}/cases/{reference}/{verb}",
                Map.of("organisation", "x", "reference", "X-1", "verb", "something-new"))).isEmpty();
        assertThat(Permissions.forRoute("GET", "/api/v2/anything", Map.of())).isEmpty();
        assertThat(Permissions.forRoute("GET", "/staff/{organisation}/cases/{reference}",
                Map.of("organisation", "x", "reference", "a/b"))).as("a decoded slash").isEmpty();
    }

    @Test
    void specialCategoryDataIsForThoseWhoHandleTheCaseAndNeverForTheBoard() {
        for (Role role : Role.values()) {
            assertThat(Permissions.allows(role, Permission.VIEW_SPECIAL_CATEGORY)).as(role.name()).isEqualTo(role != Role.BOARD_MEMBER);
        }
        assertThat(Permissions.forRequest("GET", "/staff/the-trust/cases/TT-2026-000001/equality"))
                .contains(new Permissions.Requirement("the-trust", Permission.VIEW_SPECIAL_CATEGORY));
        assertThat(Permissions.forRequest("GET", "/api/v1/organisations/the-trust/cases/TT-2026-000001/staff-concerns"))
                .contains(new Permissions.Requirement("the-trust", Permission.VIEW_SPECIAL_CATEGORY));
    }

    @Test
    void onlyAnAdministratorReadsTheAudit() {
        assertThat(Permissions.forRequest("GET", "/api/v1/organisations/the-trust/audit/special-category"))
                .contains(new Permissions.Requirement("the-trust", Permission.ADMINISTER));
        assertThat(Permissions.forRequest("GET", "/staff/the-trust/audit/special-category"))
                .contains(new Permissions.Requirement("the-trust", Permission.ADMINISTER));
    }

    @Test
    void aRoutesVariableIsNamedWithoutItsPatternOrCatchAll() {
        assertThat(Permissions.variableName("{ref}")).isEqualTo("ref");
        assertThat(Permissions.variableName("{*rest}")).isEqualTo("rest");
        assertThat(Permissions.variableName("{org:[a-z0-9-]+}")).isEqualTo("org");
        assertThat(Permissions.variableName("{*path:.*}")).isEqualTo("path");
    }
}
