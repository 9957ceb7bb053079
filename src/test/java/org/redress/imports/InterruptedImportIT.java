package org.redress.imports;

import org.junit.jupiter.api.Test;
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
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 20, done-when: an interrupted import stores whole batches only, and running it again (from the file kept in the
 * database, so any node could) completes the rest with no duplicates. Also the upload limit: a register beyond it is a
 * 413 naming the file, and another route keeps its own smaller limit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class InterruptedImportIT {

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Imports imports;

    @Test
    void anImportInterruptedAfterItsFirstBatchKeepsThatWholeBatchAndRunningItAgainCompletesTheRestWithoutDuplicates() throws Exception {
        clock.setUk("2026-11-23T09:00");
        String org = new Cases(new Api(port)).anOrganisationLike("alliance-homes");
        RegisterUploads uploads = new RegisterUploads(port, org);
        byte[] csv = RegisterGenerator.csv(1_200, 7, LocalDateTime.of(2026, 11, 23, 9, 0)).getBytes(StandardCharsets.UTF_8);
        JsonNode dry = uploads.upload("/dry-run", "register.csv", csv, null).json();
        int wouldImport = dry.get("wouldImport").asInt();
        int refused = dry.get("refused").asInt();
        assertThat(wouldImport + refused).isEqualTo(1_200);

        imports.failAfterBatches(1);
        Api.Response started = uploads.upload("", "register.csv", csv, null);
        assertThat(started.status()).isEqualTo(202);
        JsonNode failed = uploads.finished(started.json().get("id").asString(), false);
        assertThat(failed.get("status").asString()).isEqualTo("FAILED");
        assertThat(failed.get("error").asString()).isEqualTo("interrupted after 1 batches (a test's interruption)");
        // exactly the first batch of 500 rows is stored, whole: what it imported is in the database, nothing of the second
        assertThat(List.of(failed.get("batches").asInt(), failed.get("processed").asInt())).containsExactly(1, 500);
        int firstBatch = failed.get("imported").asInt();
        assertThat(cases(org)).isEqualTo(firstBatch);
        // the batch's report rows were written with its cases: the reports count what was stored, no more, no less
        assertThat(reportedCases(org)).isEqualTo(firstBatch);

        Api.Response again = uploads.api().post(uploads.imports() + "/" + failed.get("id").asString() + "/again", "{}");
        assertThat(again.status()).as(again.body()).isEqualTo(202);
        JsonNode done = uploads.finished(again.json().get("id").asString(), true);
        assertThat(done.get("status").asString()).isEqualTo("FINISHED");
        assertThat(List.of(done.get("total").asInt(), done.get("imported").asInt(), done.get("unchanged").asInt(), done.get("refused").asInt()))
                .containsExactly(1_200, wouldImport - firstBatch, firstBatch, refused);
        assertThat(cases(org)).isEqualTo(wouldImport);
        assertThat(reportedCases(org)).isEqualTo(wouldImport);
        assertThat(jdbc.sql("""
                select count(distinct e.details->>'sourceId') from casework.case_event e
                where e.organisation = ? and e.type = 'imported'""").param(org).query(Long.class).single()).isEqualTo(wouldImport);
    }

    @Test
    void aRegisterBeyondTheImportLimitIsA413NamingTheFileAndOtherUploadsKeepTheirOwnLimit() throws Exception {
        RegisterUploads uploads = new RegisterUploads(port, "alliance-homes");
        java.net.http.HttpResponse<String> tooBig = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + uploads.imports() + "/dry-run"))
                .header("Authorization", Api.ADMIN_AUTHORIZATION).header("Content-Type", "multipart/form-data; boundary=x")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(new byte[42 * 1024 * 1024])).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(tooBig.statusCode()).isEqualTo(413);
        assertThat(tooBig.body()).contains("\"field\":\"file\"").contains("is larger than 40 MB: split the register into files of at most 40 MB");
        java.net.http.HttpResponse<String> publicForm = tooLargeForThePublicForm();
        assertThat(publicForm.statusCode()).isEqualTo(413);
        assertThat(publicForm.body()).contains("is larger than 25 MB");
    }

    /**
     * The public form sent 26 MB. The server answers 413 as soon as it sees the size and may close the connection while
     * the client is still sending, which the client reports as a broken pipe, not the answer: it is sent again (at most
     * three times) until the answer is read.
     */
    private java.net.http.HttpResponse<String> tooLargeForThePublicForm() throws Exception {
        java.io.IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create("http://localhost:" + port + "/o/alliance-homes/complain"))
                        .header("Content-Type", "multipart/form-data; boundary=x")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(new byte[26 * 1024 * 1024])).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException e) {
                last = e;
            }
        }
        throw last;
    }

    private long reportedCases(String org) {
        return jdbc.sql("select count(distinct case_id) from reporting.case_stage where organisation = ?").param(org).query(Long.class).single();
    }

    private long cases(String org) {
        return jdbc.sql("select count(*) from casework.case_file where organisation = ?").param(org).query(Long.class).single();
    }
}
