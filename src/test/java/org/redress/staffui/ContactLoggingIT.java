package org.redress.staffui;

import org.junit.jupiter.api.Test;
import org.redress.accounts.Accounts;
import org.redress.accounts.Role;
import org.redress.web.TextLimits;
import org.redress.testing.Api;
import org.redress.testing.Cases;
import org.redress.testing.MutableClock;
import org.redress.testing.TestClockConfiguration;
import org.redress.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The complete "log a contact" page (issue 21): date and time received, who received it, service line and area,
 * named staff, a representative with consent, contact preferences and points with their categories, each stored on
 * the case as typed; bad input named field by field with nothing stored; rows added without JavaScript; and the
 * warnings before saving the same as those on the saved case.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class ContactLoggingIT {

    static final String PASSWORD = "contact-logging-pass";

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    MutableClock clock;

    @Test
    void aPhoneComplaintTakenAtHalfPastTwoOnAnEarlierDayIsReceivedThenAndStarts247AlliancesClocksThen() { // S0-5, S0-7, S0-4
        clock.setUk("2026-11-25T10:00");
        String org = cases().anOrganisationLike("247-alliance");
        WebSession web = signedIn(org, "contact.tfa", "Tom Took-the-call");

        Map<String, String> call = new HashMap<>(Map.of("recordType", "complaint", "channel", "PHONE",
                "receivedDay", "23", "receivedMonth", "11", "receivedYear", "2026", "receivedTime", "14:30", "receivedBy", "contact.tfa"));
        call.putAll(Map.of("name", "Carla Caller", "phone", "01632 960555", "preferredContact", "PHONE", "description", "The cleaner did not come on Monday"));
        WebSession.Page logged = web.post("/staff/" + org + "/contacts", call);
        assertThat(logged.status()).as(logged.body()).isEqualTo(302);
        JsonNode stored = stored(org, logged);
        // 14:30 in London on Monday 23 November (GMT), not 09:00: the 24- and 48-hour clocks run from then
        assertThat(stored.get("receivedAt").asString()).isEqualTo("2026-11-23T14:30:00Z");
        assertThat(clock(stored, "acknowledge").get("startedAt").asString()).isEqualTo("2026-11-23T14:30:00Z");
        assertThat(clock(stored, "acknowledge").get("dueBy").asString()).isEqualTo("2026-11-24T14:30:00Z");
        assertThat(clock(stored, "respond").get("dueBy").asString()).isEqualTo("2026-11-25T14:30:00Z");
        assertThat(stored.get("history").get(0).get("details").get("receivedBy").asString()).isEqualTo("Tom Took-the-call");
        assertThat(stored.get("complainant").get("preferredContact").asString()).isEqualTo("PHONE");
        assertThat(web.get(location(logged)).body()).contains("<dd class=\"govuk-summary-list__value\" id=\"received-by\">Tom Took-the-call</dd>");

        // in summer the time entered is British Summer Time
        WebSession.Page summer = web.post("/staff/" + org + "/contacts", Map.of("recordType", "complaint", "channel", "PHONE",
                "receivedDay", "1", "receivedMonth", "7", "receivedYear", "2026", "receivedTime", "14:30",
                "name", "Carla Caller", "description", "The cleaner did not come in July"));
        assertThat(summer.status()).as(summer.body()).isEqualTo(302);
        assertThat(stored(org, summer).get("receivedAt").asString()).isEqualTo("2026-07-01T13:30:00Z");
    }

    @Test
    void everythingTheFormAsksIsStoredOnTheCase() { // F-8, F-12, H-4, A-2, F-16, issue 20 categories
        clock.setUk("2026-11-23T10:00");
        String org = cases().anOrganisationRunning("alliance-homes", "Repairs", "Money advice");
        WebSession web = signedIn(org, "contact.ah", "Ann Answered");
        Map<String, String> fields = new HashMap<>(Map.ofEntries(Map.entry("recordType", "complaint"), Map.entry("channel", "LETTER"),
                Map.entry("receivedBy", "contact.ah"), Map.entry("name", "Dev Debtor"), Map.entry("address", "1 Long Lane, Leeds LS2 9JT"),
                Map.entry("preferredContact", "POST"), Map.entry("formats", "large print"), Map.entry("reasonableAdjustments", "Calls after 2pm"),
                Map.entry("serviceLine", "debt-advice"), Map.entry("serviceArea", "Money advice"), Map.entry("subject", "Communication"),
                Map.entry("description", "My adviser was rude and my letters went unanswered"), Map.entry("understanding", "Advice and replies"),
                Map.entry("representativeName", "Rita Rep"), Map.entry("representativeRelationship", "Advice worker"),
                Map.entry("representativeConsent", "yes"), Map.entry("representativeConsentHow", "in writing"),
                Map.entry("staffName-1", "Sam Adviser"), Map.entry("staffRole-1", "Money adviser"), Map.entry("staffKind-1", "staff"),
                Map.entry("pointSummary-1", "The adviser was rude"), Map.entry("pointCategory-1", "Staff conduct"),
                Map.entry("pointSummary-2", "Letters went unanswered")));
        WebSession.Page logged = web.post("/staff/" + org + "/contacts", fields);
        assertThat(logged.status()).as(logged.body()).isEqualTo(302);

        JsonNode stored = stored(org, logged);
        assertThat(stored.get("channel").asString()).isEqualTo("LETTER");
        assertThat(stored.get("receivedAt").asString()).isEqualTo("2026-11-23T10:00:00Z");
        assertThat(stored.get("classification").get("serviceLine").asString()).isEqualTo("debt-advice");
        assertThat(stored.get("classification").get("serviceArea").asString()).isEqualTo("Money advice");
        assertThat(stored.get("classification").get("subject").asString()).isEqualTo("Communication");
        JsonNode person = stored.get("complainant");
        assertThat(List.of(person.get("preferredContact").asString(), person.get("address").asString(), person.get("formats").toString(),
                person.get("reasonableAdjustments").asString()))
                .containsExactly("POST", "1 Long Lane, Leeds LS2 9JT", "[\"large print\"]", "Calls after 2pm");
        JsonNode rep = stored.get("representative");
        assertThat(List.of(rep.get("name").asString(), rep.get("relationship").asString(), rep.get("consentRecorded").toString(),
                rep.get("consentHow").asString(), rep.get("consentDate").asString()))
                .containsExactly("Rita Rep", "Advice worker", "true", "in writing", "2026-11-23");
        assertThat(stored.get("namedPeople").toString()).isEqualTo("[{\"name\":\"Sam Adviser\",\"kind\":\"staff\",\"role\":\"Money adviser\"}]");
        List<String> points = new ArrayList<>();
        stored.get("points").forEach(p -> points.add(p.get("number").asInt() + " " + p.get("summary").asString() + ": " + p.get("category").asString()));
        // the second point has no category of its own: it is about the case's subject
        assertThat(points).containsExactly("1 The adviser was rude: Staff conduct", "2 Letters went unanswered: Communication");
        assertThat(stored.get("stages").get(0).get("understanding").asString()).isEqualTo("Advice and replies");
        assertThat(stored.get("history").get(0).get("details").get("receivedBy").asString()).isEqualTo("Ann Answered");
    }

    @Test
    void badInputIsNamedFieldByFieldWithWhatWasTypedKeptAndNothingStored() {
        clock.setUk("2026-11-23T10:00");
        String org = cases().anOrganisationLike("247-alliance");
        WebSession web = signedIn(org, "contact.bad", "Bea Bad");
        WebSession.Page refused = web.post("/staff/" + org + "/contacts", Map.ofEntries(Map.entry("recordType", "complaint"),
                Map.entry("channel", "PHONE"), Map.entry("receivedDay", "31"), Map.entry("receivedMonth", "2"), Map.entry("receivedYear", "2026"),
                Map.entry("receivedTime", "14:30"), Map.entry("name", "Nora Nothing-stored"), Map.entry("description", "The van blocked the drive"),
                Map.entry("representativeName", "Rob Rep"), Map.entry("staffRole-1", "Driver")));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("govuk-error-summary", "<title>Error: Log a contact",
                "<a href=\"#receivedDate\">Enter the date it was received as a real date",
                "<a href=\"#representativeConsent\">Say whether the person has agreed to the representative acting for them</a>",
                "<a href=\"#staffName-1\">Enter the name of person 1, or clear their job</a>",
                "id=\"receivedDate-error\"", "id=\"staffName-1-error\"", "govuk-form-group--error", "govuk-input--error",
                "value=\"Nora Nothing-stored\"", "value=\"Driver\"", "value=\"31\"");
        assertThat(cases(org)).isZero();

        // a day before today needs its time: it no longer becomes 09:00
        WebSession.Page noTime = web.post("/staff/" + org + "/contacts", Map.of("recordType", "complaint", "channel", "PHONE",
                "receivedDay", "20", "receivedMonth", "11", "receivedYear", "2026", "name", "Nora Nothing-stored", "description", "The van again"));
        assertThat(noTime.status()).isEqualTo(400);
        assertThat(noTime.body()).contains("<a href=\"#receivedTime\">Enter the time it was received, because it was received before today</a>",
                "govuk-input--width-5 govuk-input--error");
        assertThat(web.post("/staff/" + org + "/contacts", Map.of("recordType", "complaint", "channel", "PHONE", "receivedTime", "25:00",
                "name", "Nora Nothing-stored", "description", "The van again")).body())
                .contains("<a href=\"#receivedTime\">Enter the time it was received in hours and minutes on the 24-hour clock, like 14:30</a>");
        assertThat(cases(org)).isZero();
    }

    @Test
    void anotherPointIsAddedWithoutJavaScriptKeepingWhatWasTyped() {
        clock.setUk("2026-11-23T10:00");
        String org = cases().anOrganisationLike("247-alliance");
        WebSession web = signedIn(org, "contact.rows", "Rory Rows");
        WebSession.Page more = web.post("/staff/" + org + "/contacts/new", Map.of("add", "point", "name", "Pip Points",
                "pointSummary-1", "The van blocked the drive", "staffName-1", "Dan Driver"));
        assertThat(more.status()).isEqualTo(200);
        assertThat(more.body()).contains("value=\"Pip Points\"", ">The van blocked the drive</textarea>", "value=\"Dan Driver\"",
                "id=\"pointSummary-2\"", "autofocus=\"autofocus\"").doesNotContain("id=\"pointSummary-3\"", "govuk-error-summary");
        WebSession.Page another = web.post("/staff/" + org + "/contacts/new", Map.of("add", "person", "staffName-1", "Dan Driver"));
        assertThat(another.body()).contains("id=\"staffName-2\"").doesNotContain("id=\"staffName-3\"");
        assertThat(cases(org)).isZero();
    }

    @Test
    void theWarningsBeforeSavingAreTheWarningsOnTheSavedCase() { // issue 21, F-11
        // The Trust's policy has no repeat-complaint rule: "Check for warnings" said "no earlier complaint from this
        // person" while the saved case listed one from three days before (its similar complaints look back six months)
        clock.setUk("2026-11-23T10:00");
        String org = cases().anOrganisationLike("the-trust");
        String earlier = cases().aComplaint().receivedOn(LocalDate.of(2026, 11, 20)).by("Olive Again").withEmail("olive.again@example.org")
                .saying("The support worker did not come").in(org).reference();
        WebSession web = signedIn(org, "contact.agree", "Ava Agree");
        Map<String, String> contact = Map.of("recordType", "complaint", "channel", "PHONE", "name", "Olive Again",
                "email", "olive.again@example.org", "description", "The support worker did not come again");

        WebSession.Page checked = web.post("/staff/" + org + "/contacts/check", contact);
        assertThat(checked.status()).isEqualTo(200);
        String warning = "the same person complained in the last 6 months: " + earlier + " (same email, same name, ";
        assertThat(checked.body()).contains(warning).doesNotContain("No warnings");

        WebSession.Page saved = web.post("/staff/" + org + "/contacts", contact);
        assertThat(saved.status()).isEqualTo(302);
        assertThat(web.get(location(saved)).body()).contains(warning);
        String reference = location(saved).substring(location(saved).lastIndexOf('/') + 1);
        List<String> similar = new ArrayList<>();
        api().get("/api/v1/organisations/" + org + "/cases/" + reference + "/similar").json().forEach(c -> similar.add(c.get("reference").asString()));
        assertThat(similar).containsExactly(earlier);

        // the API's check and its saving say the same
        JsonNode check = cases().aComplaint().by("Olive Again").withEmail("olive.again@example.org").saying("Still no visit").checkIn(org).json();
        assertThat(check.get(0).get("kind").asString()).isEqualTo("SIMILAR");
        List<String> related = new ArrayList<>();
        check.get(0).get("relatedCases").forEach(r -> related.add(r.asString()));
        assertThat(related).containsExactlyInAnyOrder(reference, earlier);
    }

    @Test
    void aResponsesPromisedActionsAreRowsWithTheirDatesAndAnotherIsAddedWithoutJavaScript() { // A-5, issue 21
        clock.setUk("2026-11-23T10:00");
        String org = cases().anOrganisationLike("247-alliance");
        String reference = cases().aComplaint().by("Ray Responded").in(org).acknowledge().reference();
        WebSession web = signedIn(org, "contact.respond", "Rae Responder");
        String page = "/staff/" + org + "/cases/" + reference;
        web.get(page);
        Map<String, String> response = new HashMap<>(Map.of("summary", "We are sorry the repair was missed", "pointNumber", "1",
                "pointOutcome", "UPHELD", "pointReasons", "The appointment was missed twice", "actionWhat-1", "Repair the boiler",
                "actionDueDay-1", "8", "actionDueMonth-1", "1", "actionDueYear-1", "2027"));

        Map<String, String> more = new HashMap<>(response);
        more.put("add", "action");
        WebSession.Page another = web.post(page + "/respond", more);
        assertThat(another.status()).isEqualTo(200);
        assertThat(another.body()).contains("id=\"actionWhat-2\"", "value=\"Repair the boiler\"", ">We are sorry the repair was missed</textarea>",
                "<option value=\"UPHELD\" selected=\"selected\">Upheld</option>", ">The appointment was missed twice</textarea>")
                .doesNotContain("id=\"actionWhat-3\"", "govuk-error-summary");

        Map<String, String> halfDated = new HashMap<>(response);
        halfDated.putAll(Map.of("actionWhat-2", "Call back in a week", "actionDueDay-2", "15"));
        WebSession.Page refused = web.post(page + "/respond", halfDated);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("<a href=\"#actionDue-2\">The date of action 2 must include a month and a year</a>",
                "value=\"Call back in a week\"", "govuk-input--width-2 govuk-input--error");

        halfDated.putAll(Map.of("actionDueMonth-2", "12", "actionDueYear-2", "2026", "actionOwner-2", "x".repeat(TextLimits.NAME + 1)));
        WebSession.Page tooLong = web.post(page + "/respond", halfDated);
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body()).contains("<a href=\"#actionOwner-2\">Who will do action 2 must be " + TextLimits.NAME + " characters or fewer</a>");

        // each row takes who will do it; left empty, whoever sends the response owns the action
        halfDated.put("actionOwner-2", " sam.caller ");
        assertThat(web.post(page + "/respond", halfDated).status()).isEqualTo(302);
        List<String> actions = new ArrayList<>();
        api().get("/api/v1/organisations/" + org + "/cases/" + reference).json().get("actions")
                .forEach(a -> actions.add(a.get("description").asString() + " by " + a.get("due").asString()
                        + (a.has("owner") && !a.get("owner").isNull() ? ", owner " + a.get("owner").asString() : "")));
        assertThat(actions).containsExactly("Repair the boiler by 2027-01-08", "Call back in a week by 2026-12-15, owner sam.caller");
        assertThat(web.get(page).body()).contains("Call back in a week, due Tue 15 Dec 2026, owner sam.caller");
    }

    /**
     * Issue 23: a complaint about the use of personal data (Data (Use and Access) Act 2025, from 19 June 2026 [?]) is a
     * record type of its own in every shipped pack, to be acknowledged within 30 calendar days: received Friday 19 June
     * 2026, due by the end of Sunday 19 July 2026 (midnight British Summer Time, 23:00 UTC); one second later it is overdue.
     */
    @Test
    void aDataProtectionComplaintLoggedOnThePageIsToBeAcknowledgedWithinThirtyDaysToTheLastInstantOfTheThirtiethDay() {
        clock.setUk("2026-06-19T10:00");
        String org = cases().anOrganisationLike("the-trust");
        WebSession web = signedIn(org, "contact.dp", "Dana Protect");
        assertThat(web.get("/staff/" + org + "/contacts/new").body()).contains("<option value=\"data-protection-complaint\">Data protection complaint</option>");
        WebSession.Page logged = web.post("/staff/" + org + "/contacts", Map.of("recordType", "data-protection-complaint", "channel", "EMAIL",
                "receivedDay", "19", "receivedMonth", "6", "receivedYear", "2026", "receivedTime", "09:00",
                "name", "Pat Private", "description", "You sent my file to my neighbour"));
        assertThat(logged.status()).as(logged.body()).isEqualTo(302);
        JsonNode stored = stored(org, logged);
        assertThat(stored.get("recordType").asString()).isEqualTo("data-protection-complaint");
        JsonNode acknowledge = clock(stored, "acknowledge");
        assertThat(acknowledge.get("dueDate").asString()).isEqualTo("2026-07-19");
        assertThat(acknowledge.get("dueBy").asString()).isEqualTo("2026-07-19T23:00:00Z");
        assertThat(acknowledge.get("plainDue").asString())
                .isEqualTo("Due by the end of Sunday 19 July 2026: 30 calendar days after it was received on Friday 19 June 2026.");
        assertThat(web.get(location(logged)).body()).contains("Due by the end of Sunday 19 July 2026: 30 calendar days after it was received on Friday 19 June 2026.");

        // through the API: one acknowledged at the last instant of day 30 is in time; one unacknowledged a second after is overdue
        var inTime = cases().a("data-protection-complaint").receivedOn(LocalDate.of(2026, 6, 19)).by("Quinn Quick").in(org);
        var late = cases().a("data-protection-complaint").receivedOn(LocalDate.of(2026, 6, 19)).by("Sid Slow").in(org);
        clock.setUk("2026-07-19T23:59:59");
        assertThat(clock(late.read(), "acknowledge").get("status").asString()).isEqualTo("DUE_SOON");
        inTime.acknowledge();
        assertThat(clock(inTime.json(), "acknowledge").get("status").asString()).isEqualTo("MET");
        clock.setUk("2026-07-20T00:00:01");
        assertThat(clock(late.read(), "acknowledge").get("status").asString()).isEqualTo("OVERDUE");
    }

    private WebSession signedIn(String org, String username, String name) {
        accounts.ensure(username, name, PASSWORD, false, Map.of(org, Role.CASE_WORKER));
        WebSession web = new WebSession(port);
        web.signIn(username, PASSWORD);
        web.get("/staff/" + org + "/contacts/new");
        return web;
    }

    private JsonNode stored(String org, WebSession.Page logged) {
        String page = location(logged);
        Api.Response response = api().get("/api/v1/organisations/" + org + "/cases/" + page.substring(page.lastIndexOf('/') + 1));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode clock(JsonNode stored, String id) {
        for (JsonNode c : stored.get("clocks")) {
            if (c.get("id").asString().equals(id)) {
                return c;
            }
        }
        throw new AssertionError("no clock " + id + " in " + stored.get("clocks"));
    }

    private static String location(WebSession.Page page) {
        return page.location().replaceFirst("^https?://[^/]+", "");
    }

    private int cases(String org) {
        return api().get("/api/v1/organisations/" + org + "/cases").json().get("items").size();
    }

    private Cases cases() {
        return new Cases(api());
    }

    private Api api() {
        return new Api(port);
    }
}
