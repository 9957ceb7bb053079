package org.redress.whatif;

import org.junit.jupiter.api.Test;
import org.redress.casework.CaseClock;
import org.redress.casework.CaseHistories;
import org.redress.casework.CaseReplay;
import org.redress.policy.PolicyPack;
import org.redress.policy.PolicyPacks;
import org.redress.testing.Api;
import org.redress.testing.CaseOnFile;
import org.redress.testing.Cases;
import org.redress.testing.MutableClock;
import org.redress.testing.TestAccounts;
import org.redress.testing.TestClockConfiguration;
import org.redress.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.redress.testing.Cases.notUpheld;
import static org.redress.testing.Cases.upheld;

/**
 * Issue 25: a period's real cases replayed under a draft pack. First the key property (replaying under the pack a case
 * ran under gives exactly its stored clocks), then hand-worked cases, each in an organisation of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class WhatIfIT {

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    CaseHistories histories;

    @Autowired
    PolicyPacks packs;

    @Autowired
    WhatIfReplay replay;

    Api api() {
        return new Api(port);
    }

    Cases cases() {
        return new Cases(api());
    }

    CaseOnFile at(String ukTime, CaseOnFile file, String verb, String body) {
        clock.setUk(ukTime);
        return file.act(verb, body);
    }

    CaseOnFile complaint(String org, String ukTime, String... points) {
        clock.setUk(ukTime);
        return cases().aComplaint().receivedAt(java.time.LocalDateTime.parse(ukTime)).by("Ada Resident").points(points).in(org);
    }

    @Test
    void replayingUnderThePackACaseRanUnderGivesEveryStoredClockAndEveryInTimeExactly() {
        String org = cases().anOrganisationLike("alliance-homes");
        List<CaseOnFile> made = new ArrayList<>();
        // acknowledged in time, responded in time, escalated, stage 2 accepted and answered late
        CaseOnFile a = twoStages(org);
        made.add(a);
        // acknowledged late, extended, put on hold and resumed, responded
        CaseOnFile b = complaint(org, "2027-02-03T16:00", "Damp", "No call back");
        at("2027-02-12T09:00", b, "acknowledge", "{}");
        at("2027-02-20T10:00", b, "extend", "{\"clock\":\"respond\",\"amount\":10,\"reason\":\"surveyor\",\"complainantAgreed\":true}");
        at("2027-02-22T10:00", b, "hold", "{\"kind\":\"AWAITING_COMPLAINANT\",\"reason\":\"photos\"}");
        at("2027-03-01T10:00", b, "resume", "{}");
        at("2027-03-05T10:00", b, "points", "{\"summary\":\"Mould in the bedroom\"}");
        at("2027-03-09T10:00", b, "respond", CaseOnFile.response("Repaired",
                List.of(upheld(1, "damp"), notUpheld(2, "called"), upheld(3, "mould")), List.of()));
        made.add(b);
        // withdrawn before its acknowledgement; and one still open and overdue
        CaseOnFile c = complaint(org, "2027-02-15T11:00", "Noise");
        at("2027-02-16T11:00", c, "withdraw", "{\"reason\":\"resolved informally\"}");
        made.add(c);
        made.add(complaint(org, "2027-03-01T12:00", "Fence"));

        clock.setUk("2027-04-01T09:00");
        PolicyPack active = packs.active(org).orElseThrow();
        Map<String, JsonNode> stored = new HashMap<>();
        for (CaseOnFile file : made) {
            stored.put(file.reference(), file.read());
        }
        List<CaseHistories.RecordedCase> recorded = new ArrayList<>();
        histories.receivedBetween(org, Instant.parse("2027-01-01T00:00:00Z"), Instant.parse("2027-04-01T00:00:00Z"), 2, recorded::addAll);
        assertThat(recorded).extracting(CaseHistories.RecordedCase::reference).containsExactlyInAnyOrderElementsOf(stored.keySet());
        for (CaseHistories.RecordedCase c1 : recorded) {
            CaseReplay.Replayed again = CaseReplay.replay(c1.id(), org, c1.reference(), c1.history(),
                    packs.version(c1.packId(), c1.packVersion()), histories.clocksFor(org, active));
            assertThat(again.refused()).as(c1.reference()).isEmpty();
            JsonNode file = stored.get(c1.reference());
            assertThat(again.status().orElseThrow().name()).isEqualTo(file.get("status").asString());
            assertThat(again.clocks()).as(c1.reference()).hasSize(file.get("clocks").size());
            for (JsonNode expected : file.get("clocks")) {
                CaseClock actual = again.clocks().stream().filter(k -> k.id().equals(expected.get("id").asString())
                        && k.stage() == expected.get("stage").asInt()).findFirst().orElseThrow();
                String what = c1.reference() + " " + actual.id() + " at stage " + actual.stage();
                assertThat(actual.dueDate()).as(what).hasToString(expected.get("dueDate").asString());
                assertThat(actual.dueBy()).as(what).isEqualTo(Instant.parse(expected.get("dueBy").asString()));
                assertThat(actual.status(clock.instant()).name()).as(what).isEqualTo(expected.get("status").asString());
                assertThat(actual.extensions()).as(what).hasSize(expected.get("extensions").size());
            }
        }

        // and the whole comparison, run with the active pack as its "draft", shows no difference anywhere
        WhatIfResult same = replay.run(org, active, LocalDate.parse("2027-01-01"), LocalDate.parse("2027-03-31"), clock.instant(),
                new Counting());
        assertThat(same.cases()).isEqualTo(4);
        assertThat(same.changedCaseCount()).isZero();
        assertThat(same.forward().changedCaseCount()).isZero();
        for (WhatIfResult.ClockRow row : same.clocks()) {
            assertThat(row.inTime().draft()).isEqualTo(row.inTime().today());
            assertThat(row.late().draft()).isEqualTo(row.late().today());
            assertThat(row.open().draft()).isEqualTo(row.open().today());
        }
        assertThat(same.responsesDuePerWeek()).allSatisfy(w -> assertThat(w.draft()).isEqualTo(w.today()));
        // today's figures, worked by hand: stage 1 acknowledgements: A in time, B late (12 Feb > 10 Feb), D overdue
        WhatIfResult.ClockRow ack1 = row(same, 1, "acknowledgement");
        assertThat(ack1.inTime().today().count()).isEqualTo(1);
        assertThat(ack1.late().today().cases()).containsExactlyInAnyOrder(b.reference(), made.get(3).reference());
        assertThat(same.extensions().today().cases()).containsExactly(b.reference());
        assertThat(row(same, 2, "response").late().today().cases()).containsExactly(a.reference());
    }

    /**
     * A stage 1 complaint in February 2027, acknowledged, answered, escalated, accepted and answered at stage 2 on 17 March,
     * each stage owned by a member holding its role and the contact agreed at stage 2 (issue 22: ).
     */
    CaseOnFile twoStages(String org) {
        cases().aMemberHolding(org, "sam", "service-manager");
        cases().aMemberHolding(org, "jo", "feedback-manager");
        CaseOnFile a = complaint(org, "2027-02-01T09:00", "Repair missed");
        at("2027-02-02T09:00", a, "acknowledge", "{}");
        at("2027-02-02T09:30", a, "assign", "{\"owner\":\"sam\"}");
        at("2027-02-08T15:00", a, "respond", CaseOnFile.response("Rebooked", List.of(upheld(1, "missed")), List.of()));
        at("2027-02-09T10:00", a, "escalation-request", "{}");
        at("2027-02-09T11:00", a, "assign", "{\"owner\":\"jo\"}");
        at("2027-02-10T09:00", a, "accept-escalation", "{}");
        at("2027-02-12T09:00", a, "steps", "{\"step\":\"case-conference\",\"note\":\"held\"}");
        at("2027-02-12T10:00", a, "steps", "{\"step\":\"adverse-findings\",\"note\":\"none\"}");
        at("2027-02-12T11:00", a, "contact-arrangement", "{\"method\":\"phone\",\"frequency\":\"every Friday\"}");
        return at("2027-03-17T15:00", a, "respond", CaseOnFile.response("Final", List.of(upheld(1, "confirmed")), List.of()));
    }

    /**
     * Issue 23, F-8, R-4: a case is replayed on its service line's procedure. In an organisation like Alliance Homes, a home
     * care complaint received Mon 10 May 2027 has the social care clocks (SI 2009/309: acknowledged within 3 working days,
     * by Thu 13 May; answered within 6 months of receipt, by Wed 10 Nov 2027), and a housing complaint received the same
     * day the Code's (5 working days, by Mon 17 May; answered within 10 working days of the acknowledgement on Fri 14 May:
     * 17-21 and 24-28 May, by Fri 28 May). Both are acknowledged on Fri 14 May: the home care one late, the housing one in
     * time. A draft giving home care 5 working days to acknowledge changes the home care case alone.
     */
    @Test
    void aHomeCareCaseIsReplayedUnderTheSocialCareRulesAndAHousingCaseOfTheSameOrganisationUnderTheCodeF8R4() {
        String org = cases().anOrganisationLike("alliance-homes");
        clock.setUk("2027-05-10T09:00");
        CaseOnFile care = cases().aComplaint().receivedOn(LocalDate.of(2027, 5, 10)).by("Hana Care").onServiceLine("home-care")
                .points("The carer did not come").in(org);
        CaseOnFile housing = cases().aComplaint().receivedOn(LocalDate.of(2027, 5, 10)).by("Hal Housing").onServiceLine("housing")
                .points("The repair was missed").in(org);
        at("2027-05-14T10:00", care, "acknowledge", "{}");
        at("2027-05-14T10:00", housing, "acknowledge", "{}");
        clock.setUk("2027-06-01T09:00");

        List<CaseHistories.RecordedCase> recorded = new ArrayList<>();
        histories.receivedBetween(org, Instant.parse("2027-05-01T00:00:00Z"), Instant.parse("2027-06-01T00:00:00Z"), 10, recorded::addAll);
        assertThat(recorded).extracting(CaseHistories.RecordedCase::serviceLine).containsExactlyInAnyOrder("home-care", "housing");
        Map<String, CaseReplay.Replayed> again = new HashMap<>();
        for (CaseHistories.RecordedCase c : recorded) {
            again.put(c.reference(), CaseReplay.replay(c.id(), org, c.reference(), c.history(), c.serviceLine(),
                    packs.version(c.packId(), c.packVersion()), histories.clocksFor(org, packs.active(org).orElseThrow())));
        }
        assertThat(again.get(care.reference()).clocks()).extracting(k -> k.id() + " " + k.dueDate() + " " + k.status(clock.instant()))
                .containsExactlyInAnyOrder("acknowledge 2027-05-13 MET_LATE", "respond 2027-11-10 ON_TIME");
        assertThat(again.get(housing.reference()).clocks()).extracting(k -> k.id() + " " + k.dueDate() + " " + k.status(clock.instant()))
                .containsExactlyInAnyOrder("acknowledge 2027-05-17 MET", "respond 2027-05-28 OVERDUE");
        for (CaseOnFile stored : List.of(care, housing)) {
            JsonNode file = stored.read();
            assertThat(again.get(stored.reference()).clocks()).hasSize(file.get("clocks").size());
            for (JsonNode expected : file.get("clocks")) {
                assertThat(again.get(stored.reference()).clocks()).anySatisfy(k -> {
                    assertThat(k.id()).isEqualTo(expected.get("id").asString());
                    assertThat(k.dueBy()).isEqualTo(Instant.parse(expected.get("dueBy").asString()));
                });
            }
        }

        int draft = draft(org, "alliance-homes", y -> y.replace(
                "name: Acknowledge and offer to discuss how the complaint will be handled\n            within: 3 working days",
                "name: Acknowledge and offer to discuss how the complaint will be handled\n            within: 5 working days"));
        JsonNode result = replayed(org, draft, "2027-05-01", "2027-05-31");
        JsonNode ack = clockRow(result, 1, "acknowledgement");
        assertThat(refs(ack.get("late").get("today"))).containsExactly(care.reference());
        assertThat(refs(ack.get("inTime").get("today"))).containsExactly(housing.reference());
        assertThat(refs(ack.get("inTime").get("draft"))).containsExactlyInAnyOrder(care.reference(), housing.reference());
        assertThat(changes(result, care.reference())).contains("stage 1 acknowledge and offer to discuss how the complaint will be "
                + "handled: due 2027-05-13 today, 2027-05-17 under the draft; late today, in time under the draft");
        assertThat(result.get("changedCases").toString()).doesNotContain(housing.reference());
    }

    @Test
    void aThreeDayAcknowledgementOverChristmasMakesAnAcknowledgementOnTheThirtiethLate() {
        String org = cases().anOrganisationLike("alliance-homes");
        CaseOnFile late = complaint(org, "2026-12-22T10:00", "Heating");
        at("2026-12-30T09:00", late, "acknowledge", "{}");
        CaseOnFile early = complaint(org, "2026-12-22T11:00", "Door");
        at("2026-12-24T09:00", early, "acknowledge", "{}");
        int draft = draft(org, "alliance-homes", y -> y.replace("name: Acknowledge by the agreed method\n        within: 5 working days",
                "name: Acknowledge by the agreed method\n        within: 3 working days"));
        clock.setUk("2027-01-20T09:00");

        JsonNode result = replayed(org, draft, "2026-12-01", "2026-12-31");

        // 5 working days after Tue 22 Dec 2026 skip Christmas Day (Fri 25) and the Boxing Day substitute (Mon 28):
        // 23, 24, 29, 30, 31, so due Thu 31 Dec; 3 working days are 23, 24, 29: due Tue 29 Dec
        assertThat(result.get("cases").asInt()).isEqualTo(2);
        JsonNode ack = clockRow(result, 1, "acknowledgement");
        assertThat(ack.get("inTime").get("today").get("count").asInt()).isEqualTo(2);
        assertThat(refs(ack.get("inTime").get("draft"))).containsExactly(early.reference());
        assertThat(refs(ack.get("late").get("draft"))).containsExactly(late.reference());
        assertThat(changes(result, late.reference())).contains(
                "stage 1 acknowledge by the agreed method: due 2026-12-31 today, 2026-12-29 under the draft; in time today, late under the draft");
        assertThat(changes(result, early.reference())).contains(
                "stage 1 acknowledge by the agreed method: due 2026-12-31 today, 2026-12-29 under the draft (in time under both)");
        assertThat(result.get("refusedEvents").get("draft").get("count").asInt()).isZero();
    }

    @Test
    void aLongerStageTwoPutsAResponseLateTodayInTimeUnderTheDraft() {
        String org = cases().anOrganisationLike("alliance-homes");
        CaseOnFile a = twoStages(org);
        int draft = draft(org, "alliance-homes", y -> y.replace("name: Stage 2 final response\n        within: 20 working days",
                "name: Stage 2 final response\n        within: 30 working days"));
        clock.setUk("2027-04-01T09:00");

        JsonNode result = replayed(org, draft, "2027-02-01", "2027-02-28");

        // accepted Wed 10 Feb 2027: 20 working days end Wed 10 Mar, 30 end Wed 24 Mar; answered Wed 17 Mar
        JsonNode respond = clockRow(result, 2, "response");
        assertThat(refs(respond.get("late").get("today"))).containsExactly(a.reference());
        assertThat(refs(respond.get("inTime").get("draft"))).containsExactly(a.reference());
        assertThat(changes(result, a.reference())).contains(
                "stage 2 final response: due 2027-03-10 today, 2027-03-24 under the draft; late today, in time under the draft");
        JsonNode stage2 = result.get("responsesInTime").get(1);
        assertThat(stage2.get("share").get("today").toString()).isEqualTo("{\"inTime\":0,\"responses\":1,\"percent\":0.0}");
        assertThat(stage2.get("share").get("draft").toString()).isEqualTo("{\"inTime\":1,\"responses\":1,\"percent\":100.0}");
        // the stage 1 response was in time under both: 100% of 1
        assertThat(result.get("responsesInTime").get(0).get("share").get("draft").get("percent").asDouble()).isEqualTo(100.0);
    }

    @Test
    void withStageTwoRemovedEveryEventAtStageTwoWouldHaveBeenRefusedWithTheRule() {
        String org = cases().anOrganisationLike("alliance-homes");
        CaseOnFile a = twoStages(org);
        int draft = draft(org, "alliance-homes", y -> {
            String cut = y.substring(0, y.indexOf("  - id: stage-2")) + y.substring(y.indexOf("\nadmission:") + 1);
            return cut.replace("stages: [2]\n    beforeResponse: true", "stages: [1]\n    beforeResponse: false")
                    .replace("stages: [1, 2]", "stages: [1]")
                    .replaceAll("  - clause: stages\\[1\\]\\.clocks\\n.*\\n.*\\n", "");
        });
        clock.setUk("2027-04-01T09:00");

        JsonNode result = replayed(org, draft, "2027-02-01", "2027-02-28");

        // the escalation request (stage 1 is now the final stage), the assignment of stage 2's owner (recorded at stage 2,
        // which the draft has not), the acceptance, both steps, the contact agreed at stage 2 and the stage 2 response
        assertThat(result.get("refusedEvents").get("today").get("count").asInt()).isZero();
        assertThat(result.get("refusedEvents").get("draft").get("count").asInt()).isEqualTo(7);
        String changed = changes(result, a.reference());
        assertThat(changed).contains("(escalation-requested on 2027-02-09) would have been refused: Stage 1 is the final stage of this procedure",
                "event 6 (assigned on 2027-02-09) would have been refused: recorded at stage 2, but under this policy the case has no stage 2",
                "event 10 (contact-arranged on 2027-02-12) would have been refused: recorded at stage 2, but under this policy the case has no stage 2",
                "(responded on 2027-03-17) would have been refused: recorded at stage 2, but under this policy the case has no stage 2",
                "stage 2 final response: not under the draft (today due 2027-03-10, late)");
        List<String> rules = new ArrayList<>();
        result.get("refusals").forEach(r -> rules.add(r.get("rule").asString()));
        assertThat(rules).contains("responded: recorded at stage 2, but under this policy the case has no stage 2");
        assertThat(result.get("draftCompliance").get("packId").asString()).isEqualTo(org);
    }

    @Test
    void anExtensionBeyondTheDraftsLimitWouldHaveBeenRefusedAndTheResponseLate() {
        String org = cases().anOrganisationLike("alliance-homes");
        CaseOnFile b = complaint(org, "2027-02-01T09:00", "Damp");
        at("2027-02-02T09:00", b, "acknowledge", "{}");
        at("2027-02-15T10:00", b, "extend", "{\"clock\":\"respond\",\"amount\":10,\"reason\":\"surveyor\",\"complainantAgreed\":true}");
        at("2027-02-25T10:00", b, "respond", CaseOnFile.response("Repaired", List.of(upheld(1, "damp")), List.of()));
        int draft = draft(org, "alliance-homes", y -> y.replaceFirst("upTo: 10 working days", "upTo: 5 working days"));
        clock.setUk("2027-04-01T09:00");

        JsonNode result = replayed(org, draft, "2027-02-01", "2027-02-28");

        // acknowledged Tue 2 Feb: due Tue 16 Feb; extended by 10 working days to Tue 2 Mar; answered Thu 25 Feb
        assertThat(refs(result.get("extensions").get("today"))).containsExactly(b.reference());
        assertThat(result.get("extensions").get("draft").get("count").asInt()).isZero();
        assertThat(changes(result, b.reference())).contains(
                "stage 1 response: due 2027-03-02 today, 2027-02-16 under the draft; in time today, late under the draft",
                "(extended on 2027-02-15) would have been refused: an extension of the Stage 1 response clock may add at most 5 working days, not 10: A-4");
        assertThat(refs(clockRow(result, 1, "response").get("late").get("draft"))).containsExactly(b.reference());
    }

    @Test
    void clockHoursRunAcrossTheEndOfSummerTimeAsElapsedHours() {
        String org = cases().anOrganisationLike("247-alliance");
        // Sat 24 Oct 2026 20:00 BST is 19:00 UTC; the clocks go back at 02:00 on Sun 25 Oct
        CaseOnFile c = complaint(org, "2026-10-24T20:00", "Engineer late");
        assertThat(c.json().get("clocks").get(0).get("dueBy").asString()).isEqualTo("2026-10-25T19:00:00Z");
        // 19:30 GMT on Sunday is 24½ hours after receipt, though the wall clock says less than 24 hours later
        at("2026-10-25T19:30", c, "acknowledge", "{}");
        at("2026-10-26T10:00", c, "respond", CaseOnFile.response("Rebooked", List.of(upheld(1, "late")), List.of()));
        int draft = draft(org, "247-alliance", y -> y.replace("name: Acknowledgement email\n        within: 24 hours",
                "name: Acknowledgement email\n        within: 48 hours").replace("name: Response\n        within: 48 hours",
                "name: Response\n        within: 24 hours"));
        clock.setUk("2026-11-20T09:00");

        JsonNode result = replayed(org, draft, "2026-10-01", "2026-10-31");

        assertThat(changes(result, c.reference())).contains(
                "stage 1 acknowledgement email: due 2026-10-25 today, 2026-10-26 under the draft; late today, in time under the draft",
                "stage 1 response: due 2026-10-26 today, 2026-10-25 under the draft; in time today, late under the draft");
    }

    @Test
    void aReplayNeedsADraftVersionThatIsNotActiveAndAPeriodThatEndsAfterItStarts() {
        String org = cases().anOrganisationLike("the-trust");
        String path = "/api/v1/organisations/" + org + "/what-if";
        assertThat(fields(api().post(path, "{}"))).containsExactly("version");
        assertThat(fields(api().post(path, "{\"version\":99}"))).containsExactly("version");
        assertThat(fields(api().post(path, "{\"version\":1}"))).containsExactly("version");
        int draft = draft(org, "the-trust", y -> y.replaceFirst("within: 5 working days", "within: 3 working days"));
        assertThat(fields(api().post(path, "{\"version\":" + draft + ",\"from\":\"2026-06-01\",\"to\":\"2026-05-31\"}")))
                .containsExactly("to");
        assertThat(fields(api().post(path, "{\"version\":" + draft + ",\"from\":\"2026-13-01\"}"))).containsExactly("from");
        assertThat(api().get(path + "/" + java.util.UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void thePageStartsAReplayShowsItsProgressAndThenTheFiguresSideBySideWithTheChartAndTheCasesBehindThem() {
        String org = cases().anOrganisationLike("alliance-homes");
        CaseOnFile late = complaint(org, "2026-12-22T10:00", "Heating");
        at("2026-12-30T09:00", late, "acknowledge", "{}");
        int draft = draft(org, "alliance-homes", y -> y.replace("name: Acknowledge by the agreed method\n        within: 5 working days",
                "name: Acknowledge by the agreed method\n        within: 3 working days"));
        clock.setUk("2027-01-20T09:00");
        WebSession web = new WebSession(port);
        web.signIn(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);

        WebSession.Page form = web.get("/staff/" + org + "/what-if");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("<legend>The draft version to try</legend>", "id=\"version-" + draft + "\"",
                // the period as GOV.UK day, month and year fields (issue 21): 21 1 2026 to 20 1 2027
                "name=\"from-day\"", "name=\"to-year\"", "value=\"21\"", "value=\"1\"", "value=\"2026\"", "value=\"20\"", "value=\"2027\"");
        WebSession.Page refused = web.post("/staff/" + org + "/what-if", Map.of("version", String.valueOf(draft), "from", "2026-12-31",
                "to", "2026-12-01"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("There is a problem", "href=\"#to\"", "must not be before the start of the period (2026-12-31)");

        WebSession.Page started = web.post("/staff/" + org + "/what-if", Map.of("version", String.valueOf(draft), "from", "2026-12-01",
                "to", "2026-12-31"));
        assertThat(started.status()).isEqualTo(302);
        String page = started.location().replaceFirst("^https?://[^/]+", "");
        WebSession.Page shown = web.get(page);
        for (int i = 0; i < 300 && shown.body().contains("http-equiv=\"refresh\""); i++) {
            assertThat(shown.body()).contains("<progress id=\"progress\" max=\"100\"", "role=\"status\"");
            sleep();
            shown = web.get(page);
        }
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.body()).contains("Stage 1, acknowledgement (Acknowledge by the agreed method)", "<svg",
                "Responses due each week: today and under the draft", late.reference(),
                "stage 1 acknowledge by the agreed method: due 2026-12-31 today, 2026-12-29 under the draft; in time today, late under the draft",
                "/export.xlsx");
        String id = page.substring(page.lastIndexOf('/') + 1);
        Api.Response xlsx = api().get("/api/v1/organisations/" + org + "/what-if/" + id + "/export.xlsx");
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.contentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        Api.Response pdf = api().get("/api/v1/organisations/" + org + "/what-if/" + id + "/export.pdf");
        assertThat(pdf.status()).as(pdf.body()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(pdf.body()).startsWith("%PDF-");
    }

    static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    static List<String> fields(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        response.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        return fields;
    }

    static WhatIfResult.ClockRow row(WhatIfResult result, int stage, String kind) {
        return result.clocks().stream().filter(r -> r.stage() == stage && r.kind().equals(kind)).findFirst().orElseThrow();
    }

    static final class Counting implements WhatIfReplay.Progress {
        int total;
        int replayed;

        @Override
        public void total(int cases) {
            total = cases;
        }

        @Override
        public void replayed(int cases) {
            replayed += cases;
        }
    }

    // ---- drafts ---------------------------------------------------------------------------------------------------

    /** A new inactive version of the organisation's pack: the shipped text under its code, changed as the test says. */
    int draft(String org, String shipped, UnaryOperator<String> change) {
        return draft(api(), org, shipped, change);
    }

    static int draft(Api api, String org, String shipped, UnaryOperator<String> change) {
        String yaml;
        try (InputStream in = WhatIfIT.class.getResourceAsStream("/policy/packs/" + shipped + ".yaml")) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String ours = yaml.replace("id: " + shipped, "id: " + org).replace("code: " + shipped, "code: " + org);
        String changed = change.apply(ours);
        assertThat(changed).as("the draft changes something").isNotEqualTo(ours);
        Api.Response uploaded = api.post("/api/v1/policies", changed, "Content-Type", "application/yaml");
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        return uploaded.json().get("version").asInt();
    }

    JsonNode replayed(String org, int version, String from, String to) {
        return finished(api(), org, started(api(), org, version, from, to));
    }

    /** Starts a replay through the API (202), answering its id. */
    static String started(Api api, String org, int version, String from, String to) {
        Api.Response started = api.post("/api/v1/organisations/" + org + "/what-if",
                "{\"version\":" + version + ",\"from\":\"" + from + "\",\"to\":\"" + to + "\"}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        return started.json().get("id").asString();
    }

    /** A replay's result, read through the API once it has finished. */
    static JsonNode finished(Api api, String org, String id) {
        for (int i = 0; i < 600; i++) {
            JsonNode progress = api.get("/api/v1/organisations/" + org + "/what-if/" + id).json();
            String status = progress.get("status").asString();
            if (status.equals("FINISHED")) {
                assertThat(progress.get("percent").asInt()).isEqualTo(100);
                return progress.get("result");
            }
            assertThat(status).as(progress.toString()).isNotEqualTo("FAILED");
            sleep();
        }
        throw new AssertionError("the replay did not finish");
    }

    static JsonNode clockRow(JsonNode result, int stage, String kind) {
        for (JsonNode row : result.get("clocks")) {
            if (row.get("stage").asInt() == stage && row.get("kind").asString().equals(kind)) {
                return row;
            }
        }
        throw new AssertionError("no " + kind + " row at stage " + stage + " in " + result.get("clocks"));
    }

    static List<String> refs(JsonNode figure) {
        List<String> refs = new ArrayList<>();
        figure.get("cases").forEach(c -> refs.add(c.asString()));
        return refs;
    }

    static String changes(JsonNode result, String reference) {
        for (JsonNode c : result.get("changedCases")) {
            if (c.get("reference").asString().equals(reference)) {
                return c.get("differences").toString();
            }
        }
        throw new AssertionError(reference + " does not change: " + result.get("changedCases"));
    }
}
