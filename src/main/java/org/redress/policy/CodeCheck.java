package org.redress.policy;

import org.redress.policy.ComplianceReport.Finding;
import org.redress.policy.ComplianceReport.Outcome;
import org.redress.policy.PolicyPack.ClockRule;
import org.redress.policy.PolicyPack.ExtensionRule;
import org.redress.policy.PolicyPack.Milestone;
import org.redress.policy.PolicyPack.Stage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Checks a social landlord's pack against the Housing Ombudsman Complaint Handling Code 2024, provision by
 * provision. Clocks are judged by the deadline they produce, not by their wording: a clock counted from an earlier
 * milestone than the Code's (the Trust counts from logging, the Code from acknowledgement) passes when its
 * deadline can never fall after the Code's, and the reason says so.
 */
final class CodeCheck {

    private final CodeFigures code;
    private final List<Finding> findings = new ArrayList<>();

    private CodeCheck(CodeFigures code) {
        this.code = code;
    }

    static ComplianceReport check(PolicyPack pack, CodeFigures code) {
        if (!pack.organisation().socialLandlord()) {
            return new ComplianceReport(pack.id(), pack.version(), false, true, code.source(),
                    pack.organisation().name() + " does not declare itself a social landlord, so the Housing Ombudsman "
                            + "Code check does not apply", List.of());
        }
        return new CodeCheck(code).run(pack);
    }

    private ComplianceReport run(PolicyPack pack) {
        stageCount(pack);
        Optional<Stage> one = pack.stage(1);
        Optional<Stage> two = pack.stage(2);
        clock("6.2", "stage 1 is acknowledged within " + code.stage1Acknowledge().describe(), one, 1,
                Milestone.ACKNOWLEDGED, code.stage1Acknowledge());
        clock("6.3", "the stage 1 response is sent within " + code.stage1Response().describe(), one, 1,
                Milestone.RESPONDED, code.stage1Response());
        extensionLimit("6.4", one, 1, code.stage1Extension());
        ombudsmanOnExtension(pack);
        clock("6.11", "an escalation request is acknowledged within " + code.stage2Acknowledge().describe(), two, 2,
                Milestone.ACKNOWLEDGED, code.stage2Acknowledge());
        differentHandler(pack, two);
        clock("6.14", "the stage 2 response is sent within " + code.stage2Response().describe(), two, 2,
                Milestone.RESPONDED, code.stage2Response());
        extensionLimit("6.15", two, 2, code.stage2Extension());
        timeLimit(pack);
        exclusions(pack);
        refusals(pack);
        List<Finding> failed = findings.stream().filter(f -> !f.passed()).toList();
        String summary = failed.isEmpty()
                ? "Meets every Code provision checked (" + findings.size() + ")"
                : "Fails " + failed.size() + " of " + findings.size() + " provisions checked: "
                + failed.stream().map(Finding::provision).collect(Collectors.joining(", "));
        return new ComplianceReport(pack.id(), pack.version(), true, failed.isEmpty(), code.source(), summary,
                List.copyOf(findings));
    }

    private void stageCount(PolicyPack pack) {
        int n = pack.stages().size();
        String rule = "exactly " + code.stages() + " stages, with no informal stage before them";
        if (n == code.stages()) {
            pass("5.1", rule, "the pack has " + n + " stages: " + stageNames(pack));
        } else {
            fail("5.1", rule, "the pack has " + n + " stage" + (n == 1 ? "" : "s") + ": " + stageNames(pack)
                    + (n > code.stages() ? "; the Code allows no stage after stage " + code.stages()
                    + ", so a review panel has to sit inside stage 2 or be dropped" : ""));
        }
    }

    private static String stageNames(PolicyPack pack) {
        return pack.stages().stream().map(s -> s.number() + " " + s.name() + " (" + s.owner() + ")")
                .collect(Collectors.joining(", "));
    }

    /** A clock passes when its deadline can never fall after the Code's: no longer, and counted from no later a milestone. */
    private void clock(String provision, String rule, Optional<Stage> stage, int number, Milestone stops, CodeFigures.Clock limit) {
        if (stage.isEmpty()) {
            fail(provision, rule, "the pack has no stage " + number);
            return;
        }
        Optional<ClockRule> found = CodeFigures.stopping(stage.get(), stops);
        if (found.isEmpty()) {
            fail(provision, rule, "stage " + number + " has no clock that stops at " + PackText.milestone(stops)
                    + ", so nothing makes it happen on time");
            return;
        }
        ClockRule clock = found.get();
        String says = "stage " + number + " '" + clock.name() + "' is " + clock.unit().describe(clock.amount()) + " from "
                + PackText.milestone(clock.starts()) + cite(clock.cite());
        boolean shortEnough = Durations.atMost(clock.unit(), clock.amount(), limit.unit(), limit.amount());
        boolean anchoredInTime = clock.starts().compareTo(limit.from()) <= 0;
        if (!shortEnough) {
            fail(provision, rule, says + ", longer than the Code's " + limit.describe());
        } else if (!anchoredInTime) {
            fail(provision, rule, says + ": " + PackText.milestone(clock.starts()) + " can come after "
                    + PackText.milestone(limit.from()) + ", so the deadline can fall later than the Code's "
                    + limit.describe());
        } else if (clock.starts() != limit.from()) {
            pass(provision, rule, says + ", not from " + PackText.milestone(limit.from()) + " as the Code counts. "
                    + capitalised(PackText.milestone(clock.starts())) + " happens no later than "
                    + PackText.milestone(limit.from()) + ", so this deadline is never later than the Code's "
                    + limit.describe() + " and is earlier whenever " + PackText.milestone(limit.from())
                    + " comes later: stricter than the Code, not looser");
        } else {
            pass(provision, rule, says + (clock.amount() == limit.amount() && clock.unit() == limit.unit()
                    ? ", as the Code says" : ", within the Code's " + limit.describe()));
        }
    }

    private void extensionLimit(String provision, Optional<Stage> stage, int number, CodeFigures.Clock limit) {
        String rule = "a stage " + number + " extension is at most " + limit.unit().describe(limit.amount())
                + " without good reason" + (provision.equals("6.15") ? " (REGULATIONS.md marks this figure [?]: "
                + "it is read from " + code.source() + ")" : "");
        Optional<ClockRule> respond = stage.flatMap(s -> CodeFigures.stopping(s, Milestone.RESPONDED));
        if (respond.isEmpty()) {
            fail(provision, rule, stage.isEmpty() ? "the pack has no stage " + number
                    : "stage " + number + " has no response clock to extend");
            return;
        }
        List<ExtensionRule> extensions = respond.get().extensions();
        if (extensions.isEmpty()) {
            pass(provision, rule, "stage " + number + " allows no extension");
            return;
        }
        long total = 0;
        List<String> problems = new ArrayList<>();
        List<String> described = new ArrayList<>();
        for (ExtensionRule e : extensions) {
            if (e.upTo() == null) {
                if (e.condition() == null) {
                    problems.add("an open-ended extension with no stated reason");
                } else {
                    described.add("beyond that only: " + e.condition());
                }
            } else if (e.maxTimes() == null) {
                problems.add("an extension of up to " + e.unit().describe(e.upTo()) + " that may be repeated without limit");
            } else {
                if (e.unit() != limit.unit() && !Durations.atMost(e.unit(), e.upTo() * e.maxTimes(), limit.unit(), limit.amount())) {
                    problems.add("an extension of " + e.unit().describe(e.upTo()) + " that cannot be shown to fit "
                            + limit.unit().describe(limit.amount()));
                }
                total += e.unit() == limit.unit() ? (long) e.upTo() * e.maxTimes() : 0;
                described.add("up to " + e.unit().describe(e.upTo()) + (e.maxTimes() == 1 ? " once" : " " + e.maxTimes()
                        + " times") + (e.condition() == null ? "" : " (" + e.condition() + ")"));
            }
        }
        if (total > limit.amount()) {
            problems.add("extensions adding up to " + limit.unit().describe((int) total) + " without a good-reason condition");
        }
        String says = "stage " + number + " allows " + String.join("; ", described);
        if (problems.isEmpty()) {
            pass(provision, rule, says);
        } else {
            fail(provision, rule, (described.isEmpty() ? "" : says + "; but it also has ") + String.join("; ", problems));
        }
    }

    private void ombudsmanOnExtension(PolicyPack pack) {
        String rule = "a resident told of an extension is given the Housing Ombudsman's details";
        List<String> silent = new ArrayList<>();
        int count = 0;
        for (Stage stage : pack.stages()) {
            for (ClockRule clock : stage.clocks()) {
                for (int i = 0; i < clock.extensions().size(); i++) {
                    ExtensionRule e = clock.extensions().get(i);
                    count++;
                    if (!e.tellOmbudsman()) {
                        silent.add("stage " + stage.number() + " '" + clock.name() + "' extension " + (i + 1) + " ("
                                + (e.upTo() == null ? "open-ended" : "up to " + e.unit().describe(e.upTo()))
                                + (e.condition() == null ? "" : ": " + e.condition()) + ")" + cite(e.cite()));
                    }
                }
            }
        }
        if (count == 0) {
            pass("6.5", rule, "the pack allows no extensions");
        } else if (silent.isEmpty()) {
            pass("6.5", rule, "every extension notice gives the Ombudsman's details");
        } else {
            fail("6.5", rule, "these extensions are notified without the Ombudsman's details: " + String.join("; ", silent)
                    + " (set tellOmbudsman: true once the procedure says so)");
        }
    }

    private void differentHandler(PolicyPack pack, Optional<Stage> two) {
        String rule = "the stage 2 handler is not the person who handled stage 1";
        if (two.isEmpty()) {
            fail("6.13", rule, "the pack has no stage 2");
            return;
        }
        Stage stage = two.get();
        String owners = "stage 1 is owned by " + pack.stage(1).map(Stage::owner).orElse("nobody") + ", stage 2 by "
                + stage.owner();
        if (stage.differentHandler()) {
            pass("6.13", rule, owners + ", and the pack requires a different handler at stage 2" + cite(stage.cite()));
        } else {
            fail("6.13", rule, owners + ", but the pack does not require a different handler, so the same person may "
                    + "handle both (set differentHandler: true on stage 2)");
        }
    }

    private void timeLimit(PolicyPack pack) {
        String rule = "a complaint is not refused for time unless the issue arose more than " + code.monthsToComplain()
                + " months ago, and even then with discretion";
        Optional<PolicyPack.AdmissionRule> limit = pack.admission().stream()
                .filter(a -> a.kind() == PolicyPack.AdmissionKind.TIME_LIMIT).findFirst();
        if (limit.isEmpty()) {
            pass("2.3", rule, "the pack sets no time limit, so every complaint is in time");
        } else if (limit.get().months() == null || limit.get().months() >= code.monthsToComplain()) {
            pass("2.3", rule, "the pack's limit is " + (limit.get().months() == null ? "unstated"
                    : limit.get().months() + " months") + ", raised as a warning with a recorded decision"
                    + cite(limit.get().cite()));
        } else {
            fail("2.3", rule, "the pack refuses complaints after " + limit.get().months() + " months, sooner than the Code's "
                    + code.monthsToComplain() + cite(limit.get().cite()));
        }
    }

    private void exclusions(PolicyPack pack) {
        String rule = "a matter not accepted is explained in writing, with where to take it and the right to go to the Ombudsman";
        List<String> unexplained = pack.exclusions().stream().filter(e -> e.redirectTo() == null)
                .map(e -> "'" + e.description() + "'" + cite(e.cite())).toList();
        if (pack.exclusions().isEmpty()) {
            pass("2.4", rule, "the pack excludes nothing");
        } else if (unexplained.isEmpty()) {
            pass("2.4", rule, "each of the " + pack.exclusions().size() + " exclusions says where the matter goes");
        } else {
            fail("2.4", rule, (pack.exclusions().size() - unexplained.size()) + " of " + pack.exclusions().size()
                    + " exclusions say where the matter goes; these do not: " + String.join(", ", unexplained));
        }
    }

    private void refusals(PolicyPack pack) {
        String rule = "a refusal to escalate is explained in writing with reasons and the Ombudsman's details "
                + "(2.4 applied to escalation requests, which need no reason, 6.11-6.12)";
        List<String> problems = new ArrayList<>();
        int refusable = 0;
        for (Stage stage : pack.stages()) {
            PolicyPack.Escalation entry = stage.entry();
            if (entry == null || entry.refusalGrounds().isEmpty()) {
                continue;
            }
            refusable++;
            boolean reasons = entry.refusalMustInclude().stream().anyMatch(s -> s.toLowerCase().contains("reason"));
            boolean ombudsman = entry.refusalMustInclude().stream().anyMatch(s -> s.toLowerCase().contains("ombudsman"));
            if (!reasons || !ombudsman) {
                problems.add("a refusal to escalate to stage " + stage.number() + " must include "
                        + entry.refusalMustInclude() + ", without " + (reasons ? "" : "reasons" + (ombudsman ? "" : " or "))
                        + (ombudsman ? "" : "the Ombudsman's details") + cite(entry.cite()));
            }
        }
        if (refusable == 0) {
            pass("6.12", rule, "the pack gives no ground to refuse an escalation");
        } else if (problems.isEmpty()) {
            pass("6.12", rule, "every refusal to escalate gives reasons and the Ombudsman's details");
        } else {
            fail("6.12", rule, String.join("; ", problems));
        }
    }

    private static String cite(String cite) {
        return cite == null ? "" : " [" + cite + "]";
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private void pass(String provision, String rule, String reason) {
        findings.add(new Finding(provision, rule, Outcome.PASS, reason));
    }

    private void fail(String provision, String rule, String reason) {
        findings.add(new Finding(provision, rule, Outcome.FAIL, reason));
    }
}
