package org.redress.casework;

import org.junit.jupiter.api.Test;
import org.redress.accounts.Permissions;
import org.redress.casework.CaseTypes.PointDecision;
import org.redress.casework.CaseTypes.*;
import org.redress.policy.PolicyPack;
import org.redress.web.Refusal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.redress.casework.CaseFileTest.at;
import static org.redress.casework.CaseFileTest.logged;
import static org.redress.casework.CaseFileTest.ok;
import static org.redress.casework.TestPacks.ENGLAND;

/**
 * The transition table ({@link CaseVerb}) is the one answer to "may this verb be used now": every verb on a case in
 * every status (and in the conditions beyond the status: acknowledged or not, a next stage or the last, a record with
 * no stages) is offered in {@code allowedActions} exactly when the verb, given good arguments, is not refused for the
 * state of the case. A refusal that names a field is about the arguments, so it counts as accepted.
 */
class CaseVerbTableTest {

    private static final Instant NOW = at("2027-01-20T10:00");

    /** Cases in every status and the states that matter to the verbs' own conditions, each built afresh. */
    private static Map<String, Supplier<CaseFile>> cases() {
        Map<String, Supplier<CaseFile>> cases = new LinkedHashMap<>();
        cases.put("stage 1, open, not acknowledged", () -> logged(TestPacks.housingCode(), "complaint", "2026-11-23T10:00", "Repair missed"));
        cases.put("stage 1, open, acknowledged", () -> acknowledged(TestPacks.housingCode()));
        cases.put("stage 1, on hold", () -> {
            CaseFile file = acknowledged(TestPacks.housingCode());
            ok(file.hold(HoldKind.OTHER, "waiting for the person", at("2026-11-26T10:00"), "officer", ENGLAND));
            return file;
        });
        cases.put("stage 1, responded", () -> responded(TestPacks.housingCode()));
        cases.put("stage 1, closed", () -> {
            CaseFile file = responded(TestPacks.housingCode());
            ok(file.close(null, null, at("2026-12-02T10:00"), "manager", ENGLAND));
            return file;
        });
        cases.put("stage 1, withdrawn", () -> {
            CaseFile file = acknowledged(TestPacks.housingCode());
            ok(file.withdraw("sorted out", at("2026-11-26T10:00"), "officer"));
            return file;
        });
        cases.put("stage 1, declined", () -> {
            CaseFile file = logged(TestPacks.housingCode(), "complaint", "2026-11-23T10:00", "Staff grievance");
            ok(file.decline(DeclineGround.OUT_OF_SCOPE, "employment", null, "an employment matter", new Decider("manager", java.util.Set.of()),
                    at("2026-11-24T10:00"), "manager"));
            return file;
        });
        cases.put("stage 2, open, not acknowledged, refusable", () -> escalated(TestPacks.trustLike()));
        cases.put("stage 2, open, not acknowledged, not refusable", () -> escalated(TestPacks.housingCode()));
        cases.put("stage 2, on hold", () -> {
            CaseFile file = escalated(TestPacks.housingCode());
            ok(file.acceptEscalation(at("2026-12-15T10:00"), "manager", ENGLAND));
            ok(file.hold(HoldKind.OTHER, "waiting for the person", at("2026-12-16T10:00"), "manager", ENGLAND));
            return file;
        });
        cases.put("stage 2 (final), responded", () -> {
            CaseFile file = escalated(TestPacks.housingCode());
            ok(file.acceptEscalation(at("2026-12-15T10:00"), "manager", ENGLAND));
            ok(file.respond(decisions(file), "Reviewed", List.of(), at("2026-12-22T10:00"), "director", ENGLAND));
            return file;
        });
        cases.put("stage 2, escalation refused", () -> {
            CaseFile file = escalated(TestPacks.trustLike());
            ok(file.refuseEscalation("already-considered", "considered at stage 1", null, at("2026-12-15T10:00"), "manager"));
            return file;
        });
        // issue 23, F-8: a line running a procedure of its own, in a pack of several lines (the service line can be corrected)
        cases.put("home care line, stage 1, open, not acknowledged", () -> CaseFileTest.loggedOn(TestPacks.withHomeCare(), "home-care",
                "complaint", "2026-11-23T10:00", "Late visit"));
        cases.put("compliment, open", () -> logged(TestPacks.housingCode(), "compliment", "2026-11-23T10:00"));
        cases.put("service request, open", () -> logged(TestPacks.trustLike(), "service-request", "2026-11-23T10:00"));
        return cases;
    }

    @Test
    void everyVerbIsOfferedInExactlyTheStatesItIsAccepted() {
        List<String> disagreements = new ArrayList<>();
        Set<CaseStatus> statuses = EnumSet.noneOf(CaseStatus.class);
        cases().forEach((name, make) -> {
            statuses.add(make.get().state().status());
            for (CaseVerb verb : CaseVerb.values()) {
                CaseFile file = make.get();
                boolean offered = file.allowedActions().contains(verb.id());
                Optional<Refusal> refusal = apply(verb, file);
                boolean accepted = refusal.isEmpty() || refusal.get().field() != null;
                if (offered != accepted) {
                    disagreements.add("%s on %s: offered %s, but %s".formatted(verb.id(), name, offered,
                            refusal.map(r -> "refused: " + r.describe()).orElse("accepted")));
                }
            }
        });
        assertThat(statuses).containsExactlyInAnyOrder(CaseStatus.values());
        assertThat(disagreements).isEmpty();
    }

    @Test
    void aVerbRefusedForTheStatusSaysSoInTheTablesWords() {
        CaseFile file = cases().get("stage 1, withdrawn").get();
        assertThat(file.recordEvidence(EvidenceKind.INTERVIEW, LocalDate.parse("2026-11-25"), "Ada", "notes", NOW, "officer"))
                .map(Refusal::describe).contains("cannot record evidence on a case that is withdrawn");
        assertThat(file.allowedActions()).containsExactly("tenure");
    }

    @Test
    void thePermissionMatrixNeedsForEachVerbWhatTheTableSays() {
        for (CaseVerb verb : CaseVerb.values()) {
            assertThat(Permissions.forVerb(verb.id())).as(verb.id()).isEqualTo(verb.permission());
        }
    }

    @Test
    void eachVerbHasOneName() {
        assertThat(EnumSet.allOf(CaseVerb.class)).extracting(CaseVerb::id).doesNotHaveDuplicates()
                .doesNotContain("request-escalation", "record-evidence", "add-point", "record-contact", "record-step", "record-tenure");
        for (CaseVerb verb : CaseVerb.values()) {
            assertThat(CaseVerb.named(verb.id())).contains(verb);
        }
    }

    // ---- cases -------------------------------------------------------------------------------------------

    private static CaseFile acknowledged(PolicyPack pack) {
        CaseFile file = logged(pack, "complaint", "2026-11-23T10:00", "Repair missed");
        ok(file.acknowledge(at("2026-11-24T10:00"), "officer", "email", ENGLAND));
        return file;
    }

    private static CaseFile responded(PolicyPack pack) {
        CaseFile file = acknowledged(pack);
        ok(file.assign("sam", null, TestPacks.EVERY_OWNER_ROLE, at("2026-11-24T11:00"), "manager"));
        ok(file.respond(decisions(file), "Rebooked the repair", List.of(), at("2026-12-01T10:00"), "sam", ENGLAND));
        return file;
    }

    /** Escalated to stage 2 and not yet accepted; the steps the stage needs before its response already recorded. */
    private static CaseFile escalated(PolicyPack pack) {
        CaseFile file = responded(pack);
        ok(file.requestEscalation(null, at("2026-12-08T10:00"), at("2026-12-08T10:05"), "still broken", "a repair", null, "officer", ENGLAND));
        for (PolicyPack.StepRule step : pack.stepsIn(2)) {
            ok(file.recordStep(step.id(), "decided", at("2026-12-09T10:00"), "manager"));
        }
        return file;
    }

    private static List<PointDecision> decisions(CaseFile file) {
        return file.state().points().stream().map(p -> new PointDecision(p.number(), Outcome.UPHELD, "it happened")).toList();
    }

    /** The verb, given arguments that are good whenever the verb may be used. */
    private static Optional<Refusal> apply(CaseVerb verb, CaseFile file) {
        PolicyPack pack = file.pack();
        int stage = file.state().stage();
        return switch (verb) {
            case ACKNOWLEDGE -> file.acknowledge(NOW, "officer", null, ENGLAND);
            case ASSIGN -> file.assign("someone-new", null, TestPacks.EVERY_OWNER_ROLE, NOW, "manager");
            case POINTS -> file.addPoint("Another point", null, NOW, "officer");
            case UNDERSTANDING -> file.recordUnderstanding("the boiler", "a repair", NOW, "officer");
            case EVIDENCE -> file.recordEvidence(EvidenceKind.INTERVIEW, LocalDate.parse("2026-11-25"), "Ada", "notes", NOW, "officer");
            case CONTACT -> file.recordContact(NOW, "officer", "phoned", ENGLAND);
            case STEPS -> file.recordStep(pack.stepsAt(stage).stream().findFirst().map(PolicyPack.StepRule::id).orElse("none"),
                    "decided", NOW, "officer");
            case EXTEND -> file.extend(file.state().clocks().stream().filter(CaseClock::open).findFirst().map(CaseClock::id).orElse("none"),
                    1, "waiting for a report", true, NOW, "officer", ENGLAND);
            case HOLD -> file.hold(HoldKind.OTHER, "waiting", NOW, "officer", ENGLAND);
            case RESUME -> file.resume(NOW, "officer", null, ENGLAND);
            case RESPOND -> file.respond(decisions(file), "Put right", List.of(), NOW, "officer", ENGLAND);
            case ESCALATION_REQUEST -> file.requestEscalation(null, NOW, NOW, "still broken", "a repair", "the person was in hospital", "officer", ENGLAND);
            case ACCEPT_ESCALATION -> file.acceptEscalation(NOW, "manager", ENGLAND);
            case REFUSE_ESCALATION -> file.refuseEscalation(pack.stage(stage).map(PolicyPack.Stage::entry)
                    .flatMap(e -> e.refusalGrounds().stream().findFirst()).orElse("none"), "reasons", null, NOW, "manager");
            case CLOSE -> file.close(new Satisfaction(true, true, null), null, NOW, "manager", ENGLAND);
            case REOPEN -> file.reopen("new evidence", NOW, "manager", ENGLAND);
            case WITHDRAW -> file.withdraw("sorted out", NOW, "officer");
            case DECLINE -> file.decline(DeclineGround.OUT_OF_SCOPE, "employment", null, "an employment matter", new Decider("manager", java.util.Set.of()), NOW, "manager");
            case INVESTIGATE_LATE -> file.investigateLate("the person was in hospital for a year", NOW, "manager");
            case TENURE -> file.recordTenure(file.state().complainant().tenure() == Tenure.OTHER ? Tenure.LOW_COST_RENTAL : Tenure.OTHER,
                    NOW, "officer");
            // reclassifying logs a new case, so Casework does it; it asks the case first (CaseApiIT covers the rest)
            case RECLASSIFY -> file.refused(verb);
            case MEDIATION -> file.recordMediation(Mediation.Step.OFFERED, "Northern Community Mediation", org.redress.calendar.UkTime.dateOf(NOW),
                    null, null, NOW, "officer");
            case CONTACT_ARRANGEMENT -> file.arrangeContact("phone", "every week", NOW, "manager");
            // issue 23, R-5: offered only where the pack's stage has an open option window (FcaDispSummaryResolutionIT covers its time)
            case SUMMARY_RESOLUTION -> file.resolveSummarily("Corrected the plan", false, NOW, "officer", ENGLAND);
            // issue 23, F-8: to another line of the policy (ServiceLineCorrectionTest covers which moves are allowed)
            case SERVICE_LINE -> file.correctServiceLine(pack.serviceLines().stream().map(PolicyPack.ServiceLine::id)
                    .filter(l -> !l.equals(file.state().classification().serviceLine())).findFirst().orElse("none"),
                    "logged on the wrong line", NOW, "officer", ENGLAND);
        };
    }
}
