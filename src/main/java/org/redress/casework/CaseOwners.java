package org.redress.casework;

import org.redress.casework.CaseTypes.CaseState;
import org.redress.policy.PolicyPack;
import org.redress.policy.PolicyPack.Stage;
import org.redress.web.Refusal;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who owns a stage: the roles the pack gives it (its owner's and any co-owners', H-6), each with a member of staff who
 * holds that role (A-3, issue 22). A rule of the assign verb, as the rules in {@link CasePolicies}: it answers, it
 * changes nothing.
 */
final class CaseOwners {

    private CaseOwners() {
    }

    /**
     * The role must own the current stage, and the owner, a member of the team, must hold it. A case outside any stage has
     * no owner roles.
     */
    static Optional<Refusal> assignment(PolicyPack pack, CaseState state, String owner, String role, Set<String> ownerHolds) {
        if (state.stage() < 1) {
            return role.isEmpty() ? Optional.empty() : Optional.of(Refusal.onField("role", "a " + state.recordType()
                    + " has no stages, so no role owns it: leave the role out", null));
        }
        Stage stage = pack.stage(state.stage()).orElseThrow();
        List<String> roles = stage.ownerRoles();
        if (!roles.contains(role)) {
            return Optional.of(Refusal.onField("role", "%s is owned by %s; '%s' is not one of its roles"
                    .formatted(stage.name(), String.join(" and ", roles.stream().map(r -> "the " + name(pack, r)).toList()), role),
                    stage.cite()));
        }
        // an email address is an owner outside the team (a contractor's or a shared mailbox, to which the deadline
        // reminders go): no account, so no role to check
        if (!owner.contains("@") && !ownerHolds.contains(role)) {
            return Optional.of(Refusal.onField("owner", "%s does not hold the role of %s, which owns %s (an administrator gives it on the team page)"
                    .formatted(owner, name(pack, role), stage.name()), stage.cite()));
        }
        return Optional.empty();
    }

    static String name(PolicyPack pack, String role) {
        return pack.role(role).map(PolicyPack.Role::name).orElse(role);
    }
}
