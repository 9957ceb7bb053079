package org.redress.correspondence;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contact by the way the person asked (A-2, issue 21): a letter the procedure requires, for a person who asked to be
 * phoned or sent a text, is a call for the case's owner on "my work" with the letter's text as what to say, and stays
 * out of the outbox until the owner records the contact, which goes in the case's history; a letter with nowhere to go
 * is a warning on the case and on "my work", never a letter in the print queue; and the tracking page never says a code
 * was sent when it cannot know there was somewhere to send it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class CallTasksIT {

    static final String OWNER = "calls.owner";
    /** An organisation of this class's own, running The Trust's pack with a phone number for complainants. */
    static String org;

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    Outbox outbox;

    Cases cases;

    @BeforeEach
    void anOrganisationWithAnOwnerForStageOne() {
        clock.setUk("2026-12-07T09:00");
        cases = new Cases(new Api(port));
        if (org == null) {
            org = cases.anOrganisationRunning("the-trust", yaml -> yaml.replace("  regulators: [housing-ombudsman-code]\n",
                    "  regulators: [housing-ombudsman-code]\n  phone: \"0300 555 0100\"\n"), "Repairs", "Housing management");
            cases.aMemberHolding(org, OWNER, "investigating-manager");
        }
    }

    String path(CaseOnFile c) {
        return "/api/v1/organisations/" + org + "/cases/" + c.reference();
    }

    JsonNode onlyLetter(CaseOnFile c) {
        JsonNode letters = new Api(port).get(path(c) + "/letters").json();
        assertThat(letters).hasSize(1);
        return letters.get(0);
    }

    WebSession signedIn() {
        WebSession web = new WebSession(port);
        assertThat(web.signIn(OWNER, TestAccounts.ADMIN_PASSWORD).status()).isEqualTo(302);
        return web;
    }

    @Test
    void aPhoneComplainantsAcknowledgementIsACallForTheCaseOwnerWithTheLettersTextAndTheCallGoesInTheHistoryA2() {
        CaseOnFile c = cases.aComplaint().by("Paul Phoner").withoutEmail().withPhone("01632 960123").preferringContactBy("PHONE")
                .inArea("Repairs").saying("The repair to my door was missed twice").in(org);
        c.assignTo(OWNER).acknowledge();

        JsonNode letter = onlyLetter(c);
        assertThat(letter.get("channel").asString()).isEqualTo("PHONE");
        assertThat(letter.get("status").asString()).isEqualTo("TO_CALL");
        assertThat(letter.get("recipient").asString()).isEqualTo("Paul Phoner, 01632 960123");
        assertThat(letter.get("addressee").asString()).isEqualTo(OWNER);
        String subject = letter.get("subject").asString();
        // nothing is emailed or printed: the outbox leaves a call alone
        outbox.deliverDue();
        assertThat(onlyLetter(c).get("status").asString()).isEqualTo("TO_CALL");

        JsonNode calls = new Api(port).get(path(c) + "/calls").json();
        assertThat(calls).hasSize(1);
        JsonNode call = calls.get(0);
        assertThat(call.get("id").asString()).isEqualTo(letter.get("id").asString());
        assertThat(call.get("what").asString()).isEqualTo("Phone call");
        assertThat(call.get("person").asString()).isEqualTo("Paul Phoner, 01632 960123");
        assertThat(call.get("member").asString()).isEqualTo(OWNER);
        assertThat(call.get("whatToSay").asString()).isEqualTo(letter.get("body").asString());
        assertThat(call.get("warning").asString()).isEqualTo("The person asked to be contacted by phone: tell them what the letter \""
                + subject + "\" says, then record the contact.");

        // the owner's "my work" lists the call, and the case page says what to say and takes the contact
        WebSession web = signedIn();
        String work = web.get("/staff/" + org).body();
        assertThat(work).contains("Phone call: ", "Paul Phoner, 01632 960123: ", "What to say: ",
                "/staff/" + org + "/cases/" + c.reference() + "#call-" + letter.get("id").asString());
        String page = web.get("/staff/" + org + "/cases/" + c.reference()).body();
        assertThat(page).contains("id=\"call-" + letter.get("id").asString() + "\"", "Phone call: Paul Phoner, 01632 960123. For " + OWNER + ".",
                "Record the contact");

        clock.setUk("2026-12-07T11:30");
        WebSession.Page recorded = web.post("/staff/" + org + "/cases/" + c.reference() + "/calls/" + letter.get("id").asString(),
                Map.of("note", "Read him the letter; he is happy with the dates"));
        assertThat(recorded.status()).isEqualTo(302);
        String after = web.get("/staff/" + org + "/cases/" + c.reference()).body();
        assertThat(after).contains("Contact recorded").doesNotContain("id=\"calls\"");
        assertThat(web.get("/staff/" + org).body()).doesNotContain("Paul Phoner, 01632 960123: ");

        JsonNode done = onlyLetter(c);
        assertThat(done.get("status").asString()).isEqualTo("CONTACTED");
        assertThat(done.get("sentAt").asString()).isEqualTo("2026-12-07T11:30:00Z");
        assertThat(done.get("deliveredVia").asString()).isEqualTo("by phone, recorded by " + OWNER);
        JsonNode history = c.read().get("history");
        JsonNode last = history.get(history.size() - 1);
        assertThat(last.get("type").asString()).isEqualTo("contacted");
        assertThat(last.get("actor").asString()).isEqualTo(OWNER);
        assertThat(last.get("reason").asString()).isEqualTo("By phone, in place of the letter \"" + subject
                + "\": Read him the letter; he is happy with the dates");
        assertThat(new Api(port).get(path(c) + "/calls").json()).isEmpty();
        // the same call cannot be recorded twice
        Api.Response again = Api.as(port, OWNER, TestAccounts.ADMIN_PASSWORD).post(path(c) + "/calls/" + letter.get("id").asString(), "{}");
        assertThat(again.status()).isEqualTo(404);
    }

    @Test
    void aTextPreferenceIsATextToSendNotAnEmailAndWithoutANumberThePreferenceFallsBackToEmail() {
        CaseOnFile texter = cases.aComplaint().by("Tess Texter").withPhone("07700 900456").preferringContactBy("TEXT")
                .inArea("Repairs").in(org);
        texter.assignTo(OWNER).acknowledge();
        outbox.deliverDue();
        JsonNode text = onlyLetter(texter);
        assertThat(text.get("channel").asString()).isEqualTo("TEXT");
        assertThat(text.get("status").asString()).isEqualTo("TO_CALL");
        assertThat(text.get("recipient").asString()).isEqualTo("Tess Texter, 07700 900456");
        assertThat(new Api(port).get(path(texter) + "/calls").json().get(0).get("what").asString()).isEqualTo("Text message");

        CaseOnFile noNumber = cases.aComplaint().by("Nia Nonumber").preferringContactBy("PHONE").inArea("Repairs").in(org);
        noNumber.assignTo(OWNER).acknowledge();
        JsonNode email = onlyLetter(noNumber);
        assertThat(email.get("channel").asString()).isEqualTo("EMAIL");
        assertThat(email.get("recipient").asString()).isEqualTo(noNumber.read().get("complainant").get("email").asString());
    }

    @Test
    void aLetterWithNoAddressAndNoEmailIsAWarningOnTheCaseAndOnMyWorkNeverInThePrintQueue() {
        CaseOnFile c = cases.aComplaint().by("Nora Nowhere").withoutEmail().preferringContactBy("POST").inArea("Housing management")
                .saying("Nobody answered about the communal lights").in(org);
        c.assignTo(OWNER).acknowledge();
        outbox.deliverDue();
        JsonNode letter = onlyLetter(c);
        assertThat(letter.get("channel").asString()).isEqualTo("POST");
        assertThat(letter.get("status").asString()).isEqualTo("UNDELIVERABLE");
        assertThat(letter.get("recipient").asString()).isEqualTo("Nora Nowhere (no postal address recorded)");

        WebSession web = signedIn();
        String page = web.get("/staff/" + org + "/cases/" + c.reference()).body();
        assertThat(page).contains("Contact to make", "cannot be sent: no postal address or email is recorded. Contact the person another way, "
                + "then record it, or correct their contact details.", "Letter cannot be sent: Nora Nowhere (no postal address recorded)");
        String work = web.get("/staff/" + org).body();
        assertThat(work).contains("govuk-warning-text", c.reference() + ": The letter ", "cannot be sent: no postal address or email is recorded.");

        Api.Response recorded = Api.as(port, OWNER, TestAccounts.ADMIN_PASSWORD).post(path(c) + "/calls/" + letter.get("id").asString(),
                "{\"note\":\"Told her at the office counter\"}");
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);
        assertThat(recorded.json().get("inHistory").asBoolean()).isTrue();
        assertThat(onlyLetter(c).get("status").asString()).isEqualTo("CONTACTED");
        JsonNode history = c.read().get("history");
        assertThat(history.get(history.size() - 1).get("reason").asString())
                .isEqualTo("In person or by phone, in place of the letter \"" + letter.get("subject").asString() + "\": Told her at the office counter");
        assertThat(web.get("/staff/" + org).body()).doesNotContain(c.reference() + ": The letter ");
    }

    @Test
    void theCodePageNeverSaysACodeWasSentAndGivesThePacksPhoneNumberA2() {
        clock.setUk("2027-03-15T10:00");
        CaseOnFile c = cases.aComplaint().by("Pip Phoneonly").withoutEmail().withPhone("01632 960777").preferringContactBy("PHONE")
                .inArea("Repairs").in(org);
        WebSession person = new WebSession(port);
        person.get("/o/" + org + "/track");
        WebSession.Page code = person.post("/o/" + org + "/track", Map.of("reference", c.reference()));
        assertThat(code.status()).isEqualTo(200);
        assertThat(code.body()).contains("If the reference is right and your complaint has an email address, we have emailed",
                "No email address on your complaint?", "We only send codes by email, so we cannot send you one.", "<strong>0300 555 0100</strong>")
                .doesNotContain("we have sent");

        // a pack with no number for complainants: phone the complaints team
        WebSession other = new WebSession(port);
        other.get("/o/the-trust/track");
        String shipped = other.post("/o/the-trust/track", Map.of("reference", "TT-2026-999999")).body();
        assertThat(shipped).contains("the complaints team at <span>The Trust</span>").doesNotContain("we have sent");
    }
}
