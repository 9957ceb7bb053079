package org.redress.casework;

import org.redress.accounts.AreaManagers;
import org.redress.accounts.PackRoles;
import org.redress.policy.PolicyPack;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The members of the case's organisation as the case's rules see them: the roles of its policy pack each holds
 * ({@link PackRoles}, the one place that decides it). A decider is the signed-in member (F-10, T-4); an owner must
 * hold the stage's role (H-6, A-3).
 */
@Component
class CaseMembers {

    private final PackRoles packRoles;
    private final AreaManagers areaManagers;

    CaseMembers(PackRoles packRoles, AreaManagers areaManagers) {
        this.packRoles = packRoles;
        this.areaManagers = areaManagers;
    }

    /**
     * A new case at a stage whose owner the pack routes by service area is given to the manager an administrator set
     * for its area. With no area, no manager, or a manager who no longer holds the role, it waits to be assigned.
     */
    void route(String organisation, PolicyPack pack, CaseFile file, Instant at, String actor) {
        Optional<PolicyPack.Stage> stage = pack.stage(file.state().stage());
        String area = file.state().classification().serviceArea();
        if (stage.isEmpty() || stage.get().ownerRoutedBy() != PolicyPack.OwnerRouting.SERVICE_AREA || area == null) {
            return;
        }
        areaManagers.managerOf(organisation, area).ifPresent(manager ->
                file.assign(manager, null, heldBy(organisation, manager), at, actor));
    }

    /** The signed-in member deciding, with the pack roles they hold. */
    Decider decider(String organisation, String username) {
        return new Decider(username, packRoles.heldBy(organisation, username));
    }

    /** The pack roles a member holds (none for someone who is no member). */
    Set<String> heldBy(String organisation, String username) {
        return packRoles.heldBy(organisation, username);
    }

    List<String> holders(String organisation, String packRole) {
        return packRoles.holders(organisation, packRole);
    }
}
