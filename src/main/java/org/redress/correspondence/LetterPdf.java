package org.redress.correspondence;

import org.redress.web.PdfRenderer;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/** A letter as a PDF for post; large print where the person needs it (F-16). */
@Component
class LetterPdf {

    private final PdfRenderer renderer;

    LetterPdf(PdfRenderer renderer) {
        this.renderer = renderer;
    }

    byte[] render(Letter letter) {
        boolean large = letter.formats().stream().anyMatch(f -> f.toLowerCase().contains("large print"));
        String size = large ? "18pt" : "11pt";
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html><html lang="en-GB"><head><meta charset="UTF-8"/><title>%s</title>
                <style>@page { size: A4; margin: 25mm 20mm; } body { font-family: sans-serif; font-size: %s; line-height: 1.45; }
                p { margin: 0 0 0.8em 0; white-space: pre-wrap; } .ref { color: #333; }</style></head><body>
                <p class="ref">%s%s</p>
                """.formatted(xml(letter.subject()), size, xml(letter.recipient()),
                // a notice belonging to no case (a digest) has no reference
                letter.caseReference() == null ? "" : "&#10;Our reference: " + xml(letter.caseReference())));
        for (String paragraph : letter.body().split("\n\n")) {
            html.append("<p>").append(xml(paragraph)).append("</p>");
        }
        html.append("</body></html>");
        return renderer.render(html.toString());
    }

    /**
     * Escapes only what is markup: the renderer parses XHTML, which knows no HTML named references, so a "£", an "ë" or
     * the "•" of a masked code escaped as one ({@code &pound;}) would fail the whole letter.
     */
    private static String xml(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
