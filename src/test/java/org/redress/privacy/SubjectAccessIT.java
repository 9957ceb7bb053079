package org.redress.privacy;

import org.junit.jupiter.api.Test;
import org.redress.accounts.Accounts;
import org.redress.accounts.Role;
import org.redress.testing.Api;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Subject access requests (UK GDPR Art. 15): the one-month clock, its status, and the export package. */
class SubjectAccessIT extends PrivacyApiSupport {

    static final String PATH = "/api/v1/organisations/" + ORG + "/subject-access";

    @Autowired
    Accounts accounts;

    String status(String id) {
        return get(PATH + "/" + id).get("status").asString();
    }

    @Test
    void aRequestOn31JanuaryIsDueOn28FebruaryAndItsStatusStepsFromOnTimeToDueSoonToOverdueToMetLate() {
        clock.setUk("2027-01-31T10:00");
        Api.Response created = api().post(PATH, "{\"email\":\"sar.%d@example.net\"}".formatted(System.nanoTime()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode request = created.json();
        String id = request.get("id").asString();
        // one calendar month from Sunday 31 January 2027: February has no 31st, so its last day
        assertThat(request.get("dueOn").asString()).isEqualTo("2027-02-28");
        assertThat(request.get("explanation").asString())
                .isEqualTo("Due by the end of Sun 28 Feb 2027: 1 calendar month after Sun 31 Jan 2027 (that month has no 31st, so its last day). (UK GDPR Art. 12(3))");

        clock.setUk("2027-02-20T12:00");
        assertThat(status(id)).isEqualTo("ON_TIME");
        clock.setUk("2027-02-21T09:00");
        assertThat(status(id)).isEqualTo("DUE_SOON");
        clock.setUk("2027-02-28T23:59");
        assertThat(status(id)).isEqualTo("DUE_SOON");
        clock.setUk("2027-03-01T00:01");
        assertThat(status(id)).isEqualTo("OVERDUE");
        assertThat(get(PATH)).extracting(r -> r.get("id").asString()).contains(id);

        assertThat(api().post(PATH + "/" + id + "/complete", "{}").status()).isEqualTo(200);
        assertThat(status(id)).isEqualTo("MET_LATE");
        assertThat(get(PATH)).extracting(r -> r.get("id").asString()).doesNotContain(id);
        assertThat(get(PATH + "?all=true")).extracting(r -> r.get("id").asString()).contains(id);
        Api.Response again = api().post(PATH + "/" + id + "/complete", "{}");
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.body()).contains("completed on 2027-03-01");
    }

    @Test
    void openRequestsAreListedByDueDateAndOneAnsweredInTimeIsMet() {
        clock.setUk("2027-05-20T10:00");
        String later = api().post(PATH, "{\"name\":\"Later Person\",\"receivedOn\":\"2027-05-19\"}").json().get("id").asString();
        String sooner = api().post(PATH, "{\"phone\":\"07700 900111\",\"receivedOn\":\"2027-05-02\"}").json().get("id").asString();
        var ids = new java.util.ArrayList<String>();
        get(PATH).forEach(r -> ids.add(r.get("id").asString()));
        assertThat(ids.indexOf(sooner)).isLessThan(ids.indexOf(later));
        assertThat(get(PATH + "/" + sooner).get("dueOn").asString()).isEqualTo("2027-06-02");
        api().post(PATH + "/" + sooner + "/complete", "{}");
        assertThat(status(sooner)).isEqualTo("MET");
        api().post(PATH + "/" + later + "/complete", "{}");
    }

    @Test
    void anExtensionToldWithinTheFirstMonthMovesTheDueDateToThreeMonthsAfterReceiptOnceOnly() {
        clock.setUk("2027-01-31T10:00");
        String id = api().post(PATH, "{\"name\":\"Extended Person\"}").json().get("id").asString();
        String late = api().post(PATH, "{\"name\":\"Late Person\"}").json().get("id").asString();
        clock.setUk("2027-02-10T10:00");
        Api.Response noReason = api().post(PATH + "/" + id + "/extend", "{}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body()).contains("\"reason\"");
        assertThat(get(PATH + "/" + id).get("dueOn").asString()).isEqualTo("2027-02-28");
        JsonNode extended = api().post(PATH + "/" + id + "/extend", "{\"reason\":\"records held in three systems\"}").json();
        // 31 January + 3 calendar months: April has no 31st, so its last day
        assertThat(extended.get("dueOn").asString()).isEqualTo("2027-04-30");
        assertThat(extended.get("explanation").asString()).contains("3 calendar months").contains("records held in three systems");
        Api.Response twice = api().post(PATH + "/" + id + "/extend", "{\"reason\":\"again\"}");
        assertThat(twice.status()).isEqualTo(422);
        assertThat(twice.body()).contains("extended already");
        clock.setUk("2027-03-01T09:00");
        Api.Response tooLate = api().post(PATH + "/" + late + "/extend", "{\"reason\":\"complex\"}");
        assertThat(tooLate.status()).isEqualTo(422);
        assertThat(tooLate.body()).contains("within the first month, which ended on 2027-02-28").contains("Art. 12(3)");
        assertThat(get(PATH + "/" + late).get("dueOn").asString()).isEqualTo("2027-02-28");
        api().post(PATH + "/" + id + "/complete", "{}");
        api().post(PATH + "/" + late + "/complete", "{}");
    }

    @Test
    void badInputIsNamedAndRecordsNothing() {
        clock.setUk("2027-04-01T10:00");
        int before = get(PATH + "?all=true").size();
        Api.Response none = api().post(PATH, "{\"name\":\" \"}");
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.body()).contains("\"email\"").contains("at least one of the person's email, phone or name");
        Api.Response bad = api().post(PATH, "{\"email\":\"not-an-email\",\"phone\":\"12\",\"receivedOn\":\"2027-04-02\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("\"email\"").contains("\"phone\"").contains("\"receivedOn\"");
        assertThat(get(PATH + "?all=true").size()).isEqualTo(before);
        assertThat(api().get(PATH + "/not-a-request").status()).isEqualTo(404);
    }

    @Test
    void staffOfAnotherOrganisationAreToldItDoesNotExistAndCaseWorkersMayNotReadIt() {
        accounts.ensure("privacy.other", "Other Admin", "other-admin-pass", false, Map.of("the-trust", Role.ADMINISTRATOR));
        accounts.ensure("privacy.worker", "Case Worker", "case-worker-pass", false, Map.of(ORG, Role.CASE_WORKER));
        Api other = Api.as(port, "privacy.other", "other-admin-pass");
        assertThat(other.get(PATH).status()).isEqualTo(404);
        assertThat(other.post(PATH, "{\"email\":\"x@example.net\"}").status()).isEqualTo(404);
        assertThat(other.get("/api/v1/organisations/" + ORG + "/retention/dry-run").status()).isEqualTo(404);
        Api worker = Api.as(port, "privacy.worker", "case-worker-pass");
        assertThat(worker.get(PATH).status()).isEqualTo(403);
        assertThat(worker.get("/api/v1/organisations/" + ORG + "/retention/dry-run").status()).isEqualTo(403);
    }

    @Test
    void theExportZipHoldsEachCaseLetterAndFileOfThePersonAndItsManifestHashesMatch() throws Exception {
        Person person = Person.unique("Hal");
        Story closed = complaint(person, "2021-03-01T09:00", "Repairs", "Repairs").acknowledged("2021-03-02T09:00")
                .responded("2021-03-09T09:00", "UPHELD").closed("2021-03-10T09:00");
        String filename = attachment(closed);
        Story withdrawn = complaint(person, "2021-04-01T09:00", "Repairs", "Repairs").acknowledged("2021-04-02T09:00")
                .withdrawn("2021-04-05T09:00");
        clock.setUk("2021-04-06T09:00");
        String id = api().post(PATH, "{\"email\":\"%s\"}".formatted(person.email().toUpperCase())).json().get("id").asString();

        Map<String, byte[]> zip = unzip(download(PATH + "/" + id + "/export.zip"));

        JsonNode manifest = JsonMapper.builder().build().readTree(zip.get("manifest.json"));
        Set<String> listed = new HashSet<>();
        for (JsonNode f : manifest.get("files")) {
            String path = f.get("path").asString();
            listed.add(path);
            assertThat(zip).as(path).containsKey(path);
            assertThat(SubjectAccessExport.sha256(zip.get(path))).as(path).isEqualTo(f.get("sha256").asString());
            assertThat(zip.get(path).length).isEqualTo(f.get("bytes").asInt());
        }
        Set<String> files = new HashSet<>(zip.keySet());
        files.remove("manifest.json");
        assertThat(listed).isEqualTo(files);
        for (Story story : java.util.List.of(closed, withdrawn)) {
            assertThat(zip).containsKey("cases/" + story.reference() + "/case.json");
            JsonNode exported = JsonMapper.builder().build().readTree(zip.get("cases/" + story.reference() + "/case.json"));
            assertThat(exported.get("history").size()).isEqualTo(story.c.get("history").size());
            int letters = get("/api/v1/organisations/" + ORG + "/cases/" + story.reference() + "/letters").size();
            assertThat(letters).as("the acknowledgement, and the response of the closed complaint").isEqualTo(story == closed ? 2 : 1);
            assertThat(files.stream().filter(f -> f.startsWith("cases/" + story.reference() + "/letters/"))).hasSize(letters);
        }
        assertThat(files).anyMatch(f -> f.startsWith("cases/" + closed.reference() + "/attachments/") && f.endsWith(filename));
        assertThat(new String(zip.get("summary.html"))).contains(person.name()).contains(closed.reference()).contains(withdrawn.reference());
        assertThat(new String(zip.get("data.json"))).contains("\"accessAudit\"").contains(person.email());
    }

    byte[] download(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", Api.ADMIN_AUTHORIZATION).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/zip");
        return response.body();
    }

    static Map<String, byte[]> unzip(byte[] bytes) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                files.put(e.getName(), zip.readAllBytes());
            }
        }
        return files;
    }
}
