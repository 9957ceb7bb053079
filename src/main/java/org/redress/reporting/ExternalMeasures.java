package org.redress.reporting;

import org.jspecify.annotations.Nullable;
import org.redress.casework.Casework;
import org.redress.learning.Learning;
import org.redress.learning.Lesson;
import org.redress.ombudsman.Finding;
import org.redress.ombudsman.OmbudsmanReferrals;
import org.redress.ombudsman.ReferralView;
import org.redress.remedies.Remedies;
import org.redress.reporting.Measure.Chart;
import org.redress.reporting.Measure.Figure;
import org.redress.reporting.Measure.Grouping;
import org.redress.reporting.Measure.Kind;
import org.redress.reporting.MeasureResult.Cell;
import org.redress.reporting.MeasureResult.Row;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Measures whose facts live in other modules rather than in the read model: ombudsman referrals (ombudsman), payments
 * (remedies) and lessons (learning).
 * Each is worked out from the owning module's read facade, limited to the report's scope (and the reader's service
 * areas) through the read model's classification of the cases concerned, and shown and drilled into like every other
 * measure: a fact about a case outside the scope counts in no figure and appears in no list or note. The facades are
 * asked with the reader's {@code CaseScope} too, as every list is.
 */
@Service
class ExternalMeasures {

    static final Measure COMPENSATION = new Measure("compensation", "Compensation and payments: consistency across comparable cases",
            "Payments proposed in the period (compensation, ex gratia payments, goodwill gestures), by kind of payment and the "
                    + "complaint's subject, so awards for comparable complaints can be set side by side: how many cases had one, "
                    + "the total approved (including paid), the lowest, average and highest approved per case, and the total paid. "
                    + "Proposed and refused payments count as cases but add nothing to the amounts.",
            List.of("H-11", "H-9", "F-13", "Code 7"), "external", new Grouping("Kind of payment: subject", "external", true),
            List.of(Figure.external("cases", "Cases", Kind.COUNT), Figure.external("approved", "Total approved", Kind.MONEY),
                    Figure.external("lowest", "Lowest per case", Kind.MONEY), Figure.external("average", "Average per case", Kind.MONEY),
                    Figure.external("highest", "Highest per case", Kind.MONEY), Figure.external("paid", "Total paid", Kind.MONEY)),
            Chart.NONE);

    static final Measure REDRESS = new Measure("disp-redress", "FCA DISP: redress paid (debt advice)",
            "Debt advice complaints with a payment proposed in the period and approved: how many cases, the redress paid, "
                    + "and the redress approved but not yet paid.",
            List.of("R-5", "FCA DISP 1.10", "F-13"), "external", null,
            List.of(Figure.external("cases", "Cases with redress", Kind.COUNT), Figure.external("paid", "Redress paid", Kind.MONEY),
                    Figure.external("approved-not-paid", "Approved, not yet paid", Kind.MONEY)),
            Chart.NONE);

    static final Measure LESSONS = new Measure("lessons", "Lessons learned and service changes",
            "Lessons and service changes recorded from complaints that were live in the period (recorded before its end, and "
                    + "not done or rejected before its start), by their status at the end: how many lessons, how many service "
                    + "changes, how many were introduced (done) in the period, and how many complaints they came from.",
            List.of("S0-11", "H-11", "F-14", "H-8", "Code 9"), "external", new Grouping("Status", "external", false,
            List.of("Proposed", "Agreed", "In progress", "Done", "Not adopted")),
            List.of(Figure.external("lessons", "Lessons", Kind.COUNT), Figure.external("service-changes", "Service changes", Kind.COUNT),
                    Figure.external("introduced", "Introduced in the period", Kind.COUNT),
                    Figure.external("cases", "Complaints they came from", Kind.COUNT)),
            Chart.stacked("lessons", "service-changes"));

    static final Measure OMBUDSMAN = new Measure("ombudsman", "Complaints dealt with by the ombudsman",
            "Complaints referred to an ombudsman in the period (by the date referred), by ombudsman: how many, how many the "
                    + "ombudsman had determined by the end of the period, how many with a finding of maladministration, severe maladministration or service "
                    + "failure on any point, and how many still have an order to comply with.",
            List.of("F-15", "F-9", "F-8"), "external", new Grouping("Ombudsman", "external", true),
            List.of(Figure.external("referred", "Referred", Kind.COUNT), Figure.external("determined", "Determined", Kind.COUNT),
                    Figure.external("failings", "With a failing found", Kind.COUNT),
                    Figure.external("orders-open", "With orders still open", Kind.COUNT)),
            Chart.NONE);

    /** Money figures that describe one case each (n/a when no case has one), rather than totals (£0 when none). */
    private static final Set<String> PER_CASE = Set.of("lowest", "average", "highest");

    static final List<Measure> DEFINITIONS = java.util.stream.Stream.concat(java.util.stream.Stream.of(OMBUDSMAN),
            java.util.stream.Stream.concat(OmbudsmanMeasures.DEFINITIONS.stream(), java.util.stream.Stream.of(COMPENSATION, REDRESS, LESSONS)))
            .toList();

    private final JdbcClient jdbc;
    private final Remedies remedies;
    private final Learning learning;
    private final OmbudsmanReferrals ombudsman;
    private final Casework casework;

    ExternalMeasures(@Qualifier(ReportingDatabase.READS) JdbcClient jdbc, Remedies remedies, Learning learning, OmbudsmanReferrals ombudsman, Casework casework) {
        this.casework = casework;
        this.jdbc = jdbc;
        this.remedies = remedies;
        this.learning = learning;
        this.ombudsman = ombudsman;
    }

    static boolean handles(String id) {
        return DEFINITIONS.stream().anyMatch(m -> m.id().equals(id));
    }

    /** A measure's rows and notes. */
    record Worked(List<Row> rows, List<String> notes) {
    }

    Worked work(Measure m, ReportScope scope) {
        Tallies tallies = tallies(m, scope);
        List<Row> rows = new ArrayList<>();
        List<String> groups = new ArrayList<>(m.groupBy() == null ? List.of("All") : m.groupBy().always());
        tallies.byGroup.keySet().stream().filter(g -> !groups.contains(g)).sorted().forEach(groups::add);
        for (String group : groups) {
            Map<String, Tally> figures = tallies.byGroup.getOrDefault(group, Map.of());
            List<Cell> cells = m.figures().stream().map(f -> cell(scope, m, f, m.groupBy() == null ? null : group,
                    figures.getOrDefault(f.key(), new Tally()))).toList();
            rows.add(new Row(group, cells));
        }
        if (m.groupBy() != null && m.groupBy().largestFirst()) {
            rows.sort(Comparator.<Row>comparingLong(r -> r.cells().get(0).count()).reversed().thenComparing(Row::group));
        }
        return new Worked(rows, tallies.notes);
    }

    /** The case references behind one figure of one group. */
    List<String> cases(Measure m, ReportScope scope, String figure, @Nullable String group) {
        Map<String, Tally> figures = tallies(m, scope).byGroup.getOrDefault(group == null ? "All" : group, Map.of());
        return List.copyOf(new TreeSet<>(figures.getOrDefault(figure, new Tally()).cases));
    }

    private static Cell cell(ReportScope scope, Measure m, Figure f, @Nullable String group, Tally t) {
        String link = Reports.link(scope, m, f, group);
        long n = t.cases.size();
        return switch (f.kind()) {
            // a total of nothing is £0; the lowest, average or highest of nothing is not a figure
            case MONEY -> {
                Double value = t.amount != null ? Double.valueOf(t.amount.doubleValue()) : PER_CASE.contains(f.key()) ? null : Double.valueOf(0);
                yield Cell.of(f.key(), f.kind(), value, n, null, link);
            }
            default -> Cell.of(f.key(), f.kind(), (double) t.count, n, null, link);
        };
    }

    /** One figure of one group: the cases behind it, a count, and an amount. */
    static final class Tally {
        final Set<String> cases = new LinkedHashSet<>();
        long count;
        @Nullable BigDecimal amount;
    }

    static final class Tallies {
        final Map<String, Map<String, Tally>> byGroup = new LinkedHashMap<>();
        final List<String> notes = new ArrayList<>();

        Tally of(String group, String figure) {
            return byGroup.computeIfAbsent(group, g -> new LinkedHashMap<>()).computeIfAbsent(figure, f -> new Tally());
        }

        void count(String group, String figure, Collection<String> cases) {
            Tally t = of(group, figure);
            t.count++;
            t.cases.addAll(cases);
        }

        void add(String group, String figure, String reference, BigDecimal amount) {
            Tally t = of(group, figure);
            t.cases.add(reference);
            t.amount = t.amount == null ? amount : t.amount.add(amount);
        }

        void set(String group, String figure, Collection<String> cases, BigDecimal amount) {
            Tally t = of(group, figure);
            t.cases.addAll(cases);
            t.amount = amount;
        }
    }

    private Tallies tallies(Measure m, ReportScope scope) {
        return switch (m.id()) {
            case "ombudsman" -> ombudsman(scope);
            case "ombudsman-findings", "ombudsman-orders", "ombudsman-payments" -> OmbudsmanMeasures.tallies(m.id(), referralsInScope(scope));
            case "compensation" -> compensation(scope);
            case "disp-redress" -> redress(scope);
            case "lessons" -> lessons(scope);
            default -> throw new IllegalArgumentException("not an external measure: " + m.id());
        };
    }

    private Tallies ombudsman(ReportScope scope) {
        List<ReferralView> referrals = ombudsman.referredBetween(casework.scope(scope.organisation()), scope.from(), scope.to());
        Map<String, CaseRow> cases = cases(scope, referrals.stream().map(ReferralView::caseReference).toList());
        Tallies t = new Tallies();
        for (ReferralView r : referrals) {
            if (!cases.containsKey(r.caseReference())) {
                continue;
            }
            List<String> ref = List.of(r.caseReference());
            t.count(r.ombudsmanName(), "referred", ref);
            // only a determination made within the period: one made after its end is the next period's (issue 23, T-11)
            if (r.determinedOn() != null && !r.determinedOn().isAfter(scope.to())) {
                t.count(r.ombudsmanName(), "determined", ref);
            }
            if (r.findings().stream().anyMatch(f -> f.finding() == Finding.MALADMINISTRATION
                    || f.finding() == Finding.SEVERE_MALADMINISTRATION || f.finding() == Finding.SERVICE_FAILURE)) {
                t.count(r.ombudsmanName(), "failings", ref);
            }
            if (r.openOrders() > 0) {
                t.count(r.ombudsmanName(), "orders-open", ref);
            }
        }
        return t;
    }

    /** The referrals the {@code ombudsman} measure counts: referred in the period, of cases in the report's scope. */
    private List<ReferralView> referralsInScope(ReportScope scope) {
        List<ReferralView> referrals = ombudsman.referredBetween(casework.scope(scope.organisation()), scope.from(), scope.to());
        Map<String, CaseRow> cases = cases(scope, referrals.stream().map(ReferralView::caseReference).toList());
        return referrals.stream().filter(r -> cases.containsKey(r.caseReference())).toList();
    }

    private Tallies compensation(ReportScope scope) {
        List<Remedies.CasePayments> payments = remedies.paymentTotals(casework.scope(scope.organisation()), scope.start(), scope.end());
        Map<String, CaseRow> cases = cases(scope, payments.stream().map(Remedies.CasePayments::caseReference).toList());
        Tallies t = new Tallies();
        Map<String, List<BigDecimal>> approvedPerCase = new LinkedHashMap<>();
        Map<String, List<String>> approvedCases = new HashMap<>();
        for (Remedies.CasePayments p : payments) {
            CaseRow c = cases.get(p.caseReference());
            if (c == null) {
                continue; // outside the scope's service line or area
            }
            String group = capitalised(p.kind().words()) + ": " + c.subjectInWords();
            t.of(group, "cases").cases.add(p.caseReference());
            t.of(group, "cases").count++;
            t.add(group, "paid", p.caseReference(), p.paid());
            if (p.approved().signum() > 0) {
                t.add(group, "approved", p.caseReference(), p.approved());
                approvedPerCase.computeIfAbsent(group, g -> new ArrayList<>()).add(p.approved());
                approvedCases.computeIfAbsent(group, g -> new ArrayList<>()).add(p.caseReference());
            }
        }
        approvedPerCase.forEach((group, amounts) -> {
            List<String> refs = approvedCases.get(group);
            BigDecimal total = amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            t.set(group, "lowest", refs, amounts.stream().min(Comparator.naturalOrder()).orElseThrow());
            t.set(group, "highest", refs, amounts.stream().max(Comparator.naturalOrder()).orElseThrow());
            t.set(group, "average", refs, total.divide(BigDecimal.valueOf(amounts.size()), 2, java.math.RoundingMode.HALF_UP));
        });
        return t;
    }

    private Tallies redress(ReportScope scope) {
        List<Remedies.CaseRedress> redress = remedies.redressPaid(casework.scope(scope.organisation()), scope.start(), scope.end());
        Map<String, CaseRow> cases = cases(scope, redress.stream().map(Remedies.CaseRedress::caseReference).toList());
        Tallies t = new Tallies();
        for (Remedies.CaseRedress r : redress) {
            CaseRow c = cases.get(r.caseReference());
            if (c == null || !"debt-advice".equals(c.serviceLine())
                    || (r.paid().signum() == 0 && r.approvedNotPaid().signum() == 0)) {
                continue; // not debt advice, or nothing approved (only proposed or refused)
            }
            t.count("All", "cases", List.of(r.caseReference()));
            t.add("All", "paid", r.caseReference(), r.paid());
            t.add("All", "approved-not-paid", r.caseReference(), r.approvedNotPaid());
        }
        return t;
    }

    private Tallies lessons(ReportScope scope) {
        List<Learning.LessonRecord> lessons = learning.inPeriod(casework.scope(scope.organisation()), scope.from(), scope.to().plusDays(1));
        boolean filtered = scope.serviceLine() != null || scope.serviceArea() != null || scope.limitedTo() != null;
        Map<String, CaseRow> inScope = filtered
                ? cases(scope, lessons.stream().flatMap(l -> l.caseReferences().stream()).distinct().toList()) : Map.of();
        Tallies t = new Tallies();
        for (Learning.LessonRecord l : lessons) {
            List<String> refs = filtered ? l.caseReferences().stream().filter(inScope::containsKey).toList() : l.caseReferences();
            if (filtered && refs.isEmpty()) {
                continue;
            }
            String group = statusInWords(l.status());
            t.count(group, l.kind() == Lesson.Kind.SERVICE_CHANGE ? "service-changes" : "lessons", refs);
            t.of(group, "cases").cases.addAll(refs);
            t.of(group, "cases").count = t.of(group, "cases").cases.size();
            boolean introduced = l.status() == Lesson.Status.DONE && l.doneOn() != null
                    && !l.doneOn().isBefore(scope.from()) && !l.doneOn().isAfter(scope.to());
            if (introduced) {
                t.count(group, "introduced", refs);
                t.notes.add("Introduced " + l.doneOn() + ": " + l.title() + " (root cause: "
                        + l.rootCause().name().toLowerCase(Locale.UK).replace('_', ' ') + ").");
            } else if (l.status() == Lesson.Status.NOT_ADOPTED) {
                t.notes.add("Not adopted: " + l.title() + ". Why: " + Objects.requireNonNullElse(l.notAdoptedReason(), "not recorded") + ".");
            }
        }
        return t;
    }

    private static String statusInWords(Lesson.Status status) {
        return switch (status) {
            case PROPOSED -> "Proposed";
            case AGREED -> "Agreed";
            case IN_PROGRESS -> "In progress";
            case DONE -> "Done";
            case NOT_ADOPTED -> "Not adopted";
        };
    }

    private static String capitalised(String words) {
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** How the read model classifies a case (its first row). */
    record CaseRow(String reference, @Nullable String serviceLine, @Nullable String serviceArea, @Nullable String subject,
                   @Nullable String subSubject) {

        String subjectInWords() {
            if (subject == null) {
                return "(no subject)";
            }
            return subSubject == null ? subject : subject + " / " + subSubject;
        }
    }

    /** The SQL that classifies cases by reference: an index lookup per reference ({@code case_stage_reference}, issue 28). */
    static String classifying(ReportScope scope) {
        return """
                select reference, service_line, service_area, subject, sub_subject from reporting.case_stage
                where organisation = :organisation and stage <= 1 and reference = any(string_to_array(:references, ','))"""
                + (scope.serviceLine() == null ? "" : " and service_line = :serviceLine")
                + (scope.serviceArea() == null ? "" : " and service_area = :serviceArea")
                + (scope.limitedTo() == null ? "" : " and service_area = any(:areas)");
    }

    /** The cases among these references that fall in the scope's service line and area (and the reader's areas), by reference. */
    private Map<String, CaseRow> cases(ReportScope scope, List<String> references) {
        if (references.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> params = new HashMap<>();
        params.put("organisation", scope.organisation());
        params.put("references", String.join(",", new LinkedHashSet<>(references)));
        if (scope.serviceLine() != null) {
            params.put("serviceLine", scope.serviceLine());
        }
        if (scope.serviceArea() != null) {
            params.put("serviceArea", scope.serviceArea());
        }
        if (scope.limitedTo() != null) {
            params.put("areas", scope.limitedTo().toArray(String[]::new));
        }
        Map<String, CaseRow> rows = new HashMap<>();
        jdbc.sql(classifying(scope)).params(params)
                .query((rs, n) -> new CaseRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .list().forEach(r -> rows.put(r.reference(), r));
        return rows;
    }
}
