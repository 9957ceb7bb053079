package org.redress.accounts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Who holds each role of the organisation's policy pack (administrators). */
@RestController
@RequestMapping("/api/v1/organisations/{organisation}/team")
@Tag(name = "Team", description = "An organisation's members and their roles (administrators)")
class PackRoleController {

    private final PackRoles packRoles;
    private final org.redress.people.Organisations organisations;

    PackRoleController(PackRoles packRoles, org.redress.people.Organisations organisations) {
        this.packRoles = packRoles;
        this.organisations = organisations;
    }

    @GetMapping("/pack-roles")
    @Operation(summary = "The roles the organisation's policy pack names, each with the members who hold it"
            + " (given by an administrator, or implied by their account role)")
    List<PackRoles.PackRole> packRoles(@PathVariable String organisation) {
        organisations.require(organisation);
        return packRoles.ofPack(organisation);
    }
}
