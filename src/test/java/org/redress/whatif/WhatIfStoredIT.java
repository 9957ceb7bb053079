package org.redress.whatif;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.redress.accounts.Role;
import org.redress.casework.Casework;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 25, the replays kept: a replay is stored in the whatif schema, so its result reads the same from a jobs service
 * that never ran it (as another server, or this one after a restart, would); one left unfinished by a server that stopped
 * is failed as interrupted; another organisation's is not found. Its workload per week by role, and the cases behind its
 * figures limited to the service areas a member works in (ADR 19), while the figures stay whole.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class WhatIfStoredIT {

    static final String STAGE_ONE_OWNER = "Manager of the service area the complaint falls into";

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    WhatIfReplay replay;
    @Autowired
    PolicyPacks packs;
    @Autowired
    Casework casework;

    Api api() {
        return new Api(port);
    }

    Cases cases() {
        return new Cases(api());
    }

    /** A complaint received on 22 December 2026, acknowledged on the 30th: in time today (5 working days), late under 3. */
    CaseOnFile acknowledgedOnTheThirtieth(String org, String area) {
        clock.setUk("2026-12-22T10:00");
        CaseOnFile file = cases().aComplaint().receivedAt(java.time.LocalDateTime.parse("2026-12-22T10:00")).by("Ada Resident")
                .points("Heating").inArea(area).in(org);
        clock.setUk("2026-12-30T09:00");
        file.act("acknowledge", "{}");
        return file;
    }

    int threeDayDraft(String org) {
        return WhatIfIT.draft(api(), org, "alliance-homes", y -> y.replace(
                "name: Acknowledge by the agreed method\n        within: 5 working days",
                "name: Acknowledge by the agreed method\n        within: 3 working days"));
    }

    @Test
    void aStoredReplayReadsTheSameFromAJobsServiceThatNeverRanItAndIsNotFoundForAnotherOrganisation() {
        String org = cases().anOrganisationLike("alliance-homes");
        CaseOnFile late = acknowledgedOnTheThirtieth(org, "Repairs");
        int draft = threeDayDraft(org);
        clock.setUk("2027-01-20T09:00");
        String id = WhatIfIT.started(api(), org, draft, "2026-12-01", "2026-12-31");
        JsonNode result = WhatIfIT.finished(api(), org, id);
        assertThat(WhatIfIT.refs(WhatIfIT.clockRow(result, 1, "acknowledgement").get("late").get("draft"))).containsExactly(late.reference());

        // a jobs service of its own, with nothing in memory, as another server or this one after a restart
        WhatIfJobs fresh = new WhatIfJobs(replay, new WhatIfStore(jdbc, json), packs, casework, clock);
        try {
            WhatIfJobs.Progress read = fresh.find(casework.scope(org), UUID.fromString(id)).orElseThrow();
            assertThat(read.status()).isEqualTo(WhatIfStore.Status.FINISHED);
            assertThat(read.askedBy()).isEqualTo(TestAccounts.ADMIN);
            // the case counted twice: once as received in the period, once as open now (the forward look), and
            // replayed both times whatever its id
            assertThat(read.cases()).isEqualTo(2);
            assertThat(read.replayed()).isEqualTo(2);
            assertThat(read.result().forward().openCases()).isEqualTo(1);
            assertThat(read.percent()).isEqualTo(100);
            assertThat(json.valueToTree(read.result()).toString()).isEqualTo(result.toString());
            assertThat(fresh.of(org)).extracting(WhatIfJobs.Progress::id).containsExactly(UUID.fromString(id));
        } finally {
            fresh.stop();
        }

        // the list (the last 20, without results) and the page's list of earlier comparisons, with links
        JsonNode listed = api().get("/api/v1/organisations/" + org + "/what-if").json();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("id").asString()).isEqualTo(id);
        assertThat(listed.get(0).get("status").asString()).isEqualTo("FINISHED");
        assertThat(listed.get(0).has("result")).isFalse();
        WebSession web = new WebSession(port);
        web.signIn(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
        assertThat(web.get("/staff/" + org + "/what-if").body()).contains("Comparisons run before",
                "href=\"/staff/" + org + "/what-if/" + id + "\"", "cases received 2026-12-01 to 2026-12-31", "finished, asked for by " + TestAccounts.ADMIN);

        String other = cases().anOrganisationLike("alliance-homes");
        assertThat(api().get("/api/v1/organisations/" + other + "/what-if/" + id).status()).isEqualTo(404);
        assertThat(api().get("/api/v1/organisations/" + other + "/what-if/" + id + "/export.xlsx").status()).isEqualTo(404);
        assertThat(web.get("/staff/" + other + "/what-if/" + id).status()).isEqualTo(404);
        assertThat(api().get("/api/v1/organisations/" + org + "/what-if/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void theWorkloadPerWeekByRoleCountsTheCasesWithAClockRunningAndTheResponsesDueEachWeekOfThePeriod() {
        String org = cases().anOrganisationLike("alliance-homes");
        acknowledgedOnTheThirtieth(org, "Repairs");
        int draft = threeDayDraft(org);
        clock.setUk("2027-01-20T09:00");
        JsonNode result = WhatIfIT.finished(api(), org, WhatIfIT.started(api(), org, draft, "2026-12-01", "2026-12-31"));

        // every week of the period (Mondays from 30 November), for the one role owning a stage the case reached: its
        // acknowledgement ran from 22 to 30 December and its response clock from then on, past the period's end; the
        // response falls due in January, after the period, so none is due in it under either pack
        List<String> rows = new ArrayList<>();
        result.get("workload").forEach(r -> rows.add(r.get("week").asString() + " " + r.get("role").asString() + ": "
                + r.get("runningToday").asInt() + "/" + r.get("runningDraft").asInt() + " running, "
                + r.get("dueToday").asInt() + "/" + r.get("dueDraft").asInt() + " due"));
        assertThat(rows).containsExactly(
                "2026-11-30 " + STAGE_ONE_OWNER + ": 0/0 running, 0/0 due",
                "2026-12-07 " + STAGE_ONE_OWNER + ": 0/0 running, 0/0 due",
                "2026-12-14 " + STAGE_ONE_OWNER + ": 0/0 running, 0/0 due",
                "2026-12-21 " + STAGE_ONE_OWNER + ": 1/1 running, 0/0 due",
                "2026-12-28 " + STAGE_ONE_OWNER + ": 1/1 running, 0/0 due");
    }

    @Test
    void aReplayLeftUnfinishedByAServerThatStoppedIsFailedAsInterruptedToBeRunAgain() {
        String org = cases().anOrganisationLike("alliance-homes");
        UUID id = UUID.randomUUID();
        // as a server that stopped mid-replay leaves it: running, its heartbeat ten minutes old
        jdbc.sql("""
                insert into whatif.replay (id, organisation, asked_by, draft_pack, draft_version, period_from, period_to, status,
                    total, replayed, started_at, heartbeat_at)
                values (?, ?, 'someone', ?, 2, date '2026-01-01', date '2026-12-31', 'RUNNING', 1000, 400, now() - interval '10 minutes',
                    now() - interval '10 minutes')""").params(id, org, org).update();

        JsonNode progress = api().get("/api/v1/organisations/" + org + "/what-if/" + id).json();
        assertThat(progress.get("status").asString()).isEqualTo("FAILED");
        assertThat(progress.get("problem").asString()).isEqualTo(
                "the replay was interrupted (the server running it stopped); run it again");
        assertThat(progress.has("result")).isFalse();
        Api.Response export = api().get("/api/v1/organisations/" + org + "/what-if/" + id + "/export.xlsx");
        assertThat(export.status()).isEqualTo(404);
        assertThat(export.body()).contains("the replay failed: the replay was interrupted");
    }

    @Test
    void aMemberLimitedToRepairsSeesEveryFigureButOnlyRepairsCasesBehindThemInTheApiThePageAndTheWorkbook() throws IOException, InterruptedException {
        String org = cases().anOrganisationLike("alliance-homes");
        CaseOnFile repairs = acknowledgedOnTheThirtieth(org, "Repairs");
        CaseOnFile neighbourhoods = acknowledgedOnTheThirtieth(org, "Neighbourhoods");
        int draft = threeDayDraft(org);
        String username = "wi.repairs." + org;
        Api limited = cases().aMember(org, username, TestAccounts.ADMIN_PASSWORD, Role.COMPLAINT_MANAGEMENT_OFFICER, List.of());
        assertThat(api().put("/api/v1/organisations/" + org + "/staff/" + username + "/service-areas", "{\"serviceAreas\":[\"Repairs\"]}")
                .status()).isEqualTo(204);
        clock.setUk("2027-01-20T09:00");
        String id = WhatIfIT.started(api(), org, draft, "2026-12-01", "2026-12-31");
        JsonNode whole = WhatIfIT.finished(api(), org, id);
        assertThat(WhatIfIT.refs(WhatIfIT.clockRow(whole, 1, "acknowledgement").get("late").get("draft")))
                .containsExactlyInAnyOrder(repairs.reference(), neighbourhoods.reference());
        assertThat(whole.has("casesShown")).isFalse();

        JsonNode shown = WhatIfIT.finished(limited, org, id);
        JsonNode late = WhatIfIT.clockRow(shown, 1, "acknowledgement").get("late").get("draft");
        assertThat(late.get("count").asInt()).isEqualTo(2);
        assertThat(WhatIfIT.refs(late)).containsExactly(repairs.reference());
        assertThat(shown.get("changedCaseCount").asInt()).isEqualTo(2);
        assertThat(shown.get("changedCases")).hasSize(1);
        assertThat(shown.get("casesShown").asString()).isEqualTo("The figures count every case of the organisation; the cases "
                + "listed behind them are only those in Repairs, the service area you are limited to.");
        assertThat(shown.toString()).doesNotContain(neighbourhoods.reference());

        WebSession web = new WebSession(port);
        web.signIn(username, TestAccounts.ADMIN_PASSWORD);
        String page = web.get("/staff/" + org + "/what-if/" + id).body();
        assertThat(page).contains(repairs.reference(), "only those in Repairs, the service area you are limited to", "1 more not listed",
                        STAGE_ONE_OWNER + ": cases with a clock running each week, today and under the draft")
                .doesNotContain(neighbourhoods.reference());

        HttpResponse<byte[]> xlsx = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/v1/organisations/" + org + "/what-if/" + id + "/export.xlsx"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((username + ":" + TestAccounts.ADMIN_PASSWORD)
                        .getBytes(StandardCharsets.UTF_8))).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        StringBuilder cells = new StringBuilder();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            for (Sheet sheet : book) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        cells.append(cell).append('|');
                    }
                }
            }
        }
        assertThat(cells.toString()).contains(repairs.reference(), "only those in Repairs", STAGE_ONE_OWNER)
                .doesNotContain(neighbourhoods.reference());
    }
}
