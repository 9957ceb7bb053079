package org.redress.casework;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.redress.accounts.CaseAccess;
import org.redress.accounts.SpecialCategoryAudit;
import org.redress.web.TextLimits;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

import java.net.URI;
import java.util.List;

/**
 * The person's reasonable adjustments, seen from any of their cases (T-1): list, record, agree, end. Reading them is
 * reading special category data (health, disability), so each showing is recorded in the read log.
 */
@RestController
@RequestMapping("/api/v1/organisations/{organisation}/cases/{case}/adjustments")
@Tag(name = "Cases")
class PersonAdjustmentsController {

    private final PersonAdjustments adjustments;
    private final CaseAccess access;
    private final SpecialCategoryAudit audit;

    PersonAdjustmentsController(PersonAdjustments adjustments, CaseAccess access, SpecialCategoryAudit audit) {
        this.adjustments = adjustments;
        this.access = access;
        this.audit = audit;
    }

    /** An adjustment with what the member of staff must do. */
    record AdjustmentView(PersonAdjustment adjustment, String instruction, boolean inForce) {
        static AdjustmentView of(PersonAdjustment a) {
            return new AdjustmentView(a, a.instruction(), a.inForce());
        }
    }

    @GetMapping
    @Operation(summary = "The reasonable adjustments of this case's person, from whichever of their cases they were recorded (T-1), "
            + "each with the instruction for staff; in force first")
    List<AdjustmentView> list(@PathVariable String organisation, @PathVariable("case") String caseRef) {
        List<PersonAdjustment> found = adjustments.forMember(organisation, caseRef);
        String reader = access.current(organisation).username();
        if (!found.isEmpty() && reader != null) {
            audit.recordRead(organisation, caseRef, null, reader, "reasonable adjustments", "GET adjustments");
        }
        return found.stream().map(AdjustmentView::of).toList();
    }

    @PostMapping
    @Operation(summary = "Record a reasonable adjustment for this case's person: kind (LARGE_PRINT, EASY_READ, LANGUAGE, INTERPRETER, "
            + "BSL, HEARING_LOOP, PREFERRED_CHANNEL, NAMED_CONTACT, REPRESENTATIVE, EXTRA_TIME, CONTACT_TIMES, OTHER), details, "
            + "what was asked and when, and what was agreed and when (leave agreed out while it is only asked)")
    ResponseEntity<AdjustmentView> record(@PathVariable String organisation, @PathVariable("case") String caseRef,
                                          @RequestBody PersonAdjustments.NewAdjustment request,
                                          @RequestHeader(value = "X-Actor", required = false) @Nullable String actor) {
        PersonAdjustment a = adjustments.record(organisation, caseRef, request, actor(organisation, actor));
        return ResponseEntity.created(URI.create("/api/v1/organisations/" + organisation + "/cases/" + caseRef + "/adjustments/" + a.id()))
                .body(AdjustmentView.of(a));
    }

    @PostMapping("/{id}/agree")
    @Operation(summary = "Record what was agreed for an adjustment the person asked for, and when")
    AdjustmentView agree(@PathVariable String organisation, @PathVariable("case") String caseRef, @PathVariable String id,
                         @RequestBody PersonAdjustments.AdjustmentAgreement request,
                         @RequestHeader(value = "X-Actor", required = false) @Nullable String actor) {
        return AdjustmentView.of(adjustments.agree(organisation, caseRef, id, request, actor(organisation, actor)));
    }

    @PostMapping("/{id}/end")
    @Operation(summary = "End an adjustment the person no longer needs, with the reason: it stays on record")
    AdjustmentView end(@PathVariable String organisation, @PathVariable("case") String caseRef, @PathVariable String id,
                       @RequestBody PersonAdjustments.AdjustmentEnding request,
                       @RequestHeader(value = "X-Actor", required = false) @Nullable String actor) {
        return AdjustmentView.of(adjustments.end(organisation, caseRef, id, request, actor(organisation, actor)));
    }

    /** The X-Actor header when given, else the signed-in member. */
    private String actor(String organisation, @Nullable String actor) {
        TextLimits.check("X-Actor", actor, TextLimits.NAME);
        if (actor != null && !actor.isBlank()) {
            return actor.strip();
        }
        String member = access.current(organisation).username();
        return member == null ? "api" : member;
    }
}
