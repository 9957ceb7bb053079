package org.redress.publicweb;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
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
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.net.URI;
import java.security.Principal;
import java.util.List;

/** The files of a case through the API (issue 21, S0-6): list, upload (multipart, field {@code file}) and download. */
@RestController
@RequestMapping("/api/v1/organisations/{organisation}/cases/{reference}/attachments")
@Tag(name = "Case files", description = "Files staff upload on a case or on a piece of its evidence")
class CaseAttachmentsController {

    private final StaffUploads uploads;

    CaseAttachmentsController(StaffUploads uploads) {
        this.uploads = uploads;
    }

    @GetMapping
    @Operation(summary = "The files of a case, oldest first: those the complainant attached (no uploadedBy) and those staff uploaded")
    List<Attachments.Attachment> list(@PathVariable String organisation, @PathVariable String reference) {
        return uploads.of(organisation, reference);
    }

    @PostMapping
    @Operation(summary = "Upload a file on the case, or on one piece of its evidence (evidence: its number, from 1)",
            description = StaffUploads.RULE + " The type is judged by what the file contains, never by its name.")
    ResponseEntity<Attachments.Attachment> upload(@PathVariable String organisation, @PathVariable String reference,
                                                  @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
                                                  @RequestParam(name = "evidence", required = false) @Nullable String evidence,
                                                  Principal principal) throws IOException {
        Attachments.Attachment stored = uploads.upload(organisation, reference, file == null ? null : file.getOriginalFilename(),
                StaffUploads.chosen(file), evidence, principal.getName());
        return ResponseEntity.created(URI.create("/api/v1/organisations/" + organisation + "/cases/" + reference + "/attachments/" + stored.id()))
                .body(stored);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A file of the case, always as a download")
    ResponseEntity<byte[]> download(@PathVariable String organisation, @PathVariable String reference, @PathVariable String id) {
        return asDownload(uploads.content(organisation, reference, id).orElseThrow(() -> new NotFoundException("id", "no such file")));
    }

    /** A file is only ever downloaded, never shown in the browser, and never read as another type than the one detected. */
    static ResponseEntity<byte[]> asDownload(Attachments.Content content) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(content.attachment().mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(content.attachment().filename()).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(content.bytes());
    }
}
