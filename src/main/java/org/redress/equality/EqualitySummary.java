package org.redress.equality;

import org.jspecify.annotations.Nullable;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Equality monitoring in aggregate (H-3): for each question, the responses in each group, with any group of fewer
 * than {@link #SMALLEST_GROUP} hidden, and the share of complaints compared with the share of customers.
 * <p>
 * Hiding: a group with fewer than 5 responses (including none) shows as "fewer than 5" with no share. So that a hidden
 * group cannot be worked out by subtracting the shown ones from the total, a question never has exactly one hidden
 * group: the next smallest is hidden with it. The same holds among the groups people chose (not "prefer not to say",
 * not unanswered), whose shares would otherwise give their total away. With fewer than 5 responses in all, nothing
 * is shown.
 * <p>
 * Under-represented: a group whose share of the complaints that answered the question is more than
 * {@link #UNDER_REPRESENTED_POINTS} percentage points below its share of the organisation's customers.
 */
public record EqualitySummary(String organisation, YearMonth from, YearMonth to, String responses, int smallestGroup,
                              int underRepresentedPoints, boolean profileSet, List<QuestionSummary> questions) {

    public static final int SMALLEST_GROUP = 5;
    public static final int UNDER_REPRESENTED_POINTS = 5;
    static final String FEWER = "fewer than " + SMALLEST_GROUP;
    static final String NOT_ANSWERED = "not-answered";

    public record QuestionSummary(String question, String label, List<Group> groups) {
    }

    /**
     * One group of a question.
     *
     * @param responses        the count, or "fewer than 5"
     * @param shareOfComplaints percent of responses that answered this question, or null when hidden or not a group
     * @param shareOfCustomers percent from the customer profile, or null when not set
     */
    public record Group(String answer, String label, String responses, @Nullable Double shareOfComplaints,
                        @Nullable Double shareOfCustomers, boolean underRepresented) {
    }

    /**
     * @param counts  per question code, the responses per answer code (a missing answer is {@link #NOT_ANSWERED})
     * @param profile per question code, the percent of customers per answer code
     */
    static EqualitySummary of(String organisation, YearMonth from, YearMonth to, int total, Map<String, Map<String, Integer>> counts,
                              Map<String, Map<String, Double>> profile) {
        List<QuestionSummary> questions = new ArrayList<>();
        for (Question q : Question.values()) {
            Map<String, Integer> byAnswer = counts.getOrDefault(q.code(), Map.of());
            Map<String, Double> customers = profile.getOrDefault(q.code(), Map.of());
            List<String> order = new ArrayList<>(q.choices().stream().map(Question.Answer::code).toList());
            order.add(NOT_ANSWERED);
            Set<String> known = new HashSet<>(q.groups().stream().map(Question.Answer::code).toList());
            Set<String> hidden = hidden(order, known, byAnswer, total);
            int answered = known.stream().mapToInt(a -> byAnswer.getOrDefault(a, 0)).sum();
            List<Group> groups = new ArrayList<>();
            for (String answer : order) {
                int n = byAnswer.getOrDefault(answer, 0);
                boolean isGroup = known.contains(answer);
                Double share = !isGroup || answered == 0 ? null : round(100.0 * n / answered);
                Double customerShare = customers.get(answer);
                boolean under = isGroup && customerShare != null && answered >= SMALLEST_GROUP && total >= SMALLEST_GROUP
                        && customerShare - 100.0 * n / answered > UNDER_REPRESENTED_POINTS;
                groups.add(new Group(answer, label(q, answer), hidden.contains(answer) ? FEWER : Integer.toString(n),
                        hidden.contains(answer) ? null : share, customerShare, under));
            }
            questions.add(new QuestionSummary(q.code(), q.label(), groups));
        }
        return new EqualitySummary(organisation, from, to, total < SMALLEST_GROUP ? FEWER : Integer.toString(total), SMALLEST_GROUP,
                UNDER_REPRESENTED_POINTS, !profile.isEmpty(), questions);
    }

    /** The groups to hide: the small ones, then the next smallest while exactly one is hidden (overall or among the chosen groups). */
    static Set<String> hidden(List<String> order, Set<String> known, Map<String, Integer> counts, int total) {
        Set<String> hidden = new HashSet<>();
        if (total < SMALLEST_GROUP) {
            hidden.addAll(order);
            return hidden;
        }
        for (String a : order) {
            if (counts.getOrDefault(a, 0) < SMALLEST_GROUP) {
                hidden.add(a);
            }
        }
        while (true) {
            long hiddenKnown = hidden.stream().filter(known::contains).count();
            List<String> candidates;
            if (hiddenKnown == 1) {
                candidates = order.stream().filter(a -> known.contains(a) && !hidden.contains(a)).toList();
            } else if (hidden.size() == 1) {
                candidates = order.stream().filter(a -> !hidden.contains(a)).toList();
            } else {
                return hidden;
            }
            if (candidates.isEmpty()) {
                return hidden;
            }
            hidden.add(candidates.stream().min(Comparator.comparingInt(a -> counts.getOrDefault(a, 0))).orElseThrow());
        }
    }

    private static String label(Question q, String answer) {
        if (answer.equals(NOT_ANSWERED)) {
            return "Not answered";
        }
        return q.choices().stream().filter(a -> a.code().equals(answer)).map(Question.Answer::label).findFirst().orElse(answer);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
