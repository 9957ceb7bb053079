package org.redress.reporting;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.redress.calendar.UkTime;
import org.redress.web.FieldError;
import org.redress.web.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The staff pages of the Code's annual outputs (issue 23): the self-assessment as a table with each provision's
 * commentary and actions editable on a page of its own, and the annual report with the governing body's response form.
 * Plain forms and links, so every part works without a mouse or JavaScript.
 */
@Controller
class CodeAssessmentPages implements org.redress.pages.StaffPage {

    private static final Pattern ACTION_FIELD = Pattern.compile("actions\\[(\\d+)]\\.(\\w+)");

    private final CodeSelfAssessment assessment;
    private final AnnualCodeReport annual;
    private final CodeAssessmentEdits edits;
    private final Clock clock;

    CodeAssessmentPages(CodeSelfAssessment assessment, AnnualCodeReport annual, CodeAssessmentEdits edits, Clock clock) {
        this.assessment = assessment;
        this.annual = annual;
        this.edits = edits;
        this.clock = clock;
    }

    /** The latest reporting year that has begun: the year from 1 April that today falls in. */
    private int thisYear() {
        LocalDate today = UkTime.dateOf(clock.instant());
        return today.getMonthValue() >= 4 ? today.getYear() : today.getYear() - 1;
    }

    private int year(@Nullable String year) {
        return year == null || year.isBlank() ? thisYear() : CodeSelfAssessment.year(year);
    }

    @GetMapping("/staff/{organisation}/reports/self-assessment")
    String assessmentPage(@PathVariable String organisation, @RequestParam(required = false) @Nullable String year,
                          @RequestParam(required = false) @Nullable String saved, Model model, HttpServletResponse response) {
        model.addAttribute("done", saved == null ? null : "Provision " + saved + " saved");
        int y;
        try {
            y = year(year);
        } catch (InvalidInputException e) {
            response.setStatus(400);
            model.addAttribute("errors", e.errors());
            y = thisYear();
        }
        common(organisation, y, model);
        model.addAttribute("assessment", assessment.assess(organisation, y));
        return "reporting/code-self-assessment";
    }

    @GetMapping("/staff/{organisation}/reports/self-assessment/{year}/{provision}")
    String provisionPage(@PathVariable String organisation, @PathVariable String year, @PathVariable String provision, Model model) {
        int y = CodeSelfAssessment.year(year);
        return provision(organisation, y, provision, model, null);
    }

    @PostMapping("/staff/{organisation}/reports/self-assessment/{year}/{provision}")
    String saveProvision(@PathVariable String organisation, @PathVariable String year, @PathVariable String provision,
                         @RequestParam MultiValueMap<String, String> form, Principal principal, Model model, HttpServletResponse response) {
        int y = CodeSelfAssessment.year(year);
        assessment.scope(organisation, y);
        String complies = form.getFirst("complies");
        List<CodeAssessmentEdits.ActionInput> actions = new ArrayList<>();
        for (int i = 0; i <= CodeAssessmentEdits.MAX_ACTIONS; i++) {
            String action = form.getFirst("action-" + i);
            if (action == null) {
                break;
            }
            boolean removed = "remove".equals(form.getFirst("remove-" + i));
            String owner = form.getFirst("owner-" + i);
            String due = form.getFirst("dueOn-" + i);
            boolean blank = action.isBlank() && (owner == null || owner.isBlank()) && (due == null || due.isBlank());
            if (!removed && !blank) {
                actions.add(new CodeAssessmentEdits.ActionInput(action, owner, due, form.getFirst("status-" + i)));
            }
        }
        CodeAssessmentEdits.ProvisionInput input = new CodeAssessmentEdits.ProvisionInput(
                "yes".equals(complies) ? Boolean.TRUE : "no".equals(complies) ? Boolean.FALSE : null, form.getFirst("commentary"), actions);
        try {
            edits.saveProvision(organisation, y, provision, input, principal.getName());
        } catch (InvalidInputException e) {
            response.setStatus(400);
            List<FieldError> errors = e.errors().stream().map(f -> new FieldError(pageField(f.field()), f.message())).toList();
            model.addAttribute("typed", input);
            return provision(organisation, y, provision, model, errors);
        }
        return "redirect:/staff/" + organisation + "/reports/self-assessment?year=" + y + "&saved=" + provision + "#provision-"
                + provision.replace('.', '-');
    }

    /** "actions[0].owner" as the page names it, "owner-0", so the error summary links to the field. */
    static String pageField(String field) {
        Matcher m = ACTION_FIELD.matcher(field);
        return m.matches() ? m.group(2) + "-" + m.group(1) : field;
    }

    private String provision(String organisation, int year, String provision, Model model, @Nullable List<FieldError> errors) {
        common(organisation, year, model);
        CodeSelfAssessment.Row row = assessment.assess(organisation, year).rows().stream().filter(r -> r.provision().equals(provision))
                .findFirst().orElseThrow(() -> new org.redress.web.NotFoundException("provision", "the Code has no provision '" + provision + "'"));
        model.addAttribute("row", row);
        model.addAttribute("errors", errors);
        model.addAttribute("statuses", CodeAssessmentStore.ActionStatus.values());
        return "reporting/code-provision";
    }

    @GetMapping("/staff/{organisation}/reports/annual")
    String annualPage(@PathVariable String organisation, @RequestParam(required = false) @Nullable String year,
                      @RequestParam(required = false) @Nullable String saved, Model model, HttpServletResponse response) {
        model.addAttribute("done", saved == null ? null : "The response and its dates are saved");
        int y;
        try {
            y = year(year);
        } catch (InvalidInputException e) {
            response.setStatus(400);
            model.addAttribute("errors", e.errors());
            y = thisYear();
        }
        return annual(organisation, y, model);
    }

    @PostMapping("/staff/{organisation}/reports/annual/{year}/response")
    String saveResponse(@PathVariable String organisation, @PathVariable String year, @RequestParam(required = false) @Nullable String response,
                        @RequestParam(required = false) @Nullable String respondedOn, @RequestParam(required = false) @Nullable String publishedOn,
                        Principal principal, Model model, HttpServletResponse http) {
        int y = CodeSelfAssessment.year(year);
        assessment.scope(organisation, y);
        try {
            edits.saveResponse(organisation, y, new CodeAssessmentEdits.ResponseInput(response, respondedOn, publishedOn), principal.getName());
        } catch (InvalidInputException e) {
            http.setStatus(400);
            model.addAttribute("errors", e.errors());
            model.addAttribute("typedResponse", response);
            return annual(organisation, y, model);
        }
        return "redirect:/staff/" + organisation + "/reports/annual?year=" + y + "&saved=response";
    }

    private String annual(String organisation, int year, Model model) {
        common(organisation, year, model);
        AnnualCodeReport.Report report = annual.report(organisation, year);
        model.addAttribute("report", report);
        model.addAttribute("assessment", report.selfAssessment());
        return "reporting/code-annual";
    }

    private void common(String organisation, int year, Model model) {
        model.addAttribute("organisation", organisation);
        model.addAttribute("year", year);
        model.addAttribute("yearLabel", CodeSelfAssessment.label(year));
        List<Integer> years = new ArrayList<>();
        for (int y = thisYear(); y >= Math.max(2024, thisYear() - 5); y--) {
            years.add(y);
        }
        if (!years.contains(year)) {
            years.add(year);
        }
        model.addAttribute("years", years);
    }
}
