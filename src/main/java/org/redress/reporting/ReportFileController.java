package org.redress.reporting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reports as files: any measure (or the whole dashboard) as CSV or Excel, the Board and annual reports as PDF. */
@RestController
@RequestMapping("/api/v1/organisations/{organisation}/reports")
@Tag(name = "Reports")
class ReportFileController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final Reports reports;
    private final ReportExports exports;
    private final BoardReport boardReport;
    private final SelfAssessment selfAssessment;

    ReportFileController(Reports reports, ReportExports exports, BoardReport boardReport, SelfAssessment selfAssessment) {
        this.reports = reports;
        this.exports = exports;
        this.boardReport = boardReport;
        this.selfAssessment = selfAssessment;
    }

    @GetMapping("/measures/{measure}/export.csv")
    @Operation(summary = "A measure as CSV: one line per figure, with the scope and the definition")
    ResponseEntity<byte[]> csv(@PathVariable String organisation, @PathVariable String measure, @RequestParam(required = false) @Nullable String from,
                               @RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable String serviceLine,
                               @RequestParam(required = false) @Nullable String serviceArea) {
        ReportScope scope = reports.scope(organisation, from, to, serviceLine, serviceArea);
        return file(exports.csv(List.of(reports.measure(scope, measure))).getBytes(StandardCharsets.UTF_8), CSV, name(scope, measure, "csv"));
    }

    @GetMapping("/measures/{measure}/export.xlsx")
    @Operation(summary = "A measure as an Excel workbook")
    ResponseEntity<byte[]> xlsx(@PathVariable String organisation, @PathVariable String measure, @RequestParam(required = false) @Nullable String from,
                                @RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable String serviceLine,
                                @RequestParam(required = false) @Nullable String serviceArea) {
        ReportScope scope = reports.scope(organisation, from, to, serviceLine, serviceArea);
        return file(exports.xlsx(List.of(reports.measure(scope, measure))), XLSX, name(scope, measure, "xlsx"));
    }

    @GetMapping("/{page:dashboard|returns}/export.csv")
    @Operation(summary = "Every measure of a page (dashboard or returns) as one CSV")
    ResponseEntity<byte[]> pageCsv(@PathVariable String organisation, @PathVariable String page, @RequestParam(required = false) @Nullable String from,
                                        @RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable String serviceLine,
                                        @RequestParam(required = false) @Nullable String serviceArea) {
        ReportScope scope = reports.scope(organisation, from, to, serviceLine, serviceArea);
        return file(exports.csv(reports.all(scope, Measures.PAGES.get(page))).getBytes(StandardCharsets.UTF_8), CSV, name(scope, page, "csv"));
    }

    @GetMapping("/{page:dashboard|returns}/export.xlsx")
    @Operation(summary = "Every measure of a page (dashboard or returns) as an Excel workbook, one sheet per measure")
    ResponseEntity<byte[]> pageXlsx(@PathVariable String organisation, @PathVariable String page, @RequestParam(required = false) @Nullable String from,
                                         @RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable String serviceLine,
                                         @RequestParam(required = false) @Nullable String serviceArea) {
        ReportScope scope = reports.scope(organisation, from, to, serviceLine, serviceArea);
        return file(exports.xlsx(reports.all(scope, Measures.PAGES.get(page))), XLSX, name(scope, page, "xlsx"));
    }

    @GetMapping("/board-report.pdf")
    @Operation(summary = "The Board report (quarterly figures, F-15, H-11, S0-11) as PDF")
    ResponseEntity<byte[]> board(@PathVariable String organisation, @RequestParam(required = false) @Nullable String from,
                                 @RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable String serviceLine,
                                 @RequestParam(required = false) @Nullable String serviceArea) {
        ReportScope scope = reports.scope(organisation, from, to, serviceLine, serviceArea);
        return file(boardReport.pdf(scope, BoardReport.Kind.BOARD), MediaType.APPLICATION_PDF, name(scope, "board-report", "pdf"));
    }

    @GetMapping("/annual-report.pdf")
    @Operation(summary = "The annual complaints performance report with the Code self-assessment (Code 8, T-11) as PDF")
    ResponseEntity<byte[]> annual(@PathVariable String organisation, @RequestParam(required = false) @Nullable String from,
                                  @RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable String serviceLine,
                                  @RequestParam(required = false) @Nullable String serviceArea) {
        ReportScope scope = reports.scope(organisation, from, to, serviceLine, serviceArea);
        return file(boardReport.pdf(scope, BoardReport.Kind.ANNUAL), MediaType.APPLICATION_PDF, name(scope, "annual-report", "pdf"));
    }

    @GetMapping("/self-assessment")
    @Operation(summary = "The Housing Ombudsman Code self-assessment: the pack check with evidence from the period's cases")
    SelfAssessment.Assessment assessment(@PathVariable String organisation, @RequestParam(required = false) @Nullable String from,
                                         @RequestParam(required = false) @Nullable String to) {
        return selfAssessment.assess(reports.scope(organisation, from, to, null, null));
    }

    private static String name(ReportScope scope, String what, String extension) {
        return scope.organisation() + "-" + what + "-" + scope.from() + "-to-" + scope.to() + "." + extension;
    }

    private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String filename) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .body(body);
    }
}
