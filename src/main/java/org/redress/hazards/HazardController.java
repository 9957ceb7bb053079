package org.redress.hazards;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.redress.casework.CaseScope;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.UUID;

/** The hazards API: thin, each endpoint one call of {@link Hazards}. */
@RestController
@RequestMapping("/api/v1/organisations/{organisation}")
@Tag(name = "Hazards", description = "Awaab's Law hazard records on cases, with their own clocks and every access attempt (R-3)")
class HazardController {

    private final Hazards hazards;

    HazardController(Hazards hazards) {
        this.hazards = hazards;
    }

    @GetMapping("/cases/{case}/hazards")
    @Operation(summary = "The case's hazard records, each with its clocks (status derived from now) and attempts")
    List<HazardView> ofCase(@PathVariable String organisation, @PathVariable("case") String caseRef) {
        return hazards.ofCase(organisation, caseRef);
    }

    @PostMapping("/cases/{case}/hazards")
    @Operation(summary = "Open a hazard record a member of staff spotted; awareAt (when the organisation became aware) defaults to now")
    ResponseEntity<HazardView> open(@PathVariable String organisation, @PathVariable("case") String caseRef,
                                    @RequestBody Hazards.OpenRequest request, Principal principal) {
        HazardView view = hazards.open(organisation, caseRef, request, principal.getName());
        return ResponseEntity.created(URI.create("/api/v1/organisations/" + organisation + "/cases/" + view.caseId() + "/hazards")).body(view);
    }

    @PostMapping("/cases/{case}/hazards/{id}/attempts")
    @Operation(summary = "Record an attempt to get in: when, who, ACCESS_GIVEN / NO_ACCESS / REFUSED, notes (required when no access)")
    HazardView attempt(@PathVariable String organisation, @PathVariable("case") String caseRef, @PathVariable UUID id,
                       @RequestBody Hazards.AttemptRequest request, Principal principal) {
        return hazards.recordAttempt(organisation, caseRef, id, request, principal.getName());
    }

    @PostMapping("/cases/{case}/hazards/{id}/classify")
    @Operation(summary = "Classify the hazard EMERGENCY (24 hours) or SIGNIFICANT (10 working days to investigate)")
    HazardView classify(@PathVariable String organisation, @PathVariable("case") String caseRef, @PathVariable UUID id,
                        @RequestBody Hazards.ClassifyRequest request) {
        return hazards.classify(organisation, caseRef, id, request);
    }

    @PostMapping("/cases/{case}/hazards/{id}/investigation-concluded")
    @Operation(summary = "The investigation concluded (at, default now; findings): starts the written summary and safety work clocks")
    HazardView concluded(@PathVariable String organisation, @PathVariable("case") String caseRef, @PathVariable UUID id,
                         @RequestBody Hazards.DoneRequest request) {
        return hazards.concludeInvestigation(organisation, caseRef, id, request);
    }

    @PostMapping("/cases/{case}/hazards/{id}/summary-sent")
    @Operation(summary = "The written summary of the investigation was sent to the resident")
    HazardView summarySent(@PathVariable String organisation, @PathVariable("case") String caseRef, @PathVariable UUID id,
                           @RequestBody Hazards.DoneRequest request) {
        return hazards.summarySent(organisation, caseRef, id, request);
    }

    @PostMapping("/cases/{case}/hazards/{id}/work-started")
    @Operation(summary = "Safety work began (for an emergency: the home was made safe)")
    HazardView workStarted(@PathVariable String organisation, @PathVariable("case") String caseRef, @PathVariable UUID id,
                           @RequestBody Hazards.DoneRequest request) {
        return hazards.workStarted(organisation, caseRef, id, request);
    }

    @GetMapping("/hazards")
    @Operation(summary = "The organisation's hazards with a clock still running, the soonest due first (a member limited to some "
            + "service areas: those of their areas' cases)")
    List<HazardView> open(CaseScope scope) {
        return hazards.openByNextDue(scope);
    }

    @GetMapping("/hazard-settings")
    @Operation(summary = "The hazard categories and keywords complaints are read for (default: damp and mould)")
    HazardSettings settings(@PathVariable String organisation) {
        return hazards.settings(organisation);
    }

    @PutMapping("/hazard-settings")
    @Operation(summary = "Change the hazard categories and keywords, or turn reading complaints for hazards on or off (administrators)")
    HazardSettings saveSettings(@PathVariable String organisation, @RequestBody HazardSettings settings, Principal principal) {
        return hazards.saveSettings(organisation, settings, principal.getName());
    }
}
