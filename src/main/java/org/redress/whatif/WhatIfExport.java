package org.redress.whatif;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.redress.people.Organisations;
import org.redress.policy.ComplianceReport;
import org.redress.web.ChartSvg;
import org.redress.web.PdfRenderer;
import org.redress.web.Workbooks;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A replay's comparison as an Excel workbook for the Board, laid out as the reporting module's exports are (a title,
 * what it covers, then a table with a bold header; whole numbers written as numbers): the figures side by side, the
 * responses due per week, the workload per week by role, the cases whose figures change, the forward look and the
 * draft's Code check (the cases named being only those the reader may open); and the same as
 * a PDF for the Board, through the bounded PDF renderer with the weekly chart.
 */
@Component
class WhatIfExport {

    /** The PDF lists this many changed cases; the workbook lists up to {@link WhatIfReplay#CHANGED_CASES}. */
    static final int PDF_CHANGED_CASES = 50;

    private final PdfRenderer renderer;
    private final Organisations organisations;

    WhatIfExport(PdfRenderer renderer, Organisations organisations) {
        this.renderer = renderer;
        this.organisations = organisations;
    }

    byte[] pdf(WhatIfResult result) {
        return renderer.renderWithCharts("whatif/board", Map.of("result", result,
                "organisation", organisations.require(result.organisation()), "rows", result.summaryRows(),
                "chart", weekly("Responses due each week: today and under the draft", result.responsesDuePerWeek()),
                "changed", result.changedCases().subList(0, Math.min(PDF_CHANGED_CASES, result.changedCases().size())),
                "workload", workloadByRole(result)));
    }

    /** Weekly figures, today beside the draft, as the shared paired bar chart draws them. */
    static String weekly(String title, List<WhatIfResult.WeekRow> weeks) {
        return ChartSvg.pairs(title, "Today", "Under the draft", weeks.stream().map(w -> new ChartSvg.Pair("week of " + w.week(),
                w.week().getDayOfMonth() + " " + w.week().getMonth().getDisplayName(TextStyle.SHORT, Locale.UK), w.today(), w.draft())).toList());
    }

    /** One role's cases with a clock running each week, today beside the draft. */
    static String workloadChart(String role, List<WhatIfResult.RoleWeekRow> weeks) {
        return ChartSvg.pairs(role + ": cases with a clock running each week, today and under the draft", "Today", "Under the draft",
                weeks.stream().map(w -> new ChartSvg.Pair("week of " + w.week(), w.week().getDayOfMonth() + " "
                        + w.week().getMonth().getDisplayName(TextStyle.SHORT, Locale.UK), w.runningToday(), w.runningDraft())).toList());
    }

    /** The workload rows role by role (each role's weeks in order), for the page's and the PDF's tables. */
    static Map<String, List<WhatIfResult.RoleWeekRow>> workloadByRole(WhatIfResult result) {
        Map<String, List<WhatIfResult.RoleWeekRow>> byRole = new java.util.TreeMap<>();
        for (WhatIfResult.RoleWeekRow row : result.workload()) {
            byRole.computeIfAbsent(row.role(), r -> new java.util.ArrayList<>()).add(row);
        }
        return byRole;
    }

    byte[] xlsx(WhatIfResult result) {
        try (Workbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle heading = Workbooks.bold(book);

            Sheet figures = book.createSheet("Figures");
            int r = 0;
            Workbooks.text(figures.createRow(r++), 0, "What if: " + result.draft() + " against " + String.join(", ", result.todaysVersions()), heading);
            Workbooks.text(figures.createRow(r++), 0, "Cases received " + result.from() + " to " + result.to() + " (" + result.organisation()
                    + "), replayed under the packs they ran under and under the draft; nothing real was changed", null);
            if (result.casesShown() != null) {
                Workbooks.text(figures.createRow(r++), 0, result.casesShown(), null);
            }
            r++;
            Workbooks.header(figures.createRow(r++), heading, "Figure", "Today", "Under the draft");
            for (Map.Entry<String, String[]> row : result.summaryRows().entrySet()) {
                Row line = figures.createRow(r++);
                Workbooks.text(line, 0, row.getKey(), null);
                Workbooks.value(line, 1, row.getValue()[0]);
                Workbooks.value(line, 2, row.getValue()[1]);
            }
            Workbooks.widths(figures, 70, 16, 16);

            Sheet weeks = book.createSheet("Responses due per week");
            r = 0;
            Workbooks.header(weeks.createRow(r++), heading, "Week beginning", "Today", "Under the draft");
            for (WhatIfResult.WeekRow week : result.responsesDuePerWeek()) {
                Row line = weeks.createRow(r++);
                Workbooks.text(line, 0, week.week().toString(), null);
                line.createCell(1).setCellValue(week.today());
                line.createCell(2).setCellValue(week.draft());
            }
            Workbooks.widths(weeks, 18, 12, 16);

            Sheet work = book.createSheet("Workload by role");
            r = 0;
            Workbooks.text(work.createRow(r++), 0, "Each week of the period, for each role owning a stage: the cases with a clock "
                    + "of that stage running in the week, and the responses due in it", heading);
            Workbooks.header(work.createRow(r++), heading, "Week beginning", "Role", "Cases with a clock running today", "Under the draft",
                    "Responses due today", "Under the draft");
            for (WhatIfResult.RoleWeekRow row : result.workload()) {
                Row line = work.createRow(r++);
                Workbooks.text(line, 0, row.week().toString(), null);
                Workbooks.text(line, 1, row.role(), null);
                line.createCell(2).setCellValue(row.runningToday());
                line.createCell(3).setCellValue(row.runningDraft());
                line.createCell(4).setCellValue(row.dueToday());
                line.createCell(5).setCellValue(row.dueDraft());
            }
            Workbooks.widths(work, 18, 30, 18, 16, 18, 16);

            Sheet changed = book.createSheet("Cases that change");
            r = 0;
            Workbooks.text(changed.createRow(r++), 0, result.changedCaseCount() + " cases change under the draft"
                    + (result.changedCaseCount() > result.changedCases().size() ? "; the first " + result.changedCases().size() + " are listed" : ""), heading);
            Workbooks.header(changed.createRow(r++), heading, "Case", "What changes");
            for (WhatIfResult.ChangedCase c : result.changedCases()) {
                for (String difference : c.differences()) {
                    Row line = changed.createRow(r++);
                    Workbooks.text(line, 0, c.reference(), null);
                    Workbooks.text(line, 1, difference, null);
                }
            }
            Workbooks.widths(changed, 20, 120);

            Sheet forward = book.createSheet("Open cases, next 8 weeks");
            r = 0;
            Workbooks.text(forward.createRow(r++), 0, result.forward().openCases() + " cases open on " + result.forward().from()
                    + "; overdue now: " + result.forward().overdueNow().today().count() + " today, "
                    + result.forward().overdueNow().draft().count() + " under the draft", heading);
            Workbooks.header(forward.createRow(r++), heading, "Week beginning", "Clocks due today", "Under the draft");
            for (WhatIfResult.WeekRow week : result.forward().clocksDuePerWeek()) {
                Row line = forward.createRow(r++);
                Workbooks.text(line, 0, week.week().toString(), null);
                line.createCell(1).setCellValue(week.today());
                line.createCell(2).setCellValue(week.draft());
            }
            Workbooks.widths(forward, 18, 18, 16);

            Sheet code = book.createSheet("Code check of the draft");
            r = 0;
            ComplianceReport report = result.draftCompliance();
            Workbooks.text(code.createRow(r++), 0, report.summary(), heading);
            Workbooks.header(code.createRow(r++), heading, "Provision", "Outcome", "Rule", "Why");
            for (ComplianceReport.Finding finding : report.findings()) {
                Row line = code.createRow(r++);
                Workbooks.text(line, 0, finding.provision(), null);
                Workbooks.text(line, 1, finding.outcome().name(), null);
                Workbooks.text(line, 2, finding.rule(), null);
                Workbooks.text(line, 3, finding.reason(), null);
            }
            Workbooks.widths(code, 12, 10, 60, 80);

            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
