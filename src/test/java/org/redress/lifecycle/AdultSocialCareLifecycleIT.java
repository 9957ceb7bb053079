package org.redress.lifecycle;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.accounts.Accounts;
import org.redress.accounts.Role;
import org.redress.accounts.Team;
import org.redress.testing.CaseOnFile;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.redress.testing.Cases.partlyUpheld;

/**
 * The reference pack {@code adult-social-care-2009}: a council's adult social care complaints under the Local Authority
 * Social Services and NHS Complaints (England) Regulations 2009 (SI 2009/309; REGULATIONS.md; R-4), told as one
 * service user's story from first contact to the Local Government and Social Care Ombudsman: acknowledged within 3
 * working days, one stage, a response within 6 months of receipt or a longer time agreed with the complainant. It runs
 * in an organisation of its own that runs a copy of the pack. Dates were counted by hand on the England and Wales
 * calendar (GOV.UK's bank holidays): Christmas Day Fri 25 Dec 2026, Boxing Day (substitute) Mon 28 Dec 2026, New Year's
 * Day Fri 1 Jan 2027. "Day 0" is the day a clock starts.
 */
class AdultSocialCareLifecycleIT extends LifecycleSupport {

    @Autowired
    Accounts accounts;
    @Autowired
    Team team;

    String council;

    @BeforeEach
    void aCouncilFollowingTheRegulations() {
        council = cases().anOrganisationRunning("adult-social-care-2009", "Home care");
        accounts.ensure("cam.manager", "Cam Manager", "social-care-lifecycle-password", false, Map.of(council, Role.COMPLAINT_MANAGEMENT_OFFICER));
    }

    @Test
    void aComplaintAboutMissedCareVisitsMadeOnChristmasEveIsAnsweredInOneStageWithinAnAgreedTimeThenTheOmbudsman() {
        // Thursday 24 December 2026: Carys's daughter phones; the carers missed her mother's visits twice this week.
        itIs("2026-12-24T09:30");
        CaseOnFile c = cases().aComplaint().through("PHONE").receivedOn(LocalDate.of(2026, 12, 24)).by("Carys Cole")
                .onServiceLine("adult-social-care").points("The carers missed two visits").in(council);
        assertThat(c.json().get("stageName").asString()).isEqualTo("Investigation and response (single stage)");
        // SI 2009/309: acknowledged within 3 working days: Christmas Day, the weekend and the Boxing Day substitute
        // skipped, then Tue 29, Wed 30 and Thu 31 December.
        assertThat(due(c, "acknowledge", 1)).isEqualTo("2026-12-31");
        assertThat(explanation(c, "acknowledge", 1)).endsWith("Due by the end of Thu 31 Dec 2026: 3 working days after Thu 24 Dec 2026 "
                + "in the England and Wales calendar (the start day is day 0), skipping Fri 25 Dec 2026 (Christmas Day), Sat 26 Dec 2026 "
                + "(Saturday), Sun 27 Dec 2026 (Sunday), Mon 28 Dec 2026 (Boxing Day (substitute day)).");
        // The response within 6 months of receipt (the pack's assumption: the regulations give no anchor).
        assertThat(due(c, "respond", 1)).isEqualTo("2027-06-24");
        assertThat(explanation(c, "respond", 1)).endsWith("Due by the end of Thu 24 Jun 2027: 6 calendar months after Thu 24 Dec 2026.");

        // Wednesday 30 December: acknowledged, on the second working day.
        itIs("2026-12-30T10:00");
        c.acknowledge();
        assertThat(status(c, "acknowledge", 1)).isEqualTo("MET");
        assertThat(body(c, "ACKNOWLEDGEMENT")).contains(
                "We have received your complaint and our reference is " + c.reference() + ".",
                "We will send you our Investigation and response (single stage) response by Thursday 24 June 2027.");
        // SI 2009/309: the complaints manager handles the complaint; Cam may own it once the council names him one.
        assertThat(refused(c.attempt("assign", "{\"owner\":\"cam.manager\"}"))).isEqualTo("cam.manager does not hold the role of "
                + "Complaints manager, which owns Investigation and response (single stage) (an administrator gives it on the team page): R-4: one stage");
        team.setPackRoles(council, "cam.manager", List.of("complaints-manager"));
        c.assignTo("cam.manager");
        assertThat(c.json().get("stages").get(0).get("owner").asString()).isEqualTo("cam.manager");

        // Tuesday 1 June 2027: the care provider's visit records are late. A longer period needs the complainant's
        // agreement and a reason.
        itIs("2027-06-01T10:00");
        assertThat(refusedField(c.attempt("extend", extend("respond", 1, "the provider's visit records are late"))))
                .isEqualTo("complainantAgreed");
        assertThat(refused(c.attempt("extend", extend("respond", 1, "the provider's visit records are late")))).isEqualTo(
                "the complainant must agree to this extension (a longer period agreed with the complainant; otherwise a written "
                        + "explanation of why the response is late): R-4");
        assertThat(refusedField(c.attempt("extend", "{\"clock\":\"respond\",\"amount\":1,\"complainantAgreed\":true}"))).isEqualTo("reason");
        c.act("extend", extendAgreed("respond", 1, "the provider's visit records are late"));
        // One calendar month from Thu 24 June: Sat 24 July 2027 (calendar months count every day, weekends included).
        assertThat(due(c, "respond", 1)).isEqualTo("2027-07-24");
        assertThat(explanation(c, "respond", 1)).endsWith("Extended on Tue 1 Jun 2027 by 1 calendar month (the provider's visit records "
                + "are late, agreed with the complainant): now due by the end of Sat 24 Jul 2027: 1 calendar month after Thu 24 Jun 2027.");
        assertThat(body(c, "EXTENSION")).contains("Why: the provider's visit records are late",
                "We will now respond by Saturday 24 July 2027 (we had said Thursday 24 June 2027). Thank you for agreeing to this.");

        // Thursday 15 July 2027: the response, the only stage, so it is the final response naming the Local Government
        // and Social Care Ombudsman with its contact details.
        itIs("2027-07-15T10:00");
        c.respond("The provider has changed the rota and will phone if a carer is running late.", partlyUpheld(1, "two visits were missed"));
        assertThat(status(c, "respond", 1)).isEqualTo("MET");
        assertThat(body(c, "FINAL_RESPONSE")).contains(
                "This is our final response to your complaint " + c.reference() + ". It is the last stage of our complaints procedure "
                        + "(Investigation and response (single stage)).",
                "1. The carers missed two visits\n   Our decision: partly upheld (we got some of this wrong)\n   Why: two visits were missed",
                "You can ask the Local Government and Social Care Ombudsman to look at your complaint. It is free and independent.",
                "Phone: 0300 061 0614", "Website: https://www.lgo.org.uk");
        // One stage: there is nothing to escalate to; the next step is the Ombudsman.
        assertThat(refused(c.attempt("escalation-request", "{}"))).isEqualTo(
                "Investigation and response (single stage) is the final stage of this procedure; the complainant may go to "
                        + "Local Government and Social Care Ombudsman: R-4: one stage");

        itIs("2027-07-16T09:00");
        c.close();
        assertThat(c.json().get("status").asString()).isEqualTo("CLOSED");
        assertThat(letterKinds(c)).containsExactly("ACKNOWLEDGEMENT", "EXTENSION", "FINAL_RESPONSE");
    }

    @Test
    void aComplaintMadeMoreThanTwelveMonthsAfterTheEventIsDeclinedInWritingWithTheRightToGoToTheOmbudsman() {
        // a complaint made more than 12 months after the complainant became aware of the matter may be declined;
        // the decision is given in writing, with reasons, and the right to go to the Ombudsman.
        itIs("2027-01-11T10:00");
        CaseOnFile c = cases().aComplaint().through("EMAIL").by("Dai Davies").onServiceLine("adult-social-care")
                .with("awareSince", "2025-09-01").points("A care assessment in 2025 was late").in(council);
        assertThat(refused(c.attempt("decline", "{\"ground\":\"TIME_LIMIT\"}")))
                .isEqualTo("a decision not to consider a complaint must give its reasons: T-3");
        c.act("decline", "{\"ground\":\"TIME_LIMIT\",\"reasons\":\"You first told us about the assessment in September 2025, more "
                + "than 12 months ago, and the records needed to investigate are no longer held\"}");
        assertThat(c.json().get("status").asString()).isEqualTo("DECLINED");
        assertThat(status(c, "acknowledge", 1)).isEqualTo("CANCELLED");
        assertThat(status(c, "respond", 1)).isEqualTo("CANCELLED");
        assertThat(body(c, "DECLINE")).contains(
                "We have decided that we cannot consider it under our complaints procedure.",
                "Why: You first told us about the assessment in September 2025, more than 12 months ago, and the records needed to "
                        + "investigate are no longer held",
                "If you disagree with this decision, you can ask the Local Government and Social Care Ombudsman to look at it. It is free and independent.",
                "Phone: 0300 061 0614", "Website: https://www.lgo.org.uk");
        assertThat(letterKinds(c)).containsExactly("DECLINE");
    }
}
