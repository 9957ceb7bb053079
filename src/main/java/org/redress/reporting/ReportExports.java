package org.redress.reporting;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.redress.web.SafeCsv;
import org.redress.web.Workbooks;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Measures as files. CSV is one line per figure (tidy, for analysis: scope and definition on every line); the Excel
 * workbook is the table as people read it, one sheet per measure with its definition above the figures.
 */
@Component
class ReportExports {

    static final List<String> CSV_HEADER = List.of("organisation", "from", "to", "service_line", "service_area", "measure", "title",
            "group", "figure", "label", "value", "count", "of", "definition");

    /** One line per figure; text that could start a spreadsheet formula is made safe ({@link SafeCsv}). */
    String csv(List<MeasureResult> results) {
        return SafeCsv.write(CSV_HEADER, csv -> {
            for (MeasureResult m : results) {
                for (MeasureResult.Row row : m.rows()) {
                    for (int i = 0; i < m.columns().size(); i++) {
                        MeasureResult.Column column = m.columns().get(i);
                        MeasureResult.Cell cell = row.cells().get(i);
                        csv.row(m.organisation(), m.from(), m.to(), m.serviceLine(), areas(m), m.id(), m.title(), row.group(),
                                column.key(), column.label(), cell.value() == null ? null : number(cell.value()), cell.count(),
                                cell.of(), m.definition());
                    }
                }
            }
        });
    }

    byte[] xlsx(List<MeasureResult> results) {
        try (Workbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle heading = Workbooks.bold(book);
            CellStyle wrap = book.createCellStyle();
            wrap.setWrapText(true);
            Set<String> names = new HashSet<>();
            for (MeasureResult m : results) {
                Sheet sheet = book.createSheet(Workbooks.sheetName(m.title(), names));
                int r = 0;
                Workbooks.text(sheet.createRow(r++), 0, m.title(), heading);
                Workbooks.text(sheet.createRow(r++), 0, m.definition(), null);
                Workbooks.text(sheet.createRow(r++), 0, "Period: " + m.from() + " to " + m.to() + " (" + m.organisation()
                        + (m.serviceLine() == null ? "" : ", service line " + m.serviceLine())
                        + (m.serviceArea() == null ? "" : ", service area " + m.serviceArea())
                        + (m.limitedTo() == null ? "" : ", only the service areas the reader is limited to: "
                                + String.join(", ", m.limitedTo()))
                        + ")", null);
                Workbooks.text(sheet.createRow(r++), 0, "Sources: " + String.join(", ", m.cites()), null);
                for (String note : m.notes()) {
                    Workbooks.text(sheet.createRow(r++), 0, note, null);
                }
                r++;
                Row header = sheet.createRow(r++);
                Workbooks.text(header, 0, m.groupedBy() == null ? "" : m.groupedBy(), heading);
                int c = 1;
                for (MeasureResult.Column column : m.columns()) {
                    Workbooks.text(header, c++, column.label(), heading);
                    if (column.kind() == Measure.Kind.PERCENT) {
                        Workbooks.text(header, c++, column.label().replace("%", "Number") + " (of)", heading);
                    }
                }
                for (MeasureResult.Row row : m.rows()) {
                    Row line = sheet.createRow(r++);
                    Workbooks.text(line, 0, row.group(), null);
                    c = 1;
                    for (int i = 0; i < m.columns().size(); i++) {
                        MeasureResult.Cell cell = row.cells().get(i);
                        Cell value = line.createCell(c++);
                        if (cell.value() != null) {
                            value.setCellValue(cell.value());
                        }
                        if (m.columns().get(i).kind() == Measure.Kind.PERCENT) {
                            line.createCell(c++).setCellValue(cell.count() + " of " + cell.of());
                        }
                    }
                }
                sheet.setColumnWidth(0, 40 * 256);
                for (int i = 1; i < c; i++) {
                    sheet.setColumnWidth(i, 18 * 256);
                }
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A whole number without ".0", so "12" rather than "12.0"; written as a number, never as text. */
    private static Number number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? (Number) (long) value : (Number) value;
    }

    /**
     * The service areas a line's figure covers: the one chosen, else those a limited reader may see (joined by "; "),
     * else blank for every area.
     */
    private static String areas(MeasureResult m) {
        if (m.serviceArea() != null || m.limitedTo() == null) {
            return orEmpty(m.serviceArea());
        }
        return String.join("; ", m.limitedTo());
    }

    private static String orEmpty(@Nullable String text) {
        return text == null ? "" : text;
    }
}
