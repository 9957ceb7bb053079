package org.redress.remedies;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Amounts in pounds as people write them: £600, £1,250.50. */
final class Money {

    private Money() {
    }

    static String pounds(BigDecimal amount) {
        boolean whole = amount.stripTrailingZeros().scale() <= 0;
        DecimalFormat format = new DecimalFormat(whole ? "#,##0" : "#,##0.00", DecimalFormatSymbols.getInstance(Locale.UK));
        return "£" + format.format(amount);
    }
}
