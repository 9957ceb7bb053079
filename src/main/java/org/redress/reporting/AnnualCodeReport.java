package org.redress.reporting;

import org.jspecify.annotations.Nullable;
import org.redress.casework.Casework;
import org.redress.learning.Learning;
import org.redress.people.Organisations;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The annual complaints performance and service improvement report (Code 8, T-11, issue 23): the year's complaints at
 * each stage and how many were handled in time, the complaints refused by reason, the Ombudsman's findings and orders
 * on the complaints referred in the year, the service improvements made from complaints, the Code self-assessment, and
 * the governing body's response with the date the report was published.
 */
@Service
class AnnualCodeReport {

    private final CodeSelfAssessment assessment;
    private final CodeAssessmentStore store;
    private final Learning learning;
    private final Casework casework;
    private final Organisations organisations;

    AnnualCodeReport(CodeSelfAssessment assessment, CodeAssessmentStore store, Learning learning, Casework casework,
                     Organisations organisations) {
        this.assessment = assessment;
        this.store = store;
        this.learning = learning;
        this.casework = casework;
        this.organisations = organisations;
    }

    /** One stage's year: received, acknowledged (and in time), responded to (and within the Code's timescale). */
    record StageFigures(String stage, long received, long acknowledged, long acknowledgedInTime, long responses, long respondedInTime) {
    }

    record Count(String label, long count) {
    }

    record Improvement(String kind, String title, String status, @Nullable LocalDate doneOn, List<String> cases) {
    }

    record Report(String organisation, String organisationName, int year, String yearLabel, LocalDate from, LocalDate to,
                  List<StageFigures> stages, int complaintsNotAccepted, int escalationsRefused, List<RefusalLedger.Reason> refusals,
                  List<Count> findings, long orders, long ordersComplied, List<Count> ordersByKind, List<Improvement> improvements,
                  CodeSelfAssessment.Assessment selfAssessment, CodeAssessmentStore.Response governingBody) {
    }

    Report report(String organisation, int year) {
        CodeSelfAssessment.Evidence e = assessment.evidence(organisation, year);
        ReportScope scope = e.scope();
        List<StageFigures> stages = new ArrayList<>();
        for (String stage : List.of("Stage 1", "Stage 2")) {
            stages.add(new StageFigures(stage, count(e, "tsm-ch01", stage, "received"), count(e, "code-acknowledgements", stage, "acknowledged"),
                    inTime(e, "code-acknowledgements", stage, "within-5-working-days"), count(e, "tsm-ch02", stage, "responses"),
                    inTime(e, "tsm-ch02", stage, "within-code-timescale")));
        }
        int notAccepted = e.refusals().stream().filter(r -> r.kind().equals(RefusalLedger.NOT_ACCEPTED)).mapToInt(RefusalLedger.Reason::count).sum();
        int escalations = e.refusals().stream().filter(r -> r.kind().equals(RefusalLedger.ESCALATION_REFUSED)).mapToInt(RefusalLedger.Reason::count).sum();
        List<Count> findings = new ArrayList<>();
        MeasureResult f = e.measure("ombudsman-findings");
        MeasureResult.Row all = f == null ? null : f.row(OmbudsmanMeasures.ALL_CATEGORIES);
        if (all != null) {
            for (int i = 0; i < all.cells().size(); i++) {
                findings.add(new Count(f.columns().get(i).label(), all.cells().get(i).count()));
            }
        }
        List<Count> byKind = new ArrayList<>();
        MeasureResult o = e.measure("ombudsman-orders");
        if (o != null) {
            for (MeasureResult.Row r : o.rows()) {
                MeasureResult.Cell c = r.cell("orders");
                if (!r.group().equals(OmbudsmanMeasures.ALL_KINDS) && c != null && c.count() > 0) {
                    byKind.add(new Count(r.group(), c.count()));
                }
            }
        }
        List<Improvement> improvements = learning.inPeriod(casework.scope(organisation), scope.from(), scope.to().plusDays(1)).stream()
                .map(l -> new Improvement(words(l.kind().name()), l.title(), words(l.status().name()), l.doneOn(), l.caseReferences()))
                .toList();
        return new Report(organisation, organisations.require(organisation).name(), year, CodeSelfAssessment.label(year), scope.from(),
                scope.to(), stages, notAccepted, escalations, e.refusals(), findings, count(e, "ombudsman-orders", OmbudsmanMeasures.ALL_KINDS, "orders"),
                count(e, "ombudsman-orders", OmbudsmanMeasures.ALL_KINDS, "complied"), byKind, improvements, assessment.assess(e, year),
                store.response(organisation, year));
    }

    private static long count(CodeSelfAssessment.Evidence e, String measure, String group, String figure) {
        MeasureResult m = e.measure(measure);
        MeasureResult.Row row = m == null ? null : m.row(group);
        MeasureResult.Cell cell = row == null ? null : row.cell(figure);
        return cell == null ? 0 : cell.count();
    }

    /** A percentage figure's count of cases in time (its {@code of} is the cases measured). */
    private static long inTime(CodeSelfAssessment.Evidence e, String measure, String group, String figure) {
        return count(e, measure, group, figure);
    }

    static String words(String name) {
        String lower = name.toLowerCase(Locale.UK).replace('_', ' ');
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
