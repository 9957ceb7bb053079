package org.redress.casework;

import org.junit.jupiter.api.Test;
import org.redress.calendar.UkTime;
import org.redress.casework.CaseTypes.NewCase;
import org.redress.casework.CaseTypes.PointDecision;
import org.redress.casework.CaseTypes.*;
import org.redress.policy.PolicyPack;
import org.redress.web.Refusal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.redress.casework.TestPacks.ENGLAND;

/** The case aggregate, verb by verb, on packs built in code (dates are England and Wales working days). */
class CaseFileTest {

    static Instant at(String ukLocal) {
        return LocalDateTime.parse(ukLocal).atZone(UkTime.ZONE).toInstant();
    }

    static CaseFile logged(PolicyPack pack, String type, String receivedAt, String... points) {
        return loggedOn(pack, "housing", type, receivedAt, points);
    }

    /** A contact logged on this service line (F-8: it runs the line's procedure). */
    static CaseFile loggedOn(PolicyPack pack, String serviceLine, String type, String receivedAt, String... points) {
        NewCase request = new NewCase(type, Channel.PHONE, at(receivedAt),
                new Complainant("Ada Resident", "ada@example.org", null, "1 High Street", ContactMethod.EMAIL, null, List.of(), Tenure.UNKNOWN),
                null, List.of(), new Classification(serviceLine, "Repairs", "Repairs", "Missed appointment"),
                "The repair was missed twice", "Fix the boiler", null, null, List.of(points), null);
        CaseFile.Logged result = CaseFile.log(CaseId.at(at(receivedAt)), "org", "T-2026-000001", pack, request, at(receivedAt), "officer", ENGLAND);
        assertThat(result.refusal()).isNull();
        return result.caseFile();
    }

    static CaseClock clock(CaseFile file, String id, int stage) {
        return file.state().clocks().stream().filter(c -> c.id().equals(id) && c.stage() == stage).findFirst().orElseThrow();
    }

    static void ok(Optional<Refusal> refusal) {
        assertThat(refusal).as(() -> refusal.map(Refusal::describe).orElse("")).isEmpty();
    }

    @Test
    void aHousingCodeComplaintRunsBothStagesWithExactDueDates() {
        CaseFile file = logged(TestPacks.housingCode(), "complaint", "2026-11-23T10:00", "Repair missed twice", "No call back");
        // Code 6.2: acknowledged within 5 working days of receipt
        assertThat(clock(file, "acknowledge", 1).dueDate()).isEqualTo(LocalDate.parse("2026-11-30"));

        ok(file.acknowledge(at("2026-11-25T09:00"), "officer", "email", ENGLAND));
        assertThat(clock(file, "acknowledge", 1).status(at("2026-11-25T09:00"))).isEqualTo(ClockStatus.MET);
        // Code 6.3: response within 10 working days of the acknowledgement
        assertThat(clock(file, "respond", 1).dueDate()).isEqualTo(LocalDate.parse("2026-12-09"));

        ok(file.extend("respond", 10, "waiting for the contractor's report", false, at("2026-12-08T12:00"), "officer", ENGLAND));
        assertThat(clock(file, "respond", 1).dueDate()).isEqualTo(LocalDate.parse("2026-12-23"));
        assertThat(clock(file, "respond", 1).explanation()).contains("Extended on Tue 8 Dec 2026 by 10 working days (waiting for the contractor's report)");
        assertThat(file.extend("respond", 5, "more time", false, at("2026-12-09T12:00"), "officer", ENGLAND))
                .map(Refusal::describe).hasValueSatisfying(r -> assertThat(r).contains("every extension the policy allows"));

        ok(file.assign("sam", null, TestPacks.EVERY_OWNER_ROLE, at("2026-12-01T09:00"), "manager"));
        ok(file.respond(List.of(new PointDecision(1, Outcome.UPHELD, "two appointments were missed"),
                        new PointDecision(2, Outcome.NOT_UPHELD, "calls were returned the same day")),
                "We apologise and have rebooked the repair", List.of(new Action("Repair the boiler", LocalDate.parse("2027-01-08"), "repairs")),
                at("2026-12-22T15:00"), "sam", ENGLAND));
        assertThat(clock(file, "respond", 1).status(at("2026-12-22T15:00"))).isEqualTo(ClockStatus.MET);

        ok(file.requestEscalation(null, at("2027-01-04T10:00"), at("2027-01-04T10:05"), "the repair is still not done",
                "compensation", null, "officer", ENGLAND));
        assertThat(file.state().stage()).isEqualTo(2);
        // Code 6.11: stage 2 acknowledged within 5 working days of the escalation request
        assertThat(clock(file, "acknowledge", 2).dueDate()).isEqualTo(LocalDate.parse("2027-01-11"));
        // Code 6.13: a different handler at stage 2
        assertThat(file.assign("sam", null, TestPacks.EVERY_OWNER_ROLE, at("2027-01-05T09:00"), "manager")).map(Refusal::describe)
                .hasValueSatisfying(r -> assertThat(r).contains("must not be the person who handled Stage 1").endsWith("Code 6.13"));
        ok(file.assign("jo", null, TestPacks.EVERY_OWNER_ROLE, at("2027-01-05T09:00"), "manager"));
        ok(file.acceptEscalation(at("2027-01-06T09:00"), "jo", ENGLAND));
        // Code 6.14: stage 2 response within 20 working days of the stage 2 acknowledgement
        assertThat(clock(file, "respond", 2).dueDate()).isEqualTo(LocalDate.parse("2027-02-03"));

        ok(file.respond(List.of(new PointDecision(1, Outcome.UPHELD, "confirmed"), new PointDecision(2, Outcome.NOT_UPHELD, "confirmed")),
                "Final response: £150 for the inconvenience", List.of(), at("2027-01-20T15:00"), "jo", ENGLAND));
        assertThat(file.requestEscalation(null, at("2027-01-21T10:00"), at("2027-01-21T10:00"), null, null, null, "officer", ENGLAND))
                .map(Refusal::describe).hasValueSatisfying(r -> assertThat(r).contains("final stage", "Housing Ombudsman Service"));
        ok(file.close(null, "done", at("2027-01-21T10:00"), "jo", ENGLAND));
        assertThat(file.state().status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(file.pendingEvents()).extracting(CaseEvent::type).containsExactly("logged", "acknowledged", "extended",
                "assigned", "responded", "escalation-requested", "assigned", "acknowledged", "responded", "closed");
    }

    @Test
    void escalationIsRefusedAfterTheTenDayWindowUnlessAcceptedLateWithAReason() {
        CaseFile file = logged(TestPacks.trustLike(), "complaint", "2026-11-23T10:00", "Support worker did not visit");
        ok(file.respond(List.of(new PointDecision(1, Outcome.PARTLY_UPHELD, "one visit was missed")), "Sorry", List.of(),
                at("2026-12-07T16:00"), "manager", ENGLAND));
        assertThat(file.state().escalationWindow().closesOn()).isEqualTo(LocalDate.parse("2026-12-21"));

        Optional<Refusal> late = file.requestEscalation(null, at("2026-12-22T09:00"), at("2026-12-22T09:00"), null, null, null, "officer", ENGLAND);
        assertThat(late.map(Refusal::describe)).contains("escalation window closed on 2026-12-21: T-8");
        assertThat(file.state().stage()).isEqualTo(1);

        ok(file.requestEscalation(null, at("2026-12-22T09:00"), at("2026-12-22T09:00"), null, null,
                "the client was in hospital", "officer", ENGLAND));
        assertThat(file.state().stage()).isEqualTo(2);
        // T-9: stage 2 response within 20 working days of logging the escalation
        assertThat(clock(file, "respond", 2).dueDate()).isEqualTo(LocalDate.parse("2027-01-22"));
    }

    @Test
    void aRefusedEscalationNeedsAGroundFromThePackAndReasons() {
        CaseFile file = logged(TestPacks.trustLike(), "complaint", "2026-11-23T10:00", "Point");
        ok(file.respond(List.of(new PointDecision(1, Outcome.NOT_UPHELD, "no fault")), "No fault found", List.of(), at("2026-12-01T10:00"), "m", ENGLAND));
        ok(file.requestEscalation(null, at("2026-12-02T10:00"), at("2026-12-02T10:00"), null, null, null, "o", ENGLAND));
        assertThat(file.refuseEscalation("did-not-like-it", "because", null, at("2026-12-03T10:00"), "m"))
                .map(Refusal::field).contains("ground");
        assertThat(file.refuseEscalation("already-considered", " ", null, at("2026-12-03T10:00"), "m"))
                .map(Refusal::field).contains("reasons");
        ok(file.refuseEscalation("already-considered", "Stage 1 considered every point", null, at("2026-12-03T10:00"), "m"));
        assertThat(file.state().status()).isEqualTo(CaseStatus.CLOSED);
        CaseEvent refused = file.pendingEvents().get(file.pendingEvents().size() - 1);
        assertThat(refused.details()).containsEntry("ombudsman", "housing-ombudsman");
    }

    @Test
    void aCaseConferenceMustReviewStageTwoBeforeTheFinalResponse() {
        CaseFile file = logged(TestPacks.trustLike(), "complaint", "2026-11-23T10:00", "Point");
        ok(file.respond(List.of(new PointDecision(1, Outcome.NOT_UPHELD, "no fault")), "No fault", List.of(), at("2026-12-01T10:00"), "m", ENGLAND));
        ok(file.requestEscalation(null, at("2026-12-02T10:00"), at("2026-12-02T10:00"), null, null, null, "o", ENGLAND));
        List<PointDecision> decisions = List.of(new PointDecision(1, Outcome.NOT_UPHELD, "confirmed"));
        assertThat(file.respond(decisions, "Final", List.of(), at("2026-12-10T10:00"), "b", ENGLAND).map(Refusal::describe))
                .contains("the case-conference step must be recorded before the response at this stage: A-8");
        ok(file.recordStep("case-conference", "Handled fairly; agree the proposed response", at("2026-12-09T10:00"), "panel"));
        ok(file.respond(decisions, "Final", List.of(), at("2026-12-10T10:00"), "b", ENGLAND));
    }

    @Test
    void aFurtherExtensionNeedsTheClientsAgreement() {
        CaseFile file = logged(TestPacks.trustLike(), "complaint", "2026-11-23T10:00", "Point");
        ok(file.extend("respond", 10, "complex", false, at("2026-12-01T10:00"), "m", ENGLAND));
        assertThat(file.extend("respond", 5, "exceptional", false, at("2026-12-02T10:00"), "m", ENGLAND))
                .map(Refusal::describe).hasValueSatisfying(r -> assertThat(r).contains("the complainant must agree").endsWith("T-7"));
        ok(file.extend("respond", 5, "exceptional", true, at("2026-12-02T10:00"), "m", ENGLAND));
        assertThat(clock(file, "respond", 1).extensions()).hasSize(2);
    }

    @Test
    void anExtensionBeyondThePolicysLimitNamesTheLimit() {
        CaseFile file = logged(TestPacks.housingCode(), "complaint", "2026-11-23T10:00", "Point");
        ok(file.acknowledge(at("2026-11-24T10:00"), "o", null, ENGLAND));
        assertThat(file.extend("respond", 15, "busy", false, at("2026-11-25T10:00"), "o", ENGLAND))
                .map(Refusal::describe).contains("an extension of the respond clock may add at most 10 working days, not 15: Code 6.4-6.5");
    }

    @Test
    void aLegalHoldPausesTheClocksAndResumingGivesBackTheWorkingDaysLeft() {
        CaseFile file = logged(TestPacks.housingCode(), "complaint", "2026-11-23T10:00", "Damp in the bedroom");
        ok(file.acknowledge(at("2026-11-23T12:00"), "o", null, ENGLAND));
        assertThat(clock(file, "respond", 1).dueDate()).isEqualTo(LocalDate.parse("2026-12-07"));
        // court papers issued on Wed 25 Nov; 8 working days are left (26 Nov to 7 Dec)
        ok(file.hold(HoldKind.LEGAL, "court papers issued for a disrepair claim", at("2026-11-25T10:00"), "o", ENGLAND));
        assertThat(clock(file, "respond", 1).status(at("2026-12-20T10:00"))).isEqualTo(ClockStatus.PAUSED);
        assertThat(file.respond(List.of(), "x", List.of(), at("2026-12-01T10:00"), "o", ENGLAND).map(Refusal::describe))
                .contains("cannot respond to a case that is on hold");
        ok(file.resume(at("2027-01-11T10:00"), "o", "claim settled", ENGLAND));
        assertThat(clock(file, "respond", 1).dueDate()).isEqualTo(LocalDate.parse("2027-01-21"));
        assertThat(clock(file, "respond", 1).explanation()).contains("Paused from Wed 25 Nov 2026 to Mon 11 Jan 2027 (court papers issued for a disrepair claim); 8 working days left");
    }

    @Test
    void clockStatusIsDerivedFromTheMomentAskedAbout() {
        CaseFile file = logged(TestPacks.housingCode(), "complaint", "2026-11-23T10:00", "Point");
        CaseClock ack = clock(file, "acknowledge", 1); // due by the end of Mon 30 Nov
        assertThat(ack.status(at("2026-11-24T10:00"))).isEqualTo(ClockStatus.ON_TIME);
        assertThat(ack.status(at("2026-11-30T09:00"))).isEqualTo(ClockStatus.DUE_SOON);
        assertThat(ack.status(at("2026-12-01T00:01"))).isEqualTo(ClockStatus.OVERDUE);
        ok(file.acknowledge(at("2026-12-02T09:00"), "o", null, ENGLAND));
        assertThat(clock(file, "acknowledge", 1).status(at("2026-12-03T09:00"))).isEqualTo(ClockStatus.MET_LATE);
    }

    @Test
    void aSupportServiceRequestMustBeContactedWithinThreeWorkingDays() {
        CaseFile file = logged(TestPacks.trustLike(), "service-request", "2026-12-23T16:00");
        // T-5: contact within 3 working days, skipping Christmas, Boxing Day's substitute and the weekend
        assertThat(clock(file, "contact", 0).dueDate()).isEqualTo(LocalDate.parse("2026-12-30"));
        ok(file.recordContact(at("2026-12-29T10:00"), "support", "called the client", ENGLAND));
        assertThat(clock(file, "contact", 0).status(at("2026-12-29T10:00"))).isEqualTo(ClockStatus.MET);
    }

    /** F-10: the decider is the member, who must hold the role the pack names; the decision records them. */
    @Test
    void onlyTheChiefExecutiveMayDeclineAComplaintAsVexatious() {
        CaseFile file = logged(TestPacks.trustLike(), "complaint", "2026-11-23T10:00", "Point");
        assertThat(file.decline(DeclineGround.VEXATIOUS, null, null, "the same complaint for the fifth time",
                new Decider("olive.officer", Set.of("complaints-officer")), at("2026-11-24T10:00"), "o").map(Refusal::describe))
                .contains("this decision is for the Group Chief Executive, and olive.officer does not hold that role"
                        + " (an administrator gives it on the team page): F-10");
        assertThat(file.decline(DeclineGround.REPEAT, null, null, "same", new Decider("o", Set.of()), at("2026-11-24T10:00"), "o").map(Refusal::field)).contains("ground");
        ok(file.decline(DeclineGround.VEXATIOUS, null, null, "the same complaint for the fifth time", new Decider("cy.chief", Set.of("chief-executive")),
                at("2026-11-24T10:00"), "ceo"));
        assertThat(((CaseFact.Declined) file.pendingEvents().get(file.pendingEvents().size() - 1).payload()).decidedBy()).isEqualTo("cy.chief");
        assertThat(file.state().status()).isEqualTo(CaseStatus.DECLINED);
        assertThat(file.state().clocks()).allMatch(c -> c.status(at("2026-11-24T10:00")) == ClockStatus.CANCELLED);
    }

    @Test
    void closingAsksAboutSatisfactionWhenThePolicyAsksIt() {
        CaseFile file = logged(TestPacks.trustLike(), "complaint", "2026-11-23T10:00", "Point");
        ok(file.respond(List.of(new PointDecision(1, Outcome.UPHELD, "yes")), "Put right", List.of(), at("2026-11-30T10:00"), "m", ENGLAND));
        assertThat(file.close(null, null, at("2026-12-01T10:00"), "m", ENGLAND).map(Refusal::describe)).hasValueSatisfying(
                r -> assertThat(r).contains("how satisfied").endsWith("H-7"));
        ok(file.close(new Satisfaction(true, false, "took too long"), null, at("2026-12-01T10:00"), "m", ENGLAND));
    }

    @Test
    void aResponseMustDecideEveryPointWithReasons() {
        CaseFile file = logged(TestPacks.housingCode(), "complaint", "2026-11-23T10:00", "One", "Two");
        assertThat(file.respond(List.of(new PointDecision(1, Outcome.UPHELD, "yes")), "Partial", List.of(), at("2026-11-30T10:00"), "m", ENGLAND)
                .map(Refusal::describe)).contains("a response must decide every point; undecided: [2]: Code 6.7");
        assertThat(file.state().status()).isEqualTo(CaseStatus.OPEN);
        assertThat(file.state().points()).allMatch(p -> p.outcome() == null);
    }

    @Test
    void aComplimentIsRecordedAndClosedWithoutStages() {
        CaseFile file = logged(TestPacks.housingCode(), "compliment", "2026-11-23T10:00");
        assertThat(file.state().stage()).isZero();
        assertThat(file.allowedActions()).contains("acknowledge", "close").doesNotContain("escalation-request");
        ok(file.acknowledge(at("2026-11-23T11:00"), "o", "email", ENGLAND));
        ok(file.close(null, "thanked the team", at("2026-11-23T12:00"), "o", ENGLAND));
    }

    @Test
    void theTenureIsRecordedAtAnyStatusAndSurvivesAnonymisation() {
        // the regulator's figures are split by tenure, and anonymising a case must not change them
        CaseFile file = logged(TestPacks.housingCode(), "complaint", "2026-11-23T10:00", "Repair missed");
        assertThat(file.state().complainant().tenure()).isEqualTo(Tenure.UNKNOWN);
        ok(file.withdraw("sorted out", at("2026-11-24T09:00"), "officer"));
        assertThat(file.allowedActions()).containsExactly("tenure");
        ok(file.recordTenure(Tenure.LOW_COST_HOME_OWNERSHIP, at("2026-11-25T09:00"), "officer"));
        assertThat(file.recordTenure(Tenure.LOW_COST_HOME_OWNERSHIP, at("2026-11-25T10:00"), "officer")).isPresent();
        ok(file.anonymise("retention", at("2033-01-01T02:30"), "retention"));
        assertThat(file.state().complainant().name()).isEqualTo(Anonymisation.NAME);
        assertThat(file.state().complainant().tenure()).isEqualTo(Tenure.LOW_COST_HOME_OWNERSHIP);
    }

    private static final String RESPOND_BY_7_DEC = "respond (acknowledgement to response, Code 6.3): Due by the end of Mon 7 Dec 2026: "
            + "10 working days after Mon 23 Nov 2026 in the England and Wales calendar (the start day is day 0), skipping "
            + "Sat 28 Nov 2026 (Saturday), Sun 29 Nov 2026 (Sunday), Sat 5 Dec 2026 (Saturday), Sun 6 Dec 2026 (Sunday).";

    @Test
    void anExtendedDeadlineExplainsTheExtensionInPlainEnglish() {
        CaseFile file = logged(TestPacks.housingCode(), "complaint", "2026-11-23T10:00", "Point");
        ok(file.acknowledge(at("2026-11-23T12:00"), "o", null, ENGLAND));
        assertThat(clock(file, "respond", 1).explanation()).isEqualTo(RESPOND_BY_7_DEC);
        ok(file.extend("respond", 10, "waiting for the contractor's report", true, at("2026-12-01T12:00"), "officer", ENGLAND));
        assertThat(clock(file, "respond", 1).explanation()).isEqualTo(RESPOND_BY_7_DEC + " Extended on Tue 1 Dec 2026 by 10 working days "
                + "(waiting for the contractor's report, agreed with the complainant): now due by the end of Mon 21 Dec 2026: "
                + "10 working days after Mon 7 Dec 2026 in the England and Wales calendar (the start day is day 0), skipping "
                + "Sat 12 Dec 2026 (Saturday), Sun 13 Dec 2026 (Sunday), Sat 19 Dec 2026 (Saturday), Sun 20 Dec 2026 (Sunday).");
        assertThat(clock(file, "respond", 1).dueBy()).isEqualTo(UkTime.endOf(LocalDate.parse("2026-12-21")));
    }

    @Test
    void aPausedDeadlineExplainsThePauseAndWhatWasLeft() {
        CaseFile file = logged(TestPacks.housingCode(), "complaint", "2026-11-23T10:00", "Point");
        ok(file.acknowledge(at("2026-11-23T12:00"), "o", null, ENGLAND));
        ok(file.hold(HoldKind.LEGAL, "court papers issued", at("2026-11-25T10:00"), "o", ENGLAND));
        ok(file.resume(at("2027-01-11T10:00"), "o", "claim settled", ENGLAND));
        assertThat(clock(file, "respond", 1).explanation()).isEqualTo(RESPOND_BY_7_DEC + " Paused from Wed 25 Nov 2026 to Mon 11 Jan 2027 "
                + "(court papers issued); 8 working days left, now due by the end of Thu 21 Jan 2027.");
    }

    @Test
    void aDeadlineInClockHoursExplainsItsExtensionAndPauseToTheMinute() {
        CaseFile file = logged(TestPacks.withEmergencyRepairs(), "emergency", "2026-11-23T10:00");
        String started = "make safe (from receipt to contact, R-9): Due by 10:00 GMT on Tue 24 Nov 2026: 24 hours from 10:00 GMT "
                + "on Mon 23 Nov 2026 (every hour counts, including nights, weekends and holidays).";
        assertThat(clock(file, "make-safe", 0).explanation()).isEqualTo(started);
        ok(file.extend("make-safe", 6, "no access", false, at("2026-11-23T20:00"), "o", ENGLAND));
        String extended = started + " Extended on Mon 23 Nov 2026 by 6 hours (no access): now due by 16:00 GMT on Tue 24 Nov 2026: "
                + "6 hours from 10:00 GMT on Tue 24 Nov 2026 (every hour counts, including nights, weekends and holidays).";
        assertThat(clock(file, "make-safe", 0).explanation()).isEqualTo(extended);
        ok(file.hold(HoldKind.OTHER, "tenant away", at("2026-11-24T10:00"), "o", ENGLAND));
        ok(file.resume(at("2026-11-26T09:30"), "o", null, ENGLAND));
        assertThat(clock(file, "make-safe", 0).explanation()).isEqualTo(extended
                + " Paused from Tue 24 Nov 2026 to Thu 26 Nov 2026 (tenant away); 6 hours 0 minutes left, now due by 2026-11-26T15:30:00Z.");
        assertThat(clock(file, "make-safe", 0).dueBy()).isEqualTo(Instant.parse("2026-11-26T15:30:00Z"));
    }

    @Test
    void theEscalationWindowExplainsWhenItCloses() {
        CaseFile file = logged(TestPacks.trustLike(), "complaint", "2026-11-23T10:00", "Point");
        ok(file.respond(List.of(new PointDecision(1, Outcome.PARTLY_UPHELD, "one visit was missed")), "Sorry", List.of(),
                at("2026-12-07T16:00"), "manager", ENGLAND));
        assertThat(file.state().escalationWindow().explanation()).isEqualTo("Escalation may be requested until the end of Mon 21 Dec 2026: "
                + "10 working days after Mon 7 Dec 2026 in the England and Wales calendar (the start day is day 0), skipping "
                + "Sat 12 Dec 2026 (Saturday), Sun 13 Dec 2026 (Sunday), Sat 19 Dec 2026 (Saturday), Sun 20 Dec 2026 (Sunday).");
    }
}
