package org.redress.ombudsman;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.redress.ombudsman.InformationPackPage.ClockRow;
import org.redress.ombudsman.InformationPackPage.EventRow;
import org.redress.ombudsman.InformationPackPage.FindingRow;
import org.redress.ombudsman.InformationPackPage.LetterBlock;
import org.redress.ombudsman.InformationPackPage.OrderRow;
import org.redress.ombudsman.InformationPackPage.PointRow;
import org.redress.ombudsman.InformationPackPage.Referral;
import org.redress.ombudsman.InformationPackPage.Row;
import org.redress.ombudsman.InformationPackPage.Section;
import org.redress.web.PdfRenderer;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 26, item 7: the information pack is a template, and every value in it is written escaped. */
class InformationPackTemplateTest {

    static final String MARKUP = "<b>Zoë</b> & \"family\" </td></tr></table>\u0001";

    @Test
    void everyValueIsWrittenEscapedAndReadsBackAsTyped() throws IOException {
        PdfRenderer renderer = PdfRenderer.standalone();
        Map<String, Object> model = model();

        String xhtml = renderer.xhtml("pdf/information-pack", model);
        byte[] pdf = renderer.render("pdf/information-pack", model);

        assertThat(xhtml).doesNotContain("<b>Zoë", "\u0001")
                .contains("<td class=\"pre\">&lt;b&gt;Zoë&lt;/b&gt; &amp; &quot;family&quot; &lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</td>")
                .contains("<bookmark href=\"#summary\" name=\"Case summary\"/>", "<h2 id=\"summary\">1. Case summary</h2>");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Information pack: TT-2026-000001", "1. Case summary", "Complainant <b>Zoë</b> & \"family\" </td></tr></table>",
                    "TT-2026-000001 - information pack", "No notes were recorded.", "Extended by 10 Working days: <i>more time</i>",
                    "Letter 1: Your complaint <now>", "Put right: <script>alert(1)</script>", "Orders");
        }
    }

    private static Map<String, Object> model() {
        List<Section> sections = List.of(new Section("summary", 1, "Case summary"), new Section("points", 2, "Points of complaint and decisions"),
                new Section("deadlines", 3, "Deadlines"), new Section("history", 4, "Full history (1 events, in order)"),
                new Section("notes", 5, "Notes"), new Section("evidence", 6, "Evidence"), new Section("letters", 7, "Letters sent (1)"),
                new Section("attachments", 8, "Attachments (0)"), new Section("ombudsman", 9, "Referral to the ombudsman"));
        Map<String, Section> byId = new LinkedHashMap<>();
        sections.forEach(s -> byId.put(s.id(), s));
        Map<String, Object> model = new HashMap<>();
        model.put("reference", "TT-2026-000001");
        model.put("sections", sections);
        model.put("sectionsById", byId);
        model.put("cover", List.of(new Row("Complainant", MARKUP)));
        model.put("summary", List.of(new Row("What happened", MARKUP)));
        model.put("stages", List.of());
        model.put("points", List.of(new PointRow(1, MARKUP, "Upheld (stage 1)", MARKUP)));
        model.put("actions", List.of());
        model.put("clocks", List.of(new ClockRow("Respond (stage 1)", "Mon 7 Dec 2026, 23:59", "10 working days",
                List.of("Extended by 10 Working days: <i>more time</i>"), "Met")));
        model.put("history", List.of(new EventRow(1, "Mon 23 Nov 2026, 09:00", "tt.caseworker", "Logged", MARKUP, "a: <b>")));
        model.put("notes", List.of());
        model.put("evidence", List.of());
        model.put("letters", List.of(new LetterBlock(1, "Your complaint <now>", "Acknowledgement, written ...", List.of("Dear Zoë,", MARKUP))));
        model.put("attachments", List.of());
        model.put("referral", new Referral(List.of(new Row("Ombudsman", "Housing Ombudsman Service")),
                List.of(new FindingRow(1, "Maladministration", MARKUP)),
                List.of(new OrderRow("Put right: <script>alert(1)</script>", "Mon 4 Jan 2027", "Due"))));
        return model;
    }
}
