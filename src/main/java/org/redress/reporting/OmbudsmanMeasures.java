package org.redress.reporting;

import org.redress.ombudsman.Finding;
import org.redress.ombudsman.OrderKind;
import org.redress.ombudsman.ReferralView;
import org.redress.reporting.Measure.Chart;
import org.redress.reporting.Measure.Figure;
import org.redress.reporting.Measure.Grouping;
import org.redress.reporting.Measure.Kind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Ombudsman's own vocabulary in reports (issue 20): findings counted per point and per category as the Ombudsman
 * publishes them (maladministration by category, severe maladministration, service failure, reasonable redress),
 * orders by kind beside recommendations made and followed, and payment orders by the category of the point they pay
 * for. They sit beside the per-case {@code ombudsman} measure, whose figures they leave as they were: every figure here
 * is about the referrals that measure counts (referred in the period, in the report's scope). A finding or an order
 * counts once; the cases behind a figure are the complaints it came from.
 */
final class OmbudsmanMeasures {

    static final String ALL_CATEGORIES = "All categories";
    static final String ALL_KINDS = "All kinds";
    static final String ALL_PAYMENTS = "All payment orders";
    static final String NO_CATEGORY = "(no category)";
    static final String NO_POINT = "(not linked to a point)";

    static final Measure FINDINGS = new Measure("ombudsman-findings", "Ombudsman findings by category",
            "The ombudsman's findings on the points of complaint of the complaints referred in the period, counted per point "
                    + "(one complaint may have several) and by the point's category as the determination gives it: "
                    + "maladministration, severe maladministration, service failure, reasonable redress, no maladministration, "
                    + "outside jurisdiction and withdrawn. The first row is every category together.",
            List.of("F-15", "F-9"), "external", new Grouping("Category", "external", false, List.of(ALL_CATEGORIES)),
            Arrays.stream(Finding.values()).map(f -> Figure.external(key(f), capitalised(words(f)), Kind.COUNT)).toList(),
            Chart.NONE);

    static final Measure ORDERS = new Measure("ombudsman-orders", "Ombudsman orders and recommendations by kind",
            "The orders and recommendations the ombudsman made on the complaints referred in the period, by kind (the "
                    + "Ombudsman's own list, among them Complaint Handling Failure Orders): how many orders, how many complied "
                    + "with, how many recommendations, and how many of those the organisation followed and did not follow. "
                    + "Recommendations are kept apart from orders: nothing falls due.",
            List.of("F-15", "F-9"), "external", new Grouping("Kind", "external", false, kindsAlwaysShown()),
            List.of(Figure.external("orders", "Orders", Kind.COUNT), Figure.external("complied", "Orders complied with", Kind.COUNT),
                    Figure.external("recommendations", "Recommendations made", Kind.COUNT),
                    Figure.external("followed", "Recommendations followed", Kind.COUNT),
                    Figure.external("not-followed", "Recommendations not followed", Kind.COUNT)),
            Chart.NONE);

    static final Measure PAYMENTS = new Measure("ombudsman-payments", "Payments the ombudsman ordered, by the point paid for",
            "Orders to pay (orders with an amount) on the complaints referred in the period, by the category of the point "
                    + "of complaint each pays for: how many, the total ordered, and the total of those complied with (paid).",
            List.of("F-15", "F-9", "F-13"), "external", new Grouping("Category of the point paid for", "external", false,
            List.of(ALL_PAYMENTS)),
            List.of(Figure.external("orders", "Payment orders", Kind.COUNT), Figure.external("ordered", "Total ordered", Kind.MONEY),
                    Figure.external("paid", "Total complied with (paid)", Kind.MONEY)),
            Chart.NONE);

    static final List<Measure> DEFINITIONS = List.of(FINDINGS, ORDERS, PAYMENTS);

    private OmbudsmanMeasures() {
    }

    /** The figure key of a finding, e.g. {@code severe-maladministration}. */
    static String key(Finding finding) {
        return finding.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** One measure's tallies over referrals already limited to the report's scope. */
    static ExternalMeasures.Tallies tallies(String id, List<ReferralView> referrals) {
        ExternalMeasures.Tallies t = new ExternalMeasures.Tallies();
        for (ReferralView r : referrals) {
            List<String> ref = List.of(r.caseReference());
            switch (id) {
                case "ombudsman-findings" -> r.findings().forEach(f -> {
                    t.count(ALL_CATEGORIES, key(f.finding()), ref);
                    t.count(f.category() == null ? NO_CATEGORY : f.category(), key(f.finding()), ref);
                });
                case "ombudsman-orders" -> {
                    r.orders().forEach(o -> {
                        for (String group : List.of(ALL_KINDS, o.kind().words())) {
                            t.count(group, "orders", ref);
                            if (!o.open()) {
                                t.count(group, "complied", ref);
                            }
                        }
                    });
                    r.recommendations().forEach(x -> {
                        for (String group : List.of(ALL_KINDS, x.kind().words())) {
                            t.count(group, "recommendations", ref);
                            if (x.followed() != null) {
                                t.count(group, x.followed() ? "followed" : "not-followed", ref);
                            }
                        }
                    });
                }
                case "ombudsman-payments" -> r.orders().stream().filter(o -> o.amount() != null).forEach(o -> {
                    String group = o.point() == null ? NO_POINT : o.category() == null ? NO_CATEGORY : o.category();
                    for (String g : List.of(ALL_PAYMENTS, group)) {
                        t.count(g, "orders", ref);
                        t.add(g, "ordered", r.caseReference(), o.amount());
                        if (!o.open()) {
                            t.add(g, "paid", r.caseReference(), o.amount());
                        }
                    }
                });
                default -> throw new IllegalArgumentException("not an ombudsman measure: " + id);
            }
        }
        return t;
    }

    static boolean handles(String id) {
        return DEFINITIONS.stream().anyMatch(m -> m.id().equals(id));
    }

    /** The total row, then every kind of the Ombudsman's list, so the table shows the whole vocabulary. */
    private static List<String> kindsAlwaysShown() {
        List<String> kinds = new ArrayList<>(List.of(ALL_KINDS));
        Arrays.stream(OrderKind.values()).map(OrderKind::words).forEach(kinds::add);
        return kinds;
    }

    private static String words(Finding f) {
        return f.name().toLowerCase(java.util.Locale.UK).replace('_', ' ');
    }

    private static String capitalised(String words) {
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
