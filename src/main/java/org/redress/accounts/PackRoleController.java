package org.redress.accounts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.redress.web.TextLimits;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Who holds each role of the organisation's policy pack, and who manages each service area (administrators). */
@RestController
@RequestMapping("/api/v1/organisations/{organisation}/team")
@Tag(name = "Team", description = "An organisation's members and their roles (administrators)")
class PackRoleController {

    private final PackRoles packRoles;
    private final AreaManagers areaManagers;
    private final org.redress.people.Organisations organisations;

    PackRoleController(PackRoles packRoles, AreaManagers areaManagers, org.redress.people.Organisations organisations) {
        this.packRoles = packRoles;
        this.areaManagers = areaManagers;
        this.organisations = organisations;
    }

    @GetMapping("/pack-roles")
    @Operation(summary = "The roles the organisation's policy pack names, each with the members who hold it"
            + " (given by an administrator, or implied by their account role)")
    List<PackRoles.PackRole> packRoles(@PathVariable String organisation) {
        organisations.require(organisation);
        return packRoles.ofPack(organisation);
    }

    @GetMapping("/area-managers")
    @Operation(summary = "Each service area with its manager, the role its manager must hold and who holds it (A-3)")
    List<AreaManagers.AreaManager> areaManagers(@PathVariable String organisation) {
        return areaManagers.list(organisation);
    }

    record AreaManagerChange(@Size(max = TextLimits.NAME) @Nullable String manager) {
    }

    @PutMapping("/area-managers/{serviceArea}")
    @Operation(summary = "Set (or with manager null clear) the manager of a service area: a member who holds the role of the stage"
            + " the policy routes by service area (422 naming it otherwise). New cases in the area are given to them (A-3)")
    AreaManagers.AreaManager setAreaManager(@PathVariable String organisation, @PathVariable String serviceArea,
                                            @RequestBody AreaManagerChange request, Authentication user) {
        TextLimits.check(request);
        return areaManagers.set(organisation, serviceArea, request.manager(), user.getName());
    }
}
