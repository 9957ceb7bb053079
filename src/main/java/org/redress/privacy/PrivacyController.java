package org.redress.privacy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.redress.casework.CaseScope;
import org.redress.web.InvalidInputException;
import org.redress.web.TextLimits;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The data protection API: retention and legal holds, subject access, erasure and rectification (issue 9). */
@RestController
@RequestMapping("/api/v1/organisations/{organisation}")
@Tag(name = "Privacy", description = "Retention, legal holds, subject access, erasure and rectification")
class PrivacyController {

    private final Retention retention;
    private final SubjectAccess subjectAccess;
    private final SubjectAccessExport export;
    private final DataRequests requests;
    private final java.time.Clock clock;

    PrivacyController(Retention retention, SubjectAccess subjectAccess, SubjectAccessExport export, DataRequests requests,
                      java.time.Clock clock) {
        this.retention = retention;
        this.subjectAccess = subjectAccess;
        this.export = export;
        this.requests = requests;
        this.clock = clock;
    }

    record YearsRequest(@Nullable Integer years) {
    }

    // a schema name of its own: another type in the API has the same simple name (ApiDescriptionIT)
    @io.swagger.v3.oas.annotations.media.Schema(name = "LegalHoldRequest")
    record HoldRequest(@Size(max = TextLimits.NAME) @Nullable String caseReference, @Size(max = TextLimits.NAME) @Nullable String person,
                       @Size(max = TextLimits.LINE) @Nullable String reason) {
    }

    // a schema name of its own: another type in the API has the same simple name (ApiDescriptionIT)
    @io.swagger.v3.oas.annotations.media.Schema(name = "PrivacyDecisionRequest")
    record DecisionRequest(@Size(max = TextLimits.TEXT) @Nullable String reason, @Size(max = TextLimits.LINE) @Nullable String lawfulBasis) {
    }

    // ---- retention -------------------------------------------------------------------------------------------

    @GetMapping("/retention")
    @Operation(summary = "How long the organisation keeps a case's personal data after the case ends")
    Retention.Setting setting(@PathVariable String organisation) {
        return retention.setting(organisation);
    }

    @PutMapping("/retention")
    @Operation(summary = "Change the retention period (whole years, 1 to 100)")
    Retention.Setting setYears(@PathVariable String organisation, @RequestBody YearsRequest request,
                               @RequestHeader(value = "X-Actor", required = false) @Nullable String actor) {
        return retention.setYears(organisation, request.years(), actor(actor));
    }

    @GetMapping("/retention/dry-run")
    @Operation(summary = "What retention would anonymise on a day, and why each ended case would or would not be")
    Retention.DryRun dryRun(CaseScope scope, @RequestParam(required = false) @Nullable String on) {
        return retention.dryRun(scope, date(on));
    }

    @PostMapping("/retention/runs")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Anonymise today's due cases now (the nightly task does the same)")
    Retention.Run run(@PathVariable String organisation, @RequestHeader(value = "X-Actor", required = false) @Nullable String actor) {
        Retention.Run run = retention.startRun(organisation, actor(actor));
        return retention.execute(organisation, run.id());
    }

    @GetMapping("/retention/runs/{id}")
    @Operation(summary = "A retention run and how far it has got")
    Retention.Run runStatus(@PathVariable String organisation, @PathVariable String id) {
        return retention.run(organisation, id);
    }

    @GetMapping("/legal-holds")
    @Operation(summary = "Legal holds in force: cases and people whose data must be kept")
    List<Retention.LegalHold> holds(CaseScope scope) {
        return retention.holds(scope);
    }

    @PostMapping("/legal-holds")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Place a legal hold on a case (caseReference) or a person (email, phone or name)")
    Retention.LegalHold placeHold(@PathVariable String organisation, @RequestBody HoldRequest request,
                                  @RequestHeader(value = "X-Actor", required = false) @Nullable String actor) {
        return retention.placeHold(organisation, request.caseReference(), request.person(), request.reason(), actor(actor));
    }

    @DeleteMapping("/legal-holds/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Release a legal hold")
    void releaseHold(@PathVariable String organisation, @PathVariable String id,
                     @RequestHeader(value = "X-Actor", required = false) @Nullable String actor) {
        retention.releaseHold(organisation, id, actor(actor));
    }

    // ---- subject access --------------------------------------------------------------------------------------

    @PostMapping("/subject-access")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a subject access request; it is due one calendar month after receipt")
    SubjectAccess.Request recordSubjectAccess(@PathVariable String organisation, @RequestBody SubjectAccess.NewRequest request,
                                              @RequestHeader(value = "X-Actor", required = false) @Nullable String actor) {
        return subjectAccess.record(organisation, request, actor(actor));
    }

    @GetMapping("/subject-access")
    @Operation(summary = "Open subject access requests by due date (all=true adds completed ones)")
    List<SubjectAccess.Request> subjectAccessRequests(@PathVariable String organisation, @RequestParam(defaultValue = "false") boolean all) {
        return subjectAccess.list(organisation, all);
    }

    @GetMapping("/subject-access/{id}")
    @Operation(summary = "One subject access request with its status")
    SubjectAccess.Request subjectAccessRequest(@PathVariable String organisation, @PathVariable String id) {
        return subjectAccess.get(organisation, id);
    }

    @GetMapping("/subject-access/{id}/export.zip")
    @Operation(summary = "Everything held about the person: JSON, an HTML summary, original files and a manifest of SHA-256s")
    ResponseEntity<byte[]> exportZip(@PathVariable String organisation, @PathVariable String id) {
        byte[] zip = export.export(organisation, id);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"subject-access-" + id + ".zip\"").body(zip);
    }

    @PostMapping("/subject-access/{id}/complete")
    @Operation(summary = "Record that the request was answered")
    SubjectAccess.Request complete(@PathVariable String organisation, @PathVariable String id,
                                   @RequestHeader(value = "X-Actor", required = false) @Nullable String actor) {
        return subjectAccess.complete(organisation, id, actor(actor));
    }

    // a schema name of its own: another type in the API has the same simple name (ApiDescriptionIT)
    @io.swagger.v3.oas.annotations.media.Schema(name = "SubjectAccessExtendRequest")
    record ExtendRequest(@Size(max = TextLimits.LINE) @Nullable String reason) {
    }

    @PostMapping("/subject-access/{id}/extend")
    @Operation(summary = "Extend the deadline by two further months (once, within the first month, with the reason)")
    SubjectAccess.Request extend(@PathVariable String organisation, @PathVariable String id, @RequestBody ExtendRequest request,
                                 @RequestHeader(value = "X-Actor", required = false) @Nullable String actor) {
        return subjectAccess.extend(organisation, id, request.reason(), actor(actor));
    }

    // ---- erasure and rectification ---------------------------------------------------------------------------

    @PostMapping("/privacy-requests")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record an erasure or rectification request about a case")
    DataRequests.Request recordRequest(@PathVariable String organisation, @RequestBody DataRequests.NewRequest request,
                                       @RequestHeader(value = "X-Actor", required = false) @Nullable String actor) {
        return requests.record(organisation, request, actor(actor));
    }

    @GetMapping("/privacy-requests")
    @Operation(summary = "Erasure and rectification requests, newest first")
    List<DataRequests.Request> listRequests(CaseScope scope) {
        return requests.list(scope);
    }

    @PostMapping("/privacy-requests/{id}/apply")
    @Operation(summary = "Grant and apply the request (erasure is refused while the case is open or on legal hold)")
    DataRequests.Request apply(@PathVariable String organisation, @PathVariable String id, @RequestBody DecisionRequest decision,
                               @RequestHeader(value = "X-Actor", required = false) @Nullable String actor) {
        return requests.apply(organisation, id, decision.reason(), actor(actor));
    }

    @PostMapping("/privacy-requests/{id}/refuse")
    @Operation(summary = "Refuse the request, with the reason and the lawful basis")
    DataRequests.Request refuse(@PathVariable String organisation, @PathVariable String id, @RequestBody DecisionRequest decision,
                                @RequestHeader(value = "X-Actor", required = false) @Nullable String actor) {
        return requests.refuse(organisation, id, decision.reason(), decision.lawfulBasis(), actor(actor));
    }

    private LocalDate date(@Nullable String on) {
        if (on == null || on.isBlank()) {
            return org.redress.calendar.UkTime.dateOf(clock.instant());
        }
        try {
            return org.redress.web.RequestDates.parse(on);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("on", org.redress.web.RequestDates.explain(e, "must be a date like 2026-11-24"));
        }
    }

    private static String actor(@Nullable String actor) {
        TextLimits.check("X-Actor", actor, TextLimits.NAME);
        return actor == null || actor.isBlank() ? "api" : actor;
    }
}
