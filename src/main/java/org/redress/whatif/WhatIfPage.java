package org.redress.whatif;

import org.jspecify.annotations.Nullable;
import org.redress.calendar.UkTime;
import org.redress.casework.CaseScope;
import org.redress.people.Organisations;
import org.redress.web.FieldError;
import org.redress.web.InvalidInputException;
import org.redress.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The what-if page under the reports: choose a draft version and a period, start, watch the progress bar (the page
 * refreshes itself every two seconds without JavaScript), then read today's figures beside the draft's, the weekly
 * chart, the cases behind each figure and the Excel export.
 */
@Controller
class WhatIfPage implements org.redress.pages.StaffPage {

    /** Seconds between the progress page's refreshes. */
    static final int REFRESH = 2;

    private final WhatIfJobs jobs;
    private final Organisations organisations;
    private final Clock clock;

    WhatIfPage(WhatIfJobs jobs, Organisations organisations, Clock clock) {
        this.jobs = jobs;
        this.organisations = organisations;
        this.clock = clock;
    }

    @GetMapping("/staff/{organisation}/what-if")
    String form(@PathVariable String organisation, @RequestParam(required = false) @Nullable String version, Model model) {
        LocalDate today = UkTime.dateOf(clock.instant());
        // ?version=N chooses that draft, as after making one by changing figures
        return form(organisation, version, today.minusMonths(12).plusDays(1).toString(), today.toString(), List.of(), model);
    }

    @PostMapping("/staff/{organisation}/what-if")
    String start(@PathVariable String organisation, @RequestParam(required = false) @Nullable String version,
                 @RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
                 Model model, HttpServletResponse response, Principal principal) {
        Integer number = null;
        try {
            number = version == null || version.isBlank() ? null : Integer.valueOf(version.strip());
        } catch (NumberFormatException notANumber) {
            // refused below as a missing version
        }
        try {
            WhatIfStore.Row row = jobs.start(organisation, principal.getName(), new WhatIfJobs.Start(number, from, to));
            return "redirect:/staff/" + organisation + "/what-if/" + row.id();
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(organisation, version, from, to, e.errors(), model);
        }
    }

    private String form(String organisation, @Nullable String version, @Nullable String from, @Nullable String to,
                        List<FieldError> errors, Model model) {
        model.addAttribute("organisation", organisations.require(organisation));
        model.addAttribute("drafts", jobs.draftsOf(organisation));
        model.addAttribute("replays", jobs.of(organisation));
        model.addAttribute("version", version);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("errors", errors);
        return "whatif/what-if";
    }

    /** An unknown replay, or another organisation's, is a 404 page. */
    @ExceptionHandler(NotFoundException.class)
    org.springframework.web.servlet.ModelAndView notFound() {
        return new org.springframework.web.servlet.ModelAndView("error", java.util.Map.of("status", 404), HttpStatus.NOT_FOUND);
    }

    @GetMapping("/staff/{organisation}/what-if/{id}")
    String replay(CaseScope scope, @PathVariable String organisation, @PathVariable UUID id, Model model) {
        WhatIfJobs.Progress progress = jobs.find(scope, id).orElseThrow(() -> new NotFoundException("id", "no what-if replay " + id));
        model.addAttribute("organisation", organisations.require(organisation));
        model.addAttribute("progress", progress);
        model.addAttribute("refresh", REFRESH);
        WhatIfResult result = progress.result();
        if (result == null && !progress.status().name().equals("FAILED")) {
            // the staff layout refreshes the progress page until the comparison is ready, without JavaScript
            model.addAttribute("pageRefresh", REFRESH);
        }
        model.addAttribute("result", result);
        if (result != null) {
            model.addAttribute("chart", WhatIfExport.weekly("Responses due each week: today and under the draft",
                    result.responsesDuePerWeek()));
            model.addAttribute("forwardChart", WhatIfExport.weekly("Open cases: clocks falling due each week of the next 8, today and under the draft",
                    result.forward().clocksDuePerWeek()));
            java.util.Map<String, List<WhatIfResult.RoleWeekRow>> workload = WhatIfExport.workloadByRole(result);
            model.addAttribute("workload", workload);
            java.util.Map<String, String> charts = new java.util.TreeMap<>();
            workload.forEach((role, weeks) -> charts.put(role, WhatIfExport.workloadChart(role, weeks)));
            model.addAttribute("workloadCharts", charts);
        }
        return "whatif/replay";
    }
}
