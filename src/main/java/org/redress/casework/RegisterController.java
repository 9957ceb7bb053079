package org.redress.casework;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;

/**
 * The register in the API (issue 21): a page of every record, and the same filters as CSV or Excel. Thin: each checks
 * the parameters through {@link Register} (400 naming each bad one, before a byte is written) and streams the file.
 */
@RestController
@RequestMapping("/api/v1/organisations/{organisation}/register")
@Tag(name = "Register", description = "The complaint and compliment register: every record of every type and status")
class RegisterController {

    static final String CSV = "text/csv;charset=UTF-8";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final Register register;

    RegisterController(Register register) {
        this.register = register;
    }

    @GetMapping
    @Operation(summary = "A page of the register: every record (complaints, compliments, service requests, ...) in any status",
            description = "text finds a reference, a name, an address or words; receivedFrom and receivedTo are UK days (YYYY-MM-DD, "
                    + "both inclusive); overdue=true keeps records past their next deadline. sort=received (newest first, the "
                    + "default), due (next deadline first, then records with none, newest first) or reference. Pages by cursor "
                    + "(nextCursor). A member limited to some service areas sees only theirs.")
    RegisterPage page(CaseScope scope,
                      @RequestParam(required = false) @Nullable String text,
                      @RequestParam(required = false) @Parameter(example = "compliment") @Nullable String type,
                      @RequestParam(required = false) @Parameter(example = "CLOSED") @Nullable String status,
                      @RequestParam(required = false) @Nullable String stage,
                      @RequestParam(required = false) @Nullable String serviceLine,
                      @RequestParam(required = false) @Nullable String serviceArea,
                      @RequestParam(required = false) @Nullable String subject,
                      @RequestParam(required = false) @Nullable String owner,
                      @RequestParam(required = false) @Parameter(example = "2026-01-01") @Nullable String receivedFrom,
                      @RequestParam(required = false) @Parameter(example = "2026-12-31") @Nullable String receivedTo,
                      @RequestParam(required = false) @Nullable String overdue,
                      @RequestParam(required = false) @Parameter(example = "received") @Nullable String sort,
                      @RequestParam(required = false) @Parameter(example = "50") @Nullable String size,
                      @RequestParam(required = false) @Nullable String cursor) {
        return register.page(scope, new RegisterFilter(text, type, status, stage, serviceLine, serviceArea, subject, owner,
                receivedFrom, receivedTo, overdue, sort, size, cursor));
    }

    @GetMapping("/export.csv")
    @Operation(summary = "The register with the same filters and order as CSV, from the first record (at most 100,000 records)")
    void csv(CaseScope scope, @ParameterObject RegisterFilter filter, HttpServletResponse response) throws IOException {
        RegisterExport export = register.export(scope, filter.withoutPaging());
        start(response, CSV, export.filename("csv"));
        export.csv(response.getOutputStream());
    }

    @GetMapping("/export.xlsx")
    @Operation(summary = "The register with the same filters and order as an Excel workbook (at most 100,000 records)")
    void xlsx(CaseScope scope, @ParameterObject RegisterFilter filter, HttpServletResponse response) throws IOException {
        RegisterExport export = register.export(scope, filter.withoutPaging());
        start(response, XLSX, export.filename("xlsx"));
        export.xlsx(response.getOutputStream());
    }

    private static void start(HttpServletResponse response, String contentType, String filename) {
        response.setStatus(200);
        response.setContentType(contentType);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString());
    }
}
