package org.redress.whatif;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.redress.people.Organisations;
import org.redress.policy.ComplianceReport;
import org.redress.web.PdfRenderer;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A replay's comparison as an Excel workbook for the Board, laid out as the reporting module's exports are (a title,
 * what it covers, then a table with a bold header; whole numbers written as numbers): the figures side by side, the
 * responses due per week, the cases whose figures change, the forward look and the draft's Code check; and the same as
 * a PDF for the Board, through the bounded PDF renderer with the weekly chart.
 */
@Component
class WhatIfExport {

    /** The PDF lists this many changed cases; the workbook lists up to {@link WhatIfReplay#CHANGED_CASES}. */
    static final int PDF_CHANGED_CASES = 50;

    private final PdfRenderer renderer;
    private final Organisations organisations;

    WhatIfExport(PdfRenderer renderer, Organisations organisations) {
        this.renderer = renderer;
        this.organisations = organisations;
    }

    byte[] pdf(WhatIfResult result) {
        return renderer.renderWithCharts("whatif/board", Map.of("result", result,
                "organisation", organisations.require(result.organisation()), "rows", result.summaryRows(),
                "chart", WhatIfChart.weekly("Responses due each week: today and under the draft", result.responsesDuePerWeek()),
                "changed", result.changedCases().subList(0, Math.min(PDF_CHANGED_CASES, result.changedCases().size()))));
    }

    byte[] xlsx(WhatIfResult result) {
        try (Workbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Font bold = book.createFont();
            bold.setBold(true);
            CellStyle heading = book.createCellStyle();
            heading.setFont(bold);

            Sheet figures = book.createSheet("Figures");
            int r = 0;
            text(figures.createRow(r++), 0, "What if: " + result.draft() + " against " + String.join(", ", result.todaysVersions()), heading);
            text(figures.createRow(r++), 0, "Cases received " + result.from() + " to " + result.to() + " (" + result.organisation()
                    + "), replayed under the packs they ran under and under the draft; nothing real was changed", null);
            r++;
            header(figures.createRow(r++), heading, "Figure", "Today", "Under the draft");
            for (Map.Entry<String, String[]> row : result.summaryRows().entrySet()) {
                Row line = figures.createRow(r++);
                text(line, 0, row.getKey(), null);
                value(line, 1, row.getValue()[0]);
                value(line, 2, row.getValue()[1]);
            }
            widths(figures, 70, 16, 16);

            Sheet weeks = book.createSheet("Responses due per week");
            r = 0;
            header(weeks.createRow(r++), heading, "Week beginning", "Today", "Under the draft");
            for (WhatIfResult.WeekRow week : result.responsesDuePerWeek()) {
                Row line = weeks.createRow(r++);
                text(line, 0, week.week().toString(), null);
                line.createCell(1).setCellValue(week.today());
                line.createCell(2).setCellValue(week.draft());
            }
            widths(weeks, 18, 12, 16);

            Sheet changed = book.createSheet("Cases that change");
            r = 0;
            text(changed.createRow(r++), 0, result.changedCaseCount() + " cases change under the draft"
                    + (result.changedCaseCount() > result.changedCases().size() ? "; the first " + result.changedCases().size() + " are listed" : ""), heading);
            header(changed.createRow(r++), heading, "Case", "What changes");
            for (WhatIfResult.ChangedCase c : result.changedCases()) {
                for (String difference : c.differences()) {
                    Row line = changed.createRow(r++);
                    text(line, 0, c.reference(), null);
                    text(line, 1, difference, null);
                }
            }
            widths(changed, 20, 120);

            Sheet forward = book.createSheet("Open cases, next 8 weeks");
            r = 0;
            text(forward.createRow(r++), 0, result.forward().openCases() + " cases open on " + result.forward().from()
                    + "; overdue now: " + result.forward().overdueNow().today().count() + " today, "
                    + result.forward().overdueNow().draft().count() + " under the draft", heading);
            header(forward.createRow(r++), heading, "Week beginning", "Clocks due today", "Under the draft");
            for (WhatIfResult.WeekRow week : result.forward().clocksDuePerWeek()) {
                Row line = forward.createRow(r++);
                text(line, 0, week.week().toString(), null);
                line.createCell(1).setCellValue(week.today());
                line.createCell(2).setCellValue(week.draft());
            }
            widths(forward, 18, 18, 16);

            Sheet code = book.createSheet("Code check of the draft");
            r = 0;
            ComplianceReport report = result.draftCompliance();
            text(code.createRow(r++), 0, report.summary(), heading);
            header(code.createRow(r++), heading, "Provision", "Outcome", "Rule", "Why");
            for (ComplianceReport.Finding finding : report.findings()) {
                Row line = code.createRow(r++);
                text(line, 0, finding.provision(), null);
                text(line, 1, finding.outcome().name(), null);
                text(line, 2, finding.rule(), null);
                text(line, 3, finding.reason(), null);
            }
            widths(code, 12, 10, 60, 80);

            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void header(Row row, CellStyle style, String... labels) {
        for (int i = 0; i < labels.length; i++) {
            text(row, i, labels[i], style);
        }
    }

    private static void widths(Sheet sheet, int... characters) {
        for (int i = 0; i < characters.length; i++) {
            sheet.setColumnWidth(i, characters[i] * 256);
        }
    }

    /** A figure as a number when it is one ("12", "93.5"), else as its text (blank when there is none). */
    private static void value(Row row, int column, @Nullable String value) {
        if (value == null || value.isBlank() || value.equals("null")) {
            row.createCell(column);
            return;
        }
        try {
            row.createCell(column).setCellValue(Double.parseDouble(value));
        } catch (NumberFormatException notANumber) {
            text(row, column, value, null);
        }
    }

    private static void text(Row row, int column, String value, @Nullable CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }
}
