package org.redress.publicweb;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.accounts.Accounts;
import org.redress.accounts.Role;
import org.redress.testing.Api;
import org.redress.testing.CaseOnFile;
import org.redress.testing.Cases;
import org.redress.testing.MutableClock;
import org.redress.testing.TestAccounts;
import org.redress.testing.TestClockConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff upload files on a case and on one piece of its evidence (issue 21, S0-6): judged by what they contain, as the
 * public form's are; listed with who uploaded them; downloaded only as attachments; held in the Ombudsman's information
 * pack and a subject access export; and out of reach of anyone who may not open the case.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class StaffUploadsIT {

    static final byte[] PDF = "%PDF-1.7\n%âãÏÓ\n".getBytes(StandardCharsets.ISO_8859_1);
    static final String WORKER = "uploads.worker";
    static final String ELSEWHERE = "uploads.elsewhere";
    static final String OUT_OF_AREA = "uploads.out-of-area";
    static final String BOARD = "uploads.board";
    static final String PASSWORD = "uploads-pass";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** An organisation of this class's own, running The Trust's pack. */
    static String org;

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    MutableClock clock;

    CaseOnFile aCase;

    @BeforeEach
    void aComplaintWithASiteVisitRecorded() {
        clock.setUk("2026-12-08T10:00");
        Cases cases = new Cases(new Api(port));
        if (org == null) {
            org = cases.anOrganisationLike("the-trust");
            accounts.ensure(WORKER, "Uma Uploader", PASSWORD, false, Map.of(org, Role.CASE_WORKER));
            accounts.ensure(ELSEWHERE, "Eli Elsewhere", PASSWORD, false, Map.of("alliance-homes", Role.CASE_WORKER));
            accounts.ensure(OUT_OF_AREA, "Ola Outside", PASSWORD, false, Map.of(org, Role.CASE_WORKER));
            accounts.limitToServiceAreas(OUT_OF_AREA, org, Set.of("Repairs"));
            accounts.ensure(BOARD, "Bea Board", PASSWORD, false, Map.of(org, Role.BOARD_MEMBER));
        }
        aCase = cases.aComplaint().by("Hana Hallway").inArea("Housing management").saying("Damp in the hall for a year").in(org);
        aCase.act("evidence", """
                {"kind":"SITE_VISIT","date":"2026-12-07","who":"Sam Surveyor","notes":"Damp meter reads 40% by the front door"}""");
    }

    String files() {
        return "/api/v1/organisations/" + org + "/cases/" + aCase.reference() + "/attachments";
    }

    @Test
    void aCaseWorkerUploadsAPhotoOnTheCaseAndAPdfOnItsSiteVisitAndBothAreListedWithWhoAndWhichEvidenceS06() throws Exception {
        Response photo = upload(WORKER, "hall.png", AttachmentCheckTest.PNG, Map.of());
        assertThat(photo.status()).as(photo.text()).isEqualTo(201);
        JsonNode stored = photo.json();
        assertThat(stored.get("filename").asString()).isEqualTo("hall.png");
        assertThat(stored.get("mediaType").asString()).isEqualTo("image/png");
        assertThat(stored.get("sizeBytes").asInt()).isEqualTo(29);
        assertThat(stored.get("uploadedBy").asString()).isEqualTo(WORKER);
        assertThat(stored.has("evidence")).isFalse();
        assertThat(photo.header("Location")).isEqualTo(files() + "/" + stored.get("id").asString());

        clock.setUk("2026-12-08T10:05");
        Response survey = upload(WORKER, "survey report.pdf", PDF, Map.of("evidence", "1"));
        assertThat(survey.status()).as(survey.text()).isEqualTo(201);
        assertThat(survey.json().get("mediaType").asString()).isEqualTo("application/pdf");
        assertThat(survey.json().get("evidence").asInt()).isEqualTo(1);

        JsonNode listed = Api.as(port, WORKER, PASSWORD).get(files()).json();
        assertThat(listed).hasSize(2);
        assertThat(listed.get(0).get("filename").asString()).isEqualTo("hall.png");
        assertThat(listed.get(0).get("uploadedAt").asString()).isEqualTo("2026-12-08T10:00:00Z");
        assertThat(listed.get(1).get("filename").asString()).isEqualTo("survey report.pdf");
        assertThat(listed.get(1).get("uploadedBy").asString()).isEqualTo(WORKER);
        assertThat(listed.get(1).get("evidence").asInt()).isEqualTo(1);

        // downloaded only as an attachment, never sniffed as another type
        Response download = send("GET", files() + "/" + stored.get("id").asString(), WORKER, null, null);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.header("Content-Disposition")).isEqualTo("attachment; filename=\"hall.png\"");
        assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(download.header("Content-Type")).isEqualTo("image/png");
        assertThat(download.body()).isEqualTo(AttachmentCheckTest.PNG);
        // the staff page's download is checked in a real browser (CaseUploadsAndCallsBrowserIT)
    }

    @Test
    void aProgramNamedLikeAPhotoIsRefusedByWhatItContainsNamingTheFileFieldAndNothingIsKept() throws Exception {
        byte[] exe = new byte[256];
        exe[0] = 'M';
        exe[1] = 'Z';
        Response refused = upload(WORKER, "photo.png", exe, Map.of());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        JsonNode error = refused.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("file");
        assertThat(error.get("message").asString()).isEqualTo("photo.png must be a PDF, a JPEG or PNG photo, or a text file");

        Response noFile = upload(WORKER, null, null, Map.of("evidence", ""));
        assertThat(noFile.status()).isEqualTo(400);
        assertThat(noFile.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
        assertThat(noFile.json().get("errors").get(0).get("message").asString()).isEqualTo("Choose a file to upload");

        Response noSuchEvidence = upload(WORKER, "hall.png", AttachmentCheckTest.PNG, Map.of("evidence", "2"));
        assertThat(noSuchEvidence.status()).isEqualTo(400);
        assertThat(noSuchEvidence.json().get("errors").get(0).get("field").asString()).isEqualTo("evidence");
        assertThat(noSuchEvidence.json().get("errors").get(0).get("message").asString())
                .isEqualTo("Choose a piece of evidence from the list (1 to 1)");

        assertThat(Api.as(port, WORKER, PASSWORD).get(files()).json()).isEmpty();
    }

    @Test
    void someoneWhoMayNotOpenTheCaseFindsNoFilesThereAndOneWhoMayOnlyReadCannotUpload() throws Exception {
        String id = upload(WORKER, "hall.png", AttachmentCheckTest.PNG, Map.of()).json().get("id").asString();
        for (String outsider : List.of(ELSEWHERE, OUT_OF_AREA)) {
            assertThat(Api.as(port, outsider, PASSWORD).get(files()).status()).as(outsider).isEqualTo(404);
            assertThat(send("GET", files() + "/" + id, outsider, null, null).status()).as(outsider).isEqualTo(404);
            assertThat(upload(outsider, "more.png", AttachmentCheckTest.PNG, Map.of()).status()).as(outsider).isEqualTo(404);
        }
        assertThat(Api.as(port, BOARD, PASSWORD).get(files()).json()).hasSize(1);
        assertThat(upload(BOARD, "more.png", AttachmentCheckTest.PNG, Map.of()).status()).isEqualTo(403);
        assertThat(Api.as(port, WORKER, PASSWORD).get(files()).json()).hasSize(1);
    }

    @Test
    void staffUploadsAreInTheOmbudsmansInformationPackAndTheSubjectAccessExport() throws Exception {
        upload(WORKER, "hall.png", AttachmentCheckTest.PNG, Map.of());
        clock.setUk("2026-12-08T10:05");
        upload(WORKER, "survey.pdf", PDF, Map.of("evidence", "1"));

        Response zip = send("GET", "/api/v1/organisations/" + org + "/cases/" + aCase.reference() + "/ombudsman/information-pack.zip",
                TestAccounts.ADMIN, null, null);
        assertThat(zip.status()).isEqualTo(200);
        Map<String, byte[]> pack = unzip(zip.body());
        assertThat(pack.keySet().stream().filter(name -> name.startsWith("attachments/")).toList())
                .containsExactly("attachments/01-hall.png", "attachments/02-survey.pdf");
        assertThat(pack.get("attachments/01-hall.png")).isEqualTo(AttachmentCheckTest.PNG);
        try (var pdf = Loader.loadPDF(pack.get(aCase.reference() + "-information-pack.pdf"))) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Attachments (2)");
        }

        Api admin = new Api(port);
        String email = aCase.read().get("complainant").get("email").asString();
        Api.Response request = admin.post("/api/v1/organisations/" + org + "/subject-access", "{\"email\":\"" + email + "\"}");
        assertThat(request.status()).as(request.body()).isEqualTo(201);
        Response export = send("GET", "/api/v1/organisations/" + org + "/subject-access/" + request.json().get("id").asString() + "/export.zip",
                TestAccounts.ADMIN, null, null);
        assertThat(export.status()).isEqualTo(200);
        Map<String, byte[]> files = unzip(export.body());
        JsonNode data = JSON.readTree(files.get("data.json"));
        JsonNode caseData = null;
        for (JsonNode c : data.get("cases")) {
            if (c.get("reference").asString().equals(aCase.reference())) {
                caseData = c;
            }
        }
        assertThat(caseData).isNotNull();
        assertThat(caseData.get("attachments")).hasSize(2);
        assertThat(caseData.get("attachments").get(1).get("attachment").get("evidence").asInt()).isEqualTo(1);
        String summary = new String(files.get("summary.html"), StandardCharsets.UTF_8);
        assertThat(summary).contains("<li>hall.png (added by our staff)</li>", "<li>survey.pdf (added by our staff with evidence 1)</li>");
    }

    // ---- multipart over real HTTP -------------------------------------------------------------------------------

    record Response(int status, Map<String, List<String>> headers, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            return JSON.readTree(text());
        }

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(e -> e.getValue().get(0))
                    .findFirst().orElse(null);
        }
    }

    Response upload(String username, String filename, byte[] content, Map<String, String> fields) throws IOException, InterruptedException {
        String boundary = "----redress" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (var field : new LinkedHashMap<>(fields).entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                    + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        if (filename != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send("POST", files(), username, boundary, body.toByteArray());
    }

    Response send(String method, String path, String username, String boundary, byte[] body) throws IOException, InterruptedException {
        String password = username.equals(TestAccounts.ADMIN) ? TestAccounts.ADMIN_PASSWORD : PASSWORD;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        }
        HttpResponse<byte[]> answer = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Response(answer.statusCode(), answer.headers().map(), answer.body());
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }

}
