package org.redress.reporting;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.redress.people.Organisations;
import org.redress.web.PdfRenderer;
import org.redress.web.Workbooks;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The Code self-assessment as PDF and Excel in the Ombudsman's columns, and the annual report as PDF (issue 23). */
@Component
class CodeAssessmentFiles {

    private final PdfRenderer renderer;
    private final Organisations organisations;

    CodeAssessmentFiles(PdfRenderer renderer, Organisations organisations) {
        this.renderer = renderer;
        this.organisations = organisations;
    }

    byte[] assessmentPdf(CodeSelfAssessment.Assessment a) {
        return renderer.render("reporting/code-annual-report", variables(a, null, "Housing Ombudsman Complaint Handling Code self-assessment"));
    }

    byte[] reportPdf(AnnualCodeReport.Report report) {
        return renderer.render("reporting/code-annual-report", variables(report.selfAssessment(), report,
                "Annual complaints performance and service improvement report"));
    }

    private Map<String, Object> variables(CodeSelfAssessment.Assessment a, AnnualCodeReport.@Nullable Report report, String heading) {
        Map<String, Object> v = new HashMap<>();
        v.put("heading", heading);
        v.put("organisationName", organisations.require(a.organisation()).name());
        v.put("yearLabel", a.yearLabel());
        v.put("from", a.from());
        v.put("to", a.to());
        v.put("assessment", a);
        v.put("report", report);
        return v;
    }

    byte[] assessmentXlsx(CodeSelfAssessment.Assessment a) {
        try (Workbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle heading = Workbooks.bold(book);
            CellStyle wrap = book.createCellStyle();
            wrap.setWrapText(true);
            Sheet sheet = book.createSheet("Self-assessment " + a.yearLabel().replace('/', '-'));
            int r = 0;
            Workbooks.text(sheet.createRow(r++), 0, "Housing Ombudsman Complaint Handling Code self-assessment: "
                    + organisations.require(a.organisation()).name() + ", " + a.yearLabel() + " (" + a.from() + " to " + a.to() + ")", heading);
            Workbooks.text(sheet.createRow(r++), 0, a.met() + " of " + a.provisions() + " provisions met, " + a.notMet() + " not met, "
                    + a.notAssessed() + " not yet assessed. Policy checked: " + a.packId() + " version " + a.packVersion(), null);
            Workbooks.text(sheet.createRow(r++), 0, "Requirements from " + a.source() + "; 'to be confirmed' marks a requirement not "
                    + "checked against a published copy of the Code.", null);
            r++;
            Workbooks.header(sheet.createRow(r++), heading, "Section", "Code provision", "Code requirement", "Comply: Yes / No",
                    "Evidence", "Commentary / explanation", "Actions (where not met)", "Action owners", "Due dates", "Action status",
                    "Requirement text");
            for (CodeSelfAssessment.Row row : a.rows()) {
                Row line = sheet.createRow(r++);
                Workbooks.text(line, 0, row.section() + " " + row.sectionTitle(), wrap);
                Workbooks.text(line, 1, row.provision(), null);
                Workbooks.text(line, 2, row.requirement(), wrap);
                Workbooks.text(line, 3, row.compliesInWords(), null);
                Workbooks.text(line, 4, String.join("\n", row.evidence()), wrap);
                Workbooks.text(line, 5, row.commentary() == null ? "" : row.commentary(), wrap);
                Workbooks.text(line, 6, row.actions().stream().map(CodeAssessmentStore.Action::action).collect(Collectors.joining("\n")), wrap);
                Workbooks.text(line, 7, row.actions().stream().map(CodeAssessmentStore.Action::owner).collect(Collectors.joining("\n")), wrap);
                Workbooks.text(line, 8, row.actions().stream().map(x -> x.dueOn().toString()).collect(Collectors.joining("\n")), wrap);
                Workbooks.text(line, 9, row.actions().stream().map(CodeAssessmentStore.Action::statusInWords).collect(Collectors.joining("\n")), wrap);
                Workbooks.text(line, 10, row.confirmed() ? "confirmed" : "to be confirmed", null);
            }
            Workbooks.widths(sheet, 24, 10, 60, 12, 60, 40, 40, 20, 12, 14, 16);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
