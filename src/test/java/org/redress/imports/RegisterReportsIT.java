package org.redress.imports;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.redress.reporting.ReadModel;
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

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 20, done-when: "the reports after import equal figures the test computes itself from the file". A realistic
 * generated register (dd/mm dates with times, Welsh names and emoji, blank names and channels, a repeated source id, an
 * acknowledgement before receipt, an area that is not the organisation's) is imported; the test reads the same CSV,
 * works out which rows a careful reader would refuse, and counts TSM CH01 (received, by stage and tenure) and CH02
 * (responses, by stage and tenure) for 2024 from the rows itself, then compares them with the reports API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class RegisterReportsIT {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final Map<String, String> TENURE = Map.of("Social rent", "low-cost rental (LCRA)",
            "Shared ownership", "low-cost home ownership (LCHO)", "Leasehold", "other tenure (not LCRA or LCHO)", "", "unknown tenure");

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ReadModel readModel;

    @Test
    void theTsmMeasuresAfterImportEqualTheFiguresCountedFromTheFile() throws Exception {
        clock.setUk("2026-11-23T09:00");
        String org = new Cases(new Api(port)).anOrganisationLike("alliance-homes");
        // the organisation's service areas are a controlled list that refuses what it does not hold (issue 20)
        assertThat(new Api(port).put("/api/v1/organisations/" + org + "/lists/service-areas/free-values", "{\"allowed\":false}").status())
                .isEqualTo(200);
        RegisterUploads uploads = new RegisterUploads(port, org);
        String csv = RegisterGenerator.csv(600, 20, LocalDateTime.of(2026, 11, 23, 9, 0));

        // the rows a careful reader refuses: a source id seen before, an area the organisation does not have, an
        // acknowledgement before receipt
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv)).getRecords();
        Set<String> seen = new HashSet<>();
        Map<String, Long> expected = new TreeMap<>();
        int kept = 0;
        for (CSVRecord row : rows) {
            boolean repeated = !seen.add(row.get("Case ID"));
            LocalDateTime received = LocalDateTime.parse(row.get("Date received"), DAY);
            boolean early = !row.get("Date acknowledged").isEmpty() && LocalDateTime.parse(row.get("Date acknowledged"), DAY).isBefore(received);
            if (repeated || row.get("Service area").equals("Lettings") || early) {
                continue;
            }
            kept++;
            String tenure = TENURE.get(row.get("Tenure"));
            count(expected, "ch01 Stage 1", received);
            count(expected, "ch01 Stage 1: " + tenure, received);
            count(expected, "ch01 Stage 2", date(row, "Escalated"));
            count(expected, "ch01 Stage 2: " + tenure, date(row, "Escalated"));
            count(expected, "ch02 Stage 1", date(row, "Stage 1 response"));
            count(expected, "ch02 Stage 1: " + tenure, date(row, "Stage 1 response"));
            count(expected, "ch02 Stage 2", date(row, "Stage 2 response"));
            count(expected, "ch02 Stage 2: " + tenure, date(row, "Stage 2 response"));
        }
        JsonNode dry = uploads.upload("/dry-run", "register.csv", csv.getBytes(StandardCharsets.UTF_8), null).json();
        assertThat(dry.get("wouldImport").asInt()).as(dry.get("problems").toString()).isEqualTo(kept);
        JsonNode job = uploads.finished(uploads.upload("", "register.csv", csv.getBytes(StandardCharsets.UTF_8), null));
        assertThat(List.of(job.get("imported").asInt(), job.get("refused").asInt())).containsExactly(kept, 600 - kept);

        Map<String, Long> reported = new TreeMap<>();
        read(reported, "ch01", measure(org, "tsm-ch01"), "received");
        read(reported, "ch02", measure(org, "tsm-ch02"), "responses");
        assertThat(expected.get("ch01 Stage 1")).isGreaterThan(50);
        assertThat(reported).isEqualTo(expected);
    }

    /**
     * Issue 20's speed work: an import writes each batch's report rows from the cases it has just made (and a corrected
     * case's as it now stands), instead of rebuilding the organisation's after the import; the rows are exactly those a
     * rebuild makes from the stored cases, after a first import and after a corrected file.
     */
    @Test
    void theReportRowsAnImportWritesWithEachBatchAreExactlyThoseARebuildOfTheStoredCasesMakes() throws Exception {
        clock.setUk("2026-11-23T09:00");
        String org = new Cases(new Api(port)).anOrganisationLike("alliance-homes");
        RegisterUploads uploads = new RegisterUploads(port, org);
        String csv = RegisterGenerator.csv(700, 21, LocalDateTime.of(2026, 11, 23, 9, 0));
        JsonNode first = uploads.finished(uploads.upload("", "register.csv", csv.getBytes(StandardCharsets.UTF_8), null));
        assertThat(first.get("imported").asInt()).isGreaterThan(600);
        List<Map<String, Object>> imported = reportRows(org);
        assertThat(imported.stream().map(r -> r.get("case_id")).distinct().count()).isEqualTo(first.get("imported").asLong());
        readModel.rebuild(org);
        assertThat(reportRows(org)).isEqualTo(imported);

        // a corrected register: every upheld stage 1 outcome partly upheld, every "Noise" subject "Anti-social behaviour"
        String corrected = csv.replace(",Upheld,", ",Partly upheld,").replace(",Noise,", ",Anti-social behaviour,");
        JsonNode correction = uploads.finished(uploads.upload("", "register-corrected.csv", corrected.getBytes(StandardCharsets.UTF_8), null));
        assertThat(correction.get("updated").asInt()).isGreaterThan(100);
        List<Map<String, Object>> afterCorrection = reportRows(org);
        assertThat(afterCorrection).isNotEqualTo(imported);
        readModel.rebuild(org);
        assertThat(reportRows(org)).isEqualTo(afterCorrection);
    }

    /** The organisation's read model rows, every column but when each was written, in a fixed order. */
    private List<Map<String, Object>> reportRows(String org) {
        return jdbc.sql("select * from reporting.case_stage where organisation = ? order by reference, stage").param(org)
                .query().listOfRows().stream().map(row -> {
                    Map<String, Object> kept = new TreeMap<>(row);
                    kept.remove("updated_at");
                    return kept;
                }).toList();
    }

    private static LocalDateTime date(CSVRecord row, String column) {
        return row.get(column).isEmpty() ? null : LocalDateTime.parse(row.get(column), DAY);
    }

    private static void count(Map<String, Long> counts, String key, LocalDateTime at) {
        if (at != null && at.getYear() == 2024) {
            counts.merge(key, 1L, Long::sum);
        }
    }

    private JsonNode measure(String org, String id) {
        Api.Response r = new Api(port).get("/api/v1/organisations/" + org + "/reports/measures/" + id + "?from=2024-01-01&to=2024-12-31");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    /** The measure's non-zero counts, by "measure row". */
    private static void read(Map<String, Long> counts, String measure, JsonNode json, String figure) {
        for (JsonNode row : json.get("rows")) {
            for (JsonNode cell : row.get("cells")) {
                if (cell.get("figure").asString().equals(figure) && cell.get("value") != null && !cell.get("value").isNull()
                        && cell.get("value").asLong() > 0) {
                    counts.put(measure + " " + row.get("group").asString(), cell.get("value").asLong());
                }
            }
        }
    }
}
