package org.redress.correspondence;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.redress.casework.CaseScope;
import org.redress.web.NotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Letters", description = "Every letter and email kept as sent, and the outbox they are delivered from")
class LetterController {

    private final Letters letters;
    private final ReadableLetters readable;
    private final LetterPdf pdf;
    private final Outbox outbox;
    private final Clock clock;
    private final org.redress.casework.Casework casework;

    LetterController(Letters letters, ReadableLetters readable, LetterPdf pdf, Outbox outbox, Clock clock,
                     org.redress.casework.Casework casework) {
        this.casework = casework;
        this.letters = letters;
        this.readable = readable;
        this.pdf = pdf;
        this.outbox = outbox;
        this.clock = clock;
    }

    @GetMapping("/organisations/{organisation}/cases/{case}/letters")
    @Operation(summary = "The letters of a case, oldest first, with their delivery status (a one-time code a letter carries is masked)")
    List<Letter> ofCase(@PathVariable String organisation, @PathVariable("case") String caseRef) {
        // the case's own checks first: a member limited to some service areas gets 404 for another area's case
        if (!casework.exists(organisation, caseRef)) {
            throw new NotFoundException("case", "no case '" + caseRef + "'");
        }
        return readable.ofCase(organisation, caseRef);
    }

    @GetMapping(value = "/organisations/{organisation}/letters/{id}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "A letter as a PDF, as posted (large print where the person needs it)")
    ResponseEntity<byte[]> asPdf(@PathVariable String organisation, @PathVariable UUID id) {
        Letter letter = readable.find(organisation, id).orElseThrow(() -> new NotFoundException("id", "no letter " + id));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename((letter.caseReference() == null ? "notice" : letter.caseReference()) + "-" + letter.kind().template() + ".pdf").build().toString())
                .contentType(MediaType.APPLICATION_PDF)
                .body(pdf.render(letter));
    }

    @GetMapping("/organisations/{organisation}/outbox")
    @Operation(summary = "The organisation's recent letters, newest first; status PENDING, SENT, READY_TO_PRINT or FAILED, or for a "
            + "contact staff make (A-2) TO_CALL, UNDELIVERABLE (no postal address and no email) or CONTACTED. "
            + "A member limited to some service areas gets only their areas' cases' letters and the notices for them. A one-time code is "
            + "always masked; a notice holding special category data is withheld from a role that may not see it, and each read of it is logged")
    List<Letter> outbox(CaseScope scope, @RequestParam(required = false) @Nullable String status) {
        return readable.outbox(scope, status, 200);
    }

    @PostMapping("/organisations/{organisation}/outbox/{id}/retry")
    @Operation(summary = "Try a failed letter again now")
    ResponseEntity<Void> retry(@PathVariable String organisation, @PathVariable UUID id) {
        if (!readable.mayReach(organisation, id) || !letters.retry(organisation, id, clock.instant())) {
            throw new NotFoundException("id", "no failed letter " + id);
        }
        outbox.deliverDue();
        return ResponseEntity.noContent().build();
    }
}
