package org.redress.reporting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.redress.web.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The reporting REST API: measures as JSON, the cases behind each figure, and the reporting settings. */
@RestController
@RequestMapping("/api/v1/organisations/{organisation}/reports")
@Tag(name = "Reports")
class ReportController {

    private final Reports reports;
    private final ReportSettings settings;
    private final ReadModel readModel;
    private final QuarterlyReports quarterly;

    ReportController(Reports reports, ReportSettings settings, ReadModel readModel, QuarterlyReports quarterly) {
        this.reports = reports;
        this.settings = settings;
        this.readModel = readModel;
        this.quarterly = quarterly;
    }

    /** A measure's definition, without figures. */
    record Definition(String id, String title, String definition, List<String> cites, List<String> figures) {
    }

    @GetMapping("/measures")
    @Operation(summary = "Every measure with its definition")
    List<Definition> definitions(@PathVariable String organisation) {
        reports.scope(organisation, null, null, null, null);
        return reports.definitions().stream().map(m -> new Definition(m.id(), m.title(), m.definition(), m.cites(),
                m.figures().stream().map(Measure.Figure::key).toList())).toList();
    }

    @GetMapping("/measures/{measure}")
    @Operation(summary = "One measure's figures for a period (default: the last 12 months), service line and service area")
    MeasureResult measure(@PathVariable String organisation, @PathVariable String measure, @RequestParam(required = false) @Nullable String from,
                          @RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable String serviceLine,
                          @RequestParam(required = false) @Nullable String serviceArea) {
        return reports.measure(reports.scope(organisation, from, to, serviceLine, serviceArea), measure);
    }

    @GetMapping("/measures/{measure}/cases")
    @Operation(summary = "The references of the cases behind one figure (and group) of a measure")
    Reports.CaseList cases(@PathVariable String organisation, @PathVariable String measure, @RequestParam String figure,
                           @RequestParam(required = false) @Nullable String group, @RequestParam(required = false) @Nullable String from,
                           @RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable String serviceLine,
                           @RequestParam(required = false) @Nullable String serviceArea) {
        return reports.cases(reports.scope(organisation, from, to, serviceLine, serviceArea), measure, figure, group);
    }

    @GetMapping("/{page:dashboard|returns}")
    @Operation(summary = "Every measure of a page at once: the dashboard, or the regulatory returns (TSM, Code, DISP)")
    List<MeasureResult> page(@PathVariable String organisation, @PathVariable String page, @RequestParam(required = false) @Nullable String from,
                             @RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable String serviceLine,
                             @RequestParam(required = false) @Nullable String serviceArea) {
        return reports.all(reports.scope(organisation, from, to, serviceLine, serviceArea), Measures.PAGES.get(page));
    }

    @GetMapping("/settings")
    @Operation(summary = "The reporting settings: homes per year in total and per tenure (CH01) and whether agreed extensions count as in time (CH02)")
    ReportSettings.Settings settings(@PathVariable String organisation) {
        reports.scope(organisation, null, null, null, null);
        return settings.get(organisation);
    }

    record Homes(@Nullable Integer homes) {
    }

    @PutMapping("/settings/homes/{year}")
    @Operation(summary = "Set the number of homes the organisation manages in a year, in total (TSM CH01)")
    ReportSettings.Settings setHomes(@PathVariable String organisation, @PathVariable int year, @RequestBody Homes body) {
        reports.scope(organisation, null, null, null, null);
        settings.setHomes(organisation, year, body.homes());
        return settings.get(organisation);
    }

    @PutMapping("/settings/homes/{year}/{tenure}")
    @Operation(summary = "Set the number of homes of one tenure in a year, LOW_COST_RENTAL or LOW_COST_HOME_OWNERSHIP (TSM CH01 by tenure, R-2)",
            description = "Each tenure's CH01 rows divide by its own homes; without a total for the year, the stages' totals divide "
                    + "by the tenures' homes together.")
    ReportSettings.Settings setTenureHomes(@PathVariable String organisation, @PathVariable int year,
                                           @PathVariable @Parameter(example = "LOW_COST_RENTAL") String tenure, @RequestBody Homes body) {
        reports.scope(organisation, null, null, null, null);
        settings.setHomes(organisation, year, ReportSettings.tenureWithHomes(tenure), body.homes());
        return settings.get(organisation);
    }

    record ExtensionsSetting(@Nullable Boolean extensionsCountAsInTime) {
    }

    @PutMapping("/settings/extensions")
    @Operation(summary = "Choose whether agreed extensions count as in time for TSM CH02")
    ReportSettings.Settings setExtensions(@PathVariable String organisation, @RequestBody ExtensionsSetting body) {
        reports.scope(organisation, null, null, null, null);
        if (body.extensionsCountAsInTime() == null) {
            throw new InvalidInputException("extensionsCountAsInTime", "must be true or false");
        }
        settings.setExtensionsCountAsInTime(organisation, body.extensionsCountAsInTime());
        return settings.get(organisation);
    }

    @GetMapping("/settings/benchmarks")
    @Operation(summary = "Comparable organisations' figures the measures are benchmarked against (H-11)")
    java.util.List<ReportSettings.Benchmark> benchmarks(@PathVariable String organisation) {
        reports.scope(organisation, null, null, null, null);
        return settings.benchmarks(organisation);
    }

    @PutMapping("/settings/benchmarks")
    @Operation(summary = "Add or replace a comparable organisations' figure for one figure of a measure and a year, with its source (H-11)")
    java.util.List<ReportSettings.Benchmark> setBenchmark(@PathVariable String organisation, @RequestBody ReportSettings.BenchmarkRequest body) {
        reports.scope(organisation, null, null, null, null);
        settings.setBenchmark(organisation, body);
        return settings.benchmarks(organisation);
    }

    @DeleteMapping("/settings/benchmarks")
    @Operation(summary = "Remove a comparable organisations' figure")
    org.springframework.http.ResponseEntity<Void> removeBenchmark(@PathVariable String organisation, @RequestParam String measure,
                                                                 @RequestParam String figure, @RequestParam(defaultValue = "All") String group,
                                                                 @RequestParam int year) {
        reports.scope(organisation, null, null, null, null);
        if (!settings.removeBenchmark(organisation, measure, figure, group, year)) {
            throw new org.redress.web.NotFoundException("measure", "no benchmark for " + measure + " " + figure + " " + group + " " + year);
        }
        return org.springframework.http.ResponseEntity.noContent().build();
    }

    @GetMapping("/schedules")
    @Operation(summary = "The quarterly reports emailed to named people")
    List<QuarterlyReports.Schedule> schedules(@PathVariable String organisation) {
        return quarterly.list(organisation);
    }

    @PostMapping("/schedules")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Email the quarterly report to named people after each quarter ends")
    QuarterlyReports.Schedule schedule(@PathVariable String organisation, @RequestBody QuarterlyReports.NewSchedule body) {
        return quarterly.create(organisation, body);
    }

    @DeleteMapping("/schedules/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Stop a quarterly report schedule")
    void unschedule(@PathVariable String organisation, @PathVariable UUID id) {
        quarterly.delete(organisation, id);
    }

    @PostMapping("/read-model/rebuild")
    @Operation(summary = "Rebuild the reporting read model from every case of the organisation (for cases logged before reporting existed)")
    Map<String, Integer> rebuild(@PathVariable String organisation) {
        reports.scope(organisation, null, null, null, null);
        return Map.of("cases", readModel.rebuild(organisation));
    }

    @GetMapping("/read-model/rebuild")
    @Operation(summary = "The latest rebuild of the reporting read model since the application started: how many cases it has read of how many, and when it finished")
    ReadModel.Rebuild rebuildProgress(@PathVariable String organisation) {
        reports.scope(organisation, null, null, null, null);
        return readModel.progress(organisation).orElseThrow(() -> new org.redress.web.NotFoundException("rebuild",
                "the read model of '" + organisation + "' has not been rebuilt since the application started"));
    }
}
