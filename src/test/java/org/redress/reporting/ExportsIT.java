package org.redress.reporting;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The same hand-built figures as files: CSV, Excel, the Board and annual PDFs, and the Code self-assessment. */
class ExportsIT extends ReportingApiSupport {

    record File(int status, String contentType, String disposition, byte[] body) {
    }

    File download(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", org.redress.testing.Api.ADMIN_AUTHORIZATION).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return new File(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
                r.headers().firstValue("Content-Disposition").orElse(""), r.body());
    }

    String base() {
        return "/api/v1/organisations/" + ORG + "/reports";
    }

    @Test
    void aMeasureExportsAsCsvWithOneLinePerFigureAndItsDefinition() throws Exception {
        File csv = download(base() + "/measures/response-times/export.csv?" + PERIOD);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.disposition()).contains("alliance-homes-response-times-2019-01-01-to-2019-06-30.csv");
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(new String(csv.body(), java.nio.charset.StandardCharsets.UTF_8))).getRecords();
        // two stages, four figures each
        assertThat(records).hasSize(8);
        CSVRecord inTime = records.stream().filter(r -> r.get("group").equals("Stage 1") && r.get("figure").equals("in-time")).findFirst().orElseThrow();
        assertThat(inTime.get("value")).isEqualTo("80");  // 4 of the 5 stage 1 responses
        assertThat(inTime.get("count")).isEqualTo("4");
        assertThat(inTime.get("of")).isEqualTo("5");
        assertThat(inTime.get("definition")).contains("average working days");
    }

    @Test
    void aMeasureExportsAsAnExcelSheetWithItsDefinitionAboveTheTable() throws Exception {
        File xlsx = download(base() + "/measures/disp-return/export.xlsx?" + PERIOD);
        assertThat(xlsx.status()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("FCA DISP complaints return (debt advice)");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).contains("within 4 weeks");
            Row header = null;
            Row all = null;
            for (Row row : sheet) {
                if (row.getCell(1) != null && row.getCell(1).getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                        && "Received".equals(row.getCell(1).getStringCellValue())) {
                    header = row;
                }
                if (row.getCell(0) != null && "All".equals(row.getCell(0).getStringCellValue())) {
                    all = row;
                }
            }
            assertThat(header).isNotNull();
            assertThat(all).isNotNull();
            // received 2 (E, F), within 4 weeks 1 (E), 4 to 8 weeks 0, over 8 weeks 1 (F), upheld 1 (E)
            Row totals = all;
            assertThat(List.of(1, 2, 3, 4, 5).stream().map(i -> totals.getCell(i).getNumericCellValue()).toList())
                    .containsExactly(2.0, 1.0, 0.0, 1.0, 1.0);
        }
    }

    @Test
    void ch01ByTenureExportsEveryTenureRowBesideTheStageTotalsToCsvAndExcel() throws Exception {
        // the same rows as the page and the JSON
        File csv = download(base() + "/measures/tsm-ch01/export.csv?" + PERIOD);
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(new String(csv.body(), java.nio.charset.StandardCharsets.UTF_8))).getRecords();
        // two stages, each a total and four tenures, two figures each
        assertThat(records).hasSize(2 * 5 * 2);
        CSVRecord rental = records.stream().filter(r -> r.get("group").equals("Stage 1: low-cost rental (LCRA)")
                && r.get("figure").equals("per-1000-homes")).findFirst().orElseThrow();
        assertThat(rental.get("value")).isEqualTo("1.3");  // A and C of 1,600 low-cost rental homes
        assertThat(rental.get("count")).isEqualTo("2");
        CSVRecord unknown = records.stream().filter(r -> r.get("group").equals("Stage 1: unknown tenure")
                && r.get("figure").equals("per-1000-homes")).findFirst().orElseThrow();
        assertThat(unknown.get("value")).isEmpty();  // D: no homes to divide by (F is debt advice, not counted: issue 23, F-8)
        assertThat(unknown.get("count")).isEqualTo("1");

        File xlsx = download(base() + "/returns/export.xlsx?" + PERIOD);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = book.getSheetAt(Measures.RETURNS.indexOf("tsm-ch02"));
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).startsWith("TSM CH02");
            Row shared = null;
            for (Row row : sheet) {
                if (row.getCell(0) != null && "Stage 1: low-cost home ownership (LCHO)".equals(row.getCell(0).getStringCellValue())) {
                    shared = row;
                }
            }
            assertThat(shared).isNotNull();
            // B alone, in time by its agreed extension: responses 1, 100%, 1 of 1
            assertThat(shared.getCell(1).getNumericCellValue()).isEqualTo(1.0);
            assertThat(shared.getCell(2).getNumericCellValue()).isEqualTo(100.0);
            assertThat(shared.getCell(3).getStringCellValue()).isEqualTo("1 of 1");
        }
    }

    @Test
    void theDashboardExportsAsOneWorkbookWithASheetPerMeasure() throws Exception {
        File xlsx = download(base() + "/dashboard/export.xlsx?" + PERIOD);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(Measures.DASHBOARD.size());
        }
    }

    @Test
    void theBoardReportIsAPdfWithTheFiguresAndAChartOfComplaintsByMonth() throws Exception {
        File pdf = download(base() + "/board-report.pdf?" + PERIOD);
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Complaints report to the Board", "Alliance Homes Group", "2019-01-01 to 2019-06-30",
                    "Complaints received by month", "Response times against the policy's timescale", "80% (4 of 5)");
        }
    }

    @Test
    void theAnnualReportAddsTheCodeSelfAssessmentWithEvidenceFromTheCases() throws Exception {
        JsonNode assessment = get(base() + "/self-assessment?" + PERIOD);
        assertThat(assessment.get("applies").asBoolean()).isTrue();
        JsonNode acknowledgement = null;
        for (JsonNode p : assessment.get("provisions")) {
            if (p.get("provision").asString().equals("6.2")) {
                acknowledgement = p;
            }
        }
        assertThat(acknowledgement).isNotNull();
        // stage 1 acknowledged in the period: A, B, E, F within 5 working days, C after 7
        assertThat(acknowledgement.get("percent").asDouble()).isEqualTo(80.0);
        assertThat(acknowledgement.get("meetsInPractice").asBoolean()).isFalse();
        assertThat(acknowledgement.get("evidence").asString()).contains("(4 of 5)");

        File pdf = download(base() + "/annual-report.pdf?" + PERIOD);
        assertThat(pdf.status()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Annual complaints performance", "self-assessment", "TSM CH01", "FCA DISP");
        }
    }
}
