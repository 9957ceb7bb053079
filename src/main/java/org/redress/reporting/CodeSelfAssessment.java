package org.redress.reporting;

import org.jspecify.annotations.Nullable;
import org.redress.policy.ComplianceReport;
import org.redress.policy.PolicyPack;
import org.redress.policy.PolicyPacks;
import org.redress.web.InvalidInputException;
import org.redress.web.NotFoundException;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Housing Ombudsman Code self-assessment in the Ombudsman's columns (Code 8, T-11, R-1, issue 23): every provision
 * of the 2024 Code with its requirement, whether it is met, the evidence, staff's commentary and, where it is not met,
 * the actions with owners, dates and status. The evidence is the pack's own check (the policy) and the year's cases
 * (the practice); whether a provision is met is staff's answer where they gave one, else what the evidence shows:
 * not met where the pack check fails or a timescale was missed, met where the evidence is all in order, and not yet
 * assessed where nothing measures it. The year runs from 1 April, as the Ombudsman's annual submissions do.
 */
@Service
class CodeSelfAssessment {

    /** The data figures a provision's evidence can come from (the resource's {@code data} keys). */
    static final List<String> MEASURES = List.of("code-acknowledgements", "tsm-ch01", "tsm-ch02", "ombudsman-findings",
            "ombudsman-orders", "lessons");

    private final PolicyPacks packs;
    private final Reports reports;
    private final CodeProvisions provisions;
    private final CodeAssessmentStore store;
    private final RefusalLedger refusals;

    CodeSelfAssessment(PolicyPacks packs, Reports reports, CodeProvisions provisions, CodeAssessmentStore store, RefusalLedger refusals) {
        this.packs = packs;
        this.reports = reports;
        this.provisions = provisions;
        this.store = store;
        this.refusals = refusals;
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "CodeAssessmentRow")
    record Row(int section, String sectionTitle, String provision, String requirement, boolean confirmed,
               @Nullable Boolean complies, String decidedBy, List<String> evidence, @Nullable String commentary,
               List<CodeAssessmentStore.Action> actions, boolean actionsNeeded) {

        /** "Yes", "No" or "Not yet assessed". */
        public String compliesInWords() {
            return complies == null ? "Not yet assessed" : complies ? "Yes" : "No";
        }
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "CodeAssessment")
    record Assessment(String organisation, int year, String yearLabel, LocalDate from, LocalDate to, String packId, int packVersion,
                      boolean codeApplies, String source, int provisions, int met, int notMet, int notAssessed, List<Row> rows) {
    }

    /** What the year's data say, worked out once and shared with the annual report. */
    record Evidence(ReportScope scope, List<MeasureResult> measures, List<RefusalLedger.Reason> refusals,
                    CodeAssessmentStore.Response response) {

        @Nullable MeasureResult measure(String id) {
            return measures.stream().filter(m -> m.id().equals(id)).findFirst().orElse(null);
        }
    }

    /** The year from 1 April of {@code year}, as the path gives it; 400 naming "year" otherwise. */
    static int year(String text) {
        try {
            int year = Integer.parseInt(text.strip());
            if (year >= 2000 && year <= 2099) {
                return year;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new InvalidInputException("year", "must be the year the reporting year starts in (it runs from 1 April), like 2025");
    }

    static String label(int year) {
        return year + "/" + String.format("%02d", (year + 1) % 100);
    }

    ReportScope scope(String organisation, int year) {
        return reports.scope(organisation, LocalDate.of(year, 4, 1).toString(), LocalDate.of(year + 1, 3, 31).toString(), null, null);
    }

    Evidence evidence(String organisation, int year) {
        ReportScope scope = scope(organisation, year);
        return new Evidence(scope, reports.all(scope, MEASURES), refusals.inPeriod(scope), store.response(organisation, year));
    }

    Assessment assess(String organisation, int year) {
        return assess(evidence(organisation, year), year);
    }

    Assessment assess(Evidence evidence, int year) {
        String organisation = evidence.scope().organisation();
        PolicyPack pack = packs.active(organisation).orElseThrow(() -> new NotFoundException("organisation",
                "organisation '" + organisation + "' has no active policy pack"));
        ComplianceReport check = packs.compliance(pack);
        Map<String, CodeAssessmentStore.Entry> entries = store.entries(organisation, year);
        Map<String, DataSays> data = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        int met = 0;
        int notMet = 0;
        for (CodeProvisions.Section section : provisions.code().sections()) {
            for (CodeProvisions.Provision p : section.provisions()) {
                List<String> said = new ArrayList<>();
                boolean failed = false;
                boolean passed = false;
                for (String id : p.pack()) {
                    ComplianceReport.Finding f = check.finding(id).orElse(null);
                    if (f == null) {
                        if (!check.applies()) {
                            said.add("Policy: " + check.summary());
                        }
                        continue;
                    }
                    said.add("Policy (" + pack.id() + " version " + pack.version() + "): " + (f.passed() ? "meets" : "does not meet")
                            + " the Code: " + f.reason());
                    failed |= !f.passed();
                    passed |= f.passed();
                }
                for (String key : p.data()) {
                    DataSays d = data.computeIfAbsent(key, k -> DataSays.of(k, evidence));
                    said.add(d.text());
                    if (d.meets() != null) {
                        failed |= !d.meets();
                        passed |= d.meets();
                    }
                }
                CodeAssessmentStore.Entry entry = entries.getOrDefault(p.provision(), CodeAssessmentStore.Entry.empty(p.provision()));
                Boolean complies;
                String decidedBy;
                if (entry.complies() != null) {
                    complies = entry.complies();
                    decidedBy = "staff";
                } else if (failed || passed) {
                    complies = !failed;
                    decidedBy = "evidence";
                } else {
                    complies = null;
                    decidedBy = "not yet assessed";
                }
                met += Boolean.TRUE.equals(complies) ? 1 : 0;
                notMet += Boolean.FALSE.equals(complies) ? 1 : 0;
                rows.add(new Row(section.number(), section.title(), p.provision(), p.requirement(), p.confirmed(), complies, decidedBy,
                        List.copyOf(said), entry.commentary(), entry.actions(), Boolean.FALSE.equals(complies) && entry.actions().isEmpty()));
            }
        }
        return new Assessment(organisation, year, label(year), evidence.scope().from(), evidence.scope().to(), pack.id(), pack.version(),
                check.applies(), provisions.code().source(), rows.size(), met, notMet, rows.size() - met - notMet, rows);
    }

    /** One data key's evidence in words, and whether it shows the provision met (null: it shows neither). */
    record DataSays(String text, @Nullable Boolean meets) {

        static DataSays of(String key, Evidence e) {
            return switch (key) {
                case "ack-1" -> timely(e, "code-acknowledgements", "Stage 1", "within-5-working-days", "stage 1 complaints acknowledged within the Code's timescale");
                case "ack-2" -> timely(e, "code-acknowledgements", "Stage 2", "within-5-working-days", "escalation requests acknowledged within the Code's timescale");
                case "respond-1" -> timely(e, "tsm-ch02", "Stage 1", "within-code-timescale", "stage 1 responses sent within the Code's timescale");
                case "respond-2" -> timely(e, "tsm-ch02", "Stage 2", "within-code-timescale", "stage 2 responses sent within the Code's timescale");
                case "stages" -> new DataSays("Cases: " + count(e, "tsm-ch01", "Stage 1", "received") + " complaints received at stage 1 and "
                        + count(e, "tsm-ch01", "Stage 2", "received") + " escalated to stage 2 in " + period(e), null);
                case "refusals" -> refusals(e);
                case "lessons" -> new DataSays("Cases: " + total(e, "lessons", "service-changes") + " service changes and "
                        + total(e, "lessons", "lessons") + " lessons from complaints live in " + period(e) + ", "
                        + total(e, "lessons", "introduced") + " of them introduced in the year", null);
                case "ombudsman" -> new DataSays("Cases: the Ombudsman's findings on complaints referred in " + period(e) + ": "
                        + findings(e) + "; orders made: " + count(e, "ombudsman-orders", OmbudsmanMeasures.ALL_KINDS, "orders")
                        + ", of them complied with: " + count(e, "ombudsman-orders", OmbudsmanMeasures.ALL_KINDS, "complied"), null);
                case "report" -> e.response().publishedOn() == null
                        ? new DataSays("Annual report: the governing body's response and the date published are not yet recorded", null)
                        : new DataSays("Annual report: published on " + e.response().publishedOn() + (e.response().response() == null
                        ? " without the governing body's response recorded" : " with the governing body's response"
                        + (e.response().respondedOn() == null ? "" : " of " + e.response().respondedOn())), e.response().response() != null);
                default -> throw new IllegalStateException("unknown evidence '" + key + "' in " + CodeProvisions.RESOURCE);
            };
        }

        private static DataSays timely(Evidence e, String measure, String group, String figure, String says) {
            MeasureResult.Cell cell = cell(e, measure, group, figure);
            if (cell == null || cell.of() == null || cell.of() == 0) {
                return new DataSays("Cases: none to measure in " + period(e) + " (" + says + ")", null);
            }
            String percent = cell.value() == null ? "" : " (" + SelfAssessment.format(Math.round(cell.value() * 10) / 10.0) + "%)";
            return new DataSays("Cases: " + cell.count() + " of " + cell.of() + " " + says + percent + " in " + period(e),
                    cell.count() == cell.of());
        }

        private static DataSays refusals(Evidence e) {
            int notAccepted = e.refusals().stream().filter(r -> r.kind().equals(RefusalLedger.NOT_ACCEPTED)).mapToInt(RefusalLedger.Reason::count).sum();
            int escalations = e.refusals().stream().filter(r -> r.kind().equals(RefusalLedger.ESCALATION_REFUSED)).mapToInt(RefusalLedger.Reason::count).sum();
            StringBuilder text = new StringBuilder("Cases: " + notAccepted + " complaints not accepted and " + escalations
                    + " escalations refused in " + period(e));
            if (!e.refusals().isEmpty()) {
                text.append(", each with its ground recorded: ");
                text.append(String.join("; ", e.refusals().stream().map(r -> r.reason() + " " + r.count()).toList()));
            }
            return new DataSays(text.toString(), null);
        }

        private static String findings(Evidence e) {
            MeasureResult m = e.measure("ombudsman-findings");
            MeasureResult.Row all = m == null ? null : m.row(OmbudsmanMeasures.ALL_CATEGORIES);
            if (all == null) {
                return "none";
            }
            List<String> found = new ArrayList<>();
            for (int i = 0; i < all.cells().size(); i++) {
                MeasureResult.Cell c = all.cells().get(i);
                if (c.value() != null && c.value() > 0) {
                    found.add(m.columns().get(i).label().toLowerCase(java.util.Locale.UK) + " " + SelfAssessment.format(c.value()));
                }
            }
            return found.isEmpty() ? "none" : String.join(", ", found);
        }

        private static MeasureResult.@Nullable Cell cell(Evidence e, String measure, String group, String figure) {
            MeasureResult m = e.measure(measure);
            MeasureResult.Row row = m == null ? null : m.row(group);
            return row == null ? null : row.cell(figure);
        }

        private static String count(Evidence e, String measure, String group, String figure) {
            MeasureResult.Cell c = cell(e, measure, group, figure);
            return c == null || c.value() == null ? "0" : SelfAssessment.format(c.value());
        }

        private static String total(Evidence e, String measure, String figure) {
            MeasureResult m = e.measure(measure);
            double sum = 0;
            if (m != null) {
                for (MeasureResult.Row r : m.rows()) {
                    MeasureResult.Cell c = r.cell(figure);
                    sum += c == null || c.value() == null ? 0 : c.value();
                }
            }
            return SelfAssessment.format(sum);
        }

        private static String period(Evidence e) {
            return e.scope().from() + " to " + e.scope().to();
        }
    }
}
