package org.redress.web;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RequestBodyChecksTest {

    record Lesson(List<String> cases, List<Finding> findings, LocalDate doneOn) {
    }

    record Finding(Integer point, Instant at) {
    }

    @Test
    void aRequestBodyNamesEachEmptyListItemAndEachDateOutsideTheCalendar() {
        Lesson lesson = new Lesson(Arrays.asList("HOF-2026-000001", null),
                Arrays.asList(new Finding(1, Instant.parse("2026-11-23T09:00:00Z")), null,
                        new Finding(2, Instant.parse("+999999999-12-31T00:00:00Z"))),
                LocalDate.of(1999, 1, 1));
        assertThat(RequestBodyChecks.problems(lesson)).containsExactly(
                new FieldError("cases[1]", "is empty (null): give a value or leave the item out"),
                new FieldError("findings[1]", "is empty (null): give a value or leave the item out"),
                new FieldError("findings[2].at", "must be between 2000-01-01 and 2100-12-31"),
                new FieldError("doneOn", "must be between 2000-01-01 and 2100-12-31"));
        assertThat(RequestBodyChecks.problems(new Lesson(List.of("HOF-2026-000001"), List.of(), LocalDate.of(2026, 11, 23)))).isEmpty();
        assertThat(RequestBodyChecks.problems(Collections.nCopies(1000, null))).hasSize(RequestBodyChecks.MAX_ERRORS);
    }
}
