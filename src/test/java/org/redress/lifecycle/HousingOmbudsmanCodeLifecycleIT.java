package org.redress.lifecycle;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.testing.Api;
import org.redress.testing.CaseOnFile;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.redress.testing.Cases.notUpheld;
import static org.redress.testing.Cases.upheld;

/**
 * The reference pack {@code housing-ombudsman-code-2024}: a landlord following the Housing Ombudsman Complaint Handling
 * Code 2024 exactly (REGULATIONS.md; R-1), told as one resident's story from first contact to the Ombudsman. It runs
 * in an organisation of its own that runs a copy of the pack. Dates were counted by hand on the England and Wales
 * calendar (GOV.UK's bank holidays): Christmas Day Fri 25 Dec 2026, Boxing Day (substitute) Mon 28 Dec 2026, New Year's
 * Day Fri 1 Jan 2027, Good Friday 26 Mar 2027, Easter Monday 29 Mar 2027. "Day 0" is the day a clock starts.
 */
class HousingOmbudsmanCodeLifecycleIT extends LifecycleSupport {

    String landlord;

    @BeforeEach
    void aLandlordFollowingTheCode() {
        landlord = cases().anOrganisationRunning("housing-ombudsman-code-2024", "Repairs");
    }

    @Test
    void aResidentsComplaintMadeAtChristmasGoesThroughTwoStagesWithEveryCodeTimescaleToTheOmbudsman() {
        // Monday 21 December 2026: Rhys phones about damp in his bathroom that a repair did not fix (Code 1.2).
        itIs("2026-12-21T09:30");
        CaseOnFile c = cases().aComplaint().through("PHONE").receivedOn(LocalDate.of(2026, 12, 21)).by("Rhys Resident")
                .onServiceLine("housing").points("The damp in my bathroom came back after the repair").in(landlord);
        // Code 6.2: acknowledged within 5 working days of receipt: 22, 23, 24, then Christmas Day, the weekend and the
        // Boxing Day substitute skipped, then 29 and 30 December.
        assertThat(due(c, "acknowledge", 1)).isEqualTo("2026-12-30");
        assertThat(explanation(c, "acknowledge", 1)).endsWith("Due by the end of Wed 30 Dec 2026: 5 working days after Mon 21 Dec 2026 "
                + "in the England and Wales calendar (the start day is day 0), skipping Fri 25 Dec 2026 (Christmas Day), Sat 26 Dec 2026 "
                + "(Saturday), Sun 27 Dec 2026 (Sunday), Mon 28 Dec 2026 (Boxing Day (substitute day)).");

        // Tuesday 22 December: acknowledged. Code 6.3: 10 working days from the acknowledgement: 23, 24, 29, 30, 31
        // December, New Year's Day skipped, 4-8 January.
        itIs("2026-12-22T10:00");
        c.acknowledge();
        assertThat(due(c, "respond", 1)).isEqualTo("2027-01-08");
        assertThat(body(c, "ACKNOWLEDGEMENT")).contains("We will send you our Stage 1 response by Friday 8 January 2027.");
        // Code 5.6: the landlord's understanding of the complaint and the outcome the resident wants.
        c.act("understanding", "{\"understanding\":\"The bathroom is damp again two weeks after the repair\","
                + "\"outcomeWanted\":\"a lasting repair\"}");
        // The complaints officer owns stage 1 and must hold that role (issue 22). Olu may also handle stage 2, but not
        // this complaint's (Code 6.13, below).
        member(landlord, "olu.officer", "complaints-officer", "stage-2-handler");
        member(landlord, "sal.senior", "stage-2-handler");
        c.assignTo("olu.officer");

        // Tuesday 5 January 2027: the damp survey is not back. Code 6.4-6.5: an extension of at most 10 working days,
        // explained, with the Ombudsman's details.
        itIs("2027-01-05T10:00");
        assertThat(refused(c.attempt("extend", extend("respond", 11, "the damp survey is not back"))))
                .isEqualTo("an extension of the Stage 1 response clock may add at most 10 working days, not 11: Code 6.4-6.5");
        assertThat(refusedField(c.attempt("extend", "{\"clock\":\"respond\",\"amount\":10}"))).isEqualTo("reason");
        c.act("extend", extend("respond", 10, "the damp survey is not back"));
        // Ten working days from Fri 8 January: 11-15 and 18-22 January.
        assertThat(due(c, "respond", 1)).isEqualTo("2027-01-22");
        assertThat(body(c, "EXTENSION")).contains("Why: the damp survey is not back",
                "We will now respond by Friday 22 January 2027 (we had said Friday 8 January 2027).",
                "If you are unhappy with this new date, you can contact the Housing Ombudsman Service:",
                "Phone: 0300 111 3000", "Email: info@housing-ombudsman.org.uk", "Website: https://www.housing-ombudsman.org.uk");
        // Code 6.4: a further extension needs a good reason, clearly explained to the resident.
        itIs("2027-01-20T10:00");
        assertThat(refusedField(c.attempt("extend", "{\"clock\":\"respond\",\"amount\":5}"))).isEqualTo("reason");
        c.act("extend", extend("respond", 5, "the surveyor found a leak behind the wall that needs a second visit"));
        // Five working days from Fri 22 January: 25-29 January.
        assertThat(due(c, "respond", 1)).isEqualTo("2027-01-29");

        // Wednesday 27 January: the stage 1 response (Code 6.7): the stage, each decision with reasons, how to escalate.
        itIs("2027-01-27T15:00");
        c.respond("We will replace the leaking pipe and treat the wall.", upheld(1, "the first repair missed the leak"));
        assertThat(body(c, "STAGE_RESPONSE")).contains("This is our Stage 1 response to your complaint " + c.reference() + ".",
                "Our decision: upheld (we agree we got this wrong)\n   Why: the first repair missed the leak",
                "If you are not happy with this response, you can ask us to take your complaint to Stage 2 (final).");

        // Monday 1 February: Rhys escalates; no reason is needed (Code 6.12). Code 6.11: acknowledged within 5 working
        // days of the request: 2-5 and 8 February.
        itIs("2027-02-01T09:00");
        c.askToEscalate();
        assertThat(c.json().get("stageName").asString()).isEqualTo("Stage 2 (final)");
        assertThat(due(c, "acknowledge", 2)).isEqualTo("2027-02-08");
        // Code 6.13: the stage 2 handler is not the stage 1 handler.
        Api.Response sameHandler = c.attempt("assign", "{\"owner\":\"olu.officer\"}");
        assertThat(refusedField(sameHandler)).isEqualTo("owner");
        assertThat(refused(sameHandler)).startsWith("the Stage 2 (final) handler must not be the person who handled Stage 1 (olu.officer)");
        c.assignTo("sal.senior");

        // Wednesday 3 February: acknowledged. Code 6.14: 20 working days from the acknowledgement: 4, 5, 8-12, 15-19,
        // 22-26 February, 1-3 March.
        itIs("2027-02-03T09:00");
        c.acceptEscalation();
        assertThat(due(c, "respond", 2)).isEqualTo("2027-03-03");
        assertThat(body(c, "ESCALATION_ACKNOWLEDGEMENT")).contains("We will send you our Stage 2 (final) response by Wednesday 3 March 2027.");

        // Monday 1 March: Code 6.15: a stage 2 extension of at most 20 working days (the [?] figure of REGULATIONS.md,
        // which the pack keeps as data). Twenty from Wed 3 March: 4, 5, 8-12, 15-19, 22-25 March, Good Friday and
        // Easter Monday skipped, 30 March-2 April.
        itIs("2027-03-01T09:00");
        assertThat(refused(c.attempt("extend", extend("respond", 21, "the contractor's report is late"))))
                .isEqualTo("an extension of the Stage 2 response clock may add at most 20 working days, not 21: Code 6.15-6.16 [?]");
        c.act("extend", extend("respond", 20, "the contractor's report is late"));
        assertThat(due(c, "respond", 2)).isEqualTo("2027-04-02");
        assertThat(explanation(c, "respond", 2)).contains("Fri 26 Mar 2027 (Good Friday)", "Mon 29 Mar 2027 (Easter Monday)");

        // Wednesday 31 March: the final response, with the Ombudsman's name and contact details (Code 6.7, 2.4).
        itIs("2027-03-31T12:00");
        c.respond("The pipe is replaced and the wall treated; we will check it again in three months.", upheld(1, "confirmed"));
        assertThat(status(c, "respond", 2)).isEqualTo("MET");
        assertThat(body(c, "FINAL_RESPONSE")).contains(
                "This is our final response to your complaint " + c.reference() + ". It is the last stage of our complaints procedure (Stage 2 (final)).",
                "You can ask the Housing Ombudsman Service to look at your complaint. It is free and independent.",
                "Phone: 0300 111 3000", "Email: info@housing-ombudsman.org.uk", "Website: https://www.housing-ombudsman.org.uk");
        // Code 5.1, 6.10: exactly two stages.
        assertThat(refused(c.attempt("escalation-request", "{}")))
                .startsWith("Stage 2 (final) is the final stage of this procedure; the complainant may go to Housing Ombudsman Service");

        // TSM TP09: satisfaction with complaint handling is asked before the case closes.
        itIs("2027-04-01T09:00");
        assertThat(refusedField(c.attempt("close", "{}"))).isEqualTo("satisfaction");
        c.act("close", "{\"satisfaction\":{\"withHandling\":true,\"withOutcome\":true}}");
        assertThat(c.json().get("status").asString()).isEqualTo("CLOSED");
        assertThat(letterKinds(c)).containsExactly("ACKNOWLEDGEMENT", "EXTENSION", "EXTENSION", "STAGE_RESPONSE",
                "ESCALATION_ACKNOWLEDGEMENT", "EXTENSION", "FINAL_RESPONSE");
    }

    @Test
    void aComplaintAboutAnIssueOlderThanTwelveMonthsIsDeclinedInWritingWithTheRightToGoToTheOmbudsman() {
        // Code 2.3-2.4: a complaint may be declined for an issue older than 12 months (with discretion to accept it);
        // the refusal is explained in writing with the right to go to the Ombudsman.
        itIs("2027-01-11T10:00");
        CaseOnFile c = cases().aComplaint().through("EMAIL").by("Rhian Resident").onServiceLine("housing")
                .with("awareSince", "2025-09-01").points("A fence was not repaired in 2025").in(landlord);
        Api.Response noReasons = c.attempt("decline", "{\"ground\":\"TIME_LIMIT\"}");
        assertThat(refusedField(noReasons)).isEqualTo("reasons");
        c.act("decline", "{\"ground\":\"TIME_LIMIT\",\"reasons\":\"You first told us about the fence in September 2025, more than "
                + "12 months ago, and nothing has changed since\"}");
        assertThat(c.json().get("status").asString()).isEqualTo("DECLINED");
        assertThat(body(c, "DECLINE")).contains(
                "We have decided that we cannot consider it under our complaints procedure.",
                "Why: You first told us about the fence in September 2025, more than 12 months ago, and nothing has changed since",
                "If you disagree with this decision, you can ask the Housing Ombudsman Service to look at it. It is free and independent.",
                "Phone: 0300 111 3000", "Email: info@housing-ombudsman.org.uk");
        // issue 22: decline at any point changes this story (today a complaint can be declined only before any response)
    }
}
