package org.redress.casework;

import org.junit.jupiter.api.Test;
import org.redress.testing.Api;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One narrated journey per shipped pack, through the REST API, asserting every due date on the way
 * (England and Wales working days; the clock is moved as the story goes).
 */
class CaseLifecycleIT extends CaseApiSupport {

    @Test
    void anAllianceHomesComplaintGoesThroughBothStagesAndTheCaseConference() {
        clock.setUk("2026-11-23T09:30");
        JsonNode c = create("alliance-homes", complaint("complaint", "2026-11-23T09:00:00Z", "housing",
                "Repair appointment missed twice", "Nobody called back"));
        assertThat(c.get("reference").asString()).matches("AH-2026-\\d{6}");
        assertThat(c.get("pack").get("id").asString()).isEqualTo("alliance-homes");
        // acknowledged within 5 working days
        assertThat(due(c, "acknowledge", 1)).isEqualTo("2026-11-30");
        assertThat(clock(c, "acknowledge", 1).get("explanation").asString()).contains("5 working days after Mon 23 Nov 2026");

        clock.setUk("2026-11-25T10:00");
        c = act("alliance-homes", c, "acknowledge", "{\"method\":\"email\"}");
        assertThat(clock(c, "acknowledge", 1).get("status").asString()).isEqualTo("MET");
        // stage 1 response within 10 working days
        assertThat(due(c, "respond", 1)).isEqualTo("2026-12-09");

        clock.setUk("2026-12-08T11:00");
        // an extension is agreed with the complainant
        Api.Response unagreed = attempt("alliance-homes", c, "extend", "{\"clock\":\"respond\",\"amount\":10,\"reason\":\"contractor report awaited\"}");
        assertThat(unagreed.status()).isEqualTo(422);
        assertThat(unagreed.json().get("errors").get(0).get("field").asString()).isEqualTo("complainantAgreed");
        c = act("alliance-homes", c, "extend", "{\"clock\":\"respond\",\"amount\":10,\"reason\":\"contractor report awaited\",\"complainantAgreed\":true}");
        assertThat(due(c, "respond", 1)).isEqualTo("2026-12-23");
        c = act("alliance-homes", c, "assign", "{\"owner\":\"sam.manager\"}");

        clock.setUk("2026-12-22T15:00");
        c = act("alliance-homes", c, "respond", """
                {"summary":"We are sorry: the repair is now booked",
                 "points":[{"number":1,"outcome":"UPHELD","reasons":"two appointments were missed"},
                           {"number":2,"outcome":"NOT_UPHELD","reasons":"calls were returned the same day"}],
                 "actions":[{"description":"Repair the boiler","due":"2027-01-08","owner":"repairs"}]}""");
        assertThat(c.get("status").asString()).isEqualTo("RESPONDED");
        assertThat(clock(c, "respond", 1).get("status").asString()).isEqualTo("MET");

        // the complainant escalates, saying what is unresolved and what they want
        clock.setUk("2027-01-04T10:00");
        c = act("alliance-homes", c, "escalation-request", "{\"unresolved\":\"boiler still broken\",\"outcomeWanted\":\"compensation\"}");
        assertThat(c.get("stage").asInt()).isEqualTo(2);
        assertThat(due(c, "acknowledge", 2)).isEqualTo("2027-01-11");
        Api.Response sameHandler = attempt("alliance-homes", c, "assign", "{\"owner\":\"sam.manager\"}");
        assertThat(sameHandler.status()).isEqualTo(422);
        c = act("alliance-homes", c, "assign", "{\"owner\":\"fay.feedback\"}");

        clock.setUk("2027-01-06T09:00");
        c = act("alliance-homes", c, "accept-escalation", "{}");
        // stage 2 response within 20 working days
        assertThat(due(c, "respond", 2)).isEqualTo("2027-02-03");

        clock.setUk("2027-01-27T09:00");
        String finalResponse = """
                {"summary":"Final response: £150 for the missed appointments",
                 "points":[{"number":1,"outcome":"UPHELD","reasons":"confirmed"},{"number":2,"outcome":"NOT_UPHELD","reasons":"confirmed"}]}""";
        Api.Response early = attempt("alliance-homes", c, "respond", finalResponse);
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.json().get("detail").asString()).contains("case-conference", "A-8");
        c = act("alliance-homes", c, "steps", "{\"step\":\"case-conference\",\"note\":\"Fairly handled; agree £150\"}");
        c = act("alliance-homes", c, "steps", "{\"step\":\"adverse-findings\",\"note\":\"Complainant invited to comment by 25 Jan; no comment received\"}");
        // the method and frequency of contact are agreed and recorded before the final response
        Api.Response unagreedContact = attempt("alliance-homes", c, "respond", finalResponse);
        assertThat(unagreedContact.status()).isEqualTo(422);
        assertThat(unagreedContact.json().get("detail").asString()).isEqualTo("record the method and frequency of contact agreed with"
                + " the complainant before the Stage 2 (final) response: A-6, A-7; 001 Escalation, Stage 2");
        c = act("alliance-homes", c, "contact-arrangement", "{\"method\":\"phone\",\"frequency\":\"every Friday\"}");
        assertThat(c.get("stages").get(1).get("contactArrangement").get("method").asString()).isEqualTo("phone");
        assertThat(c.get("stages").get(1).get("contactArrangement").get("frequency").asString()).isEqualTo("every Friday");
        c = act("alliance-homes", c, "respond", finalResponse);
        assertThat(c.get("allowedActions").toString()).doesNotContain("escalation-request");
        c = act("alliance-homes", c, "close", "{\"note\":\"resolved\"}");
        assertThat(c.get("status").asString()).isEqualTo("CLOSED");
        assertThat(c.get("history")).extracting(e -> e.get("type").asString()).containsExactly("logged", "acknowledged", "extended",
                "assigned", "responded", "escalation-requested", "assigned", "acknowledged", "step-recorded", "step-recorded",
                "contact-arranged", "responded", "closed");
    }

    @Test
    void theTrustCountsFromLoggingAndRefusesEscalationAfterTenWorkingDays() {
        clock.setUk("2026-11-23T14:00");
        JsonNode c = create("the-trust", complaint("complaint", "2026-11-23T13:00:00Z", null, "Support worker missed visits"));
        assertThat(c.get("reference").asString()).startsWith("TT-2026-");
        // T-6: logged and acknowledged within 5 working days of receipt; T-7: respond within 10 working days of logging
        assertThat(due(c, "acknowledge", 1)).isEqualTo("2026-11-30");
        assertThat(due(c, "respond", 1)).isEqualTo("2026-12-07");

        clock.setUk("2026-11-24T10:00");
        c = act("the-trust", c, "acknowledge", "{}");
        c = act("the-trust", c, "assign", "{\"owner\":\"ian.investigator\"}");
        // T-7: a complex case may be extended by up to 10 more working days, with the reason
        assertThat(attempt("the-trust", c, "extend", "{\"clock\":\"respond\",\"amount\":12,\"reason\":\"complex\"}").status()).isEqualTo(422);
        c = act("the-trust", c, "extend", "{\"clock\":\"respond\",\"amount\":10,\"reason\":\"we need the support plan records\"}");
        assertThat(due(c, "respond", 1)).isEqualTo("2026-12-21");

        clock.setUk("2026-12-04T16:00");
        c = act("the-trust", c, "respond", """
                {"summary":"One visit was missed; we apologise",
                 "points":[{"number":1,"outcome":"PARTLY_UPHELD","reasons":"one of the two visits was missed"}]}""");
        // T-8: escalation within 10 working days of the stage 1 decision letter
        assertThat(c.get("escalationWindow").get("closesOn").asString()).isEqualTo("2026-12-18");

        clock.setUk("2026-12-21T09:00");
        Api.Response late = attempt("the-trust", c, "escalation-request", "{\"unresolved\":\"still unhappy\"}");
        assertThat(late.status()).isEqualTo(422);
        assertThat(late.json().get("detail").asString()).startsWith("escalation window closed on 2026-12-18: T-8");
        assertThat(api().get(path("the-trust", c)).json().get("stage").asInt()).isEqualTo(1);

        c = act("the-trust", c, "escalation-request", "{\"unresolved\":\"still unhappy\",\"lateAcceptedBecause\":\"client was in hospital\"}");
        // T-8: the request is acknowledged within 5 working days; T-9: 20 working days from logging the escalation
        assertThat(due(c, "acknowledge", 2)).isEqualTo("2026-12-30");
        assertThat(due(c, "respond", 2)).isEqualTo("2027-01-21");
        assertThat(c.get("allowedActions").toString()).contains("refuse-escalation");
        // T-9: stage 2 is investigated by the Business Manager, not the stage 1 investigator
        assertThat(attempt("the-trust", c, "assign", "{\"owner\":\"ian.investigator\"}").status()).isEqualTo(422);
        c = act("the-trust", c, "assign", "{\"owner\":\"bea.business\"}");
        clock.setUk("2026-12-22T09:00");
        c = act("the-trust", c, "accept-escalation", "{}");
        clock.setUk("2027-01-14T12:00");
        c = act("the-trust", c, "respond", """
                {"summary":"Final: we have changed the visit rota","points":[{"number":1,"outcome":"UPHELD","reasons":"both visits were missed"}]}""");
        assertThat(clock(c, "respond", 2).get("status").asString()).isEqualTo("MET");
        c = act("the-trust", c, "close", "{}");
        assertThat(c.get("status").asString()).isEqualTo("CLOSED");
    }

    @Test
    void twoFourSevenAllianceRespondsWithinFortyEightClockHoursAcrossTheClockChange() {
        clock.setUk("2026-10-23T16:30");
        JsonNode c = create("247-alliance", complaint("complaint", "2026-10-23T15:00:00Z", null, "Cleaner did not attend"));
        assertThat(c.get("reference").asString()).startsWith("TFA-2026-");
        // S0-5: acknowledge within 24 hours; S0-7: respond within 48 hours (BST ends at 02:00 on Sunday 25 October)
        assertThat(clock(c, "acknowledge", 1).get("dueBy").asString()).isEqualTo("2026-10-24T15:00:00Z");
        assertThat(clock(c, "respond", 1).get("dueBy").asString()).isEqualTo("2026-10-25T15:00:00Z");
        assertThat(clock(c, "respond", 1).get("explanation").asString()).contains("15:00 GMT on Sun 25 Oct 2026", "16:00 BST on Fri 23 Oct 2026");

        clock.setUk("2026-10-24T10:00");
        c = act("247-alliance", c, "acknowledge", "{}");
        assertThat(clock(c, "acknowledge", 1).get("status").asString()).isEqualTo("MET");
        // S0-7: an anticipated delay is explained to the client, with the reason recorded
        clock.setUk("2026-10-25T10:00");
        assertThat(attempt("247-alliance", c, "extend", "{\"clock\":\"respond\",\"amount\":24}").status()).isEqualTo(422);
        c = act("247-alliance", c, "extend", "{\"clock\":\"respond\",\"amount\":24,\"reason\":\"site supervisor away until Monday\"}");
        assertThat(clock(c, "respond", 1).get("dueBy").asString()).isEqualTo("2026-10-26T15:00:00Z");
        clock.setUk("2026-10-26T11:00");
        c = act("247-alliance", c, "respond", "{\"summary\":\"The clean was redone\",\"points\":[{\"number\":1,\"outcome\":\"UPHELD\",\"reasons\":\"rota error\"}]}");
        assertThat(clock(c, "respond", 1).get("status").asString()).isEqualTo("MET");
        c = act("247-alliance", c, "close", "{}");
        assertThat(c.get("status").asString()).isEqualTo("CLOSED");

        // S0-2: an issue/concern is resolved within 48 hours, outside the formal stages
        JsonNode issue = create("247-alliance", complaint("issue-concern", "2026-10-23T15:00:00Z", null));
        assertThat(issue.get("stage").asInt()).isZero();
        assertThat(clock(issue, "resolve", 0).get("dueBy").asString()).isEqualTo("2026-10-25T15:00:00Z");
        assertThat(clock(issue, "resolve", 0).get("status").asString()).isEqualTo("OVERDUE");
    }

    @Test
    void helpingOurFutureRunsThreeStepsAndAsksAboutSatisfactionAtClosure() {
        clock.setUk("2026-11-23T09:00");
        JsonNode c = create("helping-our-future", complaint("complaint", "2026-11-23T09:00:00Z", null, "Staff attitude"));
        // H-10 with the Code's figures assumed (003 gives none): 5 working days to acknowledge
        assertThat(due(c, "acknowledge", 1)).isEqualTo("2026-11-30");
        clock.setUk("2026-11-24T09:00");
        c = act("helping-our-future", c, "acknowledge", "{}");
        assertThat(due(c, "respond", 1)).isEqualTo("2026-12-08");
        c = act("helping-our-future", c, "extend", "{\"clock\":\"respond\",\"amount\":5,\"reason\":\"the staff member is on leave\"}");
        assertThat(due(c, "respond", 1)).isEqualTo("2026-12-15");
        String decision = "{\"summary\":\"Reviewed\",\"points\":[{\"number\":1,\"outcome\":\"NOT_UPHELD\",\"reasons\":\"no evidence\"}]}";
        clock.setUk("2026-12-14T09:00");
        c = act("helping-our-future", c, "respond", decision);

        clock.setUk("2026-12-15T09:00");
        c = act("helping-our-future", c, "escalation-request", "{}");
        assertThat(due(c, "acknowledge", 2)).isEqualTo("2026-12-22");
        clock.setUk("2026-12-16T09:00");
        c = act("helping-our-future", c, "accept-escalation", "{}");
        assertThat(due(c, "respond", 2)).isEqualTo("2027-01-18");
        clock.setUk("2027-01-11T09:00");
        c = act("helping-our-future", c, "respond", decision);

        clock.setUk("2027-01-12T09:00");
        c = act("helping-our-future", c, "escalation-request", "{\"unresolved\":\"wants a review panel\"}");
        // H-10: step 3 is a review by a panel
        assertThat(c.get("stage").asInt()).isEqualTo(3);
        assertThat(due(c, "acknowledge", 3)).isEqualTo("2027-01-19");
        clock.setUk("2027-01-13T09:00");
        c = act("helping-our-future", c, "accept-escalation", "{}");
        assertThat(due(c, "respond", 3)).isEqualTo("2027-02-10");
        clock.setUk("2027-02-09T09:00");
        c = act("helping-our-future", c, "respond", decision);
        Api.Response noSurvey = attempt("helping-our-future", c, "close", "{}");
        assertThat(noSurvey.status()).isEqualTo(422);
        assertThat(noSurvey.json().get("detail").asString()).contains("H-7");
        c = act("helping-our-future", c, "close", "{\"satisfaction\":{\"withHandling\":true,\"withOutcome\":false,\"reasons\":\"not upheld\"}}");
        assertThat(c.get("satisfaction").get("withOutcome").asBoolean()).isFalse();
    }
}
