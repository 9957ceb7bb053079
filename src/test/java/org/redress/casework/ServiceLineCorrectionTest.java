package org.redress.casework;

import org.junit.jupiter.api.Test;
import org.redress.casework.CaseTypes.HoldKind;
import org.redress.casework.CaseTypes.Outcome;
import org.redress.casework.CaseTypes.PointDecision;
import org.redress.policy.PolicyPack;
import org.redress.web.Refusal;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.redress.casework.CaseFileTest.at;
import static org.redress.casework.CaseFileTest.clock;
import static org.redress.casework.CaseFileTest.loggedOn;
import static org.redress.casework.CaseFileTest.ok;
import static org.redress.casework.TestPacks.ENGLAND;

/**
 * Issue 23, F-8 (R-4: the social care rules, SI 2009/309): a case logged on the wrong service line is corrected. Lines
 * of one procedure swap at any time; a line with another procedure only while nothing has been sent under the old one,
 * the clocks then worked out again from the original receipt. The pack ({@link TestPacks#withHomeCare}): housing and
 * estates run the Code's stages (acknowledge 5 working days), home care and home support the social care procedure
 * (acknowledge 3 working days, respond 6 months from receipt, one stage). Received Mon 10 May 2027 (no bank holiday
 * before Mon 31 May).
 */
class ServiceLineCorrectionTest {

    static final PolicyPack PACK = TestPacks.withHomeCare();

    static CaseFile onHousing() {
        return loggedOn(PACK, "housing", "complaint", "2027-05-10T09:00", "The carer did not come");
    }

    static String lastEvent(CaseFile file) {
        List<CaseEvent> events = file.pendingEvents();
        return events.get(events.size() - 1).type();
    }

    @Test
    void aComplaintLoggedOnHousingIsMovedToHomeCareBeforeItsAcknowledgementAndItsClocksAreWorkedOutAgainFromTheReceiptF8R4() {
        CaseFile file = onHousing();
        assertThat(clock(file, "acknowledge", 1).dueDate()).hasToString("2027-05-17");

        ok(file.correctServiceLine("home-care", "logged on housing by mistake", at("2027-05-11T10:00"), "officer", ENGLAND));

        assertThat(file.state().classification().serviceLine()).isEqualTo("home-care");
        assertThat(file.pack().stages()).extracting(PolicyPack.Stage::id).containsExactly("home-care-response");
        assertThat(file.currentStage().orElseThrow().name()).isEqualTo("Home care complaint");
        // SI 2009/309: 3 working days from receipt (Tue 11, Wed 12, Thu 13 May), 6 months from receipt
        assertThat(file.state().clocks()).extracting(c -> c.id() + " " + c.dueDate() + " from " + c.startedAt())
                .containsExactlyInAnyOrder("acknowledge 2027-05-13 from 2027-05-10T08:00:00Z", "respond 2027-11-10 from 2027-05-10T08:00:00Z");
        CaseEvent corrected = file.pendingEvents().get(file.pendingEvents().size() - 1);
        assertThat(corrected.type()).isEqualTo("service-line-corrected");
        assertThat(corrected.details()).containsEntry("from", "housing").containsEntry("to", "home-care").containsEntry("procedureChanged", true);
        assertThat(corrected.reason()).isEqualTo("logged on housing by mistake");
        // the procedure's one stage: acknowledged by its own clock, and nothing to escalate to after the response
        ok(file.acknowledge(at("2027-05-13T16:00"), "officer", "email", ENGLAND));
        assertThat(clock(file, "acknowledge", 1).status(at("2027-05-14T09:00")).name()).isEqualTo("MET");
        assertThat(file.pack().finalStage()).isEqualTo(1);
    }

    @Test
    void aHomeCareComplaintMovedToHousingBeforeItsAcknowledgementRunsTheCodesClocksF8() {
        CaseFile file = loggedOn(PACK, "home-care", "complaint", "2027-05-10T09:00", "The repair was missed");
        ok(file.correctServiceLine("housing", "a repair, not home care", at("2027-05-11T10:00"), "officer", ENGLAND));

        assertThat(file.currentStage().orElseThrow().name()).isEqualTo("Stage 1");
        assertThat(file.state().clocks()).extracting(c -> c.id() + " " + c.dueDate()).containsExactly("acknowledge 2027-05-17");
        assertThat(file.pack().stagesAfter(1)).extracting(PolicyPack.Stage::id).containsExactly("stage-2");
    }

    @Test
    void afterTheAcknowledgementAMoveToAnotherProcedureIsRefusedSayingToWithdrawAndLogItAgainF8() {
        CaseFile file = onHousing();
        ok(file.acknowledge(at("2027-05-11T10:00"), "officer", "email", ENGLAND));
        List<CaseClock> before = file.state().clocks();
        int events = file.pendingEvents().size();

        Refusal refused = file.correctServiceLine("home-care", "logged on housing by mistake", at("2027-05-12T10:00"), "officer", ENGLAND)
                .orElseThrow();

        assertThat(refused.describe()).isEqualTo("The Housing line and the Home care line run different complaint procedures, and the "
                + "acknowledgement has already been sent under this case's procedure, so the case cannot be moved to the Home care "
                + "line. Withdraw this case, giving the reason, and log the complaint again on the Home care line: F-8");
        assertThat(refused.field()).isNull();
        assertThat(file.state().clocks()).isEqualTo(before);
        assertThat(file.state().classification().serviceLine()).isEqualTo("housing");
        assertThat(file.pendingEvents()).hasSize(events);
    }

    @Test
    void betweenLinesOfOneProcedureTheLineIsCorrectedWhateverHasHappenedAndTheClocksStayF8() {
        CaseFile file = onHousing();
        ok(file.acknowledge(at("2027-05-11T10:00"), "officer", "email", ENGLAND));
        ok(file.respond(List.of(new PointDecision(1, Outcome.UPHELD, "missed")), "Rebooked", List.of(), at("2027-05-14T10:00"), "officer", ENGLAND));
        ok(file.close(null, null, at("2027-05-20T10:00"), "manager", ENGLAND));
        List<CaseClock> before = file.state().clocks();

        ok(file.correctServiceLine("estates", "an estates matter", at("2027-05-21T10:00"), "officer", ENGLAND));

        assertThat(file.state().classification().serviceLine()).isEqualTo("estates");
        assertThat(file.state().clocks()).isEqualTo(before);
        assertThat(file.pendingEvents().get(file.pendingEvents().size() - 1).details()).containsEntry("procedureChanged", false);

        // home care and home support share the social care procedure: swapped after the acknowledgement too
        CaseFile care = loggedOn(PACK, "home-care", "complaint", "2027-05-10T09:00", "Late visit");
        ok(care.acknowledge(at("2027-05-11T10:00"), "officer", "email", ENGLAND));
        ok(care.correctServiceLine("home-support", "a home support visit", at("2027-05-12T10:00"), "officer", ENGLAND));
        assertThat(care.state().classification().serviceLine()).isEqualTo("home-support");
        assertThat(care.currentStage().orElseThrow().acknowledgedAt()).isNotNull();
    }

    @Test
    void anUnknownLineTheSameLineOrNoReasonIsRefusedNamingTheField() { // F-8
        CaseFile file = onHousing();
        assertThat(file.correctServiceLine("gardening", "wrong line", at("2027-05-11T10:00"), "officer", ENGLAND).orElseThrow())
                .satisfies(r -> {
                    assertThat(r.field()).isEqualTo("serviceLine");
                    assertThat(r.message()).isEqualTo("must be one of [housing, estates, home-care, home-support]");
                });
        assertThat(file.correctServiceLine("housing", "wrong line", at("2027-05-11T10:00"), "officer", ENGLAND).orElseThrow().message())
                .isEqualTo("the case is already on the Housing line");
        assertThat(file.correctServiceLine("home-care", " ", at("2027-05-11T10:00"), "officer", ENGLAND).orElseThrow().field())
                .isEqualTo("reason");
        assertThat(lastEvent(file)).isEqualTo("logged");
    }

    @Test
    void aCaseOnHoldMovedToAnotherProcedureHasItsNewClocksPausedFromTheDayItWasPutOnHoldF8() {
        CaseFile file = onHousing();
        ok(file.hold(HoldKind.OTHER, "waiting for the person", at("2027-05-11T10:00"), "officer", ENGLAND));
        ok(file.correctServiceLine("home-care", "logged on housing by mistake", at("2027-05-12T10:00"), "officer", ENGLAND));
        assertThat(file.state().clocks()).allSatisfy(c -> assertThat(c.pausedAt()).isEqualTo(at("2027-05-11T10:00")));

        // 2 working days were left on Tue 11 May (Wed 12, Thu 13): resumed on Mon 17 May, due Wed 19 May
        ok(file.resume(at("2027-05-17T10:00"), "officer", null, ENGLAND));
        assertThat(clock(file, "acknowledge", 1).dueDate()).hasToString("2027-05-19");
    }

    @Test
    void theVerbIsNotOfferedWhereThePolicyHasNoOtherLine() { // F-8
        CaseFile file = CaseFileTest.logged(TestPacks.housingCode(), "complaint", "2027-05-10T09:00", "Repair");
        assertThat(file.allowedActions()).doesNotContain("service-line");
        assertThat(onHousing().allowedActions()).contains("service-line");
    }
}
