package org.redress.imports;

import org.junit.jupiter.api.Test;
import org.redress.accounts.Permission;
import org.redress.accounts.Permissions;
import org.redress.accounts.Role;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 20: importing a register is for administrators and complaint managers, on the API and the staff pages. */
class ImportPermissionTest {

    @Test
    void onlyAdministratorsAndComplaintManagersImport() {
        for (Role role : Role.values()) {
            assertThat(Permissions.allows(role, Permission.IMPORT)).as(role.name())
                    .isEqualTo(role == Role.ADMINISTRATOR || role == Role.COMPLAINT_MANAGEMENT_OFFICER);
        }
    }

    @Test
    void everyImportRouteNeedsTheImportPermission() {
        Permissions.Requirement imports = new Permissions.Requirement("the-trust", Permission.IMPORT);
        assertThat(Permissions.forRequest("POST", "/api/v1/organisations/the-trust/imports")).contains(imports);
        assertThat(Permissions.forRequest("POST", "/api/v1/organisations/the-trust/imports/dry-run")).contains(imports);
        assertThat(Permissions.forRequest("GET", "/api/v1/organisations/the-trust/imports/mapping")).contains(imports);
        assertThat(Permissions.forRequest("PUT", "/api/v1/organisations/the-trust/imports/mapping")).contains(imports);
        assertThat(Permissions.forRequest("GET", "/staff/the-trust/imports")).contains(imports);
        assertThat(Permissions.forRequest("POST", "/staff/the-trust/imports/uploads/1")).contains(imports);
        // the staff page's "Run the import again" and tenure back-fill (issue 20)
        assertThat(Permissions.forRequest("POST", "/staff/the-trust/imports/1/again")).contains(imports);
        assertThat(Permissions.forRequest("POST", "/staff/the-trust/imports/back-fill")).contains(imports);
    }
}
