package org.redress.publicweb;

import org.apache.tika.Tika;
import org.jspecify.annotations.Nullable;
import org.redress.web.FieldError;

import java.util.List;
import java.util.Map;

/**
 * Which uploaded files are accepted: at most {@link #MOST_FILES}, each at most {@link #LARGEST_BYTES}, and only
 * photos, PDFs and plain text, judged by their content (Apache Tika reads the bytes) never by their name.
 */
final class AttachmentCheck {

    static final int MOST_FILES = 3;
    static final int LARGEST_BYTES = 5 * 1024 * 1024;
    static final Map<String, String> ALLOWED = Map.of(
            "application/pdf", "PDF", "image/jpeg", "JPEG photo", "image/png", "PNG image", "text/plain", "text file");

    private static final Tika TIKA = new Tika();

    private AttachmentCheck() {
    }

    record Upload(String filename, byte[] content) {
    }

    /** What the pages say of the files accepted, beside the file input. */
    static final String RULE = "Each file must be smaller than 5 MB: a PDF, a JPEG or PNG photo, or a text file.";

    /** The media type detected from the content if the file is acceptable, or the problem as a field error. */
    static Checked check(Upload upload) {
        return check(upload, "attachments");
    }

    /** The same, the problem naming {@code field}: the public form's and staff uploads' one check (issue 21, S0-6). */
    static Checked check(Upload upload, String field) {
        String name = upload.filename().isBlank() ? "the file" : upload.filename();
        if (upload.content().length == 0) {
            return new Checked(null, new FieldError(field, name + " is empty"));
        }
        if (upload.content().length > LARGEST_BYTES) {
            return new Checked(null, new FieldError(field, name + " must be smaller than 5 MB"));
        }
        String type = TIKA.detect(upload.content());
        if (!ALLOWED.containsKey(type)) {
            return new Checked(null, new FieldError(field, name + " must be a PDF, a JPEG or PNG photo, or a text file"));
        }
        return new Checked(type, null);
    }

    static @Nullable FieldError tooMany(List<Upload> uploads) {
        return uploads.size() > MOST_FILES ? new FieldError("attachments", "Attach " + MOST_FILES + " files or fewer") : null;
    }

    record Checked(@Nullable String mediaType, @Nullable FieldError error) {
    }
}
