package org.redress.reporting;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Housing Ombudsman Code's annual outputs (issue 23, Code section 8, T-11, R-1), produced for each shipped social
 * landlord's pack from the same hand-built year: 2023/24 (1 April 2023 to 31 March 2024), in an organisation of its own
 * running a copy of the pack, so every figure is exact. England and Wales working days; no bank holiday falls in the
 * weeks used (5 June to 8 August 2023).
 * <ul>
 *   <li>A, received Mon 5 June: acknowledged that day, answered on the 6th: both in time.</li>
 *   <li>B, received Mon 12 June: acknowledged Wed 21 June, 7 working days later (late: the Code's 6.2 gives 5); answered
 *   Thu 22 June, 1 working day after the acknowledgement (in time); escalated Mon 26 June, accepted Tue 27 June.</li>
 *   <li>C, received Mon 3 July: acknowledged that day; answered Thu 20 July, 13 working days after (late: 6.3 gives 10);
 *   where the pack has a ground to refuse an escalation, escalated Mon 24 July and refused on the 25th.</li>
 *   <li>D, received Mon 7 August: not accepted on the 8th, on a ground the pack has.</li>
 *   <li>E, received Sun 31 March 2024 at 23:30, the year's last half hour: counted; F, received Mon 1 April 2024 at
 *   00:30: the next year's, not counted.</li>
 * </ul>
 * So stage 1: 5 received (A to E), 3 acknowledged (A, B, C), 2 of them in time (A, C), 3 answered, 2 within the Code's
 * timescale (A, B); stage 2: 1 received (B), 2 where C asked to escalate (a refused request is received at stage 2, as
 * TSM CH01 counts it). Refused: D (not accepted), and C's escalation where the pack allows one.
 * One determination on A (referred 1 September 2023): maladministration on point 1, one order to pay, complied with.
 * One service change from B, done on 30 September 2023.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class CodeAnnualOutputsIT {

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    Api api() {
        return new Api(port);
    }

    /** A social landlord's pack, how a complaint is not accepted under it, and its ground to refuse an escalation (if any). */
    record Pack(String organisation, String declineGround, String declineReasonInReport, String deciderRole, String escalationGround) {
    }

    static Stream<Arguments> socialLandlords() {
        return Stream.of(
                Arguments.of(new Pack("alliance-homes", "REPEAT", "Already considered under the complaints procedure", "", "")),
                Arguments.of(new Pack("the-trust", "VEXATIOUS", "Unreasonably persistent or vexatious", "client-services-manager",
                        "unacceptable behaviour or a vexatious complaint (T-4)")),
                Arguments.of(new Pack("helping-our-future", "REPEAT", "Already considered under the complaints procedure",
                        "complaint-management-officer", "unacceptable actions or behaviour (003 appendix 1.4)")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("socialLandlords")
    void theSelfAssessmentAndTheAnnualReportCarryTheYearsFiguresExactly(Pack pack) {
        Cases cases = new Cases(api());
        String org = cases.anOrganisationLike(pack.organisation());
        boolean refusesEscalation = !pack.escalationGround().isEmpty();

        CaseOnFile a = complaint(cases, org, "2023-06-05T09:00", "Ann Able");
        at("2023-06-05T10:00");
        a.acknowledge();
        at("2023-06-06T09:00");
        a.respond("We fixed it.", Cases.upheld(1, "the repair was late"));

        CaseOnFile b = complaint(cases, org, "2023-06-12T09:00", "Ben Best");
        at("2023-06-21T09:00");
        b.acknowledge();
        at("2023-06-22T09:00");
        b.respond("We looked into it.", Cases.notUpheld(1, "the visit was kept"));
        at("2023-06-26T09:00");
        b.askToEscalate("still unhappy", "a new visit");
        at("2023-06-27T09:00");
        b.acceptEscalation();

        CaseOnFile c = complaint(cases, org, "2023-07-03T09:00", "Cat Cole");
        at("2023-07-03T11:00");
        c.acknowledge();
        at("2023-07-20T09:00");
        c.respond("We looked into it.", Cases.notUpheld(1, "the charge was right"));
        if (refusesEscalation) {
            at("2023-07-24T09:00");
            c.askToEscalate("still unhappy", "a refund");
            at("2023-07-25T09:00");
            c.act("refuse-escalation", JSON.createObjectNode().put("ground", pack.escalationGround())
                    .put("reasons", "abusive calls to staff").put("reviewDate", "2024-01-25").toString());
        }

        CaseOnFile d = complaint(cases, org, "2023-08-07T09:00", "Dan Dale");
        at("2023-08-08T09:00");
        (pack.deciderRole().isEmpty() ? d : d.actingAs(cases.aDeciderHolding(org, org + ".decider", pack.deciderRole())))
                .act("decline", JSON.createObjectNode().put("ground", pack.declineGround())
                        .put("reasons", "the same matter was answered in May").toString());

        complaint(cases, org, "2024-03-31T23:30", "Eve East");
        complaint(cases, org, "2024-04-01T00:30", "Fay Ford");

        // the Ombudsman's determination on A, and the service change from B
        at("2023-10-02T09:00");
        String ombudsman = "/api/v1/organisations/" + org + "/cases/" + a.id() + "/ombudsman";
        ok(api().post(ombudsman + "/referral", "{\"ombudsman\":\"housing-ombudsman\",\"reference\":\"HOS-2023-7\","
                + "\"referredOn\":\"2023-09-01\",\"determinedOn\":\"2023-09-28\",\"overrideReason\":\"a complaint about the home\"}"));
        ok(api().post(ombudsman + "/findings", "{\"findings\":[{\"point\":1,\"finding\":\"MALADMINISTRATION\",\"category\":\"Repairs\",\"notes\":\"late repair\"}]}"));
        JsonNode ordered = ok(api().post(ombudsman + "/orders",
                "{\"kind\":\"PAY\",\"description\":\"Pay £100\",\"amount\":100.00,\"dueOn\":\"2023-10-30\",\"point\":1}"));
        String order = ordered.get("orders").get(0).get("id").asString();
        at("2023-10-21T09:00");
        ok(api().post(ombudsman + "/orders/" + order + "/complied", "{\"compliedOn\":\"2023-10-20\",\"evidence\":\"paid\"}"));
        Api.Response created = api().post("/api/v1/organisations/" + org + "/lessons", JSON.createObjectNode()
                .put("kind", "SERVICE_CHANGE").put("title", "Repair visits confirmed by text").put("description", "texts")
                .put("rootCause", "POLICY_OR_PROCEDURE").put("owner", "Repairs manager").set("cases", JSON.createArrayNode().add(b.reference()))
                .toString());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode lesson = created.json();
        ok(api().post("/api/v1/organisations/" + org + "/lessons/" + lesson.get("lesson").get("id").asString() + "/status",
                "{\"status\":\"DONE\",\"doneOn\":\"2023-09-30\"}"));

        at("2024-05-01T09:00");
        JsonNode report = ok(api().get("/api/v1/organisations/" + org + "/reports/annual/2023"));
        assertThat(report.get("yearLabel").asString()).isEqualTo("2023/24");
        assertThat(report.get("from").asString()).isEqualTo("2023-04-01");
        assertThat(report.get("to").asString()).isEqualTo("2024-03-31");
        JsonNode one = report.get("stages").get(0);
        assertThat(one.get("stage").asString()).isEqualTo("Stage 1");
        assertThat(one.get("received").asLong()).isEqualTo(5);
        assertThat(one.get("acknowledged").asLong()).isEqualTo(3);
        assertThat(one.get("acknowledgedInTime").asLong()).isEqualTo(2);
        assertThat(one.get("responses").asLong()).isEqualTo(3);
        assertThat(one.get("respondedInTime").asLong()).isEqualTo(2);
        JsonNode two = report.get("stages").get(1);
        assertThat(two.get("stage").asString()).isEqualTo("Stage 2");
        assertThat(two.get("received").asLong()).as("B's escalation, and C's where it was asked for and refused (counted as TSM CH01 counts it)")
                .isEqualTo(refusesEscalation ? 2 : 1);
        assertThat(two.get("responses").asLong()).isEqualTo(0);

        assertThat(report.get("complaintsNotAccepted").asInt()).isEqualTo(1);
        assertThat(report.get("escalationsRefused").asInt()).isEqualTo(refusesEscalation ? 1 : 0);
        List<String> refusals = new ArrayList<>();
        report.get("refusals").forEach(r -> refusals.add(r.get("kind").asString() + " | " + r.get("reason").asString() + " | "
                + r.get("count").asInt() + " | " + r.get("references").get(0).asString()));
        List<String> expected = new ArrayList<>(List.of("complaint-not-accepted | " + pack.declineReasonInReport() + " | 1 | " + d.reference()));
        if (refusesEscalation) {
            expected.add("escalation-refused | " + pack.escalationGround() + " | 1 | " + c.reference());
        }
        assertThat(refusals).containsExactlyElementsOf(expected);

        assertThat(count(report.get("findings"), "Maladministration")).isEqualTo(1);
        assertThat(count(report.get("findings"), "Service failure")).isEqualTo(0);
        assertThat(count(report.get("findings"), "Severe maladministration")).isEqualTo(0);
        assertThat(report.get("orders").asLong()).isEqualTo(1);
        assertThat(report.get("ordersComplied").asLong()).isEqualTo(1);
        assertThat(report.get("ordersByKind").size()).isEqualTo(1);
        assertThat(report.get("ordersByKind").get(0).get("label").asString()).isEqualTo("Pay compensation");
        assertThat(report.get("improvements").size()).isEqualTo(1);
        JsonNode change = report.get("improvements").get(0);
        assertThat(change.get("kind").asString()).isEqualTo("Service change");
        assertThat(change.get("status").asString()).isEqualTo("Done");
        assertThat(change.get("doneOn").asString()).isEqualTo("2023-09-30");
        assertThat(change.get("cases").get(0).asString()).isEqualTo(b.reference());

        // the self-assessment: every provision, with the year's evidence where the data give it
        JsonNode assessment = report.get("selfAssessment");
        assertThat(assessment.get("provisions").asInt()).isEqualTo(assessment.get("rows").size()).isEqualTo(73);
        assertThat(row(assessment, "6.2").get("evidence").toString())
                .contains("Cases: 2 of 3 stage 1 complaints acknowledged within the Code's timescale (66.7%) in 2023-04-01 to 2024-03-31");
        assertThat(row(assessment, "6.2").get("complies").asBoolean()).as("B was acknowledged late").isFalse();
        assertThat(row(assessment, "6.3").get("evidence").toString())
                .contains("Cases: 2 of 3 stage 1 responses sent within the Code's timescale (66.7%) in 2023-04-01 to 2024-03-31");
        assertThat(row(assessment, "6.3").get("complies").asBoolean()).isFalse();
        assertThat(row(assessment, "6.11").get("evidence").toString())
                .contains("Cases: 1 of 1 escalation requests acknowledged within the Code's timescale (100%)");
        assertThat(row(assessment, "6.10").get("evidence").toString())
                .contains("Cases: 5 complaints received at stage 1 and " + (refusesEscalation ? 2 : 1) + " escalated to stage 2 in 2023-04-01 to 2024-03-31");
        assertThat(row(assessment, "2.1").get("evidence").toString())
                .contains("Cases: 1 complaints not accepted and " + (refusesEscalation ? 1 : 0) + " escalations refused");
        assertThat(row(assessment, "9.1").get("evidence").toString())
                .contains("Cases: 1 service changes and 0 lessons from complaints live in 2023-04-01 to 2024-03-31, 1 of them introduced in the year");
        assertThat(row(assessment, "8.1").get("evidence").toString())
                .contains("the Ombudsman's findings on complaints referred in 2023-04-01 to 2024-03-31: maladministration 1; orders made: 1, of them complied with: 1");
        assertThat(row(assessment, "6.13").get("evidence").toString()).contains("Policy (").contains("meets the Code");
        assertThat(row(assessment, "3.4").has("complies")).as("nothing measures it").isFalse();
        assertThat(row(assessment, "6.2").get("actionsNeeded").asBoolean()).isTrue();
    }

    /**
     * Issue 23 (T-11, Code 8.1: a summary of the types of complaints refused): the refusals ledger is filled by the case
     * changes, so refusals made before it existed were missing from the annual report. The read model's rebuild puts them
     * back from the cases' own events: a refusal recorded, the ledger emptied, then the rebuild, gives the same refusals
     * by reason, row for row, and a second rebuild counts nothing twice.
     */
    @Test
    void theRebuildPutsTheRefusalsBackFromTheCasesEventsSoTheReportsRefusalsByReasonCoverHistory() {
        Cases cases = new Cases(api());
        String org = cases.anOrganisationLike("the-trust");
        CaseOnFile c = complaint(cases, org, "2023-07-03T09:00", "Cat Cole");
        at("2023-07-03T11:00");
        c.acknowledge();
        at("2023-07-20T09:00");
        c.respond("We looked into it.", Cases.notUpheld(1, "the charge was right"));
        at("2023-07-24T09:00");
        c.askToEscalate("still unhappy", "a refund");
        at("2023-07-25T09:00");
        c.act("refuse-escalation", JSON.createObjectNode().put("ground", "unacceptable behaviour or a vexatious complaint (T-4)")
                .put("reasons", "abusive calls to staff").put("reviewDate", "2024-01-25").toString());
        CaseOnFile d = complaint(cases, org, "2023-08-07T09:00", "Dan Dale");
        at("2023-08-08T09:00");
        d.actingAs(cases.aDeciderHolding(org, org + ".decider", "client-services-manager"))
                .act("decline", JSON.createObjectNode().put("ground", "VEXATIOUS").put("reasons", "the same matter again").toString());

        at("2024-05-01T09:00");
        String annual = "/api/v1/organisations/" + org + "/reports/annual/2023";
        JsonNode before = ok(api().get(annual));
        assertThat(before.get("complaintsNotAccepted").asInt()).isEqualTo(1);
        assertThat(before.get("escalationsRefused").asInt()).isEqualTo(1);
        List<String> ledger = ledger(org);
        assertThat(ledger).containsExactly(
                c.reference() + " | escalation-refused | 2 | unacceptable behaviour or a vexatious complaint (T-4) | null | 2023-07-25T08:00:00Z",
                d.reference() + " | complaint-not-accepted | 1 | Unreasonably persistent or vexatious | null | 2023-08-08T08:00:00Z");

        jdbc.sql("delete from reporting.refusal where organisation = ?").param(org).update();
        JsonNode emptied = ok(api().get(annual));
        assertThat(emptied.get("complaintsNotAccepted").asInt()).as("the report reads the ledger").isEqualTo(0);
        assertThat(emptied.get("refusals").size()).isEqualTo(0);

        Api.Response rebuilt = api().post("/api/v1/organisations/" + org + "/reports/read-model/rebuild", "{}");
        assertThat(rebuilt.status()).as(rebuilt.body()).isEqualTo(200);
        assertThat(rebuilt.json().get("cases").asInt()).isEqualTo(2);
        JsonNode after = ok(api().get(annual));
        assertThat(after.get("refusals")).isEqualTo(before.get("refusals"));
        assertThat(after.get("complaintsNotAccepted").asInt()).isEqualTo(1);
        assertThat(after.get("escalationsRefused").asInt()).isEqualTo(1);
        assertThat(ledger(org)).as("the same rows: stage, reason, service area and moment").isEqualTo(ledger);

        assertThat(api().post("/api/v1/organisations/" + org + "/reports/read-model/rebuild", "{}").status()).isEqualTo(200);
        assertThat(ledger(org)).as("a second rebuild counts nothing twice").isEqualTo(ledger);
        assertThat(ok(api().get(annual)).get("refusals")).isEqualTo(before.get("refusals"));
    }

    private List<String> ledger(String org) {
        return jdbc.sql("""
                select reference || ' | ' || kind || ' | ' || stage || ' | ' || reason, service_area, refused_at
                from reporting.refusal where organisation = ? order by reference, kind""")
                .param(org).query((rs, n) -> rs.getString(1) + " | " + rs.getString(2) + " | " + rs.getTimestamp(3).toInstant())
                .list();
    }

    @Test
    void staffWriteCommentaryActionsAndTheGoverningBodysResponseKeptPerYearAndBadInputNamesTheField() {
        Cases cases = new Cases(api());
        String org = cases.anOrganisationLike("alliance-homes");
        at("2024-05-01T09:00");
        String base = "/api/v1/organisations/" + org + "/reports";

        Api.Response saved = api().put(base + "/self-assessment/2023/provisions/6.2", """
                {"complies":false,"commentary":"One acknowledgement was late in June.",
                 "actions":[{"action":"Acknowledge from the shared inbox daily","owner":"Feedback Manager","dueOn":"2024-06-30","status":"IN_PROGRESS"}]}""");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().get("commentary").asString()).isEqualTo("One acknowledgement was late in June.");
        assertThat(saved.json().get("decidedBy").asString()).isEqualTo("staff");
        assertThat(saved.json().get("actionsNeeded").asBoolean()).isFalse();
        JsonNode action = saved.json().get("actions").get(0);
        assertThat(action.get("owner").asString()).isEqualTo("Feedback Manager");
        assertThat(action.get("dueOn").asString()).isEqualTo("2024-06-30");
        assertThat(action.get("status").asString()).isEqualTo("IN_PROGRESS");

        // kept per year: the next year starts empty
        assertThat(row(ok(api().get(base + "/self-assessment/2024")), "6.2").has("commentary")).isFalse();
        assertThat(row(ok(api().get(base + "/self-assessment/2023")), "6.2").get("commentary").asString())
                .isEqualTo("One acknowledgement was late in June.");

        Api.Response badDate = api().put(base + "/self-assessment/2023/provisions/6.2",
                "{\"actions\":[{\"action\":\"x\",\"owner\":\"y\",\"dueOn\":\"31/06/2024\"}]}");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.body()).contains("\"field\":\"actions[0].dueOn\"");
        Api.Response noOwner = api().put(base + "/self-assessment/2023/provisions/6.2",
                "{\"actions\":[{\"action\":\"x\",\"dueOn\":\"2024-06-30\",\"status\":\"SOMEDAY\"}]}");
        assertThat(noOwner.status()).isEqualTo(400);
        assertThat(noOwner.body()).contains("\"field\":\"actions[0].owner\"").contains("\"field\":\"actions[0].status\"");
        assertThat(api().put(base + "/self-assessment/1999/provisions/6.2", "{}").body()).contains("\"field\":\"year\"");
        assertThat(api().put(base + "/self-assessment/2023/provisions/99.9", "{}").status()).isEqualTo(404);
        assertThat(row(ok(api().get(base + "/self-assessment/2023")), "6.2").get("actions").size()).as("nothing saved").isEqualTo(1);

        Api.Response response = api().put(base + "/annual/2023/response",
                "{\"response\":\"The Board accepts the report and asks for quarterly updates.\",\"respondedOn\":\"2024-06-12\",\"publishedOn\":\"2024-06-20\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode governingBody = ok(api().get(base + "/annual/2023")).get("governingBody");
        assertThat(governingBody.get("response").asString()).isEqualTo("The Board accepts the report and asks for quarterly updates.");
        assertThat(governingBody.get("respondedOn").asString()).isEqualTo("2024-06-12");
        assertThat(governingBody.get("publishedOn").asString()).isEqualTo("2024-06-20");
        assertThat(row(ok(api().get(base + "/self-assessment/2023")), "8.2").get("evidence").toString())
                .contains("Annual report: published on 2024-06-20 with the governing body's response of 2024-06-12");
        Api.Response badPublished = api().put(base + "/annual/2023/response", "{\"publishedOn\":\"2024-13-01\"}");
        assertThat(badPublished.status()).isEqualTo(400);
        assertThat(badPublished.body()).contains("\"field\":\"publishedOn\"");

        Api.Response pdf = api().get(base + "/annual/2023/export.pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        Api.Response xlsx = api().get(base + "/self-assessment/2023/export.xlsx");
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.contentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(api().get(base + "/self-assessment/2023/export.pdf").status()).isEqualTo(200);
    }

    @Test
    void theStaffPagesShowTheTableAndTakeCommentaryActionsAndTheResponseWithGovUkDatesAndAnErrorSummary() {
        String org = new Cases(api()).anOrganisationLike("the-trust");
        at("2024-05-01T09:00");
        WebSession session = new WebSession(port);
        session.signIn(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);

        WebSession.Page table = session.get("/staff/" + org + "/reports/self-assessment?year=2023");
        assertThat(table.status()).as(table.body()).isEqualTo(200);
        assertThat(table.body()).contains("Housing Ombudsman Code self-assessment").contains("The year 2023/24")
                .contains("<label class=\"govuk-label\" for=\"year\">").contains("Section 6: Complaints stages")
                .contains("Change<span class=\"govuk-visually-hidden\"> provision 6.2</span>");

        String provision = "/staff/" + org + "/reports/self-assessment/2023/6.2";
        WebSession.Page form = session.get(provision);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--m\">Do we comply?</legend>")
                .contains("for=\"commentary\"").contains("name=\"dueOn-0-day\"").contains("name=\"dueOn-0-month\"").contains("name=\"dueOn-0-year\"");

        WebSession.Page refused = session.post(provision, Map.of("complies", "no", "commentary", "Late in June.", "action-0", "Daily inbox check",
                "owner-0", "", "dueOn-0-day", "31", "dueOn-0-month", "6", "dueOn-0-year", "2024", "status-0", "NOT_STARTED"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("There is a problem").contains("href=\"#owner-0\"").contains("href=\"#dueOn-0\"")
                .contains("value=\"Daily inbox check\"");

        WebSession.Page saved = session.post(provision, Map.of("complies", "no", "commentary", "Late in June.", "action-0", "Daily inbox check",
                "owner-0", "Business Manager", "dueOn-0-day", "30", "dueOn-0-month", "6", "dueOn-0-year", "2024", "status-0", "IN_PROGRESS"));
        assertThat(saved.status()).as(saved.body()).isEqualTo(302);
        WebSession.Page after = session.get("/staff/" + org + "/reports/self-assessment?year=2023&saved=6.2");
        assertThat(after.body()).contains("Late in June.").contains("Daily inbox check: Business Manager, by").contains("(In progress)");

        String annual = "/staff/" + org + "/reports/annual?year=2023";
        WebSession.Page report = session.get(annual);
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        assertThat(report.body()).contains("Annual complaints performance and service improvement report").contains("Complaints refused")
                .contains("for=\"response\"").contains("name=\"publishedOn-day\"").contains("Date the report was published");
        WebSession.Page badDate = session.post("/staff/" + org + "/reports/annual/2023/response", Map.of("response", "Accepted.",
                "respondedOn-day", "12", "respondedOn-month", "6", "respondedOn-year", "2024",
                "publishedOn-day", "31", "publishedOn-month", "2", "publishedOn-year", "2024"));
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.body()).contains("There is a problem").contains("href=\"#publishedOn\"");
        WebSession.Page responded = session.post("/staff/" + org + "/reports/annual/2023/response", Map.of("response", "Accepted.",
                "respondedOn-day", "12", "respondedOn-month", "6", "respondedOn-year", "2024",
                "publishedOn-day", "20", "publishedOn-month", "6", "publishedOn-year", "2024"));
        assertThat(responded.status()).as(responded.body()).isEqualTo(302);
        assertThat(ok(api().get("/api/v1/organisations/" + org + "/reports/annual/2023")).get("governingBody").get("publishedOn").asString())
                .isEqualTo("2024-06-20");
    }

    private CaseOnFile complaint(Cases cases, String org, String ukTime, String name) {
        at(ukTime);
        return cases.aComplaint().receivedAt(LocalDateTime.parse(ukTime)).by(name).in(org);
    }

    private void at(String ukTime) {
        clock.setUk(ukTime);
    }

    private static JsonNode ok(Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static JsonNode row(JsonNode assessment, String provision) {
        for (JsonNode r : assessment.get("rows")) {
            if (r.get("provision").asString().equals(provision)) {
                return r;
            }
        }
        throw new AssertionError("no provision " + provision);
    }

    private static long count(JsonNode counts, String label) {
        for (JsonNode c : counts) {
            if (c.get("label").asString().equals(label)) {
                return c.get("count").asLong();
            }
        }
        throw new AssertionError("no " + label + " in " + counts);
    }
}
