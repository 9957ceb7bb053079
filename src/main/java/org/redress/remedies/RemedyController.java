package org.redress.remedies;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.redress.casework.CaseScope;
import org.redress.web.TextLimits;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.security.Principal;
import java.util.List;

@RestController
@RequestMapping("/api/v1/organisations/{organisation}")
@Tag(name = "Remedies", description = "Apologies, actions and payments that put a case right (F-13, H-9, A-5, Code 6.6)")
class RemedyController {

    private final Remedies remedies;

    RemedyController(Remedies remedies) {
        this.remedies = remedies;
    }

    /** Amount as a JSON number or text, so that a wrong one is named by its field rather than the whole body. */
    record NewRemedyRequest(@Size(max = TextLimits.NAME) @Nullable String kind, @Size(max = TextLimits.TEXT) @Nullable String description,
                            @Size(max = TextLimits.NAME) @Nullable String owner, @Size(max = TextLimits.NAME) @Nullable String due,
                            @Size(max = TextLimits.NAME) @Nullable String paymentKind, @Nullable JsonNode amount,
                            @Size(max = TextLimits.NAME) @Nullable String method) {
    }

    // a schema name of its own: another type in the API has the same simple name (ApiDescriptionIT)
    @io.swagger.v3.oas.annotations.media.Schema(name = "RemedyDecisionRequest")
    record DecisionRequest(@Nullable Boolean asPanel, @Size(max = TextLimits.NAME) @Nullable String panelDecidedOn,
                           @Size(max = TextLimits.TEXT) @Nullable String reason) {
    }

    // a schema name of its own: another type in the API has the same simple name (ApiDescriptionIT)
    @io.swagger.v3.oas.annotations.media.Schema(name = "RemedyDoneRequest")
    record DoneRequest(@Size(max = TextLimits.NAME) @Nullable String on, @Size(max = TextLimits.TEXT) @Nullable String note) {
    }

    @GetMapping("/cases/{case}/remedies")
    @Operation(summary = "The remedies of a case, oldest first, each with its history")
    List<RemedyView> ofCase(@PathVariable String organisation, @PathVariable("case") String caseRef) {
        return remedies.ofCase(organisation, caseRef);
    }

    @PostMapping("/cases/{case}/remedies")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add an apology, an action (owner, due) or a payment (paymentKind, amount, method); a payment is proposed and routed by the pack's authority table")
    RemedyView add(@PathVariable String organisation, @PathVariable("case") String caseRef, @RequestBody NewRemedyRequest r,
                   Principal principal) {
        return remedies.add(organisation, caseRef, new Remedies.NewRemedy(r.kind(), r.description(), r.owner(), r.due(),
                r.paymentKind(), amount(r.amount()), r.method()), principal.getName());
    }

    @PostMapping("/cases/{case}/remedies/{id}/approve")
    @Operation(summary = "Approve a payment within your limit (F-13); asPanel with panelDecidedOn records the review panel's approval")
    RemedyView approve(@PathVariable String organisation, @PathVariable("case") String caseRef, @PathVariable String id,
                       @RequestBody(required = false) @Nullable DecisionRequest r, Principal principal) {
        return remedies.approve(organisation, caseRef, id, decision(r), principal.getName());
    }

    @PostMapping("/cases/{case}/remedies/{id}/refuse")
    @Operation(summary = "Refuse a payment, with the reason")
    RemedyView refuse(@PathVariable String organisation, @PathVariable("case") String caseRef, @PathVariable String id,
                      @RequestBody(required = false) @Nullable DecisionRequest r, Principal principal) {
        return remedies.refuse(organisation, caseRef, id, decision(r), principal.getName());
    }

    @PostMapping("/cases/{case}/remedies/{id}/paid")
    @Operation(summary = "Record an approved payment as paid (on: the date, today when left out)")
    RemedyView paid(@PathVariable String organisation, @PathVariable("case") String caseRef, @PathVariable String id,
                    @RequestBody(required = false) @Nullable DoneRequest r, Principal principal) {
        return remedies.markPaid(organisation, caseRef, id, r == null ? null : r.on(), r == null ? null : r.note(), principal.getName());
    }

    @PostMapping("/cases/{case}/remedies/{id}/done")
    @Operation(summary = "Record an action as done (on: the date, today when left out)")
    RemedyView done(@PathVariable String organisation, @PathVariable("case") String caseRef, @PathVariable String id,
                    @RequestBody(required = false) @Nullable DoneRequest r, Principal principal) {
        return remedies.markDone(organisation, caseRef, id, r == null ? null : r.on(), r == null ? null : r.note(), principal.getName());
    }

    @GetMapping("/remedies")
    @Operation(summary = "The organisation's remedies by due date; status GIVEN, OPEN, DONE, PROPOSED, APPROVED, PAID, REFUSED or OVERDUE")
    List<RemedyView> list(CaseScope scope, @RequestParam(required = false) @Nullable String status,
                          @RequestParam(required = false) @Nullable String kind, @RequestParam(required = false) @Nullable String owner) {
        return remedies.list(scope, status, kind, owner);
    }

    private static Remedies.Decision decision(@Nullable DecisionRequest r) {
        return r == null ? new Remedies.Decision(false, null, null)
                : new Remedies.Decision(Boolean.TRUE.equals(r.asPanel()), r.panelDecidedOn(), r.reason());
    }

    private static @Nullable String amount(@Nullable JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return node.isString() ? node.stringValue() : node.toString();
    }
}
