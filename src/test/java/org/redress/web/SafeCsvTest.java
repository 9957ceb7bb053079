package org.redress.web;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SafeCsvTest {

    @Test
    void textThatASpreadsheetWouldRunAsAFormulaGetsALeadingQuote() {
        assertThat(List.of("=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", "\uFF1D1+1"))
                .allSatisfy(text -> assertThat(SafeCsv.text(text)).isEqualTo("'" + text));
        assertThat(List.of("", "Repairs", "1+1", " =1", "'=1", "(no subject) / -"))
                .allSatisfy(text -> assertThat(SafeCsv.text(text)).isEqualTo(text));
    }

    @Test
    void numbersTheApplicationWritesStayNumbersAndOnlyTextIsChanged() {
        String csv = SafeCsv.write(List.of("what", "amount", "count", "note"), out -> {
            out.row("-12.50 refund", new BigDecimal("-12.50"), -3L, null);
            out.row("=HYPERLINK(\"https://evil.example\",\"x\")", 1.5, 0, "@team");
        });
        assertThat(csv).isEqualTo("what,amount,count,note\r\n"
                + "'-12.50 refund,-12.50,-3,\r\n"
                + "\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"x\"\")\",1.5,0,'@team\r\n");
    }
}
