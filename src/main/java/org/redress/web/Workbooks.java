package org.redress.web;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.jspecify.annotations.Nullable;

import java.util.Set;

/**
 * The pieces every Excel export is laid out with (reporting's measures, what-if's comparison): a bold heading style,
 * text and number cells, a header row, column widths in characters and safe, unique sheet names. Shared here, beside
 * the PDF renderer and the CSV writer, so the workbooks of every module read alike.
 */
public final class Workbooks {

    private Workbooks() {
    }

    /** The bold style of titles and header rows. */
    public static CellStyle bold(Workbook book) {
        Font bold = book.createFont();
        bold.setBold(true);
        CellStyle heading = book.createCellStyle();
        heading.setFont(bold);
        return heading;
    }

    public static void text(Row row, int column, String value, @Nullable CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    public static void header(Row row, CellStyle style, String... labels) {
        for (int i = 0; i < labels.length; i++) {
            text(row, i, labels[i], style);
        }
    }

    /** Column widths, in characters, from the first column on. */
    public static void widths(Sheet sheet, int... characters) {
        for (int i = 0; i < characters.length; i++) {
            sheet.setColumnWidth(i, characters[i] * 256);
        }
    }

    /** A figure as a number when it is one ("12", "93.5"), else as its text (blank when there is none). */
    public static void value(Row row, int column, @Nullable String value) {
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

    /** Excel sheet names: at most 31 characters, none of : \ / ? * [ ], and unique. */
    public static String sheetName(String title, Set<String> used) {
        String base = title.replaceAll("[:\\\\/?*\\[\\]]", " ").strip();
        base = base.length() > 28 ? base.substring(0, 28).strip() : base;
        String name = base;
        for (int n = 2; !used.add(name.toLowerCase()); n++) {
            name = base + " " + n;
        }
        return name;
    }
}
