package org.redress.imports;

import org.jspecify.annotations.Nullable;
import org.redress.web.InvalidInputException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which of the file's columns holds each of Redress's fields, and how its dates are written: remembered per
 * organisation, downloadable as JSON and uploaded again for the next file.
 *
 * @param columns        field key (see {@link ImportField#key()}) to the column's header as the file has it
 * @param dates          how the register writes a date ({@code DAY_MONTH_YEAR} for 31/12/2024, {@code ISO} for
 *                       2024-12-31); Excel's serial dates (45657) are read under either
 * @param defaultChannel the channel of a row whose channel is blank (registers often do not record it)
 */
record ColumnMapping(Map<String, String> columns, DateOrder dates,
                     @jakarta.validation.constraints.Size(max = org.redress.web.TextLimits.NAME) String defaultChannel) {

    enum DateOrder { DAY_MONTH_YEAR, ISO }

    ColumnMapping {
        columns = columns == null ? Map.of() : Map.copyOf(columns);
        dates = dates == null ? DateOrder.DAY_MONTH_YEAR : dates;
        defaultChannel = defaultChannel == null || defaultChannel.isBlank() ? "LETTER" : defaultChannel;
    }

    /** A mapping guessed from the headers: each field takes the first column whose header is one of its common names. */
    static ColumnMapping suggested(List<String> headers) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (ImportField field : ImportField.values()) {
            for (String header : headers) {
                if (field.matches(header) && !columns.containsValue(header)) {
                    columns.put(field.key(), header);
                    break;
                }
            }
        }
        return new ColumnMapping(columns, DateOrder.DAY_MONTH_YEAR, "LETTER");
    }

    /** Checks the mapping names only known fields, and the source id and received date. */
    ColumnMapping checked() {
        for (String key : columns.keySet()) {
            if (ImportField.byKey(key).isEmpty()) {
                throw new InvalidInputException("mapping.columns." + key, "is not a field Redress imports; the fields are "
                        + java.util.Arrays.stream(ImportField.values()).map(ImportField::key).toList());
            }
        }
        for (ImportField field : ImportField.values()) {
            if (field.required() && blank(columns.get(field.key()))) {
                throw new InvalidInputException("mapping.columns." + field.key(), "must name the file's column");
            }
        }
        return this;
    }

    /** The mapping's columns that the file does not have. */
    List<String> missingFrom(List<String> headers) {
        return columns.entrySet().stream().filter(e -> !blank(e.getValue()) && !headers.contains(e.getValue()))
                .map(Map.Entry::getKey).toList();
    }

    @Nullable String column(ImportField field) {
        String column = columns.get(field.key());
        return blank(column) ? null : column;
    }

    private static boolean blank(@Nullable String text) {
        return text == null || text.isBlank();
    }
}
