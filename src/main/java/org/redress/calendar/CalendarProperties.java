package org.redress.calendar;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The years Redress computes bank holidays for; dates outside them are refused rather than guessed. */
@ConfigurationProperties("redress.calendar")
public record CalendarProperties(int firstYear, int lastYear) {

    public CalendarProperties {
        if (firstYear == 0) {
            firstYear = 2000;
        }
        if (lastYear == 0) {
            lastYear = 2100;
        }
        if (lastYear < firstYear) {
            throw new IllegalArgumentException("redress.calendar.last-year must not be before first-year");
        }
    }
}
