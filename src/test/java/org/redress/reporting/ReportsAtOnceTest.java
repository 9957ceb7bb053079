package org.redress.reporting;

import org.junit.jupiter.api.Test;
import org.springframework.http.server.PathContainer;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.util.pattern.PathPatternParser;

import java.time.Duration;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 28: four dashboard readers must not take every core from the people reading and logging cases. */
class ReportsAtOnceTest {

    @Test
    void aSecondReportWaitsForTheFirstAndIsToldToTryAgainWhenItsWaitRunsOut() throws Exception {
        ReportsAtOnce reports = new ReportsAtOnce(1, Duration.ofMillis(20));
        MockHttpServletRequest first = new MockHttpServletRequest("GET", "/api/v1/organisations/alliance-homes/reports/dashboard");
        assertThat(reports.preHandle(first, new MockHttpServletResponse(), new Object())).isTrue();

        MockHttpServletResponse refused = new MockHttpServletResponse();
        assertThat(reports.preHandle(new MockHttpServletRequest("GET", "/api/v1/organisations/alliance-homes/reports/returns"), refused, new Object())).isFalse();
        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("10");
        assertThat(refused.getContentAsString()).contains("Other reports are being worked out. Try again in a few seconds.");

        reports.afterCompletion(first, new MockHttpServletResponse(), new Object(), null);
        MockHttpServletRequest next = new MockHttpServletRequest("GET", "/api/v1/organisations/alliance-homes/reports/returns");
        assertThat(reports.preHandle(next, new MockHttpServletResponse(), new Object())).isTrue();
        reports.afterCompletion(next, new MockHttpServletResponse(), new Object(), null);
        assertThat(reports.free()).isEqualTo(1);
    }

    @Test
    void beyondTheReportsAllowedToWaitOneMoreIsToldToTryAgainAtOnce() throws Exception {
        ReportsAtOnce reports = new ReportsAtOnce(1, Duration.ofSeconds(30), 1);
        MockHttpServletRequest first = new MockHttpServletRequest("GET", "/api/v1/organisations/alliance-homes/reports/dashboard");
        assertThat(reports.preHandle(first, new MockHttpServletResponse(), new Object())).isTrue();
        MockHttpServletRequest second = new MockHttpServletRequest("GET", "/api/v1/organisations/alliance-homes/reports/dashboard");
        var waiting = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return reports.preHandle(second, new MockHttpServletResponse(), new Object());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        for (int i = 0; i < 500 && reports.waiting() == 0; i++) {
            Thread.sleep(10);
        }
        assertThat(reports.waiting()).isEqualTo(1);

        long started = System.nanoTime();
        MockHttpServletResponse refused = new MockHttpServletResponse();
        assertThat(reports.preHandle(new MockHttpServletRequest("GET", "/staff/alliance-homes/reports"), refused, new Object())).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("10");
        assertThat(refused.getContentAsString()).contains("Too many reports are waiting to be worked out. Try again in a few seconds.");

        reports.afterCompletion(first, new MockHttpServletResponse(), new Object(), null);
        assertThat(waiting.get(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        reports.afterCompletion(second, new MockHttpServletResponse(), new Object(), null);
        assertThat(reports.free()).isEqualTo(1);
        assertThat(reports.waiting()).isZero();
    }

    @Test
    void fourReportsWaitForEachTurnByDefault() throws Exception {
        ReportsAtOnce reports = new ReportsAtOnce(1, Duration.ofMillis(20));
        MockHttpServletRequest first = new MockHttpServletRequest("GET", "/api/v1/organisations/alliance-homes/reports/dashboard");
        assertThat(reports.preHandle(first, new MockHttpServletResponse(), new Object())).isTrue();
        // each of these waits its 20 ms and is refused for having waited, not for finding the queue full
        MockHttpServletResponse refused = new MockHttpServletResponse();
        assertThat(reports.preHandle(new MockHttpServletRequest("GET", "/staff/alliance-homes/reports"), refused, new Object())).isFalse();
        assertThat(refused.getContentAsString()).contains("Other reports are being worked out.");
        reports.afterCompletion(first, new MockHttpServletResponse(), new Object(), null);
    }

    @Test
    void aRequestThatNeverTookATurnGivesNoneBack() {
        ReportsAtOnce reports = new ReportsAtOnce(1, Duration.ofMillis(20));
        reports.afterCompletion(new MockHttpServletRequest(), new MockHttpServletResponse(), new Object(), null);
        assertThat(reports.free()).isEqualTo(1);
    }

    @Test
    void halfTheCoresWorkOutReportsAtOnceAndAtLeastOne() {
        assertThat(ReportsAtOnce.defaultFor(1)).isEqualTo(1);
        assertThat(ReportsAtOnce.defaultFor(2)).isEqualTo(1);
        assertThat(ReportsAtOnce.defaultFor(8)).isEqualTo(4);
    }

    @Test
    void theDashboardReturnsExportsAndPdfTakeTurnsAndTheReadModelsRebuildAndCasesDoNot() {
        assertThat(takesATurn("/staff/alliance-homes/reports")).isTrue();
        assertThat(takesATurn("/staff/alliance-homes/reports/returns")).isTrue();
        assertThat(takesATurn("/api/v1/organisations/alliance-homes/reports/dashboard")).isTrue();
        assertThat(takesATurn("/api/v1/organisations/alliance-homes/reports/annual-report.pdf")).isTrue();
        assertThat(takesATurn("/api/v1/organisations/alliance-homes/reports/read-model/rebuild")).isFalse();
        assertThat(takesATurn("/api/v1/organisations/alliance-homes/cases/AH-2026-000001")).isFalse();
        assertThat(takesATurn("/staff/alliance-homes/cases")).isFalse();
    }

    private static boolean takesATurn(String path) {
        PathPatternParser parser = PathPatternParser.defaultInstance;
        PathContainer container = PathContainer.parsePath(path);
        return Arrays.stream(ReportsAtOnce.PATTERNS).anyMatch(p -> parser.parse(p).matches(container))
                && Arrays.stream(ReportsAtOnce.NOT_REPORTS).noneMatch(p -> parser.parse(p).matches(container));
    }
}
