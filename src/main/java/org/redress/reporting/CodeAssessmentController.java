package org.redress.reporting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;

/**
 * The Housing Ombudsman Code's annual outputs through the API (Code 8, T-11, R-1, issue 23): the self-assessment of
 * every provision for a year from 1 April, staff's answers, commentary and actions, and the annual complaints
 * performance and service improvement report with the governing body's response.
 */
@RestController
@RequestMapping("/api/v1/organisations/{organisation}/reports")
@Tag(name = "Reports")
class CodeAssessmentController {

    private final CodeSelfAssessment assessment;
    private final AnnualCodeReport annual;
    private final CodeAssessmentEdits edits;
    private final CodeAssessmentFiles files;

    CodeAssessmentController(CodeSelfAssessment assessment, AnnualCodeReport annual, CodeAssessmentEdits edits, CodeAssessmentFiles files) {
        this.assessment = assessment;
        this.annual = annual;
        this.edits = edits;
        this.files = files;
    }

    @GetMapping("/self-assessment/{year}")
    @Operation(summary = "The Code self-assessment of a year from 1 April: every provision of the 2024 Code with its requirement, "
            + "comply yes/no, evidence, commentary and actions")
    CodeSelfAssessment.Assessment get(@PathVariable String organisation, @PathVariable String year) {
        return assessment.assess(organisation, CodeSelfAssessment.year(year));
    }

    @PutMapping("/self-assessment/{year}/provisions/{provision}")
    @Operation(summary = "Record staff's answer (complies: true, false or null to let the evidence decide), commentary and the "
            + "actions (action, owner, dueOn, status NOT_STARTED, IN_PROGRESS or DONE) for one provision in one year")
    CodeSelfAssessment.Row put(@PathVariable String organisation, @PathVariable String year, @PathVariable String provision,
                               @RequestBody CodeAssessmentEdits.ProvisionInput body, Principal principal) {
        int y = CodeSelfAssessment.year(year);
        assessment.scope(organisation, y);
        edits.saveProvision(organisation, y, provision, body, principal.getName());
        return assessment.assess(organisation, y).rows().stream().filter(r -> r.provision().equals(provision)).findFirst().orElseThrow();
    }

    @GetMapping("/self-assessment/{year}/export.pdf")
    @Operation(summary = "The Code self-assessment of a year as PDF")
    ResponseEntity<byte[]> pdf(@PathVariable String organisation, @PathVariable String year) {
        int y = CodeSelfAssessment.year(year);
        return file(files.assessmentPdf(assessment.assess(organisation, y)), MediaType.APPLICATION_PDF, organisation, "self-assessment", y, "pdf");
    }

    @GetMapping("/self-assessment/{year}/export.xlsx")
    @Operation(summary = "The Code self-assessment of a year as an Excel workbook in the Ombudsman's columns")
    ResponseEntity<byte[]> xlsx(@PathVariable String organisation, @PathVariable String year) {
        int y = CodeSelfAssessment.year(year);
        return file(files.assessmentXlsx(assessment.assess(organisation, y)), ReportFileController.XLSX, organisation, "self-assessment", y, "xlsx");
    }

    @GetMapping("/annual/{year}")
    @Operation(summary = "The annual complaints performance and service improvement report of a year from 1 April: stages, "
            + "refusals by reason, the Ombudsman's findings and orders, service improvements, the self-assessment and the governing body's response")
    AnnualCodeReport.Report annual(@PathVariable String organisation, @PathVariable String year) {
        return annual.report(organisation, CodeSelfAssessment.year(year));
    }

    @PutMapping("/annual/{year}/response")
    @Operation(summary = "Record the governing body's response to the annual report, the date it was given and the date the report was published")
    CodeAssessmentStore.Response respond(@PathVariable String organisation, @PathVariable String year,
                                         @RequestBody CodeAssessmentEdits.ResponseInput body, Principal principal) {
        int y = CodeSelfAssessment.year(year);
        assessment.scope(organisation, y);
        edits.saveResponse(organisation, y, body, principal.getName());
        return annual.report(organisation, y).governingBody();
    }

    @GetMapping("/annual/{year}/export.pdf")
    @Operation(summary = "The annual complaints performance and service improvement report as PDF")
    ResponseEntity<byte[]> annualPdf(@PathVariable String organisation, @PathVariable String year) {
        int y = CodeSelfAssessment.year(year);
        return file(files.reportPdf(annual.report(organisation, y)), MediaType.APPLICATION_PDF, organisation, "annual-report", y, "pdf");
    }

    private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String organisation, String what, int year, String extension) {
        String name = organisation + "-" + what + "-" + CodeSelfAssessment.label(year).replace('/', '-') + "." + extension;
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
    }
}
