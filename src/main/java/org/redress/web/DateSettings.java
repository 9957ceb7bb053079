package org.redress.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Locale;
import java.util.function.Function;

/**
 * Gives {@link RequestDates} the calendar's years, and makes it the reader of every typed date parameter
 * ({@code @RequestParam LocalDate from}, a path variable, a form field bound to a record), so a controller cannot
 * forget the range. A refused value reaches {@link ApiExceptionHandler} as a type mismatch naming the parameter.
 * The years are the calendar module's setting, read here by name because the calendar depends on this module.
 */
@Configuration(proxyBeanMethods = false)
class DateSettings implements WebMvcConfigurer {

    DateSettings(@Value("${redress.calendar.first-year:2000}") int firstYear, @Value("${redress.calendar.last-year:2100}") int lastYear) {
        // 0 is the calendar's own "not set" (CalendarProperties)
        RequestDates.limitTo(firstYear == 0 ? 2000 : firstYear, lastYear == 0 ? 2100 : lastYear);
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        // added after Spring's own ISO formatters, so these are the ones used
        registry.addFormatterForFieldType(LocalDate.class, formatter(RequestDates::parse));
        registry.addFormatterForFieldType(LocalDateTime.class, formatter(RequestDates::parseDateTime));
        registry.addFormatterForFieldType(YearMonth.class, formatter(RequestDates::parseMonth));
        registry.addFormatterForFieldType(Instant.class, formatter(RequestDates::parseInstant));
    }

    private static <T> Formatter<T> formatter(Function<String, T> parse) {
        return new Formatter<>() {
            @Override
            public T parse(String text, Locale locale) {
                return parse.apply(text);
            }

            @Override
            public String print(T value, Locale locale) {
                return value.toString();
            }
        };
    }
}
