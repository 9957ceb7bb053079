package org.redress.imports;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.redress.deadlines.DeadlineSweep;
import org.redress.testing.Api;
import org.redress.testing.MutableClock;
import org.redress.testing.TestAccounts;
import org.redress.testing.TestClockConfiguration;
import org.redress.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 20: an organisation brings its existing complaint register in. A small realistic register with awkward rows
 * (a blank name, Welsh and emoji, dd/mm dates, a duplicate source id, an acknowledgement before receipt, an unknown
 * area, a date before the calendar) is previewed, dry-run (nothing stored), imported in historic mode (nothing sent,
 * no hazard or notice for history), imported again (nothing changes) and corrected (an import correction).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class RegisterImportIT {

    private static final String ORG = "alliance-homes";
    private static final String IMPORTS = "/api/v1/organisations/" + ORG + "/imports";

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DeadlineSweep sweep;

    static final String HEADER = "Case ID,Date received,Channel,Type,Complainant,Email,Service area,Category,Details,"
            + "Date acknowledged,Stage 1 response,Stage 1 outcome,Escalated,Stage 2 response,Stage 2 outcome,Date closed,Handler,Tenure\n";

    /** The register, its source ids made unique to this test run. */
    static String register(String p, String firstSubject, String firstName) {
        return HEADER
                + p + "1,03/02/2021,Email,Complaint," + firstName + ",sian@example.org,Repairs," + firstSubject
                + ",\"Lleithder yn yr ystafell wely, eto 🏠\",04/02/2021,17/02/2021,Upheld,,,,20/02/2021,Sam Officer,Social rent\n"
                + p + "2,10/03/2022 14:30,Telephone,Complaint,,,Neighbourhoods,Noise,Loud music at night,11/03/2022,18/03/2022,Not upheld,"
                + "25/03/2022,20/04/2022,Partly upheld,22/04/2022,Sam Officer,\n"
                + p + "3,01/11/2026,Web,Complaint,Ffion 😀 Jones,,Repairs,Heating,No heating since October,02/11/2026,,,,,,,,\n"
                + p + "2,11/03/2022,Email,Complaint,Someone Else,,Repairs,Noise,The same case typed twice,,,,,,,,,\n"
                + p + "5,05/06/2023,Letter,Complaint,Ann Early,,Repairs,Windows,Window will not shut,01/06/2023,,,,,,,,\n"
                + p + "6,07/07/2023,Email,Complaint,Lee Letting,,Lettings,Allocation,Offer withdrawn,,,,,,,,,\n"
                + p + "7,12/12/1998,Letter,Complaint,Old Record,,Repairs,Roof,Leaking roof,,,,,,,,,\n"
                + p + "8,01/08/2024,Email,Grievance,Gwen Grieve,,Repairs,Staff,Rude operative,,,,,,,,,\n"
                + ",01/09/2024,Email,Complaint,No Id,,Repairs,Fence,Broken fence,,,,,,,,,\n";
    }

    @Test
    void aRegisterIsPreviewedDryRunImportedInHistoricModeAndImportedAgainWithoutChangeThenCorrected() throws Exception {
        clock.setUk("2026-11-23T09:00");
        // the organisation's service areas refuse an area not on them, as every installation's do by default (issue 20)
        assertThat(api().put("/api/v1/organisations/" + ORG + "/lists/service-areas/free-values", "{\"allowed\":false}").status()).isEqualTo(200);
        String p = "R" + UUID.randomUUID().toString().substring(0, 6) + "-";
        byte[] csv = register(p, "Damp and mould", "Siân Llewelyn").getBytes(StandardCharsets.UTF_8);

        // the mapping is guessed from the headers, and the first rows are shown as they will be stored
        JsonNode preview = upload("/preview", "register.csv", csv, null).json();
        assertThat(preview.get("rows").asInt()).isEqualTo(9);
        JsonNode mapping = preview.get("mapping");
        assertThat(mapping.get("columns").get("sourceId").asString()).isEqualTo("Case ID");
        assertThat(mapping.get("columns").get("receivedAt").asString()).isEqualTo("Date received");
        assertThat(mapping.get("columns").get("stage2Outcome").asString()).isEqualTo("Stage 2 outcome");
        assertThat(mapping.get("dates").asString()).isEqualTo("DAY_MONTH_YEAR");
        JsonNode first = preview.get("preview").get(0).get("stored");
        assertThat(first.get("receivedAt").asString()).isEqualTo("2021-02-03T00:00:00Z");
        assertThat(first.get("channel").asString()).isEqualTo("EMAIL");
        assertThat(first.get("name").asString()).isEqualTo("Siân Llewelyn");
        assertThat(first.get("tenure").asString()).isEqualTo("LOW_COST_RENTAL");
        assertThat(first.get("stage1Outcome").asString()).isEqualTo("UPHELD");
        // 14:30 on 10 March 2022 is GMT
        assertThat(preview.get("preview").get(1).get("stored").get("receivedAt").asString()).isEqualTo("2022-03-10T14:30:00Z");

        // the mapping is remembered for the organisation, and downloadable
        Api.Response saved = api().put(IMPORTS + "/mapping", mapping.toString());
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(api().get(IMPORTS + "/mapping").json().get("columns").get("owner").asString()).isEqualTo("Handler");

        // the dry run reports every problem by row and column, and stores nothing
        long casesBefore = cases();
        JsonNode dry = upload("/dry-run", "register.csv", csv, null).json();
        assertThat(cases()).isEqualTo(casesBefore);
        assertThat(dry.get("rows").asInt()).isEqualTo(9);
        assertThat(dry.get("wouldImport").asInt()).isEqualTo(3);
        assertThat(dry.get("refused").asInt()).isEqualTo(6);
        assertThat(problems(dry.get("problems"))).containsExactly(
                "5 Case ID: appears again: row 3 has the same source id",
                "6 Date acknowledged: is before the case was received (05/06/2023)",
                "7 Service area: 'Lettings' is not one of the organisation's service areas [Repairs, Neighbourhoods, "
                        + "Rents and service charges, Home care, Debt advice, Customer services]",
                "8 Date received: '12/12/1998' is outside the calendar's years (2000 to 2100)",
                "9 Type: 'Grievance' is not a record type of the alliance-homes procedure; the record types are "
                        + "[complaint, service-request, feedback, compliment, suggestion, data-protection-complaint]",
                "10 Case ID: is required");

        // the import runs in the background; its result counts every row
        JsonNode job = finished(upload("", "register.csv", csv, null));
        assertThat(job.get("status").asString()).isEqualTo("FINISHED");
        assertThat(List.of(job.get("total").asInt(), job.get("imported").asInt(), job.get("updated").asInt(),
                job.get("unchanged").asInt(), job.get("refused").asInt())).containsExactly(9, 3, 0, 0, 6);
        assertThat(cases()).isEqualTo(casesBefore + 3);

        // each row became a case with its own times, outcomes and owner
        Map<String, Map<String, Object>> stored = stored(p);
        assertThat(stored.get(p + "1")).containsEntry("status", "CLOSED").containsEntry("stage", 1)
                .containsEntry("owner", "Sam Officer").containsEntry("service_area", "Repairs").containsEntry("subject", "Damp and mould")
                .containsEntry("received", "2021-02-03T00:00Z").containsEntry("closed", "2021-02-20T00:00Z")
                .containsEntry("name", "Siân Llewelyn").containsEntry("tenure", "LOW_COST_RENTAL");
        assertThat(stored.get(p + "1").get("description")).isEqualTo("Lleithder yn yr ystafell wely, eto 🏠");
        assertThat(stored.get(p + "2")).containsEntry("status", "CLOSED").containsEntry("stage", 2).containsEntry("name", "")
                .containsEntry("received", "2022-03-10T14:30Z").containsEntry("closed", "2022-04-21T23:00Z");
        // Code 6.13: stage 2 needs a handler other than stage 1's, so the register's one handler stays on stage 1 only
        assertThat(stored.get(p + "2")).containsEntry("owner", null);
        assertThat(stored.get(p + "3")).containsEntry("status", "OPEN").containsEntry("stage", 1).containsEntry("name", "Ffion 😀 Jones")
                .containsEntry("closed", null);
        // the open case's clocks run from its real receipt: its response was due long before the import
        assertThat((String) stored.get(p + "3").get("next_due")).startsWith("2026-11-");
        UUID closedAtStage2 = (UUID) stored.get(p + "2").get("id");
        assertThat(history(closedAtStage2)).containsSubsequence("logged", "acknowledged", "responded", "escalation-requested",
                "step-recorded", "step-recorded", "responded", "closed", "imported");
        assertThat(jdbc.sql("select reason from casework.case_event where case_id = ? and type = 'step-recorded' order by sequence")
                .param(closedAtStage2).query(String.class).list()).allMatch(r -> r == null || r.contains("not recorded at the time"));
        assertThat(jdbc.sql("select reason from casework.case_event where case_id = ? and type = 'imported'").param(closedAtStage2)
                .query(String.class).single()).matches("imported from register\\.csv, 23 November 2026; not recorded at the time; made under "
                        // received in 2022, before the organisation's first activation: made under the earliest version (issue 20)
                        + "version \\d+ of the procedure, the earliest: none was active in Redress when it was received");

        // nothing was sent for history: no letter, no hazard, and the sweep raises nothing for the closed cases
        List<UUID> ids = stored.values().stream().map(m -> (UUID) m.get("id")).toList();
        assertThat(count("select count(*) from correspondence.letter where case_id = any(?)", ids)).isZero();
        assertThat(count("select count(*) from hazards.hazard where case_id = any(?)", ids)).isZero();
        sweep.run();
        assertThat(count("select count(*) from deadlines.reminder where case_id = any(?)",
                List.of((UUID) stored.get(p + "1").get("id"), closedAtStage2))).isZero();

        // the refused rows come back as a file to fix and upload again
        String refusedCsv = api().get(IMPORTS + "/" + job.get("id").asString() + "/refused.csv").body();
        assertThat(refusedCsv.lines().toList()).hasSize(7);
        assertThat(refusedCsv.lines().toList().get(2)).startsWith("6,Date acknowledged: is before the case was received (05/06/2023),"
                + p + "5,05/06/2023");

        // importing the same file again changes nothing
        Map<String, Long> eventsBefore = events(ids);
        JsonNode again = finished(upload("", "register.csv", csv, null));
        assertThat(List.of(again.get("imported").asInt(), again.get("updated").asInt(), again.get("unchanged").asInt(),
                again.get("refused").asInt())).containsExactly(0, 0, 3, 6);
        assertThat(cases()).isEqualTo(casesBefore + 3);
        assertThat(events(ids)).isEqualTo(eventsBefore);

        // a corrected file updates only the row that changed, recorded as an import correction
        byte[] corrected = register(p, "Damp & mould", "Siân Llewelyn-Jones").getBytes(StandardCharsets.UTF_8);
        JsonNode correction = finished(upload("", "register-corrected.csv", corrected, null));
        assertThat(List.of(correction.get("imported").asInt(), correction.get("updated").asInt(), correction.get("unchanged").asInt()))
                .containsExactly(0, 1, 2);
        // "Damp & mould" is another spelling of the subject on the organisation's list: stored as its entry (issue 20, item 4)
        assertThat(stored(p).get(p + "1")).containsEntry("subject", "Damp and mould").containsEntry("name", "Siân Llewelyn-Jones");
        UUID correctedId = (UUID) stored.get(p + "1").get("id");
        assertThat(jdbc.sql("select reason from casework.case_event where case_id = ? order by sequence desc limit 1")
                .param(correctedId).query(String.class).single())
                .isEqualTo("import correction from register-corrected.csv, 23 November 2026: name, subject");
        assertThat(cases()).isEqualTo(casesBefore + 3);
    }

    @Test
    void anExcelRegisterWithRealDateCellsImportsLikeTheCsv() throws Exception {
        clock.setUk("2026-11-23T09:00");
        String p = "X" + UUID.randomUUID().toString().substring(0, 6) + "-";
        byte[] xlsx;
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("Register");
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            String[] header = {"Case ID", "Date received", "Channel", "Complainant", "Service area", "Category", "Details",
                    "Date acknowledged", "Stage 1 response", "Stage 1 outcome", "Date closed"};
            Row h = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            Object[][] rows = {
                    {p + "1", LocalDate.of(2024, 1, 15), "Email", "Dafydd ap Gwilym", "Repairs", "Damp and mould", "Llwydni 🍄",
                            LocalDate.of(2024, 1, 16), LocalDate.of(2024, 1, 26), "Partly upheld", LocalDate.of(2024, 2, 1)},
                    {p + "2", LocalDate.of(2024, 3, 4), "Phone", "", "Customer services", "Attitude", "Rude on the phone",
                            LocalDate.of(2024, 3, 1), null, null, null}};
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows[r].length; c++) {
                    Object v = rows[r][c];
                    if (v instanceof LocalDate d) {
                        row.createCell(c).setCellValue(d);
                        row.getCell(c).setCellStyle(date);
                    } else if (v != null) {
                        row.createCell(c).setCellValue((String) v);
                    }
                }
            }
            book.write(out);
            xlsx = out.toByteArray();
        }
        JsonNode dry = upload("/dry-run", "register.xlsx", xlsx, null).json();
        assertThat(problems(dry.get("problems"))).containsExactly("3 Date acknowledged: is before the case was received (04/03/2024)");
        JsonNode job = finished(upload("", "register.xlsx", xlsx, null));
        assertThat(List.of(job.get("imported").asInt(), job.get("refused").asInt())).containsExactly(1, 1);
        assertThat(stored(p).get(p + "1")).containsEntry("status", "CLOSED").containsEntry("received", "2024-01-15T00:00Z")
                .containsEntry("closed", "2024-02-01T00:00Z").containsEntry("name", "Dafydd ap Gwilym");
    }

    @Test
    void theReadmesExampleRegisterChecksWithoutAProblem() throws IOException {
        clock.setUk("2026-11-23T09:00");
        byte[] example = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("docs", "import-example.csv"));
        JsonNode dry = upload("/dry-run", "import-example.csv", example, null).json();
        assertThat(List.of(dry.get("rows").asInt(), dry.get("wouldImport").asInt(), dry.get("refused").asInt())).containsExactly(4, 4, 0);
    }

    @Test
    void aFileThatIsNeitherCsvNorExcelOrAMappingWithoutTheSourceIdIsA400NamingTheField() {
        Api.Response wrongType = upload("/dry-run", "register.pdf", "x".getBytes(StandardCharsets.UTF_8), null);
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.body()).contains("\"file\"");
        Api.Response noSource = upload("/dry-run", "register.csv", HEADER.getBytes(StandardCharsets.UTF_8),
                "{\"columns\":{\"receivedAt\":\"Date received\"},\"dates\":\"ISO\"}");
        assertThat(noSource.status()).isEqualTo(400);
        assertThat(noSource.body()).contains("mapping.columns.sourceId");
    }

    @Test
    void theStaffPagesUploadMapCheckAndImportARegisterWithAProgressBarAndAResult() throws Exception {
        clock.setUk("2026-11-23T09:00");
        String p = "W" + UUID.randomUUID().toString().substring(0, 6) + "-";
        WebSession web = new WebSession(port);
        web.signIn(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
        // The Trust's staff pages, so the mapping this test confirms is not the one the API tests find remembered
        String org = "the-trust";
        WebSession.Page start = web.get("/staff/" + org + "/imports");
        assertThat(start.status()).isEqualTo(200);
        assertThat(start.body()).contains("Import a complaint register").contains("<label class=\"govuk-label govuk-label--s\" for=\"file\">");

        WebSession.Page check = web.postFile("/staff/" + org + "/imports", "register.csv",
                register(p, "Damp and mould", "Siân Llewelyn").getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(check.status()).as(check.body()).isEqualTo(200);
        assertThat(check.body()).contains("Check the register").contains("<option value=\"Case ID\" selected=\"selected\">Case ID</option>")
                .contains("Siân Llewelyn");
        String action = check.body().replaceAll("(?s).*action=\"(/staff/" + org + "/imports/uploads/[^\"]+)\".*", "$1");

        Map<String, String> form = new java.util.HashMap<>(Map.of("column-sourceId", "Case ID", "column-receivedAt", "Date received",
                "column-serviceArea", "Service area", "column-name", "Complainant", "column-acknowledgedAt", "Date acknowledged",
                "column-recordType", "Type", "dates", "DAY_MONTH_YEAR", "action", "dry-run"));
        WebSession.Page dry = web.post(action, form);
        assertThat(dry.status()).as(dry.body()).isEqualTo(200);
        assertThat(dry.body()).contains("Problems, by row and column").contains("is before the case was received (05/06/2023)");

        form.put("action", "import");
        WebSession.Page started = web.post(action, form);
        assertThat(started.status()).isEqualTo(302);
        WebSession.Page job = web.get(started.location().replaceFirst("^https?://[^/]+", ""));
        for (int i = 0; i < 300 && job.body().contains("Importing the register"); i++) {
            Thread.sleep(100);
            job = web.get(started.location().replaceFirst("^https?://[^/]+", ""));
        }
        assertThat(job.body()).contains("The register is imported").contains("<progress id=\"progress\" max=\"100\" value=\"100\">100%</progress>")
                .contains("Download\n      the refused rows (CSV)");
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private Api api() {
        return new Api(port);
    }

    private Api.Response upload(String path, String fileName, byte[] content, String mapping) {
        return new RegisterUploads(port, ORG).upload(path, fileName, content, mapping);
    }

    /** Waits for the job the response started to finish, and returns it. */
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

    private static List<String> problems(JsonNode problems) {
        List<String> out = new ArrayList<>();
        problems.forEach(p -> out.add(p.get("row").asInt() + " " + p.get("column").asString() + ": " + p.get("message").asString()));
        return out;
    }

    private long cases() {
        return jdbc.sql("select count(*) from casework.case_file where organisation = ?").param(ORG).query(Long.class).single();
    }

    private long count(String sql, List<UUID> ids) {
        return jdbc.sql(sql).param(ids.toArray(UUID[]::new)).query(Long.class).single();
    }

    private List<String> history(UUID id) {
        return jdbc.sql("select type from casework.case_event where case_id = ? order by sequence").param(id).query(String.class).list();
    }

    private Map<String, Long> events(List<UUID> ids) {
        Map<String, Long> out = new java.util.TreeMap<>();
        for (UUID id : ids) {
            out.put(id.toString(), (long) history(id).size());
        }
        return out;
    }

    /** The stored cases of this run by source id. */
    private Map<String, Map<String, Object>> stored(String prefix) {
        Map<String, Map<String, Object>> out = new java.util.TreeMap<>();
        jdbc.sql("""
                select e.details->>'sourceId', f.id, f.status, f.stage, f.owner, f.service_area, f.subject,
                       to_char(f.received_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI"Z"'),
                       to_char(f.closed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI"Z"'), f.state->'complainant'->>'name',
                       f.state->'complainant'->>'tenure', f.state->>'description', to_char(f.next_due_at at time zone 'UTC', 'YYYY-MM-DD')
                from casework.case_file f join casework.case_event e on e.case_id = f.id and e.type = 'imported'
                where f.organisation = ? and e.details->>'sourceId' like ?
                """).params(ORG, prefix + "%").query((rs, n) -> {
                    Map<String, Object> m = new java.util.HashMap<>();
                    m.put("id", rs.getObject(2, UUID.class));
                    m.put("status", rs.getString(3));
                    m.put("stage", rs.getInt(4));
                    m.put("owner", rs.getString(5));
                    m.put("service_area", rs.getString(6));
                    m.put("subject", rs.getString(7));
                    m.put("received", rs.getString(8));
                    m.put("closed", rs.getString(9));
                    m.put("name", rs.getString(10));
                    m.put("tenure", rs.getString(11));
                    m.put("description", rs.getString(12));
                    m.put("next_due", rs.getString(13));
                    return out.put(rs.getString(1), m);
                }).list();
        return out;
    }
}
