package org.redress.casework;

import java.util.Set;

/**
 * Who takes a decision on a case: the signed-in member, with the roles of the organisation's policy pack they hold
 * ({@code accounts.PackRoles}). A decision the pack gives to a role (a vexatious complaint for Alliance Homes' Group
 * Chief Executive, F-10; for the Trust's Client Services Manager, T-4) is refused to a member who does not hold it, and
 * the decision records the member, never a name typed in.
 *
 * @param member    the member's username
 * @param packRoles the pack roles they hold in the case's organisation
 */
public record Decider(String member, Set<String> packRoles) {

    public Decider {
        packRoles = Set.copyOf(packRoles);
    }

    public boolean holds(String packRole) {
        return packRoles.contains(packRole);
    }
}
