package org.redress.web;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The one way Redress writes CSV (RFC 4180), safe to open in a spreadsheet. A cell of text that begins with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return (or their full-width forms) is a formula to
 * Excel, LibreOffice and Google Sheets ({@code =HYPERLINK("https://evil.example","Click")}), and text in a report can
 * come from anyone who named a service area or a subject: so such a cell is written with a single quote in front, as
 * OWASP advises, which the spreadsheet shows as text. Numbers the application itself writes ({@link Number} cells:
 * counts, percentages, money such as {@code -12.50}) are written as they are, so they stay numbers; only text is
 * changed.
 */
public final class SafeCsv {

    private static final String FORMULA_STARTS = "=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20";

    private final CSVPrinter printer;

    private SafeCsv(CSVPrinter printer) {
        this.printer = printer;
    }

    /** A whole CSV: the header line, then the lines {@code rows} writes. */
    public static String write(List<String> header, Consumer<SafeCsv> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder()
                .setHeader(header.stream().map(SafeCsv::text).toArray(String[]::new)).get())) {
            rows.accept(new SafeCsv(printer));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * A CSV written as it goes to {@code out} (which is flushed, not closed), for a file too large to hold: the header
     * line, then the lines {@code rows} writes.
     */
    public static void write(java.io.Writer out, List<String> header, Consumer<SafeCsv> rows) {
        try {
            CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder()
                    .setHeader(header.stream().map(SafeCsv::text).toArray(String[]::new)).get());
            rows.accept(new SafeCsv(printer));
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line: null is an empty cell, a {@link Number} is written as a number, anything else as text made safe. */
    public void row(@Nullable Object... cells) {
        List<Object> safe = new ArrayList<>(cells.length);
        for (Object cell : cells) {
            safe.add(cell == null ? "" : cell instanceof java.math.BigDecimal money ? money.toPlainString()
                    : cell instanceof Number number ? number : text(cell.toString()));
        }
        try {
            printer.printRecord(safe);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text as a spreadsheet will show it, never run it: a leading quote when it would start a formula. */
    public static String text(String value) {
        return !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
