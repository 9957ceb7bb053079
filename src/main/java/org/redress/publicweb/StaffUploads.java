package org.redress.publicweb;

import org.jspecify.annotations.Nullable;
import org.redress.casework.CaseView;
import org.redress.casework.Casework;
import org.redress.web.FieldError;
import org.redress.web.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Files staff upload on a case or on one piece of its evidence (issue 21, S0-6): checked by what they contain with the
 * public form's own check ({@link AttachmentCheck}), stored as the public form's files are ({@link Attachments}). A case
 * the member may not open (another organisation's, or outside their service areas) is not found.
 */
@Service
public class StaffUploads {

    /** What the pages say of the files accepted. */
    public static final String RULE = AttachmentCheck.RULE;

    private final Casework casework;
    private final Attachments attachments;

    StaffUploads(Casework casework, Attachments attachments) {
        this.casework = casework;
        this.attachments = attachments;
    }

    /** Every file of the case, the complainant's and staff's, oldest first. */
    @Transactional(readOnly = true)
    public List<Attachments.Attachment> of(String organisation, String caseIdOrReference) {
        return attachments.list(organisation, casework.get(organisation, caseIdOrReference).reference());
    }

    /**
     * Keeps a file on the case, or on the piece of evidence numbered {@code evidence} (from 1, as the case lists them);
     * a file of a type not accepted is refused naming {@code file}, a number the case has no evidence for naming {@code evidence}.
     */
    @Transactional
    public Attachments.Attachment upload(String organisation, String caseIdOrReference, @Nullable String filename, byte @Nullable [] content,
                                         @Nullable String evidence, String actor) {
        CaseView c = casework.get(organisation, caseIdOrReference);
        String name = filename == null ? "" : filename;
        List<FieldError> errors = new ArrayList<>();
        AttachmentCheck.Checked checked = content == null ? new AttachmentCheck.Checked(null, new FieldError("file", "Choose a file to upload"))
                : AttachmentCheck.check(new AttachmentCheck.Upload(name, content), "file");
        if (checked.error() != null) {
            errors.add(checked.error());
        }
        Integer number = evidenceNumber(c, evidence, errors);
        if (!errors.isEmpty() || content == null || checked.mediaType() == null) {
            throw new InvalidInputException(errors);
        }
        return attachments.store(organisation, c.reference(), name, checked.mediaType(), content, actor, number);
    }

    /** A file of a case the member may open. */
    @Transactional(readOnly = true)
    public Optional<Attachments.Content> content(String organisation, String caseIdOrReference, String id) {
        if (!casework.exists(organisation, caseIdOrReference)) {
            return Optional.empty();
        }
        try {
            return attachments.content(organisation, casework.get(organisation, caseIdOrReference).reference(), UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The bytes of the file in a form's or request's file field; null when none was chosen (no part, or an empty one with no name). */
    public static byte @Nullable [] chosen(org.springframework.web.multipart.@Nullable MultipartFile file) throws java.io.IOException {
        if (file == null || file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
            return null;
        }
        return file.getBytes();
    }

    private static @Nullable Integer evidenceNumber(CaseView c, @Nullable String evidence, List<FieldError> errors) {
        if (evidence == null || evidence.isBlank()) {
            return null;
        }
        int pieces = c.evidence().size();
        try {
            int number = Integer.parseInt(evidence.strip());
            if (number >= 1 && number <= pieces) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        errors.add(new FieldError("evidence", pieces == 0 ? "This case has no evidence recorded yet: upload the file to the case"
                : "Choose a piece of evidence from the list (1 to " + pieces + ")"));
        return null;
    }
}
