package org.redress.ombudsman;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.redress.accounts.Accounts;
import org.redress.accounts.Role;
import org.redress.casework.Casework;
import org.redress.testing.Api;
import org.redress.testing.Cases;
import org.redress.testing.MutableClock;
import org.redress.testing.TestClockConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ombudsman side of a case over the API: the referral checked against the service line's ombudsman (F-8), the
 * findings per point, orders whose overdue status comes from the clock, and the information pack (F-9) as a PDF
 * holding every event and letter in order and as a zip whose manifest hashes match its files.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
@RecordApplicationEvents
class OmbudsmanApiIT {

    private static final String ORG = "alliance-homes";

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    Accounts accounts;

    @Autowired
    Casework casework;

    @Autowired
    OmbudsmanReferrals referrals;

    @Autowired
    JdbcClient jdbc;

    Api api() {
        return new Api(port);
    }

    JsonNode complaint(String serviceLine, String... points) {
        return new Cases(api()).aComplaint().by("Olu Resident").withEmail("olu." + System.nanoTime() + "@example.org")
                .preferringContactBy("EMAIL").onServiceLine(serviceLine).inArea("Repairs").about("Repairs")
                .wanting("Fix the boiler").points(points).in(ORG).json();
    }

    static String path(JsonNode c) {
        return "/api/v1/organisations/" + ORG + "/cases/" + c.get("id").asString();
    }

    JsonNode ok(Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    @Test
    void referralToAnotherOmbudsmanThanTheServiceLinesIsRefusedNamingF8UnlessAReasonIsGiven() {
        clock.setUk("2026-11-23T09:00");
        JsonNode c = complaint("housing", "Boiler repair missed");
        JsonNode before = ok(api().get(path(c) + "/ombudsman"));
        assertThat(before.get("expected").get("id").asString()).isEqualTo("housing-ombudsman");
        assertThat(before.get("expected").get("phone").asString()).isEqualTo("0300 111 3000");
        assertThat(before.has("referral")).isFalse();

        Api.Response wrong = api().post(path(c) + "/ombudsman/referral",
                "{\"ombudsman\":\"financial-ombudsman\",\"reference\":\"FOS-1\",\"referredOn\":\"2026-11-20\"}");
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.json().get("rule").asString()).isEqualTo("F-8");
        assertThat(wrong.body()).contains("Housing Ombudsman Service").contains("\"field\":\"ombudsman\"");
        assertThat(ok(api().get(path(c) + "/ombudsman")).has("referral")).isFalse();

        JsonNode overridden = ok(api().post(path(c) + "/ombudsman/referral", """
                {"ombudsman":"financial-ombudsman","reference":"FOS-1","referredOn":"2026-11-20",
                 "overrideReason":"the complaint is really about the debt advice given"}"""));
        assertThat(overridden.get("ombudsmanName").asString()).isEqualTo("Financial Ombudsman Service");
        assertThat(overridden.get("overrideReason").asString()).contains("debt advice");

        JsonNode homeCare = complaint("home-care", "Carer did not come");
        assertThat(ok(api().get(path(homeCare) + "/ombudsman")).get("expected").get("id").asString())
                .isEqualTo("local-government-and-social-care-ombudsman");
        assertThat(api().post(path(homeCare) + "/ombudsman/referral",
                "{\"ombudsman\":\"housing-ombudsman\",\"reference\":\"HOS-1\",\"referredOn\":\"2026-11-20\"}").status()).isEqualTo(422);
    }

    @Test
    void referringRecordsTheDatesAndPublishesOmbudsmanReferredOnceForReportingF15(ApplicationEvents events) {
        clock.setUk("2026-11-23T09:00");
        JsonNode c = complaint("housing", "Boiler repair missed");
        ReferralView made = referrals.refer(ORG, c.get("reference").asString(), new OmbudsmanReferrals.ReferralRequest(
                "housing-ombudsman", "HOS-202611-0042", LocalDate.parse("2026-11-16"), null, null, null), "test");
        referrals.refer(ORG, c.get("reference").asString(), new OmbudsmanReferrals.ReferralRequest(
                "housing-ombudsman", "HOS-202611-0042", LocalDate.parse("2026-11-16"), LocalDate.parse("2026-11-20"), null, null), "test");
        assertThat(events.stream(OmbudsmanReferred.class).toList()).containsExactly(
                new OmbudsmanReferred(ORG, c.get("id").asString(), "HOS-202611-0042", "housing-ombudsman", LocalDate.parse("2026-11-16")));
        assertThat(made.referredOn()).isEqualTo(LocalDate.parse("2026-11-16"));
        assertThat(referrals.referredBetween(casework.scope(ORG), LocalDate.parse("2026-11-16"), LocalDate.parse("2026-11-16")))
                .anySatisfy(r -> {
                    assertThat(r.caseReference()).isEqualTo(c.get("reference").asString());
                    assertThat(r.informationRequestedOn()).isEqualTo(LocalDate.parse("2026-11-20"));
                });
    }

    @Test
    void theOmbudsmansFindingsAreRecordedPerPointOfComplaintF9() {
        clock.setUk("2026-11-23T09:00");
        JsonNode c = complaint("housing", "Boiler repair missed twice", "Staff did not call back");
        ok(api().post(path(c) + "/ombudsman/referral",
                "{\"ombudsman\":\"housing-ombudsman\",\"reference\":\"HOS-7\",\"referredOn\":\"2026-11-20\",\"determinedOn\":\"2026-11-23\"}"));
        JsonNode after = ok(api().post(path(c) + "/ombudsman/findings", """
                {"findings":[{"point":1,"finding":"MALADMINISTRATION","notes":"Two missed appointments without notice"},
                             {"point":2,"finding":"SERVICE_FAILURE","notes":"No call back for three weeks"}]}"""));
        assertThat(after.get("findings").size()).isEqualTo(2);
        assertThat(after.get("findings").get(0).get("pointSummary").asString()).isEqualTo("Boiler repair missed twice");
        assertThat(after.get("findings").get(1).get("finding").asString()).isEqualTo("SERVICE_FAILURE");

        // a later finding on the same point replaces the earlier one
        ok(api().post(path(c) + "/ombudsman/findings",
                "{\"findings\":[{\"point\":2,\"finding\":\"REASONABLE_REDRESS\",\"notes\":\"The apology and £50 put it right\"}]}"));
        JsonNode read = ok(api().get(path(c) + "/ombudsman")).get("referral");
        assertThat(read.get("findings").get(1).get("finding").asString()).isEqualTo("REASONABLE_REDRESS");

        Api.Response noSuchPoint = api().post(path(c) + "/ombudsman/findings",
                "{\"findings\":[{\"point\":1,\"finding\":\"NO_MALADMINISTRATION\",\"notes\":\"x\"},{\"point\":3,\"finding\":\"MALADMINISTRATION\",\"notes\":\"x\"}]}");
        assertThat(noSuchPoint.status()).isEqualTo(422);
        assertThat(noSuchPoint.body()).contains("findings[1].point");
        assertThat(ok(api().get(path(c) + "/ombudsman")).get("referral").get("findings").get(0).get("finding").asString())
                .as("nothing changed, not even the valid first finding").isEqualTo("MALADMINISTRATION");
    }

    @Test
    void anOrderBecomesOverdueByTheClockAloneAndComplianceIsRecordedWithEvidence() {
        clock.setUk("2026-11-23T09:00");
        JsonNode c = complaint("housing", "Boiler repair missed");
        ok(api().post(path(c) + "/ombudsman/referral", "{\"ombudsman\":\"housing-ombudsman\",\"reference\":\"HOS-9\",\"referredOn\":\"2026-11-20\"}"));
        JsonNode referral = ok(api().post(path(c) + "/ombudsman/orders",
                "{\"kind\":\"PAY\",\"description\":\"Pay £250 for the distress and inconvenience\",\"amount\":250.00,\"dueOn\":\"2026-12-04\"}"));
        ok(api().post(path(c) + "/ombudsman/orders",
                "{\"kind\":\"REVIEW_POLICY\",\"description\":\"Review the appointments policy\",\"dueOn\":\"2027-02-26\"}"));
        String orderId = referral.get("orders").get(0).get("id").asString();

        Map<String, String> seen = new LinkedHashMap<>();
        for (String day : List.of("2026-11-23", "2026-11-26", "2026-11-27", "2026-12-04", "2026-12-05")) {
            clock.setUk(day + "T09:00");
            JsonNode order = ok(api().get(path(c) + "/ombudsman")).get("referral").get("orders").get(0);
            seen.put(day, order.get("status").asString() + " - " + order.get("statusText").asString());
        }
        assertThat(seen).containsExactly(
                Map.entry("2026-11-23", "ON_TIME - Due by Fri 4 Dec 2026"),
                Map.entry("2026-11-26", "ON_TIME - Due by Fri 4 Dec 2026"),
                Map.entry("2026-11-27", "DUE_SOON - Due soon: by Fri 4 Dec 2026"),
                Map.entry("2026-12-04", "DUE_SOON - Due soon: by Fri 4 Dec 2026"),
                Map.entry("2026-12-05", "OVERDUE - Overdue: was due by Fri 4 Dec 2026"));

        // the organisation's list: the referral with the order due soonest comes first (among this year's referrals:
        // the reporting tests refer a 2019 case whose order is long overdue)
        JsonNode list = ok(api().get("/api/v1/organisations/" + ORG + "/ombudsman"));
        String first = null;
        for (JsonNode r : list) {
            if (r.get("caseReference").asString().contains("-2026-")) {
                first = r.get("caseReference").asString();
                break;
            }
        }
        assertThat(first).isEqualTo(c.get("reference").asString());

        clock.setUk("2026-12-07T10:00");
        Api.Response future = api().post(path(c) + "/ombudsman/orders/" + orderId + "/complied", "{\"compliedOn\":\"2026-12-08\"}");
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.body()).contains("\"field\":\"compliedOn\"").contains("\"field\":\"evidence\"");
        JsonNode complied = ok(api().post(path(c) + "/ombudsman/orders/" + orderId + "/complied",
                "{\"compliedOn\":\"2026-12-07\",\"evidence\":\"BACS payment ref 88123\"}"));
        JsonNode order = complied.get("orders").get(0);
        assertThat(order.get("status").asString()).isEqualTo("MET_LATE");
        assertThat(order.get("evidence").asString()).isEqualTo("BACS payment ref 88123");
        assertThat(api().post(path(c) + "/ombudsman/orders/" + orderId + "/complied",
                "{\"compliedOn\":\"2026-12-07\",\"evidence\":\"again\"}").status()).isEqualTo(422);
    }

    @Test
    void badInputNamesEachFieldAndChangesNothing() {
        clock.setUk("2026-11-23T09:00");
        JsonNode c = complaint("housing", "Boiler repair missed");
        Api.Response bad = api().post(path(c) + "/ombudsman/referral", "{\"ombudsman\":\"nobody\",\"referredOn\":\"2026-12-25\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("\"field\":\"ombudsman\"").contains("\"field\":\"reference\"").contains("\"field\":\"referredOn\"");
        assertThat(api().post(path(c) + "/ombudsman/referral", "{\"referredOn\":\"not a date\"}").status()).isEqualTo(400);
        Api.Response early = api().post(path(c) + "/ombudsman/orders", "{\"kind\":\"APOLOGISE\",\"description\":\"Apologise\",\"dueOn\":\"2026-12-01\"}");
        assertThat(early.status()).as("no referral yet").isEqualTo(422);
        assertThat(ok(api().get(path(c) + "/ombudsman")).has("referral")).isFalse();

        ok(api().post(path(c) + "/ombudsman/referral", "{\"ombudsman\":\"housing-ombudsman\",\"reference\":\"HOS-10\",\"referredOn\":\"2026-11-20\"}"));
        Api.Response badOrder = api().post(path(c) + "/ombudsman/orders", "{\"kind\":\"PAY\",\"amount\":-5}");
        assertThat(badOrder.status()).isEqualTo(400);
        assertThat(badOrder.body()).contains("\"field\":\"description\"").contains("\"field\":\"amount\"").contains("\"field\":\"dueOn\"");
        Api.Response badFindings = api().post(path(c) + "/ombudsman/findings", "{\"findings\":[{\"point\":1}]}");
        assertThat(badFindings.body()).contains("findings[0].finding").contains("findings[0].notes");
        JsonNode unchanged = ok(api().get(path(c) + "/ombudsman")).get("referral");
        assertThat(unchanged.get("orders").size()).isZero();
        assertThat(unchanged.get("findings").size()).isZero();
    }

    @Test
    void anotherOrganisationsStaffGetNotFound() throws Exception {
        clock.setUk("2026-11-23T09:00");
        JsonNode c = complaint("housing", "Boiler repair missed");
        accounts.ensure("ombudsman.trust.manager", "Trust Manager", "trust-manager-pass", false, Map.of("the-trust", Role.COMPLAINT_MANAGEMENT_OFFICER));
        Api other = Api.as(port, "ombudsman.trust.manager", "trust-manager-pass");
        assertThat(other.get(path(c) + "/ombudsman").status()).isEqualTo(404);
        assertThat(other.post(path(c) + "/ombudsman/referral", "{\"ombudsman\":\"housing-ombudsman\",\"reference\":\"X\",\"referredOn\":\"2026-11-20\"}").status()).isEqualTo(404);
        assertThat(other.get("/api/v1/organisations/" + ORG + "/ombudsman").status()).isEqualTo(404);
        assertThat(get(path(c) + "/ombudsman/information-pack.pdf", "ombudsman.trust.manager", "trust-manager-pass").statusCode()).isEqualTo(404);
        assertThat(ok(api().get(path(c) + "/ombudsman")).has("referral")).isFalse();
    }

    @Test
    void theInformationPackHoldsEveryEventAndLetterInOrderAndTheZipManifestHashesMatchF9() throws Exception {
        clock.setUk("2026-11-23T09:00");
        JsonNode c = complaint("housing", "Boiler repair missed", "No call back");
        String reference = c.get("reference").asString();
        clock.setUk("2026-11-24T09:00");
        ok(api().post(path(c) + "/acknowledge", "{\"method\":\"email\"}"));
        ok(api().post(path(c) + "/extend", "{\"clock\":\"respond\",\"amount\":5,\"reason\":\"waiting for the contractor's report\",\"complainantAgreed\":true}"));
        // a long history: 200 more events
        for (int i = 1; i <= 200; i++) {
            String note = "note-%03d".formatted(i);
            casework.on(ORG, c.get("id").asString(), "case.worker").recordContact(note);
        }
        byte[] photo = "a photo of the boiler, as sent".getBytes(StandardCharsets.UTF_8);
        byte[] report = "%PDF-1.4 the engineer's report".getBytes(StandardCharsets.UTF_8);
        attach(reference, "boiler.jpg", "image/jpeg", photo);
        attach(reference, "engineer-report.pdf", "application/pdf", report);
        ok(api().post(path(c) + "/ombudsman/referral", "{\"ombudsman\":\"housing-ombudsman\",\"reference\":\"HOS-2026-77\",\"referredOn\":\"2026-11-24\"}"));

        JsonNode history = ok(api().get(path(c))).get("history");
        assertThat(history.size()).as("logged, acknowledged, extended and 200 contacts (the referral is the ombudsman module's record)").isEqualTo(203);
        JsonNode letters = ok(api().get(path(c) + "/letters"));
        assertThat(letters.size()).as("the acknowledgement and the extension").isEqualTo(2);

        Instant started = Instant.now();
        HttpResponse<byte[]> pdf = get(path(c) + "/ombudsman/information-pack.pdf", null, null);
        Duration took = Duration.between(started, Instant.now());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        assertThat(took).as("seconds, not minutes, for %d events", history.size()).isLessThan(Duration.ofSeconds(20));
        System.out.println("Information pack PDF for " + history.size() + " events: " + took.toMillis() + " ms");

        String text = text(pdf.body());
        assertThat(text).contains("Contents").contains(reference).contains("HOS-2026-77").contains("boiler.jpg").contains("engineer-report.pdf");
        int historyStart = text.lastIndexOf("4. Full history"); // the heading, not the contents line
        int notesStart = text.indexOf("5. Notes", historyStart);
        assertThat(historyStart).as("the history section").isPositive();
        String historyText = text.substring(historyStart, notesStart);
        int at = 0;
        for (JsonNode event : history) {
            String what = InformationPack.words(event.get("type").asString());
            int found = historyText.indexOf(what, at);
            assertThat(found).as("event %d (%s) after position %d", event.get("sequence").asInt(), what, at).isGreaterThanOrEqualTo(0);
            if (event.has("reason") && event.get("reason").asString().startsWith("note-")) {
                found = historyText.indexOf(event.get("reason").asString(), at);
                assertThat(found).as("event %d's note, in order", event.get("sequence").asInt()).isGreaterThanOrEqualTo(0);
            }
            at = found;
        }
        String lettersText = text.substring(text.lastIndexOf("7. Letters sent"));
        int letterAt = 0;
        for (JsonNode letter : letters) {
            int found = lettersText.indexOf(firstLine(letter.get("subject").asString()), letterAt);
            assertThat(found).as("letter '%s' in order", letter.get("subject").asString()).isGreaterThanOrEqualTo(0);
            letterAt = found;
        }

        HttpResponse<byte[]> zip = get(path(c) + "/ombudsman/information-pack.zip", null, null);
        assertThat(zip.statusCode()).isEqualTo(200);
        Map<String, byte[]> files = unzip(zip.body());
        assertThat(files).containsKey("manifest.sha256").containsKey(reference + "-information-pack.pdf")
                .containsKey("attachments/01-boiler.jpg").containsKey("attachments/02-engineer-report.pdf");
        assertThat(files.get("attachments/01-boiler.jpg")).isEqualTo(photo);
        assertThat(files.keySet().stream().filter(n -> n.startsWith("letters/") && n.endsWith(".pdf")).count()).isEqualTo(letters.size());
        List<String> manifest = new String(files.get("manifest.sha256"), StandardCharsets.UTF_8).lines().toList();
        assertThat(manifest).hasSize(files.size() - 1);
        for (String line : manifest) {
            String hash = line.substring(0, 64);
            String name = line.substring(66);
            assertThat(files).as(name).containsKey(name);
            assertThat(sha256(files.get(name))).as("hash of " + name).isEqualTo(hash);
        }
        assertThat(text(files.get(reference + "-information-pack.pdf"))).contains("note-200");
    }

    private void attach(String reference, String filename, String type, byte[] content) {
        jdbc.sql("""
                insert into publicweb.attachment (id, organisation, reference, filename, media_type, size_bytes, sha256, content, uploaded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), ORG, reference, filename, type, content.length, sha256(content), content,
                        Timestamp.from(clock.instant().plusSeconds(filename.length()))).update();
    }

    private HttpResponse<byte[]> get(String path, String username, String password) throws IOException, InterruptedException {
        String auth = username == null ? Api.ADMIN_AUTHORIZATION : "Basic " + java.util.Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", auth).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String firstLine(String s) {
        return s.length() > 30 ? s.substring(0, 30) : s;
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
