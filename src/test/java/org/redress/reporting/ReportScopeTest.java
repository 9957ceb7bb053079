package org.redress.reporting;

import org.junit.jupiter.api.Test;
import org.redress.web.InvalidInputException;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportScopeTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Test
    void withoutAPeriodAReportCoversTheTwelveMonthsUpToToday() {
        ReportScope scope = ReportScope.parse("the-trust", null, null, " ", null, TODAY);
        assertThat(scope.from()).isEqualTo(LocalDate.of(2025, 11, 24));
        assertThat(scope.to()).isEqualTo(TODAY);
        assertThat(scope.serviceLine()).isNull();
    }

    @Test
    void thePeriodRunsFromTheStartOfTheFirstUkDayToTheStartOfTheDayAfterTheLast() {
        ReportScope summer = ReportScope.parse("the-trust", "2026-07-01", "2026-09-30", null, null, TODAY);
        assertThat(summer.start().toString()).isEqualTo("2026-06-30T23:00:00Z");  // BST
        assertThat(summer.end().toString()).isEqualTo("2026-09-30T23:00:00Z");
    }

    @Test
    void aMalformedDateOrAnEndBeforeTheStartIsRefusedNamingTheParameter() {
        assertThatThrownBy(() -> ReportScope.parse("the-trust", "2026-13-01", null, null, null, TODAY))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors().get(0).field()).isEqualTo("from"));
        assertThatThrownBy(() -> ReportScope.parse("the-trust", "2026-07-01", "2026-06-30", null, null, TODAY))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors().get(0).field()).isEqualTo("to"));
    }

    @Test
    void aLimitedReaderIsToldWhichServiceAreasTheFiguresCover() {
        ReportScope scope = ReportScope.parse("the-trust", null, null, null, null, TODAY);
        assertThat(scope.limitNotice()).isNull();
        assertThat(scope.limitedTo(java.util.Set.of("Repairs")).limitNotice())
                .isEqualTo("Showing Repairs only: you are limited to this service area.");
        assertThat(scope.limitedTo(java.util.Set.of("Repairs", "Lettings", "Client services")).limitNotice())
                .isEqualTo("Showing Client services, Lettings and Repairs only: you are limited to these service areas.");
        assertThat(ReportScope.parse("the-trust", null, null, null, "Lettings", TODAY).limitedTo(java.util.Set.of("Repairs")).limitNotice())
                .endsWith("The service area chosen, Lettings, is not one of them, so there is nothing to show.");
    }
}
