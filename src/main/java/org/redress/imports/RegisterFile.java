package org.redress.imports;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.redress.web.InvalidInputException;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Reads a register file row by row, never the whole file into objects: CSV with Commons CSV, XLSX with POI's streaming
 * (SAX) reader of the first sheet, so a sheet of 100,000 rows costs the memory of one row. A cell formatted as a date in
 * Excel is handed on as its serial number (days since 1900), which the mapping's date reading understands.
 */
final class RegisterFile {

    /** Receives the rows in order: the first is the header row; numbers are the spreadsheet's row numbers (from 1). */
    interface Rows {
        /** Returns false to stop reading (a preview needs only the first rows). */
        boolean row(int number, List<String> cells);
    }

    private RegisterFile() {
    }

    static boolean isExcel(String fileName) {
        return fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx");
    }

    static void read(String fileName, byte[] content, Rows rows) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsx")) {
            readExcel(content, rows);
        } else if (name.endsWith(".csv") || name.endsWith(".txt")) {
            readCsv(content, rows);
        } else {
            throw new InvalidInputException("file", "must be a CSV (.csv) or Excel (.xlsx) file");
        }
    }

    private static void readCsv(byte[] content, Rows rows) {
        int start = content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB && (content[2] & 0xFF) == 0xBF ? 3 : 0;
        try (Reader reader = new InputStreamReader(new ByteArrayInputStream(content, start, content.length - start), StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get().parse(reader)) {
            Iterator<CSVRecord> records = parser.iterator();
            int number = 0;
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        return;
                    }
                    record = records.next();
                } catch (java.io.UncheckedIOException | IllegalStateException e) {
                    throw new InvalidInputException("file", "is not a CSV file that can be read: " + e.getMessage());
                }
                number++;
                List<String> cells = new ArrayList<>(record.size());
                record.forEach(cells::add);
                if (!rows.row(number, cells)) {
                    return;
                }
            }
        } catch (java.io.IOException e) {
            // the receiver's own failures (a batch that could not be written) pass through as they are
            throw new InvalidInputException("file", "is not a CSV file that can be read: " + e.getMessage());
        }
    }

    /** Stops the SAX parse when the receiver has had enough rows. */
    private static final class Enough extends RuntimeException {
        Enough() {
            super(null, null, false, false);
        }
    }

    private static void readExcel(byte[] content, Rows rows) {
        try (InputStream in = new ByteArrayInputStream(content); OPCPackage pkg = OPCPackage.open(in)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new InvalidInputException("file", "has no sheet");
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings, new SheetRows(rows),
                        new SerialDates(), false));
                parser.parse(new InputSource(sheet));
            } catch (Enough enough) {
                // the receiver had the rows it wanted
            }
        } catch (InvalidInputException e) {
            throw e;
        } catch (Exception e) {
            throw new InvalidInputException("file", "is not an Excel (.xlsx) file that can be read: " + e.getMessage());
        }
    }

    /** Cells formatted as dates are given as their serial numbers, every other cell as Excel shows it. */
    private static final class SerialDates extends DataFormatter {
        SerialDates() {
            super(Locale.UK);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            if (DateUtil.isADateFormat(formatIndex, formatString)) {
                return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
            }
            return super.formatRawCellContents(value, formatIndex, formatString);
        }
    }

    private static final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final Rows rows;
        private final List<String> cells = new ArrayList<>();
        private int previousColumn = -1;

        SheetRows(Rows rows) {
            this.rows = rows;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
            previousColumn = -1;
        }

        @Override
        public void endRow(int rowNum) {
            if (cells.stream().allMatch(String::isBlank)) {
                return;
            }
            if (!rows.row(rowNum + 1, List.copyOf(cells))) {
                throw new Enough();
            }
        }

        @Override
        public void cell(String cellReference, String formattedValue, XSSFComment comment) {
            int column = cellReference == null ? previousColumn + 1 : new CellReference(cellReference).getCol();
            while (cells.size() < column) {
                cells.add("");
            }
            cells.add(formattedValue == null ? "" : formattedValue);
            previousColumn = column;
        }
    }
}
