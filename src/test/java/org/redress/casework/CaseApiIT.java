package org.redress.casework;

import org.junit.jupiter.api.Test;
import org.redress.testing.Api;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The case API's promises: nothing lost, nothing duplicated, nothing shown to the wrong organisation, bad input named. */
class CaseApiIT extends CaseApiSupport {

    @Autowired
    JdbcClient jdbc;

    long count(String organisation) {
        return jdbc.sql("select count(*) from casework.case_file where organisation = ?").param(organisation).query(Long.class).single();
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheSameCaseAndCreatesNothing() {
        clock.setUk("2026-11-23T10:00");
        String org = cases().anOrganisationLike("alliance-homes");
        String body = complaint("complaint", "2026-11-23T09:00:00Z", "housing", "Point");
        String key = UUID.randomUUID().toString();
        Api.Response first = api().post("/api/v1/organisations/" + org + "/cases", body, "Idempotency-Key", key);
        Api.Response retry = api().post("/api/v1/organisations/" + org + "/cases", body, "Idempotency-Key", key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().get("replayed").asBoolean()).isTrue();
        assertThat(retry.json().get("caseFile").get("reference").asString()).isEqualTo(first.json().get("caseFile").get("reference").asString());
        assertThat(count(org)).isEqualTo(1);

        Api.Response reused = api().post("/api/v1/organisations/" + org + "/cases",
                complaint("complaint", "2026-11-23T09:00:00Z", "housing", "Another"), "Idempotency-Key", key);
        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.json().get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
        assertThat(count(org)).isEqualTo(1);
    }

    @Test
    void concurrentRetriesWithOneKeyCreateExactlyOneCase() throws Exception {
        clock.setUk("2026-11-23T10:00");
        String org = cases().anOrganisationLike("the-trust");
        String body = complaint("complaint", "2026-11-23T09:00:00Z", null, "Point");
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Api.Response>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(() -> api().post("/api/v1/organisations/" + org + "/cases", body, "Idempotency-Key", key));
        }
        List<String> references = new ArrayList<>();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Api.Response> f : pool.invokeAll(calls)) {
            Api.Response r = f.get();
            statuses.add(r.status());
            references.add(r.json().get("caseFile").get("reference").asString());
        }
        pool.shutdown();
        // exactly one call creates the case (201); the seven others replay it (200)
        assertThat(statuses).as("statuses").containsExactlyInAnyOrder(201, 200, 200, 200, 200, 200, 200, 200);
        assertThat(references).containsOnly(references.get(0));
        assertThat(count(org)).isEqualTo(1);
    }

    @Test
    void badInputNamesEachFieldAndCreatesNothing() {
        String org = cases().anOrganisationLike("alliance-homes");
        Api.Response response = api().post("/api/v1/organisations/" + org + "/cases", """
                {"recordType":"","complainant":{"email":"not-an-email","preferredContact":"EMAIL"},
                 "representative":{"name":"Bob"},"description":" "}""");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").findValuesAsString("field")).contains("recordType", "channel",
                "complainant.name", "complainant.email", "description", "representative.consentRecorded");
        assertThat(api().post("/api/v1/organisations/" + org + "/cases", "{not json").status()).isEqualTo(400);
        Api.Response unknownType = api().post("/api/v1/organisations/" + org + "/cases",
                complaint("grumble", "2026-11-23T09:00:00Z", null, "x"));
        assertThat(unknownType.status()).isEqualTo(422);
        assertThat(unknownType.json().get("errors").get(0).get("field").asString()).isEqualTo("recordType");
        assertThat(count(org)).isZero();
    }

    @Test
    void oneOrganisationCannotReadListOrChangeAnothersCases() {
        clock.setUk("2026-11-23T10:00");
        JsonNode trustCase = create("the-trust", complaint("complaint", "2026-11-23T09:00:00Z", null, "Private matter"));
        String id = trustCase.get("id").asString();
        String reference = trustCase.get("reference").asString();
        assertThat(api().get("/api/v1/organisations/alliance-homes/cases/" + id).status()).isEqualTo(404);
        assertThat(api().get("/api/v1/organisations/alliance-homes/cases/" + reference).status()).isEqualTo(404);
        assertThat(api().post("/api/v1/organisations/alliance-homes/cases/" + id + "/acknowledge", "{}").status()).isEqualTo(404);
        assertThat(api().get("/api/v1/organisations/alliance-homes/cases?sort=received&size=200&text=" + reference).body()).doesNotContain(id);
        assertThat(api().get("/api/v1/organisations/the-trust/cases/" + id).json().get("history")).hasSize(1);
        assertThat(api().get("/api/v1/organisations/nobody/cases/" + id).status()).isEqualTo(404);
    }

    @Test
    void aCaseReadByIdOrByReferenceIsTheSameCaseWithItsWholeHistoryInOrder() { // issue 28: one statement reads both
        clock.setUk("2026-11-23T10:00");
        JsonNode c = create("alliance-homes", complaint("complaint", "2026-11-23T09:00:00Z", "housing", "Point"));
        act("alliance-homes", c, "assign", "{\"owner\":\"sam\"}");
        act("alliance-homes", c, "points", "{\"summary\":\"a second point\"}");
        act("alliance-homes", c, "assign", "{\"owner\":\"kim\"}");

        JsonNode byReference = api().get("/api/v1/organisations/alliance-homes/cases/" + c.get("reference").asString()).json();
        JsonNode byId = api().get("/api/v1/organisations/alliance-homes/cases/" + c.get("id").asString()).json();
        assertThat(byId).isEqualTo(byReference);
        assertThat(byReference.get("version").asLong()).isEqualTo(c.get("version").asLong() + 3);
        List<String> history = new ArrayList<>();
        byReference.get("history").forEach(e -> history.add(e.get("sequence").asInt() + " " + e.get("type").asString()));
        assertThat(history).containsExactly("1 logged", "2 assigned", "3 point-added", "4 assigned");
        assertThat(byReference.get("stages").get(0).get("owner").asString()).isEqualTo("kim");
        assertThat(api().get("/api/v1/organisations/alliance-homes/cases/AH-1999-000001").status()).isEqualTo(404);
        assertThat(api().get("/api/v1/organisations/alliance-homes/cases/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void aStaleEditIsRefusedWithAClearMessageAndChangesNothing() {
        clock.setUk("2026-11-23T10:00");
        JsonNode c = create("alliance-homes", complaint("complaint", "2026-11-23T09:00:00Z", "housing", "Point"));
        long version = c.get("version").asLong();
        act("alliance-homes", c, "assign", "{\"owner\":\"sam\",\"expectedVersion\":" + version + "}");
        Api.Response stale = attempt("alliance-homes", c, "assign", "{\"owner\":\"kim\",\"expectedVersion\":" + version + "}");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("detail").asString()).contains("has changed since you opened it", "reload");
        JsonNode now = api().get(path("alliance-homes", c)).json();
        assertThat(now.get("stages").get(0).get("owner").asString()).isEqualTo("sam");
    }

    @Test
    void concurrentEditsOfOneVersionLetExactlyOneThrough() throws Exception {
        clock.setUk("2026-11-23T10:00");
        JsonNode c = create("alliance-homes", complaint("complaint", "2026-11-23T09:00:00Z", "housing", "Point"));
        long version = c.get("version").asLong();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            int n = i;
            calls.add(() -> attempt("alliance-homes", c, "points", "{\"summary\":\"point " + n + "\",\"expectedVersion\":" + version + "}").status());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(calls)) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses).containsOnly(200, 409);
        assertThat(statuses.stream().filter(s -> s == 200)).hasSize(1);
        JsonNode after = api().get(path("alliance-homes", c)).json();
        assertThat(after.get("points")).hasSize(2);
        assertThat(after.get("history")).hasSize(2);
    }

    @Test
    void theHistoryCannotBeRewrittenEvenInTheDatabase() {
        clock.setUk("2026-11-23T10:00");
        JsonNode c = create("alliance-homes", complaint("complaint", "2026-11-23T09:00:00Z", "housing", "Point"));
        UUID id = UUID.fromString(c.get("id").asString());
        assertThatThrownBy(() -> jdbc.sql("update casework.case_event set actor = 'someone else' where case_id = ?").param(id).update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from casework.case_event where case_id = ?").param(id).update())
                .hasMessageContaining("append-only");
    }

    @Test
    void workListsAreSortedByTheNextDeadlineAndPageWithoutGapsOrRepeats() {
        clock.setUk("2026-11-23T10:00");
        String org = cases().anOrganisationLike("helping-our-future");
        List<String> created = new ArrayList<>();
        for (int day = 0; day < 7; day++) {
            created.add(create(org, complaint("complaint", "2026-11-%02dT09:00:00Z".formatted(10 + day), null, "Point " + day))
                    .get("reference").asString());
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        String previousDue = "";
        do {
            JsonNode page = api().get("/api/v1/organisations/" + org + "/cases?sort=due&size=3" + (cursor == null ? "" : "&cursor=" + cursor)).json();
            for (JsonNode item : page.get("items")) {
                assertThat(item.get("nextDue").asString()).isGreaterThanOrEqualTo(previousDue);
                previousDue = item.get("nextDue").asString();
                seen.add(item.get("reference").asString());
            }
            cursor = page.get("nextCursor") == null || page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
        } while (cursor != null);
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);

        JsonNode overdue = api().get("/api/v1/organisations/" + org + "/cases?sort=due&clockStatus=OVERDUE&size=200").json();
        assertThat(overdue.get("items")).allSatisfy(i -> assertThat(i.get("clockStatus").asString()).isEqualTo("OVERDUE"));
        JsonNode byText = api().get("/api/v1/organisations/" + org + "/cases?sort=received&text=" + created.get(3)).json();
        assertThat(byText.get("items")).hasSize(1);
        assertThat(api().get("/api/v1/organisations/" + org + "/cases?cursor=nonsense").status()).isEqualTo(400);
        assertThat(api().get("/api/v1/organisations/" + org + "/cases?size=5000").status()).isEqualTo(400);
    }

    @Test
    void aServiceRequestTheResidentIsUnhappyWithBecomesALinkedComplaintAndStaysOpen() {
        clock.setUk("2026-11-23T10:00");
        JsonNode request = create("the-trust", complaint("support-service-request", "2026-11-23T09:00:00Z", null));
        Api.Response reclassified = api().post(path("the-trust", request) + "/reclassify", "{\"recordType\":\"complaint\"}");
        assertThat(reclassified.status()).as(reclassified.body()).isEqualTo(201);
        JsonNode complaint = reclassified.json().get("caseFile");
        assertThat(complaint.get("recordType").asString()).isEqualTo("complaint");
        assertThat(complaint.get("linkedFrom").asString()).isEqualTo(request.get("reference").asString());
        JsonNode original = api().get(path("the-trust", request)).json();
        assertThat(original.get("status").asString()).isEqualTo("OPEN");
        assertThat(original.get("linkedTo").get(0).asString()).isEqualTo(complaint.get("reference").asString());
        assertThat(api().post(path("the-trust", complaint) + "/reclassify", "{\"recordType\":\"compliment\"}").status()).isEqualTo(422);
    }

    @Test
    void aRepeatComplaintWithinSixMonthsAndAnOldOneAreFlaggedNotRejected() {
        clock.setUk("2026-11-23T10:00");
        String first = """
                {"recordType":"complaint","channel":"EMAIL","receivedAt":"2026-09-01T09:00:00Z",
                 "complainant":{"name":"Repeat Person","email":"repeat.person@example.org"},
                 "serviceLine":"housing","description":"Noise from next door"}""";
        create("alliance-homes", first);
        JsonNode warnings = api().post("/api/v1/organisations/alliance-homes/cases/checks", """
                {"recordType":"complaint","channel":"PHONE","complainant":{"name":"Repeat Person","email":"repeat.person@example.org"},
                 "serviceLine":"housing","description":"Noise again","awareSince":"2025-06-01"}""").json();
        assertThat(warnings.findValuesAsString("kind")).containsExactlyInAnyOrder("REPEAT", "TIME_LIMIT");
        assertThat(warnings.toString()).contains("F-11", "F-3");
    }

    @Test
    void everyVerbRefusedByThePolicySaysWhichRule() {
        clock.setUk("2026-11-23T10:00");
        JsonNode c = create("alliance-homes", complaint("complaint", "2026-11-23T09:00:00Z", "housing", "Point"));
        assertRefused(attempt("alliance-homes", c, "close", "{}"), "respond before closing");
        assertRefused(attempt("alliance-homes", c, "resume", "{}"), "cannot resume a case that is open");
        assertRefused(attempt("alliance-homes", c, "escalation-request", "{}"), "cannot escalate a case that is open");
        assertRefused(attempt("alliance-homes", c, "extend", "{\"clock\":\"respond\",\"amount\":5,\"reason\":\"x\"}"), "no running clock 'respond'");
        assertRefused(attempt("alliance-homes", c, "extend", "{\"clock\":\"acknowledge\",\"amount\":5,\"reason\":\"x\"}"), "cannot be extended");
        assertRefused(attempt("alliance-homes", c, "steps", "{\"step\":\"case-conference\",\"note\":\"x\"}"), "belongs to stage");
        assertRefused(attempt("alliance-homes", c, "respond", "{\"summary\":\"x\",\"points\":[]}"), "undecided: [1]");
        assertRefused(attempt("alliance-homes", c, "decline", "{\"ground\":\"VEXATIOUS\",\"reasons\":\"x\",\"decidedBy\":\"local-manager\"}"), "F-10");
        assertRefused(attempt("alliance-homes", c, "decline", "{\"ground\":\"OUT_OF_SCOPE\",\"exclusion\":\"weather\",\"reasons\":\"x\"}"), "exclusions");
        assertRefused(attempt("alliance-homes", c, "refuse-escalation", "{\"ground\":\"x\",\"reasons\":\"y\"}"), "only an escalation request");
        assertRefused(attempt("alliance-homes", c, "accept-escalation", "{}"), "no escalation to accept");
        assertRefused(attempt("alliance-homes", c, "reopen", "{\"reason\":\"x\"}"), "cannot reopen a case that is open");
        assertThat(attempt("alliance-homes", c, "acknowledge", "{\"at\":\"2030-01-01T00:00:00Z\"}").status()).isEqualTo(400);

        act("alliance-homes", c, "hold", "{\"kind\":\"LEGAL\",\"reason\":\"court papers issued\"}");
        assertRefused(attempt("alliance-homes", c, "hold", "{\"kind\":\"OTHER\",\"reason\":\"again\"}"), "cannot put on hold a case that is on hold");
        act("alliance-homes", c, "decline", "{\"ground\":\"OUT_OF_SCOPE\",\"exclusion\":\"courts-tribunals-insurers\",\"reasons\":\"a matter for the court\"}");
        assertRefused(attempt("alliance-homes", c, "withdraw", "{\"reason\":\"x\"}"), "cannot withdraw a case that is declined");
        // a declined complaint still counts in the regulator's figures, so only its tenure can still be put right
        assertThat(api().get(path("alliance-homes", c)).json().get("allowedActions").toString()).isEqualTo("[\"tenure\"]");
    }

    @Test
    void aLandlordsCaseRecordsTheComplainantsTenureAtLoggingShowsItAndCorrectsItByAVerb() {
        // TSM CH01 and CH02 are split by tenure
        clock.setUk("2026-11-23T10:00");
        JsonNode c = create("alliance-homes", complaint("complaint", "2026-11-23T09:00:00Z", "housing", "Point")
                .replace("\"preferredContact\":\"EMAIL\",", "\"preferredContact\":\"EMAIL\",\"tenure\":\"LOW_COST_RENTAL\","));
        assertThat(c.get("complainant").get("tenure").asString()).isEqualTo("LOW_COST_RENTAL");
        assertThat(c.get("history").get(0).get("details").get("tenure").asString()).isEqualTo("LOW_COST_RENTAL");
        assertThat(c.get("allowedActions").toString()).contains("tenure");
        JsonNode corrected = act("alliance-homes", c, "tenure", "{\"tenure\":\"LOW_COST_HOME_OWNERSHIP\",\"expectedVersion\":"
                + c.get("version").asLong() + "}");
        assertThat(api().get(path("alliance-homes", c)).json().get("complainant").get("tenure").asString()).isEqualTo("LOW_COST_HOME_OWNERSHIP");
        JsonNode event = corrected.get("history").get(corrected.get("history").size() - 1);
        assertThat(event.get("type").asString()).isEqualTo("tenure-recorded");
        assertThat(event.get("details").get("previous").asString()).isEqualTo("LOW_COST_RENTAL");
        assertRefused(attempt("alliance-homes", corrected, "tenure", "{\"tenure\":\"LOW_COST_HOME_OWNERSHIP\"}"), "already");
        // not given: not known
        JsonNode untold = create("alliance-homes", complaint("complaint", "2026-11-23T09:00:00Z", "housing", "Point"));
        assertThat(untold.get("complainant").get("tenure").asString()).isEqualTo("UNKNOWN");
    }

    @Test
    void aTenureThatIsNoTenureIsRefusedNamingTheFieldAndCreatesNothing() {
        //
        clock.setUk("2026-11-23T10:00");
        String org = cases().anOrganisationLike("alliance-homes");
        Api.Response bad = api().post("/api/v1/organisations/" + org + "/cases", complaint("complaint", "2026-11-23T09:00:00Z",
                "housing", "Point").replace("\"preferredContact\":\"EMAIL\",", "\"preferredContact\":\"EMAIL\",\"tenure\":\"COUNCIL_HOUSE\","));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("complainant.tenure");
        assertThat(bad.json().get("errors").get(0).get("message").asString()).contains("LOW_COST_RENTAL", "LOW_COST_HOME_OWNERSHIP");
        assertThat(count(org)).isZero();

        JsonNode c = create(org, complaint("complaint", "2026-11-23T09:00:00Z", "housing", "Point"));
        Api.Response badVerb = attempt(org, c, "tenure", "{\"tenure\":\"FREEHOLD\"}");
        assertThat(badVerb.status()).isEqualTo(400);
        assertThat(badVerb.json().get("errors").get(0).get("field").asString()).isEqualTo("tenure");
        assertThat(attempt(org, c, "tenure", "{}").json().get("errors").get(0).get("field").asString()).isEqualTo("tenure");
        assertThat(api().get(path(org, c)).json().get("history")).hasSize(1);
        assertThat(count(org)).isEqualTo(1);

        // an organisation that is not a social landlord records no tenure
        String contractor = cases().anOrganisationLike("247-alliance");
        Api.Response notALandlord = api().post("/api/v1/organisations/" + contractor + "/cases", complaint("complaint", "2026-11-23T09:00:00Z",
                null, "Point").replace("\"preferredContact\":\"EMAIL\",", "\"preferredContact\":\"EMAIL\",\"tenure\":\"LOW_COST_RENTAL\","));
        assertThat(notALandlord.status()).isEqualTo(422);
        assertThat(notALandlord.json().get("errors").get(0).get("field").asString()).isEqualTo("complainant.tenure");
        assertThat(count(contractor)).isZero();
    }

    @Test
    void theOtherVerbsAreRefusedWithTheReasonOnceTheCaseHasMovedOnAndChangeNothing() {
        clock.setUk("2026-11-23T10:00");
        JsonNode c = create("alliance-homes", complaint("complaint", "2026-11-23T09:00:00Z", "housing", "Point"));
        c = act("alliance-homes", c, "acknowledge", "{}");
        assertRefused(attempt("alliance-homes", c, "acknowledge", "{}"), "already acknowledged");
        assertThat(attempt("alliance-homes", c, "points", "{}").json().get("errors").get(0).get("field").asString()).isEqualTo("summary");
        assertThat(attempt("alliance-homes", c, "understanding", "{}").json().get("errors").get(0).get("field").asString()).isEqualTo("understanding");
        assertThat(attempt("alliance-homes", c, "evidence", "{\"kind\":\"INTERVIEW\"}").json().get("errors"))
                .extracting(e -> e.get("field").asString()).containsExactly("date", "who", "notes");
        assertThat(attempt("alliance-homes", c, "contact", "{}").status()).isEqualTo(400);
        assertThat(attempt("alliance-homes", c, "assign", "{}").status()).isEqualTo(400);
        assertRefused(attempt("alliance-homes", c, "reclassify", "{\"recordType\":\"compliment\"}"), "a complaint can become nothing else");

        c = act("alliance-homes", c, "withdraw", "{\"reason\":\"resolved informally\"}");
        long version = c.get("version").asLong();
        assertRefused(attempt("alliance-homes", c, "assign", "{\"owner\":\"sam.manager\"}"), "cannot assign a case that is withdrawn");
        assertRefused(attempt("alliance-homes", c, "points", "{\"summary\":\"another\"}"), "cannot add a point to a case that is withdrawn");
        assertRefused(attempt("alliance-homes", c, "contact", "{\"note\":\"phoned\"}"), "cannot record contact on a case that is withdrawn");
        assertRefused(attempt("alliance-homes", c, "evidence",
                "{\"kind\":\"INTERVIEW\",\"date\":\"2026-11-23\",\"who\":\"Ada\",\"notes\":\"x\"}"), "cannot record evidence on a case that is withdrawn");
        assertRefused(attempt("alliance-homes", c, "acknowledge", "{}"), "cannot acknowledge a case that is withdrawn");
        assertRefused(attempt("alliance-homes", c, "respond",
                "{\"summary\":\"x\",\"points\":[{\"number\":1,\"outcome\":\"UPHELD\",\"reasons\":\"y\"}]}"), "withdrawn");
        assertRefused(attempt("alliance-homes", c, "hold", "{\"kind\":\"OTHER\",\"reason\":\"x\"}"), "withdrawn");
        JsonNode after = api().get(path("alliance-homes", c)).json();
        assertThat(after.get("version").asLong()).isEqualTo(version);
        assertThat(after.get("history")).extracting(e -> e.get("type").asString()).containsExactly("logged", "acknowledged", "withdrawn");
        // the typed payload stays out of the API: each history entry shows what it always showed (issue 26, item 2)
        assertThat(after.get("history").get(2).propertyNames()).containsExactlyInAnyOrder("sequence", "type", "at", "actor", "reason", "details");
        assertThat(after.get("history").get(2).get("details").propertyNames()).containsExactly("stage");

        // Code 5.6: a compliment has no stage, so no understanding of a complaint to record
        JsonNode compliment = create("alliance-homes", complaint("compliment", "2026-11-23T09:00:00Z", "housing"));
        assertRefused(attempt("alliance-homes", compliment, "understanding", "{\"understanding\":\"x\"}"), "Code 5.6");
        assertRefused(attempt("alliance-homes", compliment, "escalation-request", "{}"), "has no stages to escalate through");

        // the transition table: a withdrawn service request is no longer offered for reclassifying, nor accepted
        JsonNode request = create("alliance-homes", complaint("service-request", "2026-11-23T09:00:00Z", "housing"));
        assertThat(request.get("allowedActions").toString()).contains("\"reclassify\"");
        request = act("alliance-homes", request, "withdraw", "{\"reason\":\"sorted out\"}");
        assertThat(request.get("allowedActions").toString()).isEqualTo("[\"tenure\"]");
        assertRefused(attempt("alliance-homes", request, "reclassify", "{\"recordType\":\"complaint\"}"), "cannot reclassify a case that is withdrawn");
        assertRefused(attempt("alliance-homes", request, "understanding", "{\"understanding\":\"x\"}"), "Code 5.6");
    }

    @Test
    void theWorkListFiltersByTypeStageOwnerServiceAreaAndDueDate() {
        clock.setUk("2026-11-23T10:00");
        String org = "alliance-homes";
        String marker = "Filterable" + Long.toString(System.nanoTime(), 36);
        JsonNode repairs = create(org, complaint("complaint", "2026-11-20T09:00:00Z", "housing", marker));
        JsonNode other = create(org, complaint("complaint", "2026-11-23T09:00:00Z", "housing", marker)
                // another of the organisation's service areas (an area outside its list is refused, issue 20)
                .replace("\"serviceArea\":\"Repairs\"", "\"serviceArea\":\"Neighbourhoods\""));
        JsonNode compliment = create(org, complaint("compliment", "2026-11-23T09:00:00Z", "housing", marker));
        act(org, other, "assign", "{\"owner\":\"kim\"}"); // an owner of stage 1 holds its role (issue 22)

        String base = "/api/v1/organisations/" + org + "/cases?sort=received&text=" + marker;
        assertThat(references(base)).containsExactlyInAnyOrder(ref(repairs), ref(other), ref(compliment));
        assertThat(references(base + "&type=compliment")).containsExactly(ref(compliment));
        assertThat(references(base + "&stage=1")).containsExactlyInAnyOrder(ref(repairs), ref(other));
        assertThat(references(base + "&owner=kim")).containsExactly(ref(other));
        assertThat(references(base + "&serviceArea=Neighbourhoods")).containsExactly(ref(other));
        // acknowledgement due 5 working days after logging: the one logged on 20 November is due first
        String firstDue = repairs.get("nextDue").asString();
        assertThat(firstDue).isLessThan(other.get("nextDue").asString());
        assertThat(references(base + "&dueBefore=" + java.time.Instant.parse(firstDue).plusSeconds(1))).containsExactly(ref(repairs));
        for (String bad : List.of("stage=one", "clockStatus=LATE", "dueBefore=tomorrow")) {
            Api.Response refused = api().get(base + "&" + bad);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo(bad.substring(0, bad.indexOf('=')));
        }
    }

    private List<String> references(String path) {
        Api.Response response = api().get(path);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<String> refs = new ArrayList<>();
        response.json().get("items").forEach(i -> refs.add(i.get("reference").asString()));
        return refs;
    }

    private static String ref(JsonNode caseFile) {
        return caseFile.get("reference").asString();
    }

    private static void assertRefused(Api.Response response, String expected) {
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).contains(expected);
    }
}
