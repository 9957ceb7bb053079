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

    @PostMapping("/cases/{case}/hazards/{id}/made-safe")
    @Operation(summary = "The home was made safe (at, default now): an emergency's 24-hour clock stops here, not when work begins")
    HazardView madeSafe(@PathVariable String organisation, @PathVariable("case") String caseRef, @PathVariable UUID id,
                        @RequestBody Hazards.DoneRequest request) {
        return hazards.madeSafe(organisation, caseRef, id, request);
    }

    @PostMapping("/cases/{case}/hazards/{id}/further-works")
    @Operation(summary = "Further (preventative) works are needed: due within 5 working days of the investigation's end, or, "
            + "with notPracticable saying why that cannot be done, within 12 weeks")
    HazardView furtherWorks(@PathVariable String organisation, @PathVariable("case") String caseRef, @PathVariable UUID id,
                            @RequestBody Hazards.FurtherWorksRequest request, Principal principal) {
        return hazards.furtherWorksNeeded(organisation, caseRef, id, request, principal.getName());
    }

    @PostMapping("/cases/{case}/hazards/{id}/further-works-started")
    @Operation(summary = "The further works began (at, default now): their clock is met")
    HazardView furtherWorksStarted(@PathVariable String organisation, @PathVariable("case") String caseRef, @PathVariable UUID id,
                                   @RequestBody Hazards.DoneRequest request) {
        return hazards.furtherWorksStarted(organisation, caseRef, id, request);
    }

    @PostMapping("/cases/{case}/hazards/{id}/accommodation")
    @Operation(summary = "The home cannot be made safe in time (at, default now; notes: why): alternative accommodation is to be "
            + "offered, on its own clock")
    HazardView accommodationNeeded(@PathVariable String organisation, @PathVariable("case") String caseRef, @PathVariable UUID id,
                                   @RequestBody Hazards.AccommodationRequest request, Principal principal) {
        return hazards.accommodationNeeded(organisation, caseRef, id, request, principal.getName());
    }

    @PostMapping("/cases/{case}/hazards/{id}/accommodation-offered")
    @Operation(summary = "Alternative accommodation was offered (at; notes: what was offered): its clock is met")
    HazardView accommodationOffered(@PathVariable String organisation, @PathVariable("case") String caseRef, @PathVariable UUID id,
                                    @RequestBody Hazards.AccommodationRequest request) {
        return hazards.accommodationOffered(organisation, caseRef, id, request);
    }

    @PostMapping("/cases/{case}/hazards/{id}/accommodation-answer")
    @Operation(summary = "The household's answer to the offer: answer ACCEPTED or DECLINED (at, default now)")
    HazardView accommodationAnswer(@PathVariable String organisation, @PathVariable("case") String caseRef, @PathVariable UUID id,
                                   @RequestBody Hazards.AccommodationRequest request) {
        return hazards.accommodationAnswered(organisation, caseRef, id, request);
    }

    @PostMapping("/cases/{case}/hazards/{id}/close")
    @Operation(summary = "Close the hazard record as NO_HAZARD_FOUND or DISMISSED, with reasons (who and when are recorded): "
            + "every clock still running stops")
    HazardView close(@PathVariable String organisation, @PathVariable("case") String caseRef, @PathVariable UUID id,
                     @RequestBody Hazards.CloseRequest request, Principal principal) {
        return hazards.close(organisation, caseRef, id, request, principal.getName());
    }

    @PostMapping("/cases/{case}/hazards/{id}/work-started")
    @Operation(summary = "Safety work began (a significant hazard's clock; an emergency's clock waits for made-safe)")
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
