package org.redress.whatif;

import org.junit.jupiter.api.Test;
import org.redress.accounts.Role;
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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 25: a draft made by changing figures in a form or through the API, rather than by editing YAML, then replayed
 * with the what-if replay as any draft is. Each test works in an organisation of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class WhatIfDraftIT {

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    Api api() {
        return new Api(port);
    }

    Cases cases() {
        return new Cases(api());
    }

    /** The same what-if replays and helpers as {@link WhatIfIT}, on this test's server. */
    WhatIfIT replays() {
        WhatIfIT it = new WhatIfIT();
        it.port = port;
        it.clock = clock;
        return it;
    }

    String drafts(String org) {
        return "/api/v1/organisations/" + org + "/what-if/drafts";
    }

    @Test
    void aDraftMadeByChangingTheAcknowledgementFromFiveToThreeWorkingDaysMakesTheAcknowledgementOnTheThirtiethLate() {
        String org = cases().anOrganisationLike("alliance-homes");
        CaseOnFile late = replays().complaint(org, "2026-12-22T10:00", "Heating");
        replays().at("2026-12-30T09:00", late, "acknowledge", "{}");
        CaseOnFile early = replays().complaint(org, "2026-12-22T11:00", "Door");
        replays().at("2026-12-24T09:00", early, "acknowledge", "{}");

        // "We will acknowledge all complaints within 5 working days" (001); the Board asks what 3 would do
        Api.Response made = api().post(drafts(org), """
                {"changes": [{"kind": "clock-length", "stage": "stage-1", "clock": "acknowledge", "length": 3, "unit": "working-days"}]}""");

        assertThat(made.status()).as(made.body()).isEqualTo(201);
        int version = made.json().get("version").asInt();
        assertThat(version).isEqualTo(2);
        assertThat(made.json().get("from").asInt()).isEqualTo(1);
        assertThat(made.json().get("note").asString()).isEqualTo(
                "Made from version 1 by changing figures: stage 1 'Acknowledge by the agreed method': 5 working days changed to 3 working days");
        assertThat(made.json().get("links").get("yaml").asString()).isEqualTo(drafts(org) + "/2");
        Api.Response yaml = api().get(drafts(org) + "/2");
        assertThat(yaml.status()).isEqualTo(200);
        assertThat(yaml.body()).startsWith("# A draft of " + org + ", made from version 1 by changing figures")
                .contains("within: 3 working days", "cite: A-2; 001 'We will acknowledge all complaints within 5 working days'");
        // stored inactive, with its note, as a draft the replay can choose
        JsonNode listed = null;
        for (JsonNode p : api().get("/api/v1/policies").json()) {
            if (p.get("id").asString().equals(org) && p.get("version").asInt() == 2) {
                listed = p;
            }
        }
        assertThat(listed).isNotNull();
        assertThat(listed.get("active").asBoolean()).isFalse();
        assertThat(listed.get("note").asString()).isEqualTo(made.json().get("note").asString());

        clock.setUk("2027-01-20T09:00");
        JsonNode result = replays().replayed(org, version, "2026-12-01", "2026-12-31");

        // 5 working days after Tue 22 Dec 2026 skip Christmas Day (Fri 25) and the Boxing Day substitute (Mon 28):
        // 23, 24, 29, 30, 31, so due Thu 31 Dec; 3 working days are 23, 24, 29: due Tue 29 Dec
        JsonNode ack = WhatIfIT.clockRow(result, 1, "acknowledgement");
        assertThat(WhatIfIT.refs(ack.get("inTime").get("draft"))).containsExactly(early.reference());
        assertThat(WhatIfIT.refs(ack.get("late").get("draft"))).containsExactly(late.reference());
        assertThat(WhatIfIT.changes(result, late.reference())).contains(
                "stage 1 acknowledge by the agreed method: due 2026-12-31 today, 2026-12-29 under the draft; in time today, late under the draft");
    }

    @Test
    void aDraftWithStageTwoRemovedReplaysARecordedEscalationAsWouldHaveBeenRefused() {
        String org = cases().anOrganisationLike("alliance-homes");
        CaseOnFile a = replays().twoStages(org);

        Api.Response made = api().post(drafts(org), "{\"from\": 1, \"changes\": [{\"kind\": \"remove-stage\", \"stage\": \"stage-2\"}]}");

        assertThat(made.status()).as(made.body()).isEqualTo(201);
        // the case conference and the comment on adverse findings were stage 2's and go with it; F-6 mediation stays at stage 1
        assertThat(made.json().get("changes").get(0).asString()).isEqualTo("stage 2 'Stage 2 (final)' removed (the step "
                + "'adverse-findings', held only at that stage, is removed; the step 'case-conference', held only at that stage, is removed)");
        clock.setUk("2027-04-01T09:00");
        JsonNode result = replays().replayed(org, made.json().get("version").asInt(), "2027-02-01", "2027-02-28");

        assertThat(WhatIfIT.changes(result, a.reference())).contains(
                "(escalation-requested on 2027-02-09) would have been refused: Stage 1 is the final stage of this procedure",
                "(responded on 2027-03-17) would have been refused: recorded at stage 2, but under this policy the case has no stage 2");
        assertThat(result.get("refusedEvents").get("draft").get("count").asInt()).isEqualTo(7);
    }

    @Test
    void aNegativeLengthAnUnknownStageOrAnUnknownClockIsA400NamingTheFieldAndNothingIsStored() {
        String org = cases().anOrganisationLike("alliance-homes");

        assertThat(WhatIfIT.fields(api().post(drafts(org), """
                {"changes": [{"kind": "clock-length", "stage": "stage-1", "clock": "acknowledge", "length": -3}]}""")))
                .containsExactly("changes[0].length");
        assertThat(WhatIfIT.fields(api().post(drafts(org), """
                {"changes": [{"kind": "clock-length", "stage": "stage-1", "clock": "respond", "length": 10},
                             {"kind": "remove-stage", "stage": "stage-3"}]}""")))
                .containsExactly("changes[1].stage");
        assertThat(WhatIfIT.fields(api().post(drafts(org), """
                {"changes": [{"kind": "extension-size", "stage": "stage-1", "clock": "reply", "size": 5}]}""")))
                .containsExactly("changes[0].clock");
        assertThat(WhatIfIT.fields(api().post(drafts(org), "{\"changes\": []}"))).containsExactly("changes");
        assertThat(WhatIfIT.fields(api().post(drafts(org), """
                {"from": 7, "changes": [{"kind": "remove-stage", "stage": "stage-2"}]}"""))).containsExactly("from");
        assertThat(WhatIfIT.fields(api().post(drafts(org), """
                {"changes": [{"kind": "shorten", "stage": "stage-2"}]}"""))).containsExactly("changes[0].kind");
        assertThat(versionsOf(org)).containsExactly(1);
    }

    @Test
    void aChangeThatLeavesTheDraftUnableToRunIsA422NamingTheChangeAndTheRuleAndNothingIsStored() {
        String org = cases().anOrganisationLike("the-trust");

        // nothing at the Trust's stage 1 stops at "contacted", so a response clock started there would never start
        Api.Response neverStarts = api().post(drafts(org), """
                {"changes": [{"kind": "clock-start", "stage": "stage-1", "clock": "respond", "start": "contacted"}]}""");
        assertThat(neverStarts.status()).as(neverStarts.body()).isEqualTo(422);
        assertThat(neverStarts.json().get("errors").get(0).get("field").asString()).isEqualTo("changes[0].start");
        assertThat(neverStarts.json().get("rule").asString()).isEqualTo("stages[0].clocks[1].from");
        assertThat(neverStarts.json().get("detail").asString()).startsWith(
                "with this change the draft's stages[0].clocks[1].from is 'contacted', which never happens in stage 1");

        // H-10: a procedure has one, two or three stages; the second stage added would make four
        Api.Response fourStages = api().post(drafts(org), """
                {"changes": [{"kind": "add-stage", "after": "stage-1", "id": "review", "name": "Review"},
                             {"kind": "add-stage", "after": "review", "id": "panel", "name": "Panel"}]}""");
        assertThat(fourStages.status()).as(fourStages.body()).isEqualTo(422);
        assertThat(fourStages.json().get("errors").get(0).get("field").asString()).isEqualTo("changes[1].after");
        assertThat(fourStages.json().get("rule").asString()).isEqualTo("stages[3]");
        assertThat(fourStages.json().get("detail").asString()).contains("a procedure has one, two or three stages (H-10), not 4");
        assertThat(versionsOf(org)).containsExactly(1);
    }

    @Test
    void aComplaintManagerMakesADraftAndReplaysItButACaseWorkerMayDoNeither() {
        // issue 25: the what-if page and its drafts are for complaint managers and directors; a draft is stored inactive
        String org = cases().anOrganisationLike("the-trust");
        Api manager = cases().aMember(org, "cmo", TestAccounts.ADMIN_PASSWORD, Role.COMPLAINT_MANAGEMENT_OFFICER, List.of());
        Api worker = cases().aMember(org, "worker", TestAccounts.ADMIN_PASSWORD, Role.CASE_WORKER, List.of());

        assertThat(worker.post(drafts(org), "{\"changes\": [{\"kind\": \"remove-stage\", \"stage\": \"stage-2\"}]}").status())
                .isEqualTo(403);
        assertThat(versionsOf(org)).containsExactly(1);
        int draft = manager.post(drafts(org), "{\"changes\": [{\"kind\": \"remove-stage\", \"stage\": \"stage-2\"}]}").json()
                .get("version").asInt();
        assertThat(versionsOf(org)).containsExactly(1, draft);
        assertThat(manager.post("/api/v1/organisations/" + org + "/what-if", "{\"version\": " + draft + "}").status()).isEqualTo(202);
        assertThat(manager.get(drafts(org) + "/" + draft).status()).isEqualTo(200);
        assertThat(worker.post("/api/v1/organisations/" + org + "/what-if", "{\"version\": " + draft + "}").status()).isEqualTo(403);
    }

    @Test
    void theFormShowsTheFiguresAndSavingADraftReturnsToTheWhatIfPageWithTheDraftChosen() {
        String org = cases().anOrganisationLike("alliance-homes");
        WebSession web = new WebSession(port);
        web.signIn(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);

        WebSession.Page whatIf = web.get("/staff/" + org + "/what-if");
        assertThat(whatIf.body()).contains("href=\"/staff/" + org + "/what-if/drafts/new\">Make a draft by changing figures</a>");
        assertThat(web.get("/staff/" + org + "/what-if/drafts/new?from=9").status()).isEqualTo(404);
        WebSession.Page form = web.get("/staff/" + org + "/what-if/drafts/new");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("<h1>Make a draft by changing figures</h1>", "<legend>Acknowledge by the agreed method</legend>",
                "<label for=\"stage-1--acknowledge--length\">How long</label>",
                "name=\"stage-1--acknowledge--length\" value=\"5\"",
                "name=\"stage-1--respond--extension-1--size\" value=\"10\"",
                "<option value=\"working-days\" selected=\"selected\">working days</option>",
                "<label for=\"remove-stage-2\">Remove Stage 2 (final) from the draft</label>", "<legend>Add a stage</legend>");

        WebSession.Page refused = web.post("/staff/" + org + "/what-if/drafts", Map.of("from", "1",
                "stage-1--acknowledge--length", "-1"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("There is a problem", "href=\"#stage-1--acknowledge--length\"", "is -1; it must be at least 1");
        WebSession.Page nothing = web.post("/staff/" + org + "/what-if/drafts", Map.of("from", "1"));
        assertThat(nothing.status()).isEqualTo(400);
        assertThat(nothing.body()).contains("href=\"#figures\"", "Change at least one figure, remove a stage or add one");
        assertThat(versionsOf(org)).containsExactly(1);

        // an earlier draft (version 2) is there too: the one just made is the one chosen
        assertThat(api().post(drafts(org), "{\"changes\": [{\"kind\": \"remove-stage\", \"stage\": \"stage-2\"}]}").status()).isEqualTo(201);
        WebSession.Page saved = web.post("/staff/" + org + "/what-if/drafts", Map.of("from", "1",
                "stage-1--acknowledge--length", "3", "stage-1--acknowledge--unit", "working-days"));
        assertThat(saved.status()).isEqualTo(302);
        assertThat(saved.location()).endsWith("/staff/" + org + "/what-if?version=3");
        WebSession.Page back = web.get(saved.location().replaceFirst("^https?://[^/]+", ""));
        assertThat(back.body()).contains("Version 3 is stored as a draft.",
                "Made from version 1 by changing figures: stage 1 &#39;Acknowledge by the agreed method&#39;: 5 working days changed to 3 working days");
        assertThat(radio(back.body(), 3)).contains("checked=\"checked\"", "aria-describedby=\"version-3-note\"");
        assertThat(radio(back.body(), 2)).doesNotContain("checked");
    }

    @Test
    void theFormAddsAStageAndRemovesAnother() {
        String org = cases().anOrganisationLike("the-trust");
        WebSession web = new WebSession(port);
        web.signIn(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
        web.get("/staff/" + org + "/what-if/drafts/new");

        WebSession.Page saved = web.post("/staff/" + org + "/what-if/drafts", Map.of("from", "1", "add-after", "stage-1",
                "add-name", "Review panel", "add-copy", "stage-2", "remove", "stage-2"));

        assertThat(saved.status()).as(saved.body()).isEqualTo(302);
        String yaml = api().get(drafts(org) + "/2").body();
        assertThat(yaml).contains("id: review-panel", "name: Review panel").doesNotContain("id: stage-2");
    }

    /** The what-if page's radio button for a draft version, from its id to the end of its tag. */
    static String radio(String page, int version) {
        int start = page.indexOf("id=\"version-" + version + "\"");
        assertThat(start).as("a radio button for version " + version).isPositive();
        return page.substring(start, page.indexOf('>', start));
    }

    List<Integer> versionsOf(String org) {
        List<Integer> versions = new ArrayList<>();
        api().get("/api/v1/policies").json().forEach(p -> {
            if (p.get("id").asString().equals(org)) {
                versions.add(p.get("version").asInt());
            }
        });
        return versions;
    }
}
