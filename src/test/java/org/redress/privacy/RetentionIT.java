package org.redress.privacy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.testing.Api;
import org.redress.testing.Cases;
import org.redress.testing.TestAccounts;
import org.redress.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Retention (issue 9): ended cases are anonymised a set number of years after they end, unless a legal hold stops it,
 * and the reports made from them do not change. The data set is six complaints at Alliance Homes in 2014-2016 (years
 * no other test uses), each from a person whose details exist nowhere else.
 */
class RetentionIT extends PrivacyApiSupport {

    static final String ON = "2022-06-01";
    static final String PERIOD = "from=2014-01-01&to=2016-12-31";

    @Autowired
    Retention retention;

    /** Each test logs its complaints in an organisation of its own, so the figures count exactly its data set. */
    @BeforeEach
    void anOrganisationOfItsOwn() {
        organisation = new Cases(api()).anOrganisationLike(ORG);
    }

    record DataSet(Story due1, Story due2, Story due3, Story notYetDue, Story heldCase, Story heldPerson) {
        List<Story> due() {
            return List.of(due1, due2, due3);
        }
    }

    DataSet sixComplaintsEndedBetween2014And2016() {
        // closed on 12 March 2014 after an investigation; the complainant replied by email afterwards
        Story due1 = complaint(Person.unique("Ada"), "2014-03-03T09:00", "Repairs", "Repairs").acknowledged("2014-03-04T09:00")
                .evidence("2014-03-05T09:00").responded("2014-03-10T09:00", "UPHELD").closed("2014-03-12T09:00");
        emailReply(due1, "2014-03-20T09:00");
        attachment(due1);
        // escalated to stage 2, partly upheld there, closed on 30 June 2014
        Story due2 = complaint(Person.unique("Bea"), "2014-06-02T09:00", "Neighbourhoods", "Anti-social behaviour")
                .acknowledged("2014-06-03T09:00").responded("2014-06-10T09:00", "NOT_UPHELD")
                .at("2014-06-12T09:00", "escalation-request", "{\"unresolved\":\"Noise continues\"}")
                .at("2014-06-13T09:00", "accept-escalation", "{}")
                .at("2014-06-16T09:00", "steps", "{\"step\":\"case-conference\",\"note\":\"reviewed\"}")
                .at("2014-06-16T10:00", "steps", "{\"step\":\"adverse-findings\",\"note\":\"no comment\"}")
                .at("2014-06-16T11:00", "contact-arrangement", "{\"method\":\"phone\",\"frequency\":\"every week\"}");
        due2 = due2.responded("2014-06-27T09:00", "PARTLY_UPHELD").closed("2014-06-30T09:00");
        // withdrawn on 20 January 2015
        Story due3 = complaint(Person.unique("Cal"), "2015-01-05T09:00", "Repairs", "Repairs").acknowledged("2015-01-06T09:00")
                .withdrawn("2015-01-20T09:00");
        // closed on 20 August 2016: kept until 20 August 2022
        Story notYetDue = complaint(Person.unique("Dee"), "2016-08-01T09:00", "Repairs", "Repairs").acknowledged("2016-08-02T09:00")
                .responded("2016-08-10T09:00", "NOT_UPHELD").closed("2016-08-20T09:00");
        // due, but on legal hold: the case itself, and (by email) the person
        Story heldCase = complaint(Person.unique("Eve"), "2014-09-01T09:00", "Repairs", "Repairs").acknowledged("2014-09-02T09:00")
                .responded("2014-09-10T09:00", "UPHELD").closed("2014-09-20T09:00");
        Story heldPerson = complaint(Person.unique("Fay"), "2014-10-01T09:00", "Repairs", "Repairs").acknowledged("2014-10-02T09:00")
                .responded("2014-10-10T09:00", "NOT_UPHELD").closed("2014-10-15T09:00");
        clock.setUk("2022-06-01T08:00");
        assertThat(api().post("/api/v1/organisations/" + organisation + "/legal-holds",
                "{\"caseReference\":\"%s\",\"reason\":\"County court claim %s\"}".formatted(heldCase.reference(), heldCase.reference())).status())
                .isEqualTo(201);
        assertThat(api().post("/api/v1/organisations/" + organisation + "/legal-holds",
                "{\"person\":\"%s\",\"reason\":\"Insurer's claim\"}".formatted(heldPerson.person.email().toUpperCase())).status())
                .isEqualTo(201);
        return new DataSet(due1, due2, due3, notYetDue, heldCase, heldPerson);
    }

    Map<String, JsonNode> dryRun(DataSet data) {
        JsonNode run = get("/api/v1/organisations/" + organisation + "/retention/dry-run?on=" + ON);
        Map<String, JsonNode> byReference = new HashMap<>();
        run.get("cases").forEach(c -> byReference.put(c.get("reference").asString(), c));
        return byReference;
    }

    @Test
    void theDryRunListsExactlyTheDueCasesWithTheirDatesAndKeepsLegalHoldsOut() {
        DataSet data = sixComplaintsEndedBetween2014And2016();
        Map<String, JsonNode> run = dryRun(data);

        for (Story due : data.due()) {
            assertThat(run.get(due.reference()).get("decision").asString()).as(due.reference()).isEqualTo("ANONYMISE");
        }
        assertThat(run.get(data.due1().reference()).get("endedOn").asString()).isEqualTo("2014-03-12");
        assertThat(run.get(data.due1().reference()).get("dueOn").asString()).isEqualTo("2020-03-12");
        assertThat(run.get(data.due3().reference()).get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(run.get(data.notYetDue().reference()).get("decision").asString()).isEqualTo("NOT_YET_DUE");
        assertThat(run.get(data.notYetDue().reference()).get("dueOn").asString()).isEqualTo("2022-08-20");
        assertThat(run.get(data.notYetDue().reference()).get("why").asString()).contains("kept until 2022-08-20");
        assertThat(run.get(data.heldCase().reference()).get("decision").asString()).isEqualTo("LEGAL_HOLD");
        assertThat(run.get(data.heldCase().reference()).get("why").asString()).contains("County court claim");
        assertThat(run.get(data.heldPerson().reference()).get("decision").asString()).isEqualTo("LEGAL_HOLD");
        assertThat(run.get(data.heldPerson().reference()).get("why").asString()).contains("legal hold on the person: Insurer's claim");
        // every case listed as due really is due by then, and none listed is due later
        run.values().forEach(c -> {
            boolean due = !c.get("dueOn").asString().isEmpty() && c.get("dueOn").asString().compareTo(ON) <= 0;
            assertThat(c.get("decision").asString().equals("NOT_YET_DUE")).as(c.toString()).isEqualTo(!due);
        });
        // a dry run changes nothing
        assertThat(get("/api/v1/organisations/" + organisation + "/cases/" + data.due1().reference()).get("complainant").get("name").asString())
                .isEqualTo(data.due1().person.name());
    }

    @Test
    void anonymisationKeepsEveryReportIdenticalAndLeavesNoPersonalDataAnywhereInTheDatabase() {
        DataSet data = sixComplaintsEndedBetween2014And2016();
        for (Story due : data.due()) {
            assertThat(whereInTheDatabase(due.person.email())).as("the data set is really in the database").isNotEmpty();
        }
        JsonNode dashboardBefore = get("/api/v1/organisations/" + organisation + "/reports/dashboard?" + PERIOD);
        JsonNode returnsBefore = get("/api/v1/organisations/" + organisation + "/reports/returns?" + PERIOD);
        assertThat(figure(dashboardBefore, "complaints-received", "All", "received")).as("the reports count the data set")
                .isEqualTo(6);

        // the nightly task, run as on 1 June 2022
        clock.setUk(ON + "T02:30");
        List<Retention.Run> runs = retention.runEverywhere();
        assertThat(runs).allMatch(r -> r.failed() == 0 && r.finished());

        assertThat(get("/api/v1/organisations/" + organisation + "/reports/dashboard?" + PERIOD)).isEqualTo(dashboardBefore);
        assertThat(get("/api/v1/organisations/" + organisation + "/reports/returns?" + PERIOD)).isEqualTo(returnsBefore);
        for (Story due : data.due()) {
            for (String secret : due.secrets) {
                assertThat(whereInTheDatabase(secret)).as("'" + secret + "' of " + due.reference()).isEmpty();
            }
            JsonNode c = get("/api/v1/organisations/" + organisation + "/cases/" + due.reference());
            assertThat(c.get("complainant").get("name").asString()).isEqualTo("[anonymised]");
            JsonNode history = c.get("history");
            assertThat(history.get(history.size() - 1).get("type").asString()).isEqualTo("anonymised");
            assertThat(history.get(history.size() - 1).get("details").get("basis").asString()).isEqualTo("retention period ended");
            assertThat(c.get("receivedAt").asString()).isEqualTo(due.c.get("receivedAt").asString());
            assertThat(c.get("closedAt").asString()).isEqualTo(due.c.get("closedAt").asString());
        }
        for (Story kept : List.of(data.notYetDue(), data.heldCase(), data.heldPerson())) {
            assertThat(whereInTheDatabase(kept.person.email())).as(kept.reference() + " is kept").isNotEmpty();
        }
        // the case's letters stay as a record that they were sent, without what they said or to whom
        JsonNode letters = get("/api/v1/organisations/" + organisation + "/cases/" + data.due1().reference() + "/letters");
        assertThat(letters.size()).as("the acknowledgement and the stage 1 response").isEqualTo(2);
        assertThat(letters.get(0).get("body").asString()).isEqualTo("[anonymised]");
        // an anonymised case is not due again
        assertThat(dryRun(data)).doesNotContainKeys(data.due1().reference(), data.due2().reference(), data.due3().reference());
    }

    static double figure(JsonNode page, String measure, String group, String figure) {
        for (JsonNode m : page) {
            if (m.get("id").asString().equals(measure)) {
                for (JsonNode row : m.get("rows")) {
                    if (row.get("group").asString().equals(group)) {
                        for (JsonNode cell : row.get("cells")) {
                            if (cell.get("figure").asString().equals(figure)) {
                                return cell.get("value").asDouble();
                            }
                        }
                    }
                }
            }
        }
        throw new AssertionError("no " + measure + " / " + group + " / " + figure);
    }

    @Test
    void theHistoryStaysAppendOnlyOutsideAnonymisation() {
        Story story = complaint(Person.unique("Gus"), "2014-02-03T09:00", "Repairs", "Repairs");
        assertThatThrownBy(() -> jdbc.sql("update casework.case_event set reason = 'changed' where case_id = ?::uuid")
                .param(story.id()).update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from casework.case_event where case_id = ?::uuid")
                .param(story.id()).update()).hasMessageContaining("append-only");
        story.acknowledged("2014-02-04T09:00").responded("2014-02-05T09:00", "UPHELD").closed("2014-02-06T09:00");
    }

    @Test
    void theRetentionPeriodIsAnOrganisationSettingAndBadInputIsNamedAndChangesNothing() {
        String path = "/api/v1/organisations/the-trust/retention";
        assertThat(get(path).get("years").asInt()).isEqualTo(6);
        Api.Response bad = api().put(path, "{\"years\":0}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("years").contains("1 to 100");
        assertThat(get(path).get("years").asInt()).isEqualTo(6);
        assertThat(api().put(path, "{\"years\":7}").status()).isEqualTo(200);
        assertThat(get(path).get("years").asInt()).isEqualTo(7);
        assertThat(get("/api/v1/organisations/the-trust/retention/dry-run?on=2030-01-01").get("retentionYears").asInt()).isEqualTo(7);
        assertThat(api().put(path, "{\"years\":6}").status()).isEqualTo(200);
        Api.Response badDate = api().get("/api/v1/organisations/the-trust/retention/dry-run?on=31/01/2027");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.body()).contains("\"on\"");
        Api.Response badHold = api().post("/api/v1/organisations/the-trust/legal-holds", "{\"reason\":\"\"}");
        assertThat(badHold.status()).isEqualTo(400);
        assertThat(badHold.body()).contains("caseReference").contains("reason");
    }

    @Test
    void anOrganisationUnderTheFcasDispRulesCannotKeepComplaintsForLessThanThreeYears() {
        String ah = "/api/v1/organisations/alliance-homes/retention";
        Api.Response tooShort = api().put(ah, "{\"years\":2}");
        assertThat(tooShort.status()).isEqualTo(422);
        assertThat(tooShort.body()).contains("DISP 1.9.2").contains("at least 3 years").contains("years");
        assertThat(get(ah).get("years").asInt()).as("nothing changed").isEqualTo(6);
        assertThat(api().put(ah, "{\"years\":3}").status()).isEqualTo(200);
        assertThat(get(ah).get("years").asInt()).isEqualTo(3);
        assertThat(api().put(ah, "{\"years\":6}").status()).isEqualTo(200);

        WebSession staff = new WebSession(port);
        staff.signIn(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
        staff.get("/staff/alliance-homes/privacy");
        WebSession.Page page = staff.post("/staff/alliance-homes/privacy/retention", Map.of("years", "1"));
        assertThat(page.status()).isEqualTo(422);
        assertThat(page.body()).contains("There is a problem").contains("DISP 1.9.2");
        assertThat(get(ah).get("years").asInt()).isEqualTo(6);

        // The Trust's pack names no DISP rules, so a shorter period is its own decision
        String trust = "/api/v1/organisations/the-trust/retention";
        assertThat(api().put(trust, "{\"years\":2}").status()).isEqualTo(200);
        assertThat(api().put(trust, "{\"years\":6}").status()).isEqualTo(200);
    }
}
