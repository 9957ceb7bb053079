package org.redress.accounts;

import org.junit.jupiter.api.Test;

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
    void eachVerbNeedsItsPermissionUnderBothItsApiAndItsPageName() {
        assertThat(Permissions.forVerb("escalation-request")).isEqualTo(Permission.ESCALATE);
        assertThat(Permissions.forVerb("request-escalation")).isEqualTo(Permission.ESCALATE);
        assertThat(Permissions.forVerb("evidence")).isEqualTo(Permission.WORK_CASE);
        assertThat(Permissions.forVerb("record-evidence")).isEqualTo(Permission.WORK_CASE);
        assertThat(Permissions.forVerb("close")).isEqualTo(Permission.DECIDE);
        assertThat(Permissions.forVerb("extend")).isEqualTo(Permission.EXTEND);
    }

    @Test
    void aVerbNobodyListedNeedsTheMostPermission() {
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
}
