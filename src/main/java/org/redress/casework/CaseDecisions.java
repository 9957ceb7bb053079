package org.redress.casework;

import org.jspecify.annotations.Nullable;
import org.redress.casework.CaseTypes.CaseState;
import org.redress.casework.CaseTypes.DeclineGround;
import org.redress.policy.PolicyPack;
import org.redress.web.Refusal;

import java.util.Optional;

/**
 * The rules of the decisions a case records and the letters they send (issue 22): where a declined matter goes
 * instead of the procedure (S0-3). Like {@link CasePolicies}, each answers empty (allowed) or the {@link Refusal}
 * naming the rule, and changes nothing.
 */
final class CaseDecisions {

    private CaseDecisions() {
    }

    /**
     * S0-3: an out-of-scope matter whose exclusion offers a choice of where it goes (the Whistle Blowing Policy or the
     * Grievance Policy) names one of them; any other decline names none.
     */
    static Optional<Refusal> redirection(PolicyPack pack, CaseState state, DeclineGround ground, @Nullable String exclusion,
                                         @Nullable String redirectTo) {
        Optional<PolicyPack.Exclusion> rule = ground == DeclineGround.OUT_OF_SCOPE ? exclusion(pack, exclusion) : Optional.empty();
        boolean given = redirectTo != null && !redirectTo.isBlank();
        if (rule.isEmpty()) {
            return given ? Optional.of(Refusal.onField("redirectTo", "only a complaint declined as out of scope, under one of "
                    + "this policy's exclusions, is sent elsewhere", null)) : CasePolicies.none();
        }
        PolicyPack.Exclusion x = rule.get();
        if (x.redirectOptions().isEmpty()) {
            return given && !redirectTo.strip().equals(x.redirectTo()) ? Optional.of(Refusal.onField("redirectTo",
                    "this exclusion sends the matter to " + (x.redirectTo() == null ? "nowhere the policy names" : x.redirectTo())
                            + "; leave it out", x.cite())) : CasePolicies.none();
        }
        if (!given) {
            return Optional.of(Refusal.onField("redirectTo", "say where the matter goes instead: one of " + x.redirectOptions(), x.cite()));
        }
        return x.redirectOptions().contains(redirectTo.strip()) ? CasePolicies.none()
                : Optional.of(Refusal.onField("redirectTo", "must be one of " + x.redirectOptions(), x.cite()));
    }

    /** Where the declined matter was sent: the option chosen, or the one place its exclusion names. */
    static @Nullable String redirectedTo(PolicyPack pack, DeclineGround ground, @Nullable String exclusion, @Nullable String redirectTo) {
        if (ground != DeclineGround.OUT_OF_SCOPE) {
            return null;
        }
        return exclusion(pack, exclusion).map(x -> x.redirectOptions().isEmpty() ? x.redirectTo() : redirectTo == null ? null : redirectTo.strip())
                .orElse(null);
    }

    /** The ombudsman a decline letter names: none when the exclusion sends the matter to another policy instead (S0-3). */
    static @Nullable String declineOmbudsman(PolicyPack pack, DeclineGround ground, @Nullable String exclusion, @Nullable String ombudsman) {
        boolean instead = ground == DeclineGround.OUT_OF_SCOPE && exclusion(pack, exclusion).map(x -> !x.tellOmbudsman()).orElse(false);
        return instead ? null : ombudsman;
    }

    private static Optional<PolicyPack.Exclusion> exclusion(PolicyPack pack, @Nullable String id) {
        return pack.exclusions().stream().filter(e -> e.id().equals(id)).findFirst();
    }
}
