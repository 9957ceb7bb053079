package org.redress.casework;

import org.junit.jupiter.api.Test;
import org.redress.testing.Api;
import org.redress.testing.CaseOnFile;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.redress.testing.Cases.upheld;

/**
 * The routes a complaint takes through the stages its pack lays down (issue 22): a further stage the organisation may
 * keep or drop (F-5), and a stage that may be entered from more than one earlier stage (H-10).
 */
class StagesAndRoutesIT extends CaseApiSupport {

    /** The shipped Alliance Homes pack with 002's review-panel appeal kept, as an organisation may choose. */
    private static String keepingThePanel(String yaml) {
        return yaml.replace("    kept: false ", "    kept: true  ");
    }

    @Test
    void allianceHomesDropsTheReviewPanelSoStageTwoIsFinalAndGoesToTheOmbudsman() { // F-5 dropped (the shipped choice)
        clock.setUk("2026-12-01T09:00");
        String org = cases().anOrganisationLike("alliance-homes");
        CaseOnFile c = throughStageTwo(org);

        assertThat(c.json().get("allowedActions").toString()).doesNotContain("escalation-request");
        Api.Response appeal = c.attempt("escalation-request", "{\"unresolved\":\"I want the panel to look at it\"}");
        assertThat(appeal.status()).isEqualTo(422);
        assertThat(appeal.json().get("detail").asString())
                .isEqualTo("Stage 2 (final) is the final stage of this procedure; the complainant may go to Housing Ombudsman Service: "
                        + "A-6, A-7; 001 Escalation, Stage 2");
        assertThat(api().get("/api/v1/policies/" + org).json().get("stagesNotKept").get(0).get("id").asString())
                .isEqualTo("review-panel-appeal");
    }

    @Test
    void anAllianceHomesPackThatKeepsTheReviewPanelLetsTheComplainantAppealAfterStageTwo() { // F-5 kept
        clock.setUk("2026-12-01T09:00");
        String org = cases().anOrganisationRunning("alliance-homes", StagesAndRoutesIT::keepingThePanel, "Repairs");
        CaseOnFile c = throughStageTwo(org);

        assertThat(c.json().get("allowedActions").toString()).contains("escalation-request");
        clock.setUk("2027-01-04T10:00");
        c.askToEscalate("the panel should review the compensation", "a higher award");
        assertThat(c.json().get("stage").asInt()).isEqualTo(3);
        assertThat(c.json().get("stageName").asString()).isEqualTo("Appeal to the review panel");
        // the panel acknowledges within 5 working days (an assumption from 001's stage 2 and the Code)
        assertThat(due(c.json(), "acknowledge", 3)).isEqualTo("2027-01-11");
        assertThat(api().get("/api/v1/policies/" + org).json().get("stagesNotKept")).isEmpty();
    }

    @Test
    void aHelpingOurFutureComplainantNotHappyWithStepOneMayAskForTheStepThreeReviewStraightAway() { // H-10
        clock.setUk("2026-12-01T09:00");
        String org = cases().anOrganisationLike("helping-our-future");
        CaseOnFile c = cases().aComplaint().receivedOn(LocalDate.of(2026, 12, 1)).in(org);
        c.acknowledge().respond("We apologise for the missed visit", upheld(1, "the visit was missed"));

        clock.setUk("2026-12-07T10:00");
        Api.Response nowhere = c.attempt("escalation-request", "{\"toStage\":\"step-4\"}");
        assertThat(nowhere.status()).isEqualTo(422);
        assertThat(nowhere.json().get("detail").asString()).isEqualTo("from Step 1 a case may go to [step-2 (Step 2), "
                + "step-3-review (Step 3 review by a panel)], not 'step-4': H-10; 003 'the third and final step will be dealt with as a "
                + "review (see appendix 1.3)'");
        c.act("escalation-request", "{\"toStage\":\"step-3-review\",\"unresolved\":\"the outcome\"}");
        assertThat(c.json().get("stage").asInt()).isEqualTo(3);
        assertThat(c.json().get("stages")).extracting(s -> s.get("name").asString()).containsExactly("Step 1", "Step 3 review by a panel");
        assertThat(due(c.json(), "acknowledge", 3)).isEqualTo("2026-12-14");
    }

    @Test
    void aHelpingOurFutureEscalationThatNamesNoStageGoesToStepTwo() { // H-10
        clock.setUk("2026-12-01T09:00");
        String org = cases().anOrganisationLike("helping-our-future");
        CaseOnFile c = cases().aComplaint().receivedOn(LocalDate.of(2026, 12, 1)).in(org);
        c.acknowledge().respond("We apologise", upheld(1, "the visit was missed"));
        c.askToEscalate();
        assertThat(c.json().get("stageName").asString()).isEqualTo("Step 2");
    }

    @Test
    void aHelpingOurFutureComplaintRaisedBeforeInTheLastSixMonthsIsFlaggedWhenLoggedAndWhenChecked() { // H-10 repeat, F-11
        clock.setUk("2026-12-01T09:00");
        String org = cases().anOrganisationLike("helping-our-future");
        String old = cases().aComplaint().receivedOn(LocalDate.of(2026, 5, 29)).by("Rita Again").withEmail("rita.again@example.org")
                .in(org).reference();
        String earlier = cases().aComplaint().receivedOn(LocalDate.of(2026, 9, 1)).by("Rita Again").withEmail("rita.again@example.org")
                .in(org).reference();

        Api.Response checked = cases().aComplaint().receivedOn(LocalDate.of(2026, 12, 1)).by("Rita Again")
                .withEmail("rita.again@example.org").checkIn(org);
        assertThat(checked.status()).isEqualTo(200);
        assertThat(checked.body()).contains("\"kind\":\"REPEAT\"", "in the last 6 months: " + earlier);
        Api.Response logged = cases().aComplaint().receivedOn(LocalDate.of(2026, 12, 1)).by("Rita Again")
                .withEmail("rita.again@example.org").postTo(org);
        assertThat(logged.status()).isEqualTo(201);
        var repeat = logged.json().get("warnings").get(0);
        assertThat(repeat.get("kind").asString()).isEqualTo("REPEAT");
        assertThat(repeat.get("cite").asString()).isEqualTo("H-10; 003 'so long as they have not been raised previously by the user'");
        assertThat(repeat.get("relatedCases")).extracting(r -> r.asString()).containsExactly(earlier).doesNotContain(old);
    }

    static final String AIM = "Aim: resolve without formal investigation by 21:00 GMT on Tue 1 Dec 2026, within 12 hours; "
            + "at the latest by 09:00 GMT on Thu 3 Dec 2026.";

    @Test
    void anIssueOrConcernShowsItsTwelveHourAimBesideItsFortyEightHourDeadline() { // S0-2
        clock.setUk("2026-12-01T09:30");
        CaseOnFile issue = cases().a("issue-concern").receivedAt(java.time.LocalDateTime.of(2026, 12, 1, 9, 0)).in("247-alliance");

        var resolve = clock(issue.json(), "resolve", 0);
        assertThat(resolve.get("dueBy").asString()).isEqualTo("2026-12-03T09:00:00Z");
        assertThat(resolve.get("aim").get("by").asString()).isEqualTo("2026-12-01T21:00:00Z");
        assertThat(resolve.get("aim").get("explanation").asString()).isEqualTo(AIM);
    }

    @Test
    void aHelpingOurFutureComplaintIsLoggedWithOneOfThePolicysCategoriesKeptOnTheCaseAndCountedInTheReport() { // H-1
        clock.setUk("2026-12-01T09:00");
        String org = cases().anOrganisationLike("helping-our-future");
        CaseOnFile late = cases().aComplaint().receivedOn(LocalDate.of(2026, 11, 2)).with("category", "delay").in(org);
        cases().aComplaint().receivedOn(LocalDate.of(2026, 11, 3)).with("category", "delay").in(org);
        cases().aComplaint().receivedOn(LocalDate.of(2026, 11, 4)).with("category", "unfair-treatment").in(org);
        cases().aComplaint().receivedOn(LocalDate.of(2026, 11, 5)).in(org);

        assertThat(late.read().get("classification").get("category").asString()).isEqualTo("delay");
        Api.Response wrong = cases().aComplaint().with("category", "rudeness").postTo(org);
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().get("errors").get(0).get("field").asString()).isEqualTo("category");
        assertThat(wrong.json().get("errors").get(0).get("message").asString()).isEqualTo("must be one of the " + org
                + " policy's complaint categories: [service-failure, legal-or-contractual, unfair-treatment, delay, decision, "
                + "staff-attitude, policies-not-applied-fairly]: H-1");
        assertThat(cases().aComplaint().with("category", "rudeness").checkIn(org).status()).isEqualTo(400);

        var report = api().get("/api/v1/organisations/" + org + "/reports/measures/categories?from=2026-11-01&to=2026-11-30").json();
        var counts = new java.util.ArrayList<String>();
        report.get("rows").forEach(r -> counts.add(r.get("group").asString() + " = " + r.get("cells").get(0).get("value").asInt()));
        assertThat(counts).first().isEqualTo("Unacceptable delay or failure to respond to an enquiry or request = 2");
        assertThat(counts).containsExactlyInAnyOrder("Unacceptable delay or failure to respond to an enquiry or request = 2",
                "(no category) = 1", "Unfair treatment by staff = 1");
    }

    @Test
    void aPackWithoutCategoriesRefusesOneWithFourHundredNamingTheField() { // H-1: the section is optional for other packs
        Api.Response refused = cases().aComplaint().with("category", "delay").postTo("the-trust");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("message").asString())
                .isEqualTo("the the-trust policy has no complaint categories: leave it out: H-1");
    }

    /**
     * A complaint answered at stage 1, escalated, and answered at stage 2 with the steps 001 asks for first and the
     * contact agreed.
     */
    private CaseOnFile throughStageTwo(String org) {
        CaseOnFile c = cases().aComplaint().receivedOn(LocalDate.of(2026, 12, 1)).onServiceLine("housing").inArea("Repairs").in(org);
        c.acknowledge().respond("The repair is booked", upheld(1, "two appointments were missed"));
        clock.setUk("2026-12-10T10:00");
        c.askToEscalate("still broken", "compensation").acceptEscalation();
        c.act("steps", "{\"step\":\"case-conference\",\"note\":\"agree £150\"}");
        c.act("steps", "{\"step\":\"adverse-findings\",\"note\":\"no comment received\"}");
        c.arrangeContact("phone", "every Friday"); // agreed at stage 2, before its response
        c.respond("Final response: £150", upheld(1, "confirmed"));
        assertThat(c.json().get("stage").asInt()).isEqualTo(2);
        return c;
    }
}
