package org.redress.casework;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.accounts.Accounts;
import org.redress.accounts.Role;
import org.redress.testing.Api;
import org.redress.testing.CaseOnFile;
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
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * T-1 (The Trust, 004; the Code): reasonable adjustments belong to the person. Recorded once, with what was asked,
 * what was agreed and when, they show on each of the person's cases and change how each letter to them is sent or
 * tell the member of staff what to do, on the case page and in the outbox.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class PersonAdjustmentsIT {

    static final String PASSWORD = "person-adjustments-pass";

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    MutableClock clock;
    @Autowired
    Casework casework;

    String org;
    String email;
    /** Members of this test's own organisation (an account is made once, with the organisation it is first given). */
    String worker;
    String boardMember;

    @BeforeEach
    void anOrganisationLikeTheTrust() {
        clock.setUk("2026-12-07T10:00");
        org = cases().anOrganisationLike("the-trust");
        email = "ada.adjusted." + System.nanoTime() + "@example.org";
        worker = "worker." + org;
        boardMember = "board." + org;
        accounts.ensure(worker, "Ali Worker", PASSWORD, false, Map.of(org, Role.CASE_WORKER));
        accounts.ensure(boardMember, "Bea Board", PASSWORD, false, Map.of(org, Role.BOARD_MEMBER));
    }

    @Test
    void adjustmentsRecordedOnOneCaseFollowThePersonToTheirOtherCasesAndChangeEveryLetter_T1() {
        // what she asked for when she first complained is recorded as her adjustment, asked that day
        CaseOnFile first = cases().aComplaint().receivedOn(LocalDate.of(2026, 12, 1)).by("Ada Adjusted").withEmail(email)
                .needing("large print letters please").saying("The lift has been broken for a week").in(org);
        JsonNode asked = api().get(first.path() + "/adjustments").json();
        assertThat(asked).hasSize(1);
        assertThat(asked.get(0).get("adjustment").get("kind").asString()).isEqualTo("LARGE_PRINT");
        assertThat(asked.get(0).get("adjustment").get("asked").asString()).isEqualTo("large print letters please");
        assertThat(asked.get(0).get("adjustment").get("askedOn").asString()).isEqualTo("2026-12-01");
        assertThat(asked.get(0).get("adjustment").path("agreed").isMissingNode() || asked.get(0).get("adjustment").get("agreed").isNull())
                .as(asked.toString()).isTrue();

        // staff record two more on that case, with what she asked and what was agreed
        Api.Response interpreter = api().post(first.path() + "/adjustments", """
                {"kind":"INTERPRETER","details":"Polish","asked":"An interpreter when we speak","askedOn":"2026-12-02",
                 "agreed":"We book a Polish interpreter for every call and meeting","agreedOn":"2026-12-03"}""");
        assertThat(interpreter.status()).as(interpreter.body()).isEqualTo(201);
        assertThat(interpreter.json().get("instruction").asString()).isEqualTo("Book an interpreter (Polish) for every call and meeting.");
        assertThat(interpreter.json().get("adjustment").get("agreedOn").asString()).isEqualTo("2026-12-03");
        Api.Response post = api().post(first.path() + "/adjustments", """
                {"kind":"PREFERRED_CHANNEL","details":"post","asked":"Letters by post, not email"}""");
        assertThat(post.status()).as(post.body()).isEqualTo(201);
        assertThat(post.json().get("instruction").asString()).isEqualTo("Contact the person only by letter in the post.");
        String largePrint = asked.get(0).get("adjustment").get("id").asString();
        Api.Response agreed = api().post(first.path() + "/adjustments/" + largePrint + "/agree", """
                {"agreed":"Every letter in large print","agreedOn":"2026-12-02"}""");
        assertThat(agreed.status()).as(agreed.body()).isEqualTo(200);

        // her next complaint, by the same email, asks for nothing: her adjustments are there all the same
        CaseOnFile second = cases().aComplaint().receivedOn(LocalDate.of(2026, 12, 7)).by("Ada Adjusted").withEmail(email.toUpperCase())
                .saying("Nobody answered my letter about the lift").in(org);
        JsonNode onSecond = api().get(second.path() + "/adjustments").json();
        assertThat(instructions(onSecond)).containsExactlyInAnyOrder(
                "Send every letter and document in large print (the PDF is printed in large type).",
                "Book an interpreter (Polish) for every call and meeting.",
                "Contact the person only by letter in the post.");

        // ... and every letter on it is sent by post, in large print, with the instructions for whoever sends it
        second.acknowledge();
        JsonNode letter = api().get(second.path() + "/letters").json().get(0);
        assertThat(letter.get("channel").asString()).isEqualTo("POST");
        List<String> formats = texts(letter.get("formats"));
        assertThat(formats).contains("large print",
                "adjustment: Interpreter: Book an interpreter (Polish) for every call and meeting.",
                "adjustment: Preferred way of contact: Contact the person only by letter in the post.");

        // the case page says what to do; the section page has the whole record and the forms
        WebSession web = new WebSession(port);
        web.signIn(worker, PASSWORD);
        String casePage = web.get("/staff/" + org + "/cases/" + second.reference()).body();
        assertThat(casePage).contains("Reasonable adjustments", "Interpreter: Book an interpreter (Polish) for every call and meeting. (agreed 3 Dec 2026)");
        WebSession.Page section = web.get("/staff/" + org + "/cases/" + second.reference() + "/adjustments");
        assertThat(section.status()).isEqualTo(200);
        assertThat(section.body()).contains("An interpreter when we speak", "We book a Polish interpreter for every call and meeting",
                first.reference(), "Record an adjustment for this person");
        // the outbox shows the sender what to do with the letter
        String outbox = web.get("/staff/" + org + "/outbox").body();
        assertThat(outbox).contains("Reasonable adjustments: do this when sending", "Interpreter: Book an interpreter (Polish) for every call and meeting.");

        // the Board, who may not see special category data, is not shown them
        WebSession board = new WebSession(port);
        board.signIn(boardMember, PASSWORD);
        assertThat(board.get("/staff/" + org + "/cases/" + second.reference()).body()).doesNotContain("Book an interpreter");
        assertThat(board.get("/staff/" + org + "/cases/" + second.reference() + "/adjustments").status()).isEqualTo(403);
        String boardOutbox = board.get("/staff/" + org + "/outbox").body();
        assertThat(boardOutbox).contains(second.reference()).doesNotContain("Book an interpreter");
    }

    @Test
    void anotherPersonOfTheSameNameIsNotGivenHerAdjustmentsAndAnEndedOneStopsChangingLetters_T1() {
        CaseOnFile hers = cases().aComplaint().by("Ada Adjusted").withEmail(email).saying("The lift is broken").in(org);
        String id = api().post(hers.path() + "/adjustments", """
                {"kind":"EASY_READ","asked":"Easy read letters"}""").json().get("adjustment").get("id").asString();
        CaseOnFile namesake = cases().aComplaint().by("Ada Adjusted").withEmail("another." + email).saying("Noise next door").in(org);
        assertThat(api().get(namesake.path() + "/adjustments").json()).isEmpty();

        Api.Response ended = api().post(hers.path() + "/adjustments/" + id + "/end", """
                {"reason":"She now reads standard letters with a screen reader"}""");
        assertThat(ended.status()).as(ended.body()).isEqualTo(200);
        assertThat(ended.json().get("inForce").asBoolean()).isFalse();
        hers.acknowledge();
        assertThat(texts(api().get(hers.path() + "/letters").json().get(0).get("formats"))).isEmpty();
        Api.Response again = api().post(hers.path() + "/adjustments/" + id + "/agree", """
                {"agreed":"too late"}""");
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.body()).contains("T-1");
    }

    @Test
    void badInputNamesTheFieldAndRecordsNothing_T1() {
        CaseOnFile c = cases().aComplaint().by("Ada Adjusted").withEmail(email).saying("The lift is broken").in(org);
        Api.Response noDetails = api().post(c.path() + "/adjustments", """
                {"kind":"INTERPRETER","asked":"An interpreter"}""");
        assertThat(noDetails.status()).isEqualTo(400);
        assertThat(noDetails.body()).contains("details");
        Api.Response badKind = api().post(c.path() + "/adjustments", """
                {"kind":"TELEPATHY","asked":"Something"}""");
        assertThat(badKind.status()).isEqualTo(400);
        assertThat(badKind.body()).contains("kind");
        Api.Response badChannel = api().post(c.path() + "/adjustments", """
                {"kind":"PREFERRED_CHANNEL","details":"pigeon","asked":"By pigeon"}""");
        assertThat(badChannel.status()).isEqualTo(400);
        Api.Response future = api().post(c.path() + "/adjustments", """
                {"kind":"LARGE_PRINT","asked":"Large print","askedOn":"2027-01-01"}""");
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.body()).contains("askedOn");
        assertThat(api().get(c.path() + "/adjustments").json()).isEmpty();

        WebSession web = new WebSession(port);
        web.signIn(worker, PASSWORD);
        assertThat(web.get("/staff/" + org + "/cases/" + c.reference() + "/adjustments").body()).contains("No adjustments are recorded for this person.");
        WebSession.Page blank = web.post("/staff/" + org + "/cases/" + c.reference() + "/adjustments", Map.of("kind", "LANGUAGE", "asked", ""));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.body()).contains("There is a problem", "<a href=\"#asked\">Enter what the person asked for</a>");
        WebSession.Page noLanguage = web.post("/staff/" + org + "/cases/" + c.reference() + "/adjustments",
                Map.of("kind", "LANGUAGE", "asked", "Letters in Polish"));
        assertThat(noLanguage.status()).isEqualTo(400);
        assertThat(noLanguage.body()).contains("<a href=\"#details\">Give the details of the adjustment (another language): "
                + "Write to the person in ...: have each letter translated before it is sent.</a>");
        assertThat(api().get(c.path() + "/adjustments").json()).isEmpty();
    }

    @Test
    void anAdjustmentIsForgottenWithThePersonsLastCaseAndKeptWhileAnotherIsOnFile_T1() {
        CaseOnFile only = cases().aComplaint().by("Ada Adjusted").withEmail(email).needing("easy read letters").saying("The lift").in(org);
        assertThat(api().get(only.path() + "/adjustments").json()).hasSize(1);
        casework.anonymise(org, only.reference(), "erasure request", "test");
        assertThat(api().get(only.path() + "/adjustments").json()).isEmpty();

        String other = "bo.adjusted." + System.nanoTime() + "@example.org";
        CaseOnFile first = cases().aComplaint().by("Bo Adjusted").withEmail(other).needing("large print").saying("The lift").in(org);
        CaseOnFile second = cases().aComplaint().by("Bo Adjusted").withEmail(other).saying("The lift again").in(org);
        casework.anonymise(org, first.reference(), "erasure request", "test");
        assertThat(instructions(api().get(second.path() + "/adjustments").json()))
                .containsExactly("Send every letter and document in large print (the PDF is printed in large type).");
    }

    private static List<String> instructions(JsonNode list) {
        List<String> found = new ArrayList<>();
        list.forEach(a -> found.add(a.get("instruction").asString()));
        return found;
    }

    private static List<String> texts(JsonNode list) {
        List<String> found = new ArrayList<>();
        list.forEach(t -> found.add(t.asString()));
        return found;
    }

    private Api api() {
        return new Api(port);
    }

    private Cases cases() {
        return new Cases(api());
    }
}
