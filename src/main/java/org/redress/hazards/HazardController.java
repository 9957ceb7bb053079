package org.redress.hazards;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.redress.casework.CaseScope;
import org.redress.web.NotFoundException;
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

/**
 * The hazards API: thin, each endpoint one call of {@link Hazards}. The steps recorded with when they were done
 * share one endpoint, {@code .../hazards/{id}/{step}}, one address per step as ever ({@link HazardStep}).
 */
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

    @PostMapping("/cases/{case}/hazards/{id}/{step:" + HazardStep.NAMES + "}")
    @Operation(summary = "Record a step of the hazard record done at a time (at, default now; never before the organisation became aware "
            + "of the hazard, for the steps marked *)",
            description = """
                    The step, and what it reads besides `at`:
                    - `investigation-concluded`* (findings): starts the written summary and safety work clocks;
                    - `summary-sent`: the written summary of the investigation was sent to the resident;
                    - `made-safe`*: the home was made safe: an emergency's 24-hour clock stops here, not when work begins;
                    - `work-started`*: safety work began (a significant hazard's clock; an emergency's clock waits for made-safe);
                    - `further-works-started`: the further works began: their clock is met;
                    - `accommodation`* (notes: why): the home cannot be made safe in time: alternative accommodation is to be \
                    offered, on its own clock;
                    - `accommodation-offered` (notes: what was offered): its clock is met;
                    - `accommodation-answer` (answer: ACCEPTED or DECLINED): the household's answer to the offer.""")
    HazardView step(@PathVariable String organisation, @PathVariable("case") String caseRef, @PathVariable UUID id,
                    @PathVariable String step, @RequestBody Hazards.DoneRequest request, Principal principal) {
        HazardStep named = HazardStep.named(step).orElseThrow(() -> new NotFoundException("step", "no hazard step '" + step + "'"));
        return hazards.done(organisation, caseRef, id, named, request, principal.getName());
    }

    @PostMapping("/cases/{case}/hazards/{id}/further-works")
    @Operation(summary = "Further (preventative) works are needed: due within 5 working days of the investigation's end, or, "
            + "with notPracticable saying why that cannot be done, within 12 weeks")
    HazardView furtherWorks(@PathVariable String organisation, @PathVariable("case") String caseRef, @PathVariable UUID id,
                            @RequestBody Hazards.FurtherWorksRequest request, Principal principal) {
        return hazards.furtherWorksNeeded(organisation, caseRef, id, request, principal.getName());
    }

    @PostMapping("/cases/{case}/hazards/{id}/close")
    @Operation(summary = "Close the hazard record as NO_HAZARD_FOUND or DISMISSED, with reasons (who and when are recorded): "
            + "every clock still running stops")
    HazardView close(@PathVariable String organisation, @PathVariable("case") String caseRef, @PathVariable UUID id,
                     @RequestBody Hazards.CloseRequest request, Principal principal) {
        return hazards.close(organisation, caseRef, id, request, principal.getName());
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
