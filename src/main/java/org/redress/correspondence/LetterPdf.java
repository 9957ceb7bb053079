package org.redress.correspondence;

import org.redress.web.PdfRenderer;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A letter as a PDF for post ({@code templates/pdf/letter.html}); large print where the person needs it (F-16). */
@Component
class LetterPdf {

    private final PdfRenderer renderer;

    LetterPdf(PdfRenderer renderer) {
        this.renderer = renderer;
    }

    byte[] render(Letter letter) {
        Map<String, Object> model = new HashMap<>();
        model.put("subject", letter.subject());
        model.put("largePrint", letter.letterFormats().stream().anyMatch(f -> f.toLowerCase().contains("large print")));
        // a notice belonging to no case (a digest) has no reference
        model.put("to", letter.recipient() + (letter.caseReference() == null ? "" : "\nOur reference: " + letter.caseReference()));
        model.put("paragraphs", List.of(letter.body().split("\n\n")));
        return renderer.render("pdf/letter", model);
    }
}
