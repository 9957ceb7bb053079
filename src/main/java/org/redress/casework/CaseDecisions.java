package org.redress.casework;

import org.jspecify.annotations.Nullable;
import org.redress.casework.CaseTypes.CaseState;
import org.redress.casework.CaseTypes.DeclineGround;
import org.redress.policy.PolicyPack;
import org.redress.web.Refusal;

import java.util.Optional;

/**
 * The rules of the decisions a case records and the letters they send (issue 22): where a declined matter goes
 * instead of the procedure (S0-3), when a decline may be taken (F-10, T-4), the late complaint's warning and the
 * decision to investigate it anyway (F-3), an extension without agreement (T-7) and a refusal's review date (H-5).
 * Like {@link CasePolicies}, each answers empty (allowed) or the {@link Refusal} naming the rule, and changes nothing.
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

    /**
     * Whether a decline may be taken now at all: at admission (stage 1, before any response), or later only where one of
     * the pack's admission rules may be decided at any point of the procedure (F-10, T-4: 002 2.4.1), and never once
     * the final response has ended it.
     */
    static Optional<Refusal> declineAtThisPoint(PolicyPack pack, CaseState state) {
        boolean anyPoint = state.stage() >= 1 && pack.admission().stream().anyMatch(PolicyPack.AdmissionRule::atAnyPoint);
        if (state.status() == CaseTypes.CaseStatus.RESPONDED && !anyPoint) {
            // as the table said before the rule could allow it
            return Optional.of(Refusal.of("cannot decline a case that is responded to", null));
        }
        if (!pastAdmission(state)) {
            return CasePolicies.none();
        }
        if (!anyPoint) {
            return Optional.of(Refusal.of("a complaint can only be declined at admission, before any response", "Code 2.1"));
        }
        boolean finalResponse = state.status() == CaseTypes.CaseStatus.RESPONDED && state.stage() == pack.finalStage();
        return finalResponse ? Optional.of(Refusal.of("the final response has ended the complaints procedure: nothing is left to decline", null))
                : CasePolicies.none();
    }

    /** After admission, only a ground the pack allows at any point (F-10, T-4). */
    static Optional<Refusal> declineGroundAtThisPoint(PolicyPack pack, CaseState state, DeclineGround ground) {
        if (!pastAdmission(state)) {
            return CasePolicies.none();
        }
        Optional<PolicyPack.AdmissionRule> rule = pack.admission().stream()
                .filter(r -> r.kind().name().equals(ground.name()) && r.atAnyPoint()).findFirst();
        return rule.isPresent() ? CasePolicies.none() : Optional.of(Refusal.onField("ground", "after the first response only "
                + pack.admission().stream().filter(PolicyPack.AdmissionRule::atAnyPoint).map(r -> r.kind().name()).toList()
                + " may be decided; a complaint can be declined on other grounds only at admission", "Code 2.1"));
    }

    private static boolean pastAdmission(CaseState state) {
        return state.stage() > 1 || state.status() == CaseTypes.CaseStatus.RESPONDED
                || CasePolicies.currentStage(state).map(CaseTypes.StageRecord::respondedAt).isPresent();
    }

    /** F-3: the warning a case carries when it was made more than the pack's time limit after the complainant knew. */
    static Optional<CaseFact.LateComplaintWarned> lateWarning(PolicyPack pack, CaseState state) {
        java.time.LocalDate aware = state.awareSince();
        if (aware == null) {
            return Optional.empty();
        }
        java.time.LocalDate received = org.redress.calendar.UkTime.dateOf(state.receivedAt());
        return pack.admission().stream().filter(r -> r.kind() == PolicyPack.AdmissionKind.TIME_LIMIT && r.months() != null)
                .filter(r -> aware.isBefore(received.minusMonths(r.months()))).findFirst()
                .map(r -> new CaseFact.LateComplaintWarned(aware, r.months(), r.cite()));
    }

    /** "Investigate anyway" is a decision for a late complaint at admission: stage 1, before its response. */
    static Optional<Refusal> lateInvestigationAtThisPoint(PolicyPack pack, CaseState state) {
        if (lateWarning(pack, state).isEmpty()) {
            return Optional.of(Refusal.of("the complaint was made within the policy's time limit: there is nothing to decide", "F-3"));
        }
        return pastAdmission(state) ? Optional.of(Refusal.of("the complaint is already being investigated: the decision is made at admission", "F-3"))
                : CasePolicies.none();
    }

    /** The extension notice gives the ombudsman's details: always where the rule says, or when not agreed where that is its remedy (T-7). */
    static boolean extensionTellsOmbudsman(PolicyPack.ExtensionRule rule, boolean complainantAgreed) {
        return rule.tellOmbudsman() || (rule.needsAgreement() && !complainantAgreed
                && rule.withoutAgreement() == PolicyPack.WithoutAgreement.TELL_OMBUDSMAN);
    }

    /** H-5: where the stage's refusal must include a review date, one after the refusal is given. */
    static Optional<Refusal> reviewDate(PolicyPack.Escalation entry, java.time.@Nullable LocalDate reviewDate, java.time.Instant at) {
        boolean required = entry.refusalMustInclude().contains("review-date");
        if (reviewDate == null) {
            return required ? Optional.of(Refusal.onField("reviewDate", "is required: this policy's refusal to escalate must "
                    + "include the date it will be reviewed", entry.cite())) : CasePolicies.none();
        }
        return reviewDate.isAfter(org.redress.calendar.UkTime.dateOf(at)) ? CasePolicies.none()
                : Optional.of(Refusal.onField("reviewDate", "must be after the day of the refusal", entry.cite()));
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
