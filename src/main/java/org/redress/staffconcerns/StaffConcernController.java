package org.redress.staffconcerns;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.*;

import java.security.Principal;
import java.util.List;

/**
 * The staff concerns API (F-12). Reading needs the right to see them ({@link StaffConcerns#mayView}), else 404;
 * recording needs the DECIDE permission as well.
 */
@RestController
@RequestMapping("/api/v1/organisations/{organisation}/cases/{case}/staff-concerns")
@Tag(name = "Staff concerns", description = "Complaints about named staff or contractors (F-12), seen only by those who need to")
class StaffConcernController {

    private final StaffConcerns concerns;

    StaffConcernController(StaffConcerns concerns) {
        this.concerns = concerns;
    }

    @GetMapping
    @Operation(summary = "Each named person's record: manager told, their view, updates that kept them informed")
    List<StaffConcern> list(@PathVariable String organisation, @PathVariable("case") String caseRef, Principal principal) {
        return concerns.forCase(organisation, caseRef, principal.getName()).concerns();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a named person and their manager (a staff username); the manager is told at once by a notice")
    StaffConcern record(@PathVariable String organisation, @PathVariable("case") String caseRef,
                        @RequestBody StaffConcerns.NewConcern request, Principal principal) {
        return concerns.record(organisation, caseRef, request, principal.getName());
    }

    @PostMapping("/{id}/view")
    @Operation(summary = "Record the named person's own view and the date they gave it (once)")
    StaffConcern view(@PathVariable String organisation, @PathVariable("case") String caseRef, @PathVariable String id,
                      @RequestBody StaffConcerns.OwnView request, Principal principal) {
        return concerns.recordView(organisation, caseRef, id, request, principal.getName());
    }

    @PostMapping("/{id}/updates")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record that the named person was kept informed: when, and what they were told")
    StaffConcern update(@PathVariable String organisation, @PathVariable("case") String caseRef, @PathVariable String id,
                        @RequestBody StaffConcerns.KeptInformed request, Principal principal) {
        return concerns.keptInformed(organisation, caseRef, id, request, principal.getName());
    }
}
