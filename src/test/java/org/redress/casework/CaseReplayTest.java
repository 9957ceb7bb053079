package org.redress.casework;

import org.junit.jupiter.api.Test;
import org.redress.casework.CaseTypes.Action;
import org.redress.casework.CaseTypes.HoldKind;
import org.redress.casework.CaseTypes.Outcome;
import org.redress.casework.CaseTypes.PointDecision;
import org.redress.policy.PolicyPack;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.redress.casework.CaseFileTest.at;
import static org.redress.casework.CaseFileTest.logged;
import static org.redress.casework.CaseFileTest.ok;
import static org.redress.casework.TestPacks.ENGLAND;

/** A case's history replayed in memory through the aggregate's own verbs (issue 25), on packs built in code. */
class CaseReplayTest {

    @Test
    void everyKindOfEventIsEitherReplayedOrSaidNotToChangeTheClocks() {
        Set<Class<?>> kinds = new HashSet<>(List.of(CaseFact.class.getPermittedSubclasses()));
        Set<Class<?>> listed = new HashSet<>(CaseReplay.REPLAYED);
        listed.addAll(CaseReplay.NOT_REPLAYED);
        assertThat(listed).containsExactlyInAnyOrderElementsOf(kinds);
        assertThat(CaseReplay.REPLAYED).doesNotContainAnyElementsOf(CaseReplay.NOT_REPLAYED);
    }


    /** Both stages of the Housing Code pack, with an extension, a hold and a promised action. */
    static CaseFile aLife() {
        CaseFile file = logged(TestPacks.housingCode(), "complaint", "2026-11-23T10:00", "Repair missed twice", "No call back");
        ok(file.acknowledge(at("2026-11-25T09:00"), "officer", "email", ENGLAND));
        ok(file.extend("respond", 10, "waiting for the contractor's report", false, at("2026-12-08T12:00"), "officer", ENGLAND));
        ok(file.hold(HoldKind.AWAITING_COMPLAINANT, "photos", at("2026-12-10T12:00"), "officer", ENGLAND));
        ok(file.resume(at("2026-12-14T12:00"), "officer", null, ENGLAND));
        ok(file.assign("sam", null, TestPacks.EVERY_OWNER_ROLE, at("2026-12-15T09:00"), "manager"));
        ok(file.respond(List.of(new PointDecision(1, Outcome.UPHELD, "missed"), new PointDecision(2, Outcome.NOT_UPHELD, "called")),
                "We apologise", List.of(new Action("Repair the boiler", java.time.LocalDate.parse("2027-01-08"), "repairs")),
                at("2026-12-22T15:00"), "sam", ENGLAND));
        ok(file.requestEscalation(null, at("2027-01-04T10:00"), at("2027-01-04T10:05"), "not done", "money", null, "officer", ENGLAND));
        ok(file.assign("jo", null, TestPacks.EVERY_OWNER_ROLE, at("2027-01-05T09:00"), "manager"));
        ok(file.acceptEscalation(at("2027-01-06T09:00"), "jo", ENGLAND));
        ok(file.respond(List.of(new PointDecision(1, Outcome.UPHELD, "confirmed"), new PointDecision(2, Outcome.NOT_UPHELD, "confirmed")),
                "Final response", List.of(), at("2027-02-10T15:00"), "jo", ENGLAND));
        return file;
    }

    static List<CaseEvent> history(CaseFile file) {
        List<CaseEvent> history = new ArrayList<>();
        for (CaseEvent e : file.pendingEvents()) {
            history.add(e.numbered(history.size() + 1));
        }
        return history;
    }

    @Test
    void replayingAHistoryUnderItsOwnPackGivesTheSameClocksAndRefusesNothing() {
        CaseFile file = aLife();
        CaseReplay.Replayed again = CaseReplay.replay(UUID.randomUUID(), "org", file.reference(), history(file), file.pack(), ENGLAND);
        assertThat(again.refused()).isEmpty();
        assertThat(again.clocks()).isEqualTo(file.state().clocks());
        assertThat(again.extensions()).isEqualTo(1);
        assertThat(again.responses()).extracting(CaseReplay.Response::stage).containsExactly(1, 2);
        // the stage 2 response came after its 20 working days from 6 January (3 February): late, under both
        assertThat(again.clocks().stream().filter(c -> c.stage() == 2 && c.id().equals("respond")).findFirst().orElseThrow()
                .dueDate()).hasToString("2027-02-03");
    }

    @Test
    void underAOneStagePackTheEscalationAndEveryStageTwoEventWouldHaveBeenRefused() {
        CaseFile file = aLife();
        PolicyPack code = TestPacks.housingCode();
        PolicyPack oneStage = new PolicyPack(code.id(), code.version(), code.title(), code.organisation(), code.serviceLines(),
                code.roles(), code.recordTypes(), code.stages().subList(0, 1), code.admission(), code.exclusions(),
                code.steps(), code.ombudsmen(), code.compensation(), code.assumptions(), code.sources());
        CaseReplay.Replayed again = CaseReplay.replay(UUID.randomUUID(), "org", file.reference(), history(file), oneStage, ENGLAND);
        assertThat(again.refused()).extracting(CaseReplay.Refused::event)
                .containsExactly("escalation-requested", "assigned", "acknowledged", "responded");
        assertThat(again.refused().get(1).rule()).isEqualTo("recorded at stage 2, but under this policy the case has no stage 2");
        assertThat(again.stage()).isEqualTo(1);
        assertThat(again.escalations()).singleElement().satisfies(e -> assertThat(e.refused()).isTrue());
    }

    /**
     * F-8, R-4: a case is replayed on its service line's procedure, as it ran. A home care complaint received Mon 10 May 2027
     * has the social care clocks (SI 2009/309: acknowledged within 3 working days, by Thu 13 May; answered within 6 months
     * of receipt, by Wed 10 Nov 2027); the same history on the housing line has the Code's (5 working days, by Mon 17 May;
     * 10 working days from the acknowledgement on Wed 12 May, by Wed 26 May).
     */
    @Test
    void aCaseIsReplayedOnItsServiceLinesProcedureAndAHousingCaseOnTheCodesF8R4() {
        PolicyPack pack = TestPacks.withHomeCare();
        CaseFile care = CaseFileTest.loggedOn(pack, "home-care", "complaint", "2027-05-10T09:00", "The carer did not come");
        ok(care.acknowledge(at("2027-05-12T10:00"), "officer", "email", ENGLAND));

        CaseReplay.Replayed again = CaseReplay.replay(UUID.randomUUID(), "org", care.reference(), history(care), "home-care", pack, ENGLAND);
        assertThat(again.refused()).isEmpty();
        assertThat(again.serviceLine()).isEqualTo("home-care");
        assertThat(again.clocks()).isEqualTo(care.state().clocks());
        assertThat(again.clocks()).extracting(c -> c.id() + " " + c.dueDate())
                .containsExactly("acknowledge 2027-05-13", "respond 2027-11-10");

        CaseReplay.Replayed asHousing = CaseReplay.replay(UUID.randomUUID(), "org", care.reference(), history(care), "housing", pack, ENGLAND);
        assertThat(asHousing.clocks()).extracting(c -> c.id() + " " + c.dueDate())
                .containsExactly("acknowledge 2027-05-17", "respond 2027-05-26");
        // with no service line given it is replayed on the pack's stages, as before
        assertThat(CaseReplay.replay(UUID.randomUUID(), "org", care.reference(), history(care), pack, ENGLAND).clocks())
                .isEqualTo(asHousing.clocks());
    }

    /**
     * F-8: a case logged on housing and corrected to home care before its acknowledgement is replayed from its line as
     * logged (read from the correction), and the correction is replayed: the same clocks as stored, the social care ones.
     */
    @Test
    void aCorrectedServiceLineIsReplayedFromTheLineAsLoggedF8() {
        PolicyPack pack = TestPacks.withHomeCare();
        CaseFile file = CaseFileTest.loggedOn(pack, "housing", "complaint", "2027-05-10T09:00", "The carer did not come");
        ok(file.correctServiceLine("home-care", "logged on housing by mistake", at("2027-05-11T10:00"), "officer", ENGLAND));
        ok(file.acknowledge(at("2027-05-12T10:00"), "officer", "email", ENGLAND));

        CaseReplay.Replayed again = CaseReplay.replay(UUID.randomUUID(), "org", file.reference(), history(file), "home-care", pack, ENGLAND);
        assertThat(again.refused()).isEmpty();
        assertThat(again.serviceLine()).isEqualTo("home-care");
        assertThat(again.clocks()).isEqualTo(file.state().clocks());
        assertThat(again.clocks()).extracting(c -> c.id() + " " + c.dueDate()).containsExactly("acknowledge 2027-05-13", "respond 2027-11-10");
    }

    /**
     * Not an assertion of speed (the machine is shared): prints how many replays a second one core makes once the JIT
     * has compiled the verbs (the first rounds run interpreted and are several times slower).
     */
    @Test
    void replaysThousandsOfCasesASecond() {
        CaseFile file = aLife();
        List<CaseEvent> history = history(file);
        int n = 10_000;
        for (int round = 1; round <= 3; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                CaseReplay.replay(UUID.randomUUID(), "org", "R" + i, history, file.pack(), ENGLAND);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("CaseReplay round %d: %d replays of a %d-event history in %.2f s (%.0f a second on one core)%n", round, n,
                    history.size(), seconds, n / seconds);
            assertThat(seconds).isPositive();
        }
    }
}
