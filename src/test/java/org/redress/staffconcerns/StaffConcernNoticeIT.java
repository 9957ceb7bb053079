package org.redress.staffconcerns;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.accounts.Accounts;
import org.redress.accounts.Role;
import org.redress.testing.Api;
import org.redress.testing.MutableClock;
import org.redress.testing.TestClockConfiguration;
import org.redress.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notice telling a manager that a complaint names someone they manage is special category data wherever staff read
 * it outside the case: in the outbox (API and page) and as a PDF. A role that may see special category data reads it,
 * and each read is in the special category read log; the Board reads that a notice was sent, without the name, and
 * nothing is logged for them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class StaffConcernNoticeIT {

    static final String ORG = "the-trust";
    static final String PASSWORD = "staff-concern-notice-pass";
    static final String OUTBOX = "/api/v1/organisations/" + ORG + "/outbox";

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    org.redress.accounts.PackRoles packRoles;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;

    private String named;
    private String reference;
    private UUID notice;

    @BeforeEach
    void aComplaintNamingAMemberOfStaffWasRecordedAndTheirManagerTold() {
        clock.setUk("2027-04-05T10:00");
        accounts.ensure("sn.officer", "Complaints Officer", PASSWORD, false, Map.of(ORG, Role.COMPLAINT_MANAGEMENT_OFFICER));
        accounts.ensure("sn.owner", "Case Owner", PASSWORD, false, Map.of(ORG, Role.CASE_WORKER));
        packRoles.set(ORG, "sn.owner", java.util.Set.of("investigating-manager")); // owns stage 1 (issue 22)
        accounts.ensure("sn.manager", "Line Manager", PASSWORD, false, Map.of(ORG, Role.CASE_WORKER));
        accounts.ensure("sn.board", "Board Member", PASSWORD, false, Map.of(ORG, Role.BOARD_MEMBER));
        named = "Quinn Quill" + Long.toString(System.nanoTime(), 36);
        Api admin = new Api(port);
        Api.Response created = admin.post("/api/v1/organisations/" + ORG + "/cases", """
                {"recordType":"complaint","channel":"PHONE","complainant":{"name":"Cara Complainant"},
                 "namedPeople":[{"name":"%s","kind":"staff","role":"Caretaker"}],
                 "description":"The caretaker was rude","points":["Rudeness"]}""".formatted(named));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        reference = created.json().get("caseFile").get("reference").asString();
        assertThat(admin.post("/api/v1/organisations/" + ORG + "/cases/" + reference + "/assign", "{\"owner\":\"sn.owner\"}").status()).isEqualTo(200);
        Api.Response recorded = Api.as(port, "sn.officer", PASSWORD).post("/api/v1/organisations/" + ORG + "/cases/" + reference + "/staff-concerns",
                "{\"namedPerson\":\"" + named + "\",\"manager\":\"sn.manager\"}");
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        notice = jdbc.sql("select id from correspondence.letter where subject like ?").param("A complaint names " + named + "%")
                .query(UUID.class).single();
    }

    @Test
    void aCaseWorkerAndTheManagerReadTheNamedPersonAndEachReadIsLogged() throws IOException {
        Api owner = Api.as(port, "sn.owner", PASSWORD);
        JsonNode entry = entry(owner.get(OUTBOX));
        assertThat(entry.get("subject").asString()).isEqualTo("A complaint names " + named + ": please tell them now (" + reference + ")");
        assertThat(entry.get("body").asString()).contains("Complaint " + reference + " names " + named + " (Caretaker), whom you manage");
        assertThat(reads("sn.owner")).isEqualTo(1);

        assertThat(signedIn("sn.owner").get("/staff/" + ORG + "/outbox").body()).contains("A complaint names " + named);
        assertThat(reads("sn.owner")).isEqualTo(2);
        assertThat(pdfText("sn.owner")).contains(named);
        assertThat(reads("sn.owner")).isEqualTo(3);

        assertThat(Api.as(port, "sn.manager", PASSWORD).get(OUTBOX).body()).contains(named);
        assertThat(reads("sn.manager")).isEqualTo(1);

        JsonNode read = firstReadBy("sn.manager");
        assertThat(read.get("what").asString()).isEqualTo("the member of staff a complaint names (staff concern notice)");
        assertThat(read.get("why").asString()).isEqualTo("GET " + OUTBOX);
    }

    @Test
    void theBoardReadsThatANoticeWasSentWithoutTheNamedPersonAndNothingIsLogged() throws IOException {
        Api board = Api.as(port, "sn.board", PASSWORD);
        Api.Response outbox = board.get(OUTBOX);
        assertThat(outbox.status()).isEqualTo(200);
        assertThat(outbox.body()).doesNotContain(named);
        JsonNode entry = entry(outbox);
        assertThat(entry.get("subject").asString()).isEqualTo("Withheld: special category data");
        assertThat(entry.get("body").asString()).isEqualTo("This notice holds the member of staff a complaint names (staff concern notice), "
                + "which is special category data that your role does not allow you to see.");
        assertThat(entry.has("aboutCase")).isFalse();

        WebSession.Page page = signedIn("sn.board").get("/staff/" + ORG + "/outbox");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Withheld: special category data").doesNotContain(named);
        assertThat(pdfText("sn.board")).doesNotContain(named).contains("This notice holds the member of staff a complaint names");
        assertThat(board.get(OUTBOX + "?status=SENT").body()).doesNotContain(named);

        assertThat(reads("sn.board")).isZero();
    }

    private JsonNode entry(Api.Response outbox) {
        assertThat(outbox.status()).isEqualTo(200);
        for (JsonNode letter : outbox.json()) {
            if (letter.get("id").asString().equals(notice.toString())) {
                return letter;
            }
        }
        throw new AssertionError("the notice is not in the outbox");
    }

    /** The reads of the case's special category data by one member, from the log an administrator reads. */
    private long reads(String username) {
        return log().findValues("username").stream().filter(u -> u.asString().equals(username)).count();
    }

    private JsonNode firstReadBy(String username) {
        for (JsonNode read : log()) {
            if (read.get("username").asString().equals(username)) {
                return read;
            }
        }
        throw new AssertionError("no read by " + username);
    }

    private JsonNode log() {
        Api.Response log = new Api(port).get("/api/v1/organisations/" + ORG + "/audit/special-category?case=" + reference);
        assertThat(log.status()).isEqualTo(200);
        return log.json();
    }

    private WebSession signedIn(String username) {
        WebSession session = new WebSession(port);
        session.signIn(username, PASSWORD);
        return session;
    }

    private String pdfText(String username) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/organisations/" + ORG + "/letters/" + notice + "/pdf"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        try {
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).isEqualTo(200);
            try (PDDocument document = Loader.loadPDF(response.body())) {
                // lines wrap where the page ends them
                return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
