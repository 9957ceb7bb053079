package org.redress.correspondence;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class LetterPdfTest {

    @Test
    void aLetterWithCharactersBeyondAsciiOrMarkupIsRenderedAsWritten() throws IOException {
        Letter letter = new Letter(UUID.randomUUID(), "the-trust", null, "TT-2026-000001", null, LetterKind.ACCESS_CODE, "EMAIL",
                "zoe@example.org", null, null, "Your code", "Dear Zoë <b>Smith</b> & family,\n\nWe will pay you £50.\n\n" + Letter.MASK,
                List.of(), null, "SENT", 1, null, Instant.parse("2026-11-23T10:00:00Z"), null, null, null, null);

        byte[] pdf = new LetterPdf(org.redress.web.PdfRenderer.standalone()).render(letter);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains("Dear Zoë <b>Smith</b> & family,", "We will pay you £50.");
        }
    }
}
