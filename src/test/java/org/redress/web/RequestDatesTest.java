package org.redress.web;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestDatesTest {

    @Test
    void aDateIsReadOnlyWithinTheCalendarsYears() {
        assertThat(RequestDates.parse(" 2000-01-01 ")).isEqualTo(LocalDate.of(2000, 1, 1));
        assertThat(RequestDates.parse("2100-12-31")).isEqualTo(LocalDate.of(2100, 12, 31));
        for (String outside : List.of("+999999999-12-31", "0000-01-01", "1999-12-31", "2101-01-01", "-0001-01-01")) {
            assertThatThrownBy(() -> RequestDates.parse(outside)).isInstanceOf(RequestDates.OutsideTheCalendar.class)
                    .hasMessage("must be between 2000-01-01 and 2100-12-31");
        }
        assertThatThrownBy(() -> RequestDates.parse("2026-13-45")).isInstanceOf(DateTimeParseException.class)
                .isNotInstanceOf(RequestDates.OutsideTheCalendar.class);
        assertThatThrownBy(() -> RequestDates.parseInstant("+999999999-12-31T00:00:00Z")).isInstanceOf(RequestDates.OutsideTheCalendar.class);
        assertThatThrownBy(() -> RequestDates.parseMonth("+999999999-12")).isInstanceOf(RequestDates.OutsideTheCalendar.class);
    }

    @Test
    void aBadDateIsNamedWithWhatItMustBe() {
        List<FieldError> errors = new ArrayList<>();
        assertThat(RequestDates.optional("from", "  ", errors)).isNull();
        assertThat(RequestDates.optional("from", "2026-13-45", errors)).isNull();
        assertThat(RequestDates.optional("to", "0000-01-01", errors)).isNull();
        assertThat(errors).containsExactly(new FieldError("from", "must be a date written YYYY-MM-DD"),
                new FieldError("to", "must be between 2000-01-01 and 2100-12-31"));
    }

    @Test
    void aGovUkDateInputsDayMonthAndYearMakeADateOrAreRefusedSayingWhatIsWrong() { // issue 21
        assertThat(RequestDates.typed(" 5 ", "3", "2026")).isEqualTo("2026-03-05");
        assertThat(RequestDates.typed("", " ", "")).isEmpty();
        assertThatThrownBy(() -> RequestDates.parse(RequestDates.typed("30", "2", "2026"))).isInstanceOf(RequestDates.NotARealDate.class)
                .hasMessage("must be a real date, with the year in four figures, like 27 3 2026");
        assertThatThrownBy(() -> RequestDates.parse(RequestDates.typed("5", "", "26"))).isInstanceOf(RequestDates.NotARealDate.class)
                .hasMessage("must include a month");
        assertThatThrownBy(() -> RequestDates.parse(RequestDates.typed("5", "", ""))).hasMessage("must include a month and a year");
        assertThatThrownBy(() -> RequestDates.parse(RequestDates.typed("5", "3", "1066"))).isInstanceOf(RequestDates.OutsideTheCalendar.class);
        assertThat(RequestDates.explain(new RequestDates.NotARealDate("day/month/year: /3/2026"), "otherwise")).isEqualTo("must include a day");
    }
}
