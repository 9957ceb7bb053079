package org.redress.reporting;

import org.redress.calendar.ClockUnit;
import org.redress.casework.CaseTypes.Tenure;
import org.redress.policy.CodeTimescales;
import org.redress.policy.DispFigures;
import org.redress.reporting.Measure.Chart;
import org.redress.reporting.Measure.Figure;
import org.redress.reporting.Measure.Grouping;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every measure Redress reports, each defined once here: the text people read and the SQL that computes it come
 * from the same entry, so they cannot drift apart. {@code docs/reporting.md} lists them. The Housing Ombudsman Code's
 * timescales in them (TSM CH02, acknowledgements) are the active Code reference pack's ({@link CodeTimescales}), never
 * figures written here: the text and the SQL of a measure are made from the same figures.
 */
final class Measures {

    private Measures() {
    }

    // ---- the building blocks, each a predicate over one read-model row r --------------------------------------

    /** A complaint: a record type that runs through the stages (not a compliment, comment or service request). */
    static final String COMPLAINT = "r.staged";
    /** The row that stands for the whole case: its first stage (stage 0 for contacts outside the stages). */
    static final String CASE_ROW = "r.stage <= 1";
    static final String RECEIVED_IN_PERIOD = "r.received_at >= :from and r.received_at < :to";
    static final String RESPONDED_IN_PERIOD = "r.responded_at >= :from and r.responded_at < :to";
    static final String ACKNOWLEDGED_IN_PERIOD = "r.acknowledged_at >= :from and r.acknowledged_at < :to";
    static final String CLOSED_IN_PERIOD = "r.closed_at >= :from and r.closed_at < :to and r.case_status = 'CLOSED'";
    static final String ENDED_IN_PERIOD = "r.closed_at >= :from and r.closed_at < :to";
    /** Open at the end of the period: received, and neither responded to nor closed (withdrawn, declined) by then. */
    static final String OPEN_AT_END = "r.received_at < :asOf and (r.ended_at is null or r.ended_at >= :asOf)";
    /**
     * The period's edge (issue 23, T-11, R-1): {@code :asOf} is the first instant after the period, and a deadline "by the
     * end of" a day is that instant ({@code UkTime.endOf}). A stage still open at the end whose deadline falls within the
     * period, by the end of its last day at the latest, has missed it: nothing sent after the period was sent within it.
     * Only a deadline after the period's end is still within time.
     */
    static final String WITHIN_TIME_AT_END = "(r.respond_due_by is null or r.respond_due_by > :asOf)";
    static final String OVERDUE_AT_END = "r.respond_due_by <= :asOf";
    /** Responded by the response clock's deadline, after any extension the policy allowed. */
    static final String RESPONDED_IN_TIME = "r.responded_at <= r.respond_due_by";
    /**
     * Within the Housing Ombudsman Code's timescale: the reference pack's working days from acknowledgement at stage 1
     * (6.3) and at stage 2 (6.14); with the setting on, a response by the deadline of an extension agreed under the policy
     * also counts.
     */
    static String withinCodeTimescale(CodeTimescales code) {
        return "(r.code_working_days <= case when r.stage = 1 then " + code.stage1Response() + " else " + code.stage2Response()
                + " end or (:extensionsInTime and r.extended and r.responded_at <= r.respond_due_by))";
    }
    static final String DAYS_TO_CLOSE = "extract(epoch from (r.closed_at - r.case_received_at)) / 86400.0";
    /** The UK calendar month of receipt, e.g. 2026-11 (kept on the row, so grouping converts no time zones). */
    static final String UK_MONTH = "r.received_month";
    static final String STAGE = "'Stage ' || r.stage";
    static final String SERVICE_AREA = "coalesce(r.service_area, '(no service area)')";
    /**
     * The period predicates figures start with, most specific first: the rows a measure reads are found through these
     * (each has an index).
     */
    static final List<String> PERIODS = List.of(CLOSED_IN_PERIOD, ENDED_IN_PERIOD, RECEIVED_IN_PERIOD, RESPONDED_IN_PERIOD,
            ACKNOWLEDGED_IN_PERIOD, OPEN_AT_END);
    static final List<String> STAGES_1_AND_2 = List.of("Stage 1", "Stage 2");
    /**
     * The tenures the regulator splits CH01 and CH02 by, in the order their rows are shown, with the words each
     * row's group ends in: "Stage 1: low-cost rental (LCRA)". Other and unknown tenures have rows too, so a stage's rows
     * add up to its total.
     */
    static final Map<Tenure, String> TENURES = tenures();
    /** The row's tenure in words, from {@link #TENURES}. */
    static final String TENURE = "case r.tenure" + TENURES.entrySet().stream().filter(t -> t.getKey() != Tenure.UNKNOWN)
            .map(t -> " when '" + t.getKey().name() + "' then '" + t.getValue() + "'").collect(Collectors.joining())
            + " else '" + TENURES.get(Tenure.UNKNOWN) + "' end";
    static final String STAGE_AND_TENURE = STAGE + " || ': ' || " + TENURE;
    /** Stage 1 and its tenures, then stage 2 and its tenures: every row of CH01 and CH02, shown even when empty. */
    static final List<String> STAGES_1_AND_2_BY_TENURE = STAGES_1_AND_2.stream()
            .flatMap(stage -> Stream.concat(Stream.of(stage), TENURES.values().stream().map(t -> stage + ": " + t))).toList();
    static final String DEBT_ADVICE = "r.service_line = 'debt-advice'";
    /**
     * A case under the pack's own procedure (F-8, issue 23): not on a service line that runs a procedure of its own (home
     * care under the social care rules, debt advice under DISP); {@code :ownProcedureLines} are those lines of the
     * organisation's active pack. The Tenant Satisfaction Measures CH01 and CH02 count these alone (housing).
     */
    static final String PACK_PROCEDURE = "coalesce(r.service_line, '') <> all(:ownProcedureLines)";

    /** Every measure with the figures in REGULATIONS.md: their ids and what {@code docs/reporting.md} states. */
    static final List<Measure> ALL = definitions(PackFigures.SHIPPED);

    private static final Map<PackFigures, List<Measure>> BY_FIGURES = new ConcurrentHashMap<>();

    /** Every measure, its Code timescales those given and the other figures the shipped packs'. */
    static List<Measure> all(CodeTimescales code) {
        return all(new PackFigures(code, PackFigures.SHIPPED.disp(), PackFigures.SHIPPED.respondHours()));
    }

    /** Every measure, its timescales those given. */
    static List<Measure> all(PackFigures figures) {
        return BY_FIGURES.computeIfAbsent(figures, Measures::definitions);
    }

    private static List<Measure> definitions(PackFigures figures) {
        CodeTimescales code = figures.code();
        DispFigures disp = figures.disp();
        int first = disp.firstBandWeeks();
        int last = disp.finalResponseWeeks();
        String hours = ClockUnit.CLOCK_HOURS.describe(figures.respondHours());
        String acknowledge = acknowledgeWithin(code);
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(
            new Measure("complaints-received", "Complaints received",
                    "Complaints (record types handled through the stages) whose first stage was received in the period, by receipt date in UK time.",
                    List.of("S0-11", "F-15", "H-11", "T-11"), COMPLAINT + " and " + CASE_ROW, null,
                    List.of(Figure.count("received", "Received", RECEIVED_IN_PERIOD)), Chart.NONE),
            new Measure("received-by-month", "Complaints received by month",
                    "Complaints received in the period, counted in the UK calendar month of receipt: the trend.",
                    List.of("S0-11", "F-14", "F-15"), COMPLAINT + " and " + CASE_ROW, new Grouping("Month", UK_MONTH, false),
                    List.of(Figure.count("received", "Received", RECEIVED_IN_PERIOD)), Chart.line("received")),
            new Measure("received-by-service-area", "New complaints by service area",
                    "Complaints received in the period, by the service area they are filed under.",
                    List.of("H-11"), COMPLAINT + " and " + CASE_ROW, new Grouping("Service area", SERVICE_AREA, true),
                    List.of(Figure.count("received", "Received", RECEIVED_IN_PERIOD)), Chart.bar("received")),
            new Measure("subjects", "Complaints by subject and sub-subject",
                    "Complaints received in the period, by subject and sub-subject as classified on the case, most frequent first.",
                    List.of("S0-11", "F-15"), COMPLAINT + " and " + CASE_ROW,
                    new Grouping("Subject / sub-subject", "coalesce(r.subject, '(no subject)') || ' / ' || coalesce(r.sub_subject, '-')", true),
                    List.of(Figure.count("received", "Received", RECEIVED_IN_PERIOD)), Chart.bar("received")),
            new Measure("categories", "Complaints by category",
                    "Complaints received in the period, by the category of the policy's list chosen when each was logged, most frequent first.",
                    List.of("H-1"), COMPLAINT + " and " + CASE_ROW,
                    new Grouping("Category", "coalesce(r.category, '(no category)')", true),
                    List.of(Figure.count("received", "Received", RECEIVED_IN_PERIOD)), Chart.bar("received")),
            // the id and the figure's key name the figure of 247 Alliance's pack when the measure was made (S0-7): they
            // are ids, kept for the API, exports and benchmarks, while the title and labels say the figure in force
            new Measure("responded-within-48-hours", "Responded within " + hours,
                    "Of the stage 1 complaint responses sent in the period, the share sent within " + figures.respondHours()
                            + " clock hours of the complaint's receipt.",
                    List.of("S0-11", "S0-7"), COMPLAINT + " and r.stage = 1", null,
                    List.of(Figure.count("responses", "Responses", RESPONDED_IN_PERIOD),
                            Figure.percent("within-48-hours", "% within " + hours,
                                    "r.responded_at <= r.received_at + interval '" + figures.respondHours() + " hours'",
                                    RESPONDED_IN_PERIOD)), Chart.NONE),
            new Measure("response-times", "Response times against the policy's timescale",
                    "Responses sent in the period at each stage: how many, the share sent by the response deadline of the case's "
                            + "policy (after any extension it allowed), and the average working days from the stage's receipt to the response.",
                    List.of("F-15", "T-11", "A-4", "A-7", "T-7", "T-9"), COMPLAINT, new Grouping("Stage", STAGE, false),
                    List.of(Figure.count("responses", "Responses", RESPONDED_IN_PERIOD),
                            Figure.percent("in-time", "% in time", RESPONDED_IN_TIME, RESPONDED_IN_PERIOD),
                            Figure.count("late", "Late", RESPONDED_IN_PERIOD + " and r.responded_at > r.respond_due_by"),
                            Figure.average("average-working-days", "Average working days to respond", RESPONDED_IN_PERIOD,
                                    "r.respond_working_days")), Chart.bar("in-time")),
            new Measure("outcomes", "Outcomes of responses",
                    "Responses sent in the period at each stage by decision: upheld if any point was upheld, partly upheld if any "
                            + "point was partly upheld, otherwise not upheld.",
                    List.of("F-15", "H-11", "T-11"), COMPLAINT, new Grouping("Stage", STAGE, false),
                    List.of(Figure.count("upheld", "Upheld", RESPONDED_IN_PERIOD + " and r.outcome = 'UPHELD'"),
                            Figure.count("partly-upheld", "Partly upheld", RESPONDED_IN_PERIOD + " and r.outcome = 'PARTLY_UPHELD'"),
                            Figure.count("not-upheld", "Not upheld", RESPONDED_IN_PERIOD + " and r.outcome = 'NOT_UPHELD'")), Chart.stacked("upheld", "partly-upheld", "not-upheld")),
            new Measure("escalations", "Escalations (appeals) and their results",
                    "Escalation requests received in the period (stage 2 and later), and what became of them: the stage's decision, "
                            + "refused escalations, and those still awaiting a response.",
                    List.of("F-15", "A-6", "T-8"), COMPLAINT + " and r.stage >= 2", new Grouping("Stage", STAGE, false),
                    List.of(Figure.count("received", "Escalations", RECEIVED_IN_PERIOD),
                            Figure.count("upheld", "Upheld", RECEIVED_IN_PERIOD + " and r.outcome = 'UPHELD'"),
                            Figure.count("partly-upheld", "Partly upheld", RECEIVED_IN_PERIOD + " and r.outcome = 'PARTLY_UPHELD'"),
                            Figure.count("not-upheld", "Not upheld", RECEIVED_IN_PERIOD + " and r.outcome = 'NOT_UPHELD'"),
                            Figure.count("refused", "Escalation refused", RECEIVED_IN_PERIOD + " and r.escalation_refused"),
                            Figure.count("awaiting", "Awaiting a response", RECEIVED_IN_PERIOD
                                    + " and r.responded_at is null and not r.escalation_refused and r.closed_at is null")), Chart.NONE),
            new Measure("open-complaints", "Open complaints: within time and overdue",
                    "Complaint stages open at the end of the period (received, not yet responded to, not withdrawn or declined), by "
                            + "service area: in category (the response deadline falls after the period's end) and out of category (overdue: the deadline fell within the period, a deadline by the end of its last day included).",
                    List.of("H-11", "S0-10"), COMPLAINT, new Grouping("Service area", SERVICE_AREA, true),
                    List.of(Figure.count("open", "Open", OPEN_AT_END),
                            Figure.count("in-category", "Open, within time", OPEN_AT_END + " and " + WITHIN_TIME_AT_END),
                            Figure.count("out-of-category", "Open, overdue", OPEN_AT_END + " and " + OVERDUE_AT_END)), Chart.stacked("in-category", "out-of-category")),
            new Measure("closed", "Closed complaints and average time to close",
                    "Complaints closed in the period (not counting withdrawn or declined ones), and the average calendar days from the "
                            + "complaint's receipt to its closure.",
                    List.of("H-11"), COMPLAINT + " and " + CASE_ROW, null,
                    List.of(Figure.count("closed", "Closed", CLOSED_IN_PERIOD),
                            Figure.average("average-days-to-close", "Average days to close", CLOSED_IN_PERIOD, DAYS_TO_CLOSE)), Chart.NONE),
            new Measure("satisfaction", "Satisfaction with complaint handling and outcome",
                    "Of the complaints closed in the period whose complainant answered the question, the share satisfied with the "
                            + "handling, and of those who answered about the outcome, the share satisfied with it.",
                    List.of("H-11", "H-7", "F-15", "TSM TP09"), COMPLAINT + " and " + CASE_ROW, null,
                    List.of(Figure.percent("handling", "% satisfied with handling", "r.satisfied_handling",
                                    CLOSED_IN_PERIOD + " and r.satisfied_handling is not null"),
                            Figure.percent("outcome", "% satisfied with outcome", "r.satisfied_outcome",
                                    CLOSED_IN_PERIOD + " and r.satisfied_outcome is not null")), Chart.bar("handling", "outcome")),
            new Measure("tsm-ch01", "TSM CH01: complaints per 1,000 homes",
                    "Stage 1 and stage 2 complaints received in the period (housing: not those of a service line with a procedure of "
                            + "its own, such as home care or debt advice), each divided by the organisation's number of homes for "
                            + "the year the period ends in, times 1,000 (the Regulator of Social Housing's CH01); each stage also "
                            + "split by the complainant's tenure, low-cost rental (LCRA) and low-cost home ownership (LCHO) each "
                            + "divided by that tenure's homes, other and unknown tenures counted without a rate, so a stage's tenure "
                            + "rows add up to its total.",
                    List.of("R-2", "TSM CH01", "F-8"), COMPLAINT + " and r.stage in (1, 2) and " + PACK_PROCEDURE,
                    new Grouping("Stage and tenure", STAGE, false, STAGES_1_AND_2_BY_TENURE, List.of(STAGE_AND_TENURE)),
                    List.of(Figure.count("received", "Received", RECEIVED_IN_PERIOD),
                            Figure.perThousandHomes("per-1000-homes", "Per 1,000 homes", RECEIVED_IN_PERIOD)), Chart.NONE),
            new Measure("tsm-ch02", "TSM CH02: responded to within the Code's timescales",
                    "Of the stage 1 and stage 2 responses sent in the period (housing: not those of a service line with a procedure of "
                            + "its own), the share within the Housing Ombudsman Code's "
                            + "timescale: " + ClockUnit.WORKING_DAYS.describe(code.stage1Response()) + " from acknowledgement at "
                            + "stage 1, " + code.stage2Response() + " at stage 2 (from receipt when the "
                            + "response was the acknowledgement). With the setting 'agreed extensions count as in time' on, a response "
                            + "by the deadline of an extension granted under the policy also counts. Each stage is also split by the "
                            + "complainant's tenure (low-cost rental, low-cost home ownership, other, unknown), so a stage's tenure "
                            + "rows add up to its total.",
                    List.of("R-2", "TSM CH02", "Code 6.3", "Code 6.14", "F-8"), COMPLAINT + " and r.stage in (1, 2) and " + PACK_PROCEDURE,
                    new Grouping("Stage and tenure", STAGE, false, STAGES_1_AND_2_BY_TENURE, List.of(STAGE_AND_TENURE)),
                    List.of(Figure.count("responses", "Responses", RESPONDED_IN_PERIOD),
                            Figure.percent("within-code-timescale", "% within the Code's timescale", withinCodeTimescale(code),
                                    RESPONDED_IN_PERIOD)), Chart.bar("within-code-timescale")),
            new Measure("code-acknowledgements", "Acknowledged within " + acknowledge,
                    "Of the stage 1 complaints and stage 2 escalation requests acknowledged in the period, the share acknowledged "
                            + "within " + ClockUnit.WORKING_DAYS.describe(code.stage1Acknowledge()) + " of receipt"
                            + (code.stage1Acknowledge() == code.stage2Acknowledge() ? "" : " at stage 1, " + code.stage2Acknowledge()
                            + " at stage 2") + " (Code 6.2 and 6.11).",
                    List.of("R-1", "Code 6.2", "Code 6.11", "A-2", "T-6"), COMPLAINT + " and r.stage in (1, 2)",
                    new Grouping("Stage", STAGE, false, STAGES_1_AND_2),
                    List.of(Figure.count("acknowledged", "Acknowledged", ACKNOWLEDGED_IN_PERIOD),
                            // the figure's key names the Code's figure when the measure was made: it is an id, kept for
                            // the API, exports and benchmarks, while its label says the figure in force
                            Figure.percent("within-5-working-days", "% within " + acknowledge, "r.ack_working_days <= case when r.stage = 1 then "
                                            + code.stage1Acknowledge() + " else " + code.stage2Acknowledge() + " end",
                                    ACKNOWLEDGED_IN_PERIOD)), Chart.NONE),
            new Measure("disp-return", "FCA DISP complaints return (debt advice)",
                    "Debt advice complaints: received in the period; those that ended in the period (closed, withdrawn or declined) by "
                            + "time from receipt: within " + first + " weeks (up to " + disp.firstBandDays() + " days), " + first + " to "
                            + last + " weeks (" + (disp.firstBandDays() + 1) + " to " + disp.finalResponseDays() + " days), over "
                            + last + " weeks; and those "
                            + "ended in the period that were upheld in whole or in part.",
                    List.of("R-5", "FCA DISP 1.10", "F-8"), COMPLAINT + " and " + CASE_ROW + " and " + DEBT_ADVICE, null,
                    List.of(Figure.count("received", "Received", RECEIVED_IN_PERIOD),
                            // the keys name the DISP pack's bands when the measure was made: ids, while the labels and
                            // the SQL take the bands in force
                            Figure.count("closed-within-4-weeks", "Closed within " + first + " weeks",
                                    ENDED_IN_PERIOD + " and r.closed_at <= r.case_received_at + interval '" + disp.firstBandDays() + " days'"),
                            Figure.count("closed-4-to-8-weeks", "Closed in " + first + " to " + last + " weeks",
                                    ENDED_IN_PERIOD + " and r.closed_at > r.case_received_at + interval '" + disp.firstBandDays() + " days'"
                                            + " and r.closed_at <= r.case_received_at + interval '" + disp.finalResponseDays() + " days'"),
                            Figure.count("closed-over-8-weeks", "Closed after more than " + last + " weeks",
                                    ENDED_IN_PERIOD + " and r.closed_at > r.case_received_at + interval '" + disp.finalResponseDays() + " days'"),
                            Figure.count("upheld", "Upheld (in whole or in part)",
                                    ENDED_IN_PERIOD + " and r.outcome in ('UPHELD', 'PARTLY_UPHELD')")), Chart.NONE)), ExternalMeasures.DEFINITIONS.stream()).toList();
    }

    /** The measures on the dashboard page, in order: what complaint managers and the Board watch. */
    static final List<String> DASHBOARD = List.of("complaints-received", "received-by-month", "response-times", "open-complaints",
            "outcomes", "subjects", "received-by-service-area", "satisfaction", "closed", "escalations");
    /** The measures on the regulatory returns page: what regulators and the policies' own monitoring clauses ask for. */
    static final List<String> RETURNS = List.of("tsm-ch01", "tsm-ch02", "code-acknowledgements", "responded-within-48-hours",
            "ombudsman", "ombudsman-findings", "ombudsman-orders", "ombudsman-payments", "disp-return", "disp-redress", "compensation", "lessons");

    /** The measure lists of the reporting pages, by the page's name in URLs. */
    static final java.util.Map<String, List<String>> PAGES = java.util.Map.of("dashboard", DASHBOARD, "returns", RETURNS);

    /** "5 working days", or "5 working days at stage 1, 3 at stage 2" when the Code gives the stages different figures. */
    static String acknowledgeWithin(CodeTimescales code) {
        String first = ClockUnit.WORKING_DAYS.describe(code.stage1Acknowledge());
        return code.stage1Acknowledge() == code.stage2Acknowledge() ? first
                : first + " at stage 1, " + code.stage2Acknowledge() + " at stage 2";
    }

    static Optional<Measure> find(String id) {
        return find(ALL, id);
    }

    static Optional<Measure> find(List<Measure> measures, String id) {
        return measures.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /** The tenure a row of CH01 or CH02 is about ("Stage 1: low-cost rental (LCRA)"); empty for a stage's total or any other row. */
    static Optional<Tenure> tenureOf(String group) {
        return TENURES.entrySet().stream().filter(t -> group.endsWith(": " + t.getValue())).map(Map.Entry::getKey).findFirst();
    }

    private static Map<Tenure, String> tenures() {
        Map<Tenure, String> tenures = new LinkedHashMap<>();
        tenures.put(Tenure.LOW_COST_RENTAL, "low-cost rental (LCRA)");
        tenures.put(Tenure.LOW_COST_HOME_OWNERSHIP, "low-cost home ownership (LCHO)");
        tenures.put(Tenure.OTHER, "other tenure (not LCRA or LCHO)");
        tenures.put(Tenure.UNKNOWN, "unknown tenure");
        return java.util.Collections.unmodifiableMap(tenures);
    }
}
