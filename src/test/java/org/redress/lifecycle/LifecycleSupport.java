package org.redress.lifecycle;

import org.redress.accounts.Accounts;
import org.redress.accounts.PackRoles;
import org.redress.accounts.Role;
import org.redress.testing.Api;
import org.redress.testing.CaseOnFile;
import org.redress.testing.Cases;
import org.redress.testing.MutableClock;
import org.redress.testing.TestClockConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the narrated lifecycle tests read as they walk a case: the clock the test moves, each clock's due date and
 * explanation, the letters queued so far, and the refusals the API gives (422 problem+json naming the rule).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"redress.outbox.poll-interval=1h", "redress.outbox.deliver-after-commit=false"})
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
abstract class LifecycleSupport {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    Accounts accounts;

    @Autowired
    PackRoles packRoles;

    @Autowired
    org.redress.calendar.Calendars calendars;

    static final String MEMBER_PASSWORD = "lifecycle-member-password";

    /**
     * The procedures are followed on the jurisdiction's calendar alone: closure days other tests leave behind (the access
     * walks send every route a date, 24 December 2026, and an allowed PUT of a closure day keeps it) are taken away first.
     */
    @org.junit.jupiter.api.BeforeEach
    void noClosureDaysLeftByOtherTests() {
        for (String organisation : new String[]{"alliance-homes", "the-trust", "helping-our-future", "247-alliance"}) {
            calendars.closureDays(organisation).forEach(day -> calendars.removeClosureDay(organisation, day.date()));
        }
    }

    Api api() {
        return new Api(port);
    }

    Cases cases() {
        return new Cases(api());
    }

    /**
     * A member of the organisation's team (a case worker) who holds exactly these pack roles, as an administrator would
     * give them (issue 22: an owner must hold the role that owns the stage, a decider the role of the decision).
     */
    String member(String organisation, String username, String... roles) {
        return member(organisation, username, Role.CASE_WORKER, roles);
    }

    /** The same with this account role (what the member may do: a decision needs a deciding role, such as a director). */
    String member(String organisation, String username, Role accountRole, String... roles) {
        accounts.ensure(username, username, MEMBER_PASSWORD, false, Map.of(organisation, accountRole));
        packRoles.set(organisation, username, Set.of(roles));
        return username;
    }

    /** The API as this member, signed in (a decision records who took it). */
    Api as(String username) {
        return Api.as(port, username, MEMBER_PASSWORD);
    }

    /** Moves the test's clock to this UK local time ("2026-12-15T10:00"): the application reads it as now. */
    void itIs(String ukLocalDateTime) {
        clock.setUk(ukLocalDateTime);
    }

    /** The case's clock of this id at this stage, as the API shows it after the last verb. */
    static JsonNode clockOf(CaseOnFile c, String id, int stage) {
        for (JsonNode each : c.json().get("clocks")) {
            if (each.get("id").asString().equals(id) && each.get("stage").asInt() == stage) {
                return each;
            }
        }
        throw new AssertionError("no clock " + id + " at stage " + stage + " in " + c.json().get("clocks"));
    }

    static String due(CaseOnFile c, String id, int stage) {
        return clockOf(c, id, stage).get("dueDate").asString();
    }

    static String explanation(CaseOnFile c, String id, int stage) {
        return clockOf(c, id, stage).get("explanation").asString();
    }

    static String status(CaseOnFile c, String id, int stage) {
        return clockOf(c, id, stage).get("status").asString();
    }

    /** The letters of the case so far, oldest first. */
    List<JsonNode> letters(CaseOnFile c) {
        Api.Response response = api().get(c.path() + "/letters");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<JsonNode> all = new ArrayList<>();
        response.json().forEach(all::add);
        return all;
    }

    List<String> letterKinds(CaseOnFile c) {
        return letters(c).stream().map(l -> l.get("kind").asString()).toList();
    }

    /** The latest letter of this kind: its subject and body as the complainant gets them. */
    JsonNode latestLetter(CaseOnFile c, String kind) {
        List<JsonNode> all = letters(c);
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).get("kind").asString().equals(kind)) {
                return all.get(i);
            }
        }
        throw new AssertionError("no " + kind + " letter on " + c.reference() + ": " + letterKinds(c));
    }

    String body(CaseOnFile c, String kind) {
        return latestLetter(c, kind).get("body").asString();
    }

    /** A verb the policy refuses: 422, the case unchanged; answers the problem's detail. */
    static String refused(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        return response.json().get("detail").asString();
    }

    /** The field a refusal names. */
    static String refusedField(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        return response.json().get("errors").get(0).get("field").asString();
    }

    static String extend(String clock, int amount, String reason) {
        return JSON.createObjectNode().put("clock", clock).put("amount", amount).put("reason", reason).toString();
    }

    static String extendAgreed(String clock, int amount, String reason) {
        return JSON.createObjectNode().put("clock", clock).put("amount", amount).put("reason", reason)
                .put("complainantAgreed", true).toString();
    }

    static List<String> historyTypes(CaseOnFile c) {
        List<String> types = new ArrayList<>();
        c.json().get("history").forEach(e -> types.add(e.get("type").asString()));
        return types;
    }
}
