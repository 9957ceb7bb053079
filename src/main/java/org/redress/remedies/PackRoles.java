package org.redress.remedies;

import org.redress.accounts.Role;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one place that says which account role acts as which role named in a policy pack's compensation table (F-13).
 * Packs name roles in their own words ({@code local-manager}, {@code complaint-management-officer}); accounts have a
 * fixed set of roles. A local manager is a manager below director who handles complaints: a feedback manager or a
 * complaint management officer. The review panel is no account role: its decision is recorded by a member of staff
 * who may decide cases. An administrator runs the installation and approves no payment alone.
 */
final class PackRoles {

    private static final Map<String, Set<Role>> ACCOUNT_ROLES = Map.of(
            "director", Set.of(Role.DIRECTOR),
            "local-manager", Set.of(Role.FEEDBACK_MANAGER, Role.COMPLAINT_MANAGEMENT_OFFICER),
            "service-manager", Set.of(Role.FEEDBACK_MANAGER, Role.COMPLAINT_MANAGEMENT_OFFICER),
            "feedback-manager", Set.of(Role.FEEDBACK_MANAGER),
            "complaint-management-officer", Set.of(Role.COMPLAINT_MANAGEMENT_OFFICER),
            "case-worker", Set.of(Role.CASE_WORKER));

    private PackRoles() {
    }

    /** Whether someone with this account role acts as this pack role when approving a payment. */
    static boolean actsAs(Role role, String packRole) {
        return ACCOUNT_ROLES.getOrDefault(packRole, Set.of()).contains(role);
    }

    /** The pack roles this account role acts as. */
    static Set<String> packRolesOf(Role role) {
        return ACCOUNT_ROLES.entrySet().stream().filter(e -> e.getValue().contains(role)).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    /** A pack role id as words: {@code local-manager} is "local manager". */
    static String words(String packRole) {
        return packRole.replace('-', ' ').toLowerCase(Locale.UK);
    }
}
