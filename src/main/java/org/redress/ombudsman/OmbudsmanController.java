package org.redress.ombudsman;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.redress.casework.CaseScope;
import org.redress.web.InvalidInputException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The ombudsman API: thin, each endpoint one call of {@link OmbudsmanReferrals} or {@link InformationPack}. */
@RestController
@RequestMapping("/api/v1/organisations/{organisation}")
@Tag(name = "Ombudsman", description = "Referrals to the ombudsman, its findings and orders, and the information pack (F-8, F-9)")
class OmbudsmanController {

    private final OmbudsmanReferrals referrals;
    private final InformationPack pack;

    OmbudsmanController(OmbudsmanReferrals referrals, InformationPack pack) {
        this.referrals = referrals;
        this.pack = pack;
    }

    record FindingsRequest(@Nullable List<OmbudsmanReferrals.@Valid FindingRequest> findings) {
    }

    @GetMapping("/cases/{case}/ombudsman")
    @Operation(summary = "The case's ombudsman (by its service line, F-8), and its referral, findings and orders if referred")
    OmbudsmanReferrals.CaseOmbudsman get(@PathVariable String organisation, @PathVariable("case") String caseRef) {
        return referrals.forCase(organisation, caseRef);
    }

    @PostMapping("/cases/{case}/ombudsman/referral")
    @Operation(summary = "Record (or amend) the referral: the ombudsman, its reference and dates. Another ombudsman than "
            + "the service line's is refused (422, F-8) unless overrideReason is given")
    ReferralView refer(@PathVariable String organisation, @PathVariable("case") String caseRef,
                       @RequestBody OmbudsmanReferrals.ReferralRequest request, Principal principal) {
        return referrals.refer(organisation, caseRef, request, principal.getName());
    }

    @PostMapping("/cases/{case}/ombudsman/findings")
    @Operation(summary = "Record the ombudsman's findings, one per point of complaint, each with the point's category "
            + "(e.g. Repairs) so reports count findings per category")
    ReferralView findings(@PathVariable String organisation, @PathVariable("case") String caseRef,
                          @RequestBody FindingsRequest request, Principal principal) {
        if (request.findings() == null) {
            throw new InvalidInputException("findings", "is required: a list of {point, finding, notes}");
        }
        return referrals.recordFindings(organisation, caseRef, request.findings(), principal.getName());
    }

    @PostMapping("/cases/{case}/ombudsman/orders")
    @Operation(summary = "Record an order the ombudsman made, of any of its kinds (apologise, pay, works, inspection or survey, "
            + "policy review, staff training, record-keeping review, Complaint Handling Failure Order, contact, reconsider, "
            + "provide information, management review, other), with its due date; point names the point it is for "
            + "(a payment order: the point it pays for)")
    ReferralView order(@PathVariable String organisation, @PathVariable("case") String caseRef,
                       @RequestBody OmbudsmanReferrals.OrderRequest request, Principal principal) {
        return referrals.order(organisation, caseRef, request, principal.getName());
    }

    @PostMapping("/cases/{case}/ombudsman/recommendations")
    @Operation(summary = "Record a recommendation the ombudsman made: kept apart from orders, with no due date")
    ReferralView recommend(@PathVariable String organisation, @PathVariable("case") String caseRef,
                           @RequestBody OmbudsmanReferrals.RecommendationRequest request, Principal principal) {
        return referrals.recommend(organisation, caseRef, request, principal.getName());
    }

    @PostMapping("/cases/{case}/ombudsman/recommendations/{id}/decision")
    @Operation(summary = "Record whether the organisation followed a recommendation (followed true or false), with a note")
    ReferralView decide(@PathVariable String organisation, @PathVariable("case") String caseRef, @PathVariable UUID id,
                        @RequestBody OmbudsmanReferrals.DecisionRequest request, Principal principal) {
        return referrals.decide(organisation, caseRef, id, request, principal.getName());
    }

    @PostMapping("/cases/{case}/ombudsman/orders/{id}/complied")
    @Operation(summary = "Record that an order was complied with, on a date, with the evidence")
    ReferralView complied(@PathVariable String organisation, @PathVariable("case") String caseRef, @PathVariable UUID id,
                          @RequestBody OmbudsmanReferrals.ComplianceRequest request, Principal principal) {
        return referrals.complied(organisation, caseRef, id, request, principal.getName());
    }

    @GetMapping(value = "/cases/{case}/ombudsman/information-pack.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "Every record of the case as one PDF with a contents page (F-9)")
    ResponseEntity<byte[]> pdf(@PathVariable String organisation, @PathVariable("case") String caseRef) {
        InformationPack.File file = pack.pdf(organisation, caseRef);
        return download(file, MediaType.APPLICATION_PDF);
    }

    @GetMapping(value = "/cases/{case}/ombudsman/information-pack.zip", produces = "application/zip")
    @Operation(summary = "The PDF, every original attachment and letter, and a manifest of their SHA-256 hashes (F-9)")
    ResponseEntity<byte[]> zip(@PathVariable String organisation, @PathVariable("case") String caseRef) {
        InformationPack.File file = pack.zip(organisation, caseRef);
        return download(file, MediaType.parseMediaType("application/zip"));
    }

    @GetMapping("/ombudsman")
    @Operation(summary = "The organisation's referrals: those with orders still open first, soonest due first; "
            + "with from/to, those referred in that period (a member limited to some service areas: those of their areas' cases)")
    List<ReferralView> list(CaseScope scope, @RequestParam(required = false) @Nullable LocalDate from,
                            @RequestParam(required = false) @Nullable LocalDate to) {
        if (from == null && to == null) {
            return referrals.openOrdersFirst(scope);
        }
        if (from == null || to == null || to.isBefore(from)) {
            throw new InvalidInputException(from == null ? "from" : "to", "give both from and to, with to not before from");
        }
        return referrals.referredBetween(scope, from, to);
    }

    static ResponseEntity<byte[]> download(InformationPack.File file, MediaType type) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.filename()).build().toString())
                .body(file.bytes());
    }
}
