package org.redress.reporting;

import org.redress.people.Organisations;
import org.redress.web.ChartSvg;
import org.redress.web.PdfRenderer;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Board report (quarterly: F-15, H-11, S0-11) and the annual complaints performance report with the Code
 * self-assessment (Code 8, T-11), as PDF. Charts are SVG drawn on the server, since the PDF renderer runs no JavaScript.
 */
@Component
class BoardReport {

    /** The measures in every Board report, in order. */
    static final List<String> BOARD = List.of("complaints-received", "received-by-month", "received-by-service-area", "subjects",
            "responded-within-48-hours", "response-times", "outcomes", "escalations", "open-complaints", "closed", "satisfaction",
            "ombudsman", "compensation", "lessons");
    /** The annual report adds the regulators' measures. */
    static final List<String> ANNUAL = List.of("complaints-received", "received-by-month", "received-by-service-area", "subjects",
            "response-times", "outcomes", "escalations", "open-complaints", "closed", "satisfaction", "ombudsman", "tsm-ch01",
            "tsm-ch02", "code-acknowledgements", "disp-return", "disp-redress", "compensation", "lessons");

    enum Kind { BOARD, ANNUAL }

    private final Reports reports;
    private final SelfAssessment selfAssessment;
    private final Organisations organisations;
    private final ITemplateEngine templates;
    private final PdfRenderer renderer;

    BoardReport(Reports reports, SelfAssessment selfAssessment, Organisations organisations, ITemplateEngine templates, PdfRenderer renderer) {
        this.reports = reports;
        this.selfAssessment = selfAssessment;
        this.organisations = organisations;
        this.templates = templates;
        this.renderer = renderer;
    }

    String html(ReportScope scope, Kind kind) {
        List<MeasureResult> measures = reports.all(scope, kind == Kind.BOARD ? BOARD : ANNUAL);
        MeasureResult byMonth = measures.stream().filter(m -> m.id().equals("received-by-month")).findFirst().orElseThrow();
        String chart = ChartSvg.bars("Complaints received by month, " + scope.from() + " to " + scope.to(),
                byMonth.rows().stream().map(r -> new ChartSvg.Bar(r.group(), r.cells().get(0).value() == null ? 0 : r.cells().get(0).value())).toList());
        Context context = new Context(Locale.UK, Map.of(
                "organisation", organisations.require(scope.organisation()),
                "scope", scope,
                "title", kind == Kind.BOARD ? "Complaints report to the Board" : "Annual complaints performance and service improvement report",
                "measures", measures,
                "chart", chart));
        context.setVariable("limitNotice", scope.limitNotice());
        if (kind == Kind.ANNUAL) {
            context.setVariable("assessment", selfAssessment.assess(scope, measures));
        }
        return templates.process("reporting/board-report", context);
    }

    byte[] pdf(ReportScope scope, Kind kind) {
        return renderer.renderWithCharts(html(scope, kind));
    }
}
