package org.redress.whatif;

import org.junit.jupiter.api.Test;
import org.redress.accounts.Permission;
import org.redress.accounts.Permissions;
import org.redress.accounts.Role;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may replay a draft procedure: complaint managers and directors (issue 25), as the permission matrix decides. */
class WhatIfAccessTest {

    @Test
    void startingAndReadingAReplayNeedsTheDecidingPermissionOfComplaintManagersAndDirectors() {
        for (String[] route : new String[][]{{"POST", "/api/v1/organisations/the-trust/what-if"},
                {"GET", "/api/v1/organisations/the-trust/what-if/0b6c5a2e-7d1e-4c1b-9f3e-2a1d5b7c9e01"},
                {"GET", "/staff/the-trust/what-if"}, {"POST", "/staff/the-trust/what-if"}}) {
            assertThat(Permissions.forRequest(route[0], route[1])).as(route[0] + " " + route[1])
                    .contains(new Permissions.Requirement("the-trust", Permission.DECIDE));
        }
        Map<Role, Boolean> allowed = Map.of(Role.COMPLAINT_MANAGEMENT_OFFICER, true, Role.FEEDBACK_MANAGER, true, Role.DIRECTOR, true,
                Role.ADMINISTRATOR, true, Role.CASE_WORKER, false, Role.BOARD_MEMBER, false);
        allowed.forEach((role, may) -> assertThat(Permissions.allows(role, Permission.DECIDE)).as(role.name()).isEqualTo(may));
    }
}
