package org.redress.casework;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.redress.web.SafeCsv;
import org.redress.web.Workbooks;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The register with a reader's filters as a CSV file or an Excel workbook, written as the records are read (a thousand
 * at a time) straight to the response: neither the records nor the file are held in memory (the workbook keeps a
 * hundred rows, the rest in a temporary file until it is sent). At most {@link Register#EXPORT_LIMIT} records; the
 * workbook says so below the last one when there were more, the page says so beside the links.
 */
public final class RegisterExport {

    static final List<String> HEADER = List.of("Reference", "Type", "Status", "Stage", "Received", "Next deadline", "Overdue",
            "Closed", "Name", "Service line", "Service area", "Subject", "Owner");

    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.UK);

    /** Reads the records in order, up to a cap, and says whether any were left out. */
    interface Source {
        boolean each(int cap, Consumer<RegisterEntry> each);
    }

    private final String organisation;
    private final Instant at;
    private final Source source;

    RegisterExport(String organisation, Instant at, Source source) {
        this.organisation = organisation;
        this.at = at;
        this.source = source;
    }

    /** "register-alliance-homes-2026-12-09.csv" */
    public String filename(String extension) {
        return "register-" + organisation + "-" + at.atZone(UK).toLocalDate() + "." + extension;
    }

    /** The records as CSV (RFC 4180, UTF-8), text that could start a spreadsheet formula made safe. */
    public void csv(OutputStream out) {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        SafeCsv.write(writer, HEADER, csv -> source.each(Register.EXPORT_LIMIT, e -> csv.row(cells(e).toArray())));
        try {
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The records as one sheet of an Excel workbook, a header row first. */
    public void xlsx(OutputStream out) {
        SXSSFWorkbook book = new SXSSFWorkbook(100);
        try {
            CellStyle bold = Workbooks.bold(book);
            Sheet sheet = book.createSheet("Register");
            Workbooks.header(sheet.createRow(0), bold, HEADER.toArray(String[]::new));
            Workbooks.widths(sheet, 16, 22, 12, 6, 17, 17, 8, 17, 24, 14, 18, 24, 18);
            int[] next = {1};
            boolean more = source.each(Register.EXPORT_LIMIT, e -> {
                Row row = sheet.createRow(next[0]++);
                List<Object> cells = cells(e);
                for (int c = 0; c < cells.size(); c++) {
                    Object value = cells.get(c);
                    if (value instanceof Integer n) {
                        row.createCell(c).setCellValue(n);
                    } else {
                        Workbooks.text(row, c, value == null ? "" : value.toString(), null);
                    }
                }
            });
            if (more) {
                Workbooks.text(sheet.createRow(next[0] + 1), 0, "Only the first " + String.format(Locale.UK, "%,d", Register.EXPORT_LIMIT)
                        + " records are here: narrow the filters to export the rest.", bold);
            }
            book.write(out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            book.dispose();
            try {
                book.close();
            } catch (IOException ignored) {
                // the temporary file is already gone
            }
        }
    }

    /** One record's cells, in the order of {@link #HEADER}. */
    static List<@Nullable Object> cells(RegisterEntry e) {
        return java.util.Arrays.asList(e.reference(), words(e.recordType()), words(e.status()), e.stage(), minute(e.receivedAt()),
                minute(e.nextDue()), e.overdue() ? "Yes" : "No", minute(e.closedAt()), e.complainant(), e.serviceLine(),
                e.serviceArea(), e.subject(), e.owner());
    }

    private static @Nullable String minute(@Nullable Instant at) {
        return at == null ? null : MINUTE.format(at.atZone(UK));
    }

    /** "support-service-request" as "Support service request", "ON_HOLD" as "On hold". */
    static String words(String code) {
        String text = code.replace('_', ' ').replace('-', ' ').toLowerCase(Locale.UK);
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
