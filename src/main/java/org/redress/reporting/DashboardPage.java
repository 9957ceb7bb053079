package org.redress.reporting;

import org.redress.pages.StaffPage;
import org.redress.pages.StaffMenuItem;
import org.jspecify.annotations.Nullable;
import org.redress.people.Organisation;
import org.redress.people.Organisations;
import org.redress.policy.PolicyPack;
import org.redress.policy.PolicyPacks;
import org.redress.web.InvalidInputException;
import org.redress.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reporting pages: the dashboard (every figure with its definition, a chart and the table it draws) and the list of
 * cases behind a figure. Self-contained layout, so it can move into the staff layout later. A reader limited to some
 * service areas is told so on both, above the figures.
 */
@Controller
class DashboardPage implements StaffPage {

    @Override
    public List<StaffMenuItem> menu() {
        return List.of(new StaffMenuItem("Reports", "reports", 50));
    }

    /** Charts show at most this many groups (the largest first, e.g. the top subjects); the table shows them all. */
    static final int CHART_GROUPS = 12;

    private final Reports reports;
    private final Organisations organisations;
    private final PolicyPacks packs;
    private final JsonMapper json;

    private final ReadModel readModel;
    private final PointsByCategory points;

    private final SocialCareSummary socialCare;

    DashboardPage(Reports reports, Organisations organisations, PolicyPacks packs, JsonMapper json, ReadModel readModel,
                  PointsByCategory points, SocialCareSummary socialCare) {
        this.socialCare = socialCare;
        this.readModel = readModel;
        this.points = points;
        this.reports = reports;
        this.organisations = organisations;
        this.packs = packs;
        this.json = json;
    }

    @GetMapping("/staff/{organisation}/reports")
    String dashboard(@PathVariable String organisation, @RequestParam(required = false) @Nullable String from,
                     @RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable String serviceLine,
                     @RequestParam(required = false) @Nullable String serviceArea, Model model) {
        return page("dashboard", organisation, from, to, serviceLine, serviceArea, model);
    }

    @GetMapping("/staff/{organisation}/reports/returns")
    String returns(@PathVariable String organisation, @RequestParam(required = false) @Nullable String from,
                   @RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable String serviceLine,
                   @RequestParam(required = false) @Nullable String serviceArea, Model model) {
        return page("returns", organisation, from, to, serviceLine, serviceArea, model);
    }

    private String page(String page, String organisation, @Nullable String from, @Nullable String to, @Nullable String serviceLine,
                        @Nullable String serviceArea, Model model) {
        ReportScope scope = reports.scope(organisation, from, to, serviceLine, serviceArea);
        Organisation org = organisations.require(organisation);
        List<MeasureResult> measures = reports.all(scope, Measures.PAGES.get(page));
        model.addAttribute("page", page);
        model.addAttribute("heading", page.equals("dashboard") ? "Complaints dashboard" : "Regulatory returns and policy monitoring");
        model.addAttribute("organisation", org);
        model.addAttribute("scope", scope);
        model.addAttribute("serviceLines", packs.active(organisation).map(PolicyPack::serviceLines).orElse(List.of()));
        // a limited reader may only choose among their own areas, and is told the figures cover those alone
        model.addAttribute("serviceAreas", scope.limitedTo() == null ? org.serviceAreas()
                : org.serviceAreas().stream().filter(scope.limitedTo()::contains).toList());
        model.addAttribute("limitNotice", scope.limitNotice());
        // F-8: the social care summary for CQC (Regulation 16), where a service line follows the social care rules
        model.addAttribute("socialCare", !socialCare.lines(organisation).isEmpty());
        model.addAttribute("rebuild", readModel.progress(organisation).map(ReadModel.Rebuild::inWords).orElse(null));
        model.addAttribute("measures", measures);
        // points of complaint by category, per point (issue 20): on the dashboard
        model.addAttribute("pointsByCategory", page.equals("dashboard") ? points.of(scope) : null);
        model.addAttribute("query", Reports.query(scope, Map.of()));
        model.addAttribute("chartData", json.writeValueAsString(charts(measures)).replace("</", "<\\/"));
        return "reporting/dashboard";
    }

    @GetMapping("/staff/{organisation}/reports/cases")
    String cases(@PathVariable String organisation, @RequestParam String measure, @RequestParam String figure,
                 @RequestParam(required = false) @Nullable String group, @RequestParam(required = false) @Nullable String from,
                 @RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable String serviceLine,
                 @RequestParam(required = false) @Nullable String serviceArea, Model model) {
        ReportScope scope = reports.scope(organisation, from, to, serviceLine, serviceArea);
        Measure m = reports.definition(measure);
        Reports.CaseList list = reports.cases(scope, measure, figure, group);
        model.addAttribute("organisation", organisations.require(organisation));
        model.addAttribute("scope", scope);
        model.addAttribute("measure", m);
        model.addAttribute("figure", m.figure(figure));
        model.addAttribute("list", list);
        model.addAttribute("limitNotice", scope.limitNotice());
        // F-8: the social care summary for CQC (Regulation 16), where a service line follows the social care rules
        model.addAttribute("socialCare", !socialCare.lines(organisation).isEmpty());
        model.addAttribute("rebuild", readModel.progress(organisation).map(ReadModel.Rebuild::inWords).orElse(null));
        model.addAttribute("query", Reports.query(scope, Map.of()));
        return "reporting/cases";
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(NotFoundException e, Model model) {
        model.addAttribute("problemTitle", "Not found");
        model.addAttribute("messages", List.of(e.getMessage()));
        return "reporting/problem";
    }

    @ExceptionHandler(InvalidInputException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String invalid(InvalidInputException e, Model model) {
        model.addAttribute("problemTitle", "There is a problem with the dates or filters");
        model.addAttribute("messages", e.errors().stream().map(f -> f.field() + ": " + f.message()).toList());
        return "reporting/problem";
    }

    /** The drill-down page's address for a cell: the JSON list's query on the page's path. */
    static String page(String casesApiLink) {
        return casesApiLink.replaceFirst("^/api/v1/organisations/([^/]+)/reports/measures/([^/]+)/cases\\?", "/staff/$1/reports/cases?measure=$2&");
    }

    /** Chart.js data per measure: one label per group, one series per charted figure. */
    private static Map<String, Object> charts(List<MeasureResult> measures) {
        Map<String, Object> charts = new LinkedHashMap<>();
        for (MeasureResult m : measures) {
            if (m.chart().type().equals("none")) {
                continue;
            }
            List<MeasureResult.Row> rows = m.rows().size() > CHART_GROUPS && !m.chart().type().equals("line")
                    ? m.rows().subList(0, CHART_GROUPS) : m.rows();
            List<Map<String, Object>> series = m.chart().figures().stream().map(key -> {
                int index = indexOf(m, key);
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("label", m.columns().get(index).label());
                s.put("data", rows.stream().map(r -> r.cells().get(index).value()).toList());
                return s;
            }).toList();
            charts.put(m.id(), Map.of("type", m.chart().type(), "title", m.title(),
                    "labels", rows.stream().map(MeasureResult.Row::group).toList(), "series", series));
        }
        return charts;
    }

    private static int indexOf(MeasureResult m, String key) {
        for (int i = 0; i < m.columns().size(); i++) {
            if (m.columns().get(i).key().equals(key)) {
                return i;
            }
        }
        throw new IllegalStateException("measure " + m.id() + " charts an unknown figure " + key);
    }
}
