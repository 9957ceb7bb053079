package org.redress.casework;

import org.junit.jupiter.api.Test;
import org.redress.calendar.ClockUnit;
import org.redress.casework.CaseFact.*;
import org.redress.casework.CaseTypes.PointDecision;
import org.redress.casework.CaseTypes.*;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.redress.casework.CaseFileTest.at;
import static org.redress.casework.CaseFileTest.logged;
import static org.redress.casework.CaseFileTest.ok;
import static org.redress.casework.TestPacks.ENGLAND;

/** Each verb records its own typed fact, with exact values; the stored form (type string and JSON details) reads back as the same fact. */
class CaseFileEventsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static CaseFact last(CaseFile file) {
        List<CaseEvent> events = file.pendingEvents();
        return events.get(events.size() - 1).payload();
    }

    /** What the store does: details to JSON and back, then the typed fact from the row. */
    private static CaseFact stored(CaseEvent event) {
        Map<String, Object> details = JSON.readValue(JSON.writeValueAsString(event.details()), new TypeReference<Map<String, Object>>() {
        });
        return new CaseEvent(1, event.type(), event.at(), event.actor(), event.reason(), details).payload();
    }

    @Test
    void everyVerbOfAStagedComplaintRecordsItsTypedFact() {
        CaseFile file = logged(TestPacks.trustLike(), "complaint", "2026-11-23T10:00", "Support worker did not visit");
        assertThat(last(file)).isEqualTo(new CaseLogged("complaint", Channel.PHONE, at("2026-11-23T10:00"), "trust-like v1", null, null));
        ok(file.assign("sam", null, TestPacks.EVERY_OWNER_ROLE, at("2026-11-23T11:00"), "manager"));
        assertThat(last(file)).isEqualTo(new Assigned(1, "sam", "investigating-manager"));
        ok(file.acknowledge(at("2026-11-23T12:00"), "sam", "email", ENGLAND));
        assertThat(last(file)).isEqualTo(new Acknowledged(1, "email", false));
        ok(file.addPoint("No call back", null, at("2026-11-23T13:00"), "sam"));
        assertThat(last(file)).isEqualTo(new PointAdded(2, "No call back"));
        ok(file.recordUnderstanding("two missed visits", null, at("2026-11-23T14:00"), "sam"));
        assertThat(last(file)).isEqualTo(new UnderstandingRecorded(1, "two missed visits", null));
        ok(file.recordEvidence(EvidenceKind.RECORDS, LocalDate.parse("2026-11-20"), "rota", "visit not on the rota", at("2026-11-24T09:00"), "sam"));
        assertThat(last(file)).isEqualTo(new EvidenceRecorded(EvidenceKind.RECORDS, LocalDate.parse("2026-11-20"), "rota"));
        ok(file.extend("respond", 10, "complex", false, at("2026-12-01T10:00"), "sam", ENGLAND));
        assertThat(last(file)).isEqualTo(new Extended("respond", 1, 10, ClockUnit.WORKING_DAYS, LocalDate.parse("2026-12-07"),
                LocalDate.parse("2026-12-21"), false, true, "housing-ombudsman", "T-7"));
        ok(file.hold(HoldKind.AWAITING_COMPLAINANT, "waiting for the client's diary", at("2026-12-02T10:00"), "sam", ENGLAND));
        assertThat(last(file)).isEqualTo(new PutOnHold(HoldKind.AWAITING_COMPLAINANT));
        ok(file.resume(at("2026-12-03T10:00"), "sam", null, ENGLAND));
        assertThat(last(file)).isEqualTo(new Resumed(at("2026-12-02T10:00"), HoldKind.AWAITING_COMPLAINANT));
        ok(file.respond(List.of(new PointDecision(1, Outcome.PARTLY_UPHELD, "one visit was missed"),
                new PointDecision(2, Outcome.NOT_UPHELD, "calls were returned")), "Sorry", List.of(), at("2026-12-07T16:00"), "sam", ENGLAND));
        assertThat(last(file)).isEqualTo(new StageResponded(1, false, List.of(new PointOutcome(1, Outcome.PARTLY_UPHELD),
                new PointOutcome(2, Outcome.NOT_UPHELD)), 0, "housing-ombudsman"));
        ok(file.requestEscalation(null, at("2026-12-22T09:00"), at("2026-12-22T09:05"), "still no visit", null,
                "the client was in hospital", "officer", ENGLAND));
        assertThat(last(file)).isEqualTo(new EscalationRequested(2, at("2026-12-22T09:00"), false, "the client was in hospital",
                "still no visit", null));
        ok(file.refuseEscalation("already-considered", "Stage 1 considered every point", null, at("2026-12-23T10:00"), "m"));
        assertThat(last(file)).isEqualTo(new EscalationRefused(2, "already-considered", List.of("reasons", "ombudsman-details"),
                "housing-ombudsman"));
        ok(file.recordTenure(Tenure.LOW_COST_RENTAL, at("2026-12-24T10:00"), "officer"));
        assertThat(last(file)).isEqualTo(new TenureRecorded(Tenure.LOW_COST_RENTAL, Tenure.UNKNOWN));
        ok(file.recordCorrespondence("ada@example.org", "Re: your complaint", "Thank you", "<m1@example.org>", at("2026-12-28T10:00"), "mail"));
        assertThat(last(file)).isEqualTo(new CorrespondenceReceived("ada@example.org", "Re: your complaint", "<m1@example.org>"));
        ok(file.correctContactDetails(null, "ada@example.net", null, null, "new address given", at("2026-12-29T10:00"), "officer"));
        assertThat(last(file)).isEqualTo(new ContactDetailsCorrected(List.of("email")));
        ok(file.reopen("the client sent new evidence", at("2026-12-30T10:00"), "m", ENGLAND));
        assertThat(last(file)).isEqualTo(new Reopened(2));
        ok(file.withdraw("sorted out", at("2026-12-31T10:00"), "officer"));
        assertThat(last(file)).isEqualTo(new Withdrawn(2));
        ok(file.anonymise("retention", at("2033-01-01T02:30"), "retention"));
        assertThat(last(file)).isEqualTo(new Anonymised("retention"));

        for (CaseEvent event : file.pendingEvents()) {
            assertThat(stored(event)).as(event.type()).isEqualTo(event.payload()).isNotInstanceOf(Unread.class);
        }
    }

    @Test
    void aResponseThatAcknowledgesSaysSoAndAClosingRecordsTheSatisfaction() {
        CaseFile file = logged(TestPacks.trustLike(), "complaint", "2026-11-23T10:00", "Point");
        ok(file.respond(List.of(new PointDecision(1, Outcome.UPHELD, "yes")), "Put right", List.of(
                new Action("Repair the boiler", LocalDate.parse("2027-01-08"), "repairs")), at("2026-11-30T10:00"), "m", ENGLAND));
        List<CaseEvent> events = file.pendingEvents();
        assertThat(events.get(1).payload()).isEqualTo(new Acknowledged(1, null, true));
        assertThat(events.get(1).reason()).isEqualTo("acknowledged by the response");
        assertThat(stored(events.get(1))).isEqualTo(new Acknowledged(1, null, true));
        assertThat(last(file)).isEqualTo(new StageResponded(1, false, List.of(new PointOutcome(1, Outcome.UPHELD)), 1, "housing-ombudsman"));
        ok(file.close(new Satisfaction(true, false, "took too long"), "done", at("2026-12-01T10:00"), "m", ENGLAND));
        assertThat(last(file)).isEqualTo(new Closed(1, true, false, 1));
        assertThat(stored(file.pendingEvents().get(file.pendingEvents().size() - 1))).isEqualTo(new Closed(1, true, false, 1));
    }

    @Test
    void aStepADeclineAndAnAcceptedEscalationRecordTheirFacts() {
        CaseFile file = logged(TestPacks.trustLike(), "complaint", "2026-11-23T10:00", "Point");
        ok(file.respond(List.of(new PointDecision(1, Outcome.NOT_UPHELD, "no fault")), "No fault", List.of(), at("2026-12-01T10:00"), "m", ENGLAND));
        ok(file.requestEscalation(null, at("2026-12-02T10:00"), at("2026-12-02T10:00"), null, null, null, "o", ENGLAND));
        ok(file.acceptEscalation(at("2026-12-03T10:00"), "b", ENGLAND));
        assertThat(last(file)).isEqualTo(new Acknowledged(2, "escalation accepted", false));
        ok(file.recordStep("case-conference", "Handled fairly", at("2026-12-09T10:00"), "panel"));
        assertThat(last(file)).isEqualTo(new StepRecorded("case-conference", "CASE_CONFERENCE", 2));

        CaseFile declined = logged(TestPacks.trustLike(), "complaint", "2026-11-23T10:00", "Point");
        ok(declined.decline(DeclineGround.OUT_OF_SCOPE, "employment", null, "a staff grievance", new Decider("manager", java.util.Set.of()),
                at("2026-11-24T10:00"), "o"));
        assertThat(last(declined)).isEqualTo(new Declined(DeclineGround.OUT_OF_SCOPE, "employment", "manager", "S0-3", "housing-ombudsman",
                "HR grievance procedure"));
        for (CaseEvent event : declined.pendingEvents()) {
            assertThat(stored(event)).isEqualTo(event.payload());
        }
    }

    @Test
    void aHistoryRowWrittenBeforeTheFactsWereTypedReadsAsItsFact() {
        // as the store reads a row written by the earlier CaseFile: type string, reason and JSON details
        Map<String, Object> details = JSON.readValue("""
                {"stage": 1, "final": false, "points": ["1: UPHELD", "2: NOT_UPHELD"], "actions": 2, "ombudsman": "housing-ombudsman"}
                """, new TypeReference<Map<String, Object>>() {
        });
        CaseEvent row = new CaseEvent(7, "responded", Instant.parse("2026-12-07T16:00:00Z"), "sam", "Sorry", details);
        assertThat(row.payload()).isEqualTo(new StageResponded(1, false, List.of(new PointOutcome(1, Outcome.UPHELD),
                new PointOutcome(2, Outcome.NOT_UPHELD)), 2, "housing-ombudsman"));

        CaseEvent extended = new CaseEvent(3, "extended", Instant.parse("2026-12-01T10:00:00Z"), "sam", "complex", JSON.readValue("""
                {"clock": "respond", "stage": 1, "amount": 10, "unit": "WORKING_DAYS", "previousDue": "2026-12-07",
                 "newDue": "2026-12-21", "complainantAgreed": false, "tellOmbudsman": true}
                """, new TypeReference<Map<String, Object>>() {
        }));
        assertThat(extended.payload()).isEqualTo(new Extended("respond", 1, 10, ClockUnit.WORKING_DAYS, LocalDate.parse("2026-12-07"),
                LocalDate.parse("2026-12-21"), false, true, null, null));

        CaseEvent acknowledged = new CaseEvent(2, "acknowledged", Instant.parse("2026-12-07T16:00:00Z"), "sam",
                "acknowledged by the response", Map.of("stage", 1));
        assertThat(acknowledged.payload()).isEqualTo(new Acknowledged(1, null, true));

        CaseEvent unknown = new CaseEvent(9, "something-new", Instant.parse("2026-12-07T16:00:00Z"), "sam", null, Map.of("x", 1));
        assertThat(unknown.payload()).isEqualTo(new Unread("something-new", Map.of("x", 1)));
        assertThat(unknown.payload().type()).isEqualTo("something-new");
    }

    @Test
    void theStoredDetailsAreTheOnesTheHistoryAlwaysShowed() {
        CaseFile file = logged(TestPacks.trustLike(), "complaint", "2026-11-23T10:00", "Point");
        ok(file.respond(List.of(new PointDecision(1, Outcome.UPHELD, "yes")), "Put right", List.of(), at("2026-11-30T10:00"), "m", ENGLAND));
        CaseEvent responded = file.pendingEvents().get(file.pendingEvents().size() - 1);
        assertThat(responded.type()).isEqualTo("responded");
        assertThat(responded.details()).isEqualTo(Map.of("stage", 1, "final", false, "points", List.of("1: UPHELD"), "actions", 0,
                "ombudsman", "housing-ombudsman"));
        assertThat(file.pendingEvents().get(0).details()).isEqualTo(Map.of("recordType", "complaint", "channel", "PHONE",
                "receivedAt", at("2026-11-23T10:00").toString(), "packVersion", "trust-like v1"));
    }
}
