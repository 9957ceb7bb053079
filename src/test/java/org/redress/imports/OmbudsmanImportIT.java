package org.redress.imports;

import org.junit.jupiter.api.Test;
import org.redress.testing.Api;
import org.redress.testing.MutableClock;
import org.redress.testing.TestClockConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 20, item 5 in the import: a register's Ombudsman columns (the finding, with the point's category before a
 * colon; order and recommendation kinds separated by semicolons, by the Ombudsman's names or aliases) become the
 * historic case's referral, finding, orders (complied with, as history) and recommendations; an unknown kind or finding
 * is a problem naming the row and column; importing the file again adds nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class OmbudsmanImportIT {

    private static final String ORG = "alliance-homes";
    private static final String IMPORTS = "/api/v1/organisations/" + ORG + "/imports";

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theOmbudsmansFindingOrdersAndRecommendationsOfAHistoricCaseAreImportedWithTheCase() throws Exception {
        clock.setUk("2026-11-23T09:00");
        String p = "O" + UUID.randomUUID().toString().substring(0, 6) + "-";
        byte[] csv = ("Case ID,Date received,Channel,Complainant,Service area,Category,Details,Date acknowledged,Stage 1 response,"
                + "Stage 1 outcome,Date closed,Ombudsman finding,Ombudsman orders,Ombudsman recommendations\n"
                + p + "1,03/02/2020,Email,Rhys Jones,Repairs,Damp and mould,Damp in the bedroom,04/02/2020,17/02/2020,Upheld,20/02/2020,"
                + "Repairs: Maladministration,CHFO; staff training; Compensation,Record keeping review\n"
                + p + "2,03/03/2020,Email,Ann Other,Repairs,Windows,Window stuck,04/03/2020,17/03/2020,Upheld,20/03/2020,"
                + "Service failure,Send flowers,\n"
                + p + "3,03/04/2020,Email,Bo Third,Repairs,Roof,Roof leak,04/04/2020,17/04/2020,Upheld,20/04/2020,"
                + "Partly bad,,Survey\n").getBytes(StandardCharsets.UTF_8);

        JsonNode preview = upload("/preview", csv).json();
        JsonNode mapping = preview.get("mapping").get("columns");
        assertThat(mapping.get("ombudsmanFinding").asString()).isEqualTo("Ombudsman finding");
        assertThat(mapping.get("ombudsmanOrders").asString()).isEqualTo("Ombudsman orders");
        assertThat(mapping.get("ombudsmanRecommendations").asString()).isEqualTo("Ombudsman recommendations");
        JsonNode first = preview.get("preview").get(0).get("stored").get("ombudsman");
        assertThat(first.get("finding").asString()).isEqualTo("MALADMINISTRATION");
        assertThat(first.get("category").asString()).isEqualTo("Repairs");
        assertThat(first.get("orders").toString()).isEqualTo("[\"COMPLAINT_HANDLING_FAILURE\",\"STAFF_TRAINING\",\"PAY\"]");
        assertThat(first.get("on").asString()).isEqualTo("2020-02-20");

        JsonNode dry = upload("/dry-run", csv).json();
        List<String> problems = new ArrayList<>();
        dry.get("problems").forEach(x -> problems.add(x.get("row").asInt() + " " + x.get("column").asString() + " (" + x.get("field").asString()
                + "): " + x.get("message").asString()));
        assertThat(problems).containsExactly(
                "3 Ombudsman orders (ombudsmanOrders): 'Send flowers' is not a kind of order; the kinds are [Apologise, Pay compensation, "
                        + "Carry out repairs or works, Inspect or survey, Review a policy, Train staff, Review record keeping, "
                        + "Complaint Handling Failure Order, Contact or meet the complainant, Reconsider, Provide information or a response, "
                        + "Senior management review, Other]",
                "4 Ombudsman finding (ombudsmanFinding): 'Partly bad' is not a finding; the findings are [maladministration, "
                        + "severe maladministration, service failure, reasonable redress, no maladministration, outside jurisdiction, "
                        + "withdrawn] (one per row, optionally after the category and a colon)");

        JsonNode job = finished(upload("", csv));
        assertThat(List.of(job.get("imported").asInt(), job.get("refused").asInt())).containsExactly(1, 2);
        UUID id = jdbc.sql("select case_id from casework.case_event where type = 'imported' and details->>'sourceId' = ?")
                .param(p + "1").query(UUID.class).single();
        JsonNode referral = ok(api().get("/api/v1/organisations/" + ORG + "/cases/" + id + "/ombudsman")).get("referral");
        assertThat(referral.get("referredOn").asString()).isEqualTo("2020-02-20");
        assertThat(referral.get("determinedOn").asString()).isEqualTo("2020-02-20");
        assertThat(referral.get("findings").size()).isEqualTo(1);
        assertThat(referral.get("findings").get(0).get("finding").asString()).isEqualTo("MALADMINISTRATION");
        assertThat(referral.get("findings").get(0).get("category").asString()).isEqualTo("Repairs");
        List<String> orders = new ArrayList<>();
        referral.get("orders").forEach(o -> orders.add(o.get("kind").asString() + " " + o.get("status").asString()));
        assertThat(orders).containsExactlyInAnyOrder("COMPLAINT_HANDLING_FAILURE MET", "STAFF_TRAINING MET", "PAY MET");
        assertThat(referral.get("orders").get(0).get("evidence").asString()).contains("not recorded at the time");
        assertThat(referral.get("recommendations").size()).isEqualTo(1);
        assertThat(referral.get("recommendations").get(0).get("kind").asString()).isEqualTo("REVIEW_RECORD_KEEPING");
        assertThat(referral.get("recommendations").get(0).has("followed")).isFalse();

        // the same file again: nothing changes
        JsonNode again = finished(upload("", csv));
        assertThat(List.of(again.get("imported").asInt(), again.get("unchanged").asInt())).containsExactly(0, 1);
        JsonNode after = ok(api().get("/api/v1/organisations/" + ORG + "/cases/" + id + "/ombudsman")).get("referral");
        assertThat(after.get("orders").size()).isEqualTo(3);
        assertThat(after.get("recommendations").size()).isEqualTo(1);
    }

    private Api api() {
        return new Api(port);
    }

    private static JsonNode ok(Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private Api.Response upload(String path, byte[] content) {
        String boundary = "----redress" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"ombudsman-register.csv"
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(content);
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + IMPORTS + path))
                    .header("Authorization", Api.ADMIN_AUTHORIZATION).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
            return new Api.Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode finished(Api.Response started) throws InterruptedException {
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String id = started.json().get("id").asString();
        for (int i = 0; i < 600; i++) {
            JsonNode job = api().get(IMPORTS + "/" + id).json();
            if (!job.get("status").asString().equals("RUNNING")) {
                assertThat(job.get("error")).as(job.toString()).isNull();
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the import did not finish");
    }
}
