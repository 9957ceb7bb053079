package org.redress.reporting;

import io.swagger.v3.oas.annotations.Operation;
import org.jspecify.annotations.Nullable;
import org.redress.casework.CasePoints;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Points of complaint by category (issue 20), counted per point as the Housing Ombudsman counts findings, with each
 * point's outcome: the points of complaints received in the period, by the category each point carries (one of the
 * organisation's subjects; a point logged with its case takes the case's subject).
 */
@RestController
class PointsByCategory {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final Reports reports;
    private final CasePoints points;

    PointsByCategory(Reports reports, CasePoints points) {
        this.reports = reports;
        this.points = points;
    }

    /** The figure for a scope: its period and filters, and one row per category. */
    record PointsFigure(String organisation, LocalDate from, LocalDate to, @Nullable String serviceLine, @Nullable String serviceArea,
                  @Nullable List<String> limitedTo, List<CasePoints.CategoryCount> rows, long points) {
    }

    @GetMapping("/api/v1/organisations/{organisation}/reports/points-by-category")
    @Operation(summary = "Points of complaint by category, per point, upheld, partly upheld, not upheld and not yet decided (issue 20)")
    PointsFigure api(@PathVariable String organisation, @RequestParam(required = false) @Nullable String from,
               @RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable String serviceLine,
               @RequestParam(required = false) @Nullable String serviceArea) {
        return of(reports.scope(organisation, from, to, serviceLine, serviceArea));
    }

    PointsFigure of(ReportScope scope) {
        List<CasePoints.CategoryCount> rows = points.byCategory(scope.organisation(), scope.from().atStartOfDay(UK).toInstant(),
                scope.to().plusDays(1).atStartOfDay(UK).toInstant(), scope.serviceLine(), scope.serviceArea(), scope.limitedTo());
        return new PointsFigure(scope.organisation(), scope.from(), scope.to(), scope.serviceLine(), scope.serviceArea(), scope.limitedTo(),
                rows, rows.stream().mapToLong(CasePoints.CategoryCount::points).sum());
    }
}
