package org.redress.calendar;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class UkTimeTest {

    @Test
    void theEndOfEveryUkDayFrom2000To2100MatchesJavaTime() {
        for (LocalDate day = LocalDate.of(2000, 1, 1); day.getYear() <= 2100; day = day.plusDays(1)) {
            assertThat(UkTime.endOf(day)).as(day.toString()).isEqualTo(day.plusDays(1).atStartOfDay(UkTime.ZONE).toInstant());
        }
    }

    @Test
    void theUkDateOfInstantsAroundMidnightAndTheClockChangesMatchesJavaTime() {
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        for (long minutes = 0; minutes < 2L * 366 * 24 * 60; minutes += 29) {
            Instant instant = start.plusSeconds(minutes * 60);
            assertThat(UkTime.dateOf(instant)).as(instant.toString()).isEqualTo(instant.atZone(UkTime.ZONE).toLocalDate());
        }
    }
}
