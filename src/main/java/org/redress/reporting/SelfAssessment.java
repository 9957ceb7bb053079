package org.redress.reporting;

import org.jspecify.annotations.Nullable;
import org.redress.calendar.ClockUnit;
import org.redress.policy.CodeTimescales;
import org.redress.policy.ComplianceReport;
import org.redress.policy.PolicyPack;
import org.redress.policy.PolicyPacks;
import org.redress.web.NotFoundException;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The annual Housing Ombudsman Code self-assessment (Code 8, T-11): the policy module's check of the organisation's
 * pack against each provision, with the evidence the case data gives where a provision can be measured.
 */
@Service
class SelfAssessment {

    private final PolicyPacks packs;
    private final Reports reports;

    SelfAssessment(PolicyPacks packs, Reports reports) {
        this.packs = packs;
        this.reports = reports;
    }

    /**
     * @param meetsInPractice null when the data say nothing (no provision measured, or no cases in the period)
     */
    record Provision(String provision, String rule, String pack, String reason, @Nullable String evidence,
                     @Nullable Double percent, @Nullable Boolean meetsInPractice) {
    }

    record Assessment(String organisation, LocalDate from, LocalDate to, String packId, int packVersion, boolean applies,
                      boolean compliant, String checkedAgainst, String summary, List<Provision> provisions) {
    }

    /** Which measured figure is the evidence for a provision: measure, group, figure, and what it measures. */
    private record Evidence(String measure, String group, String figure, String says) {
    }

    /** The evidence for each measurable provision, in the words of the Code's timescales as the reference pack sets them. */
    private static Map<String, Evidence> evidence(CodeTimescales code) {
        String within = "acknowledged within ";
        return Map.of(
                "6.2", new Evidence("code-acknowledgements", "Stage 1", "within-5-working-days",
                        "stage 1 complaints " + within + ClockUnit.WORKING_DAYS.describe(code.stage1Acknowledge())),
                "6.11", new Evidence("code-acknowledgements", "Stage 2", "within-5-working-days",
                        "escalation requests " + within + ClockUnit.WORKING_DAYS.describe(code.stage2Acknowledge())),
                "6.3", new Evidence("tsm-ch02", "Stage 1", "within-code-timescale", "stage 1 responses within the Code's timescale"),
                "6.14", new Evidence("tsm-ch02", "Stage 2", "within-code-timescale", "stage 2 responses within the Code's timescale"));
    }

    Assessment assess(ReportScope scope) {
        return assess(scope, List.of());
    }

    /**
     * The assessment, taking its evidence from measures already worked out for the same scope where they are given (the
     * annual report has both; working them out again took a quarter of its time at a million cases, issue 28).
     */
    Assessment assess(ReportScope scope, List<MeasureResult> alreadyMeasured) {
        PolicyPack pack = packs.active(scope.organisation()).orElseThrow(() -> new NotFoundException("organisation",
                "organisation '" + scope.organisation() + "' has no active policy pack"));
        ComplianceReport check = packs.compliance(pack);
        Map<String, MeasureResult> measured = new java.util.HashMap<>();
        for (String id : List.of("code-acknowledgements", "tsm-ch02")) {
            measured.put(id, alreadyMeasured.stream().filter(m -> m.id().equals(id)).findFirst()
                    .orElseGet(() -> reports.measure(scope, id)));
        }
        Map<String, Evidence> evidenceFor = evidence(packs.codeTimescales());
        List<Provision> provisions = new ArrayList<>();
        for (ComplianceReport.Finding f : check.findings()) {
            Evidence e = evidenceFor.get(f.provision());
            String evidence = null;
            Double percent = null;
            Boolean meets = null;
            if (e != null) {
                MeasureResult m = measured.get(e.measure());
                MeasureResult.Row row = m.row(e.group());
                MeasureResult.Cell cell = row == null ? null : row.cell(e.figure());
                if (cell != null && cell.value() != null && cell.of() != null) {
                    percent = cell.value();
                    meets = cell.count() == cell.of();
                    evidence = "%s%% of %s (%d of %d) in %s to %s".formatted(format(percent), e.says(), cell.count(), cell.of(),
                            scope.from(), scope.to());
                } else {
                    evidence = "no " + e.says().replaceFirst(" within.*", "") + " in the period";
                }
            }
            provisions.add(new Provision(f.provision(), f.rule(), f.outcome().name(), f.reason(), evidence, percent, meets));
        }
        return new Assessment(scope.organisation(), scope.from(), scope.to(), check.packId(), check.version(), check.applies(),
                check.compliant(), check.checkedAgainst(), check.summary(), provisions);
    }

    static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
