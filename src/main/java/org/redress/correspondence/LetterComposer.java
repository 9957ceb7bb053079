package org.redress.correspondence;

import org.jspecify.annotations.Nullable;
import org.redress.casework.CaseEvent;
import org.redress.casework.CaseFact;
import org.redress.casework.CaseFact.Acknowledged;
import org.redress.casework.CaseFact.Declined;
import org.redress.casework.CaseFact.EscalationRefused;
import org.redress.casework.CaseFact.Extended;
import org.redress.casework.CaseFact.StageResponded;
import org.redress.casework.CaseFact.StepRecorded;
import org.redress.casework.CaseFact.SummaryResolved;
import org.redress.casework.CaseTypes;
import org.redress.casework.CaseView;
import org.redress.policy.PolicyPack;
import org.redress.policy.PolicyPack.OmbudsmanRoute;
import org.redress.policy.PolicyPacks;
import org.redress.web.RefusedException;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Decides which letters a case change needs and writes them from plain-language templates
 * ({@code letters/<kind>.txt}, or {@code letters/<organisation>/<kind>.txt} where an organisation has its own).
 * Before a letter is written, it is checked for what the rules require; a letter that lacks it refuses the change.
 */
@Component
class LetterComposer {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

    /** Its own engine in text mode, not a bean, so the web pages' HTML engine is left as Spring Boot sets it up. */
    private final TemplateEngine templates = new org.thymeleaf.spring6.SpringTemplateEngine();

    private final PolicyPacks packs;

    LetterComposer(PolicyPacks packs) {
        this.packs = packs;
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("letters/");
        resolver.setSuffix(".txt");
        resolver.setTemplateMode(TemplateMode.TEXT);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        templates.setTemplateResolver(resolver);
    }

    /** A letter ready to store: what it is, its subject and text, and the clock it answers. */
    record Draft(LetterKind kind, String subject, String body, @Nullable String answersClock) {
    }

    List<Draft> lettersFor(List<CaseEvent> events, CaseView caseFile, PolicyPack pack, String organisationName) {
        List<Draft> drafts = new ArrayList<>();
        for (CaseEvent event : events) {
            draftFor(event, caseFile, pack, organisationName).ifPresent(drafts::add);
        }
        return drafts;
    }

    private Optional<Draft> draftFor(CaseEvent event, CaseView c, PolicyPack pack, String organisationName) {
        CaseFact fact = event.payload();
        Map<String, Object> vars = base(c, organisationName);
        int stage = stageOf(fact, c.stage());
        vars.put("stageName", stageName(pack, stage, c));
        if (fact instanceof Acknowledged a) {
            return acknowledgement(a, c, vars, stage);
        }
        if (fact instanceof Extended x) {
            return extension(x, event, c, pack, vars);
        }
        if (fact instanceof StageResponded r) {
            return response(r, event, c, pack, vars, stage);
        }
        if (fact instanceof EscalationRefused r) {
            return escalationRefusal(r, event, c, pack, vars);
        }
        if (fact instanceof StepRecorded st && PolicyPack.StepKind.HOLDING_RESPONSE.name().equals(st.kind())) {
            // issue 23, R-5, DISP 1.6.2(2): why there is no final response yet and when to expect it; the Ombudsman now
            vars.put("reasons", requireReasons(event, "DISP 1.6.2, R-5"));
            vars.put("ombudsman", requireOmbudsman(pack, c, null, "a holding response", "DISP 1.6.2, R-5"));
            return Optional.of(write(LetterKind.DISP_HOLDING_RESPONSE, c, vars, "We need more time for our final response", null));
        }
        if (fact instanceof SummaryResolved s) {
            // issue 23, R-5, DISP 1.5: the Summary Resolution Communication, saying whether the time limits are waived
            vars.put("summary", event.reason());
            vars.put("timeLimitsWaived", s.timeLimitsWaived());
            vars.put("ombudsman", requireOmbudsman(pack, c, null, "a Summary Resolution Communication", "DISP 1.5, R-5"));
            return Optional.of(write(LetterKind.DISP_SUMMARY_RESOLUTION, c, vars, "Your complaint has been resolved", "respond@" + s.stage()));
        }
        if (fact instanceof Declined d) {
            return decline(d, event, c, pack, vars);
        }
        return Optional.empty();
    }

    /** Whether {@link #lettersFor} may write a letter for this event. */
    static boolean mayNeedALetter(CaseEvent event) {
        CaseFact fact = event.payload();
        return fact instanceof Acknowledged || fact instanceof Extended || fact instanceof StageResponded
                || fact instanceof EscalationRefused || fact instanceof Declined || fact instanceof SummaryResolved
                || fact instanceof StepRecorded;
    }

    private static int stageOf(CaseFact fact, int current) {
        if (fact instanceof Acknowledged a) return a.stage();
        if (fact instanceof Extended x) return x.stage();
        if (fact instanceof StageResponded r) return r.stage();
        if (fact instanceof EscalationRefused r) return r.stage();
        if (fact instanceof SummaryResolved s) return s.stage();
        return current;
    }

    private Optional<Draft> acknowledgement(Acknowledged a, CaseView c, Map<String, Object> vars, int stage) {
        if (a.byTheResponse()) {
            return Optional.empty();
        }
        if ("compliment".equals(c.recordType())) {
            return Optional.of(write(LetterKind.COMPLIMENT_THANKS, c, vars, "Thank you for your compliment", null));
        }
        vars.put("responseDue", responseDue(c, stage));
        vars.put("handler", null);
        if (stage >= 2) {
            CaseTypes.StageRecord record = stageRecord(c, stage);
            vars.put("unresolved", record == null ? null : record.understanding());
            vars.put("outcomeWanted", record == null ? null : record.outcomeWanted());
            return Optional.of(write(LetterKind.ESCALATION_ACKNOWLEDGEMENT, c, vars,
                    "We have received your request to escalate your complaint", "acknowledge@" + stage));
        }
        vars.put("recordType", c.recordType().replace('-', ' '));
        return Optional.of(write(LetterKind.ACKNOWLEDGEMENT, c, vars, "We have received your " + c.recordType().replace('-', ' '),
                "acknowledge@" + stage));
    }

    private Optional<Draft> extension(Extended x, CaseEvent event, CaseView c, PolicyPack pack, Map<String, Object> vars) {
        String reason = event.reason();
        if (reason == null || reason.isBlank()) {
            throw new RefusedException("an extension notice must give the reason for the delay", "Code 6.4, T-7", "reason");
        }
        boolean tellOmbudsman = x.tellOmbudsman();
        Map<String, Object> route = tellOmbudsman ? requireOmbudsman(pack, c, x.ombudsman(), "an extension notice", "Code 6.5, T-7") : null;
        vars.put("reason", reason);
        vars.put("newDue", DATE.format(x.newDue()));
        vars.put("previousDue", DATE.format(x.previousDue()));
        vars.put("agreed", x.complainantAgreed());
        // T-7: the extension went ahead without the complainant's agreement, so the letter tells them how to challenge it
        vars.put("notAgreed", x.withoutAgreement());
        vars.put("ombudsman", route);
        return Optional.of(write(LetterKind.EXTENSION, c, vars, "We need more time to respond to your complaint", null));
    }

    private Optional<Draft> response(StageResponded r, CaseEvent event, CaseView c, PolicyPack pack, Map<String, Object> vars, int stage) {
        List<Map<String, Object>> points = new ArrayList<>();
        for (CaseTypes.Point p : c.points()) {
            if (p.outcome() == null || p.reasons() == null || p.reasons().isBlank()) {
                if (stage >= 1) {
                    throw new RefusedException("a response must give a decision and reasons for point " + p.number(), "Code 6.7", "points");
                }
                continue;
            }
            points.add(Map.of("number", p.number(), "summary", p.summary(), "outcome", outcome(p.outcome()), "reasons", p.reasons()));
        }
        vars.put("points", points);
        vars.put("summary", event.reason());
        List<Map<String, Object>> actions = c.actions().stream()
                .map(a -> Map.<String, Object>of("description", a.description(), "due", DATE.format(a.due()))).toList();
        vars.put("actions", actions);
        vars.put("hasActions", !actions.isEmpty());
        boolean isFinal = stage >= 1 && stage == pack.finalStage();
        Map<String, Object> route = isFinal && pack.organisation().regulators().contains("fca-disp")
                ? requireOmbudsman(pack, c, r.ombudsman(), "a DISP response", "R-5") : null;
        if (route != null && String.valueOf(route.get("id")).contains("financial")) {
            // R-5, for complaints that go to the Financial Ombudsman (a debt advice line): resolved by the close of
            // the third business day, a Summary Resolution Communication; otherwise a final response with the
            // right to refer within the time the DISP reference pack gives (six months)
            vars.put("ombudsman", route);
            vars.put("referWithin", monthsInWords(packs.dispFigures().referralMonths()));
            // issue 23, R-5 (DISP 1.6.2, 2.8.2): the last day to refer, the response's date plus the months, shown in the letter
            vars.put("referBy", DATE.format(org.redress.calendar.UkTime.dateOf(event.at()).plusMonths(packs.dispFigures().referralMonths())));
            boolean summary = c.clocks().stream().anyMatch(k -> k.id().equals("summary-resolution") && k.stoppedAt() != null
                    && !k.stoppedAt().isAfter(k.dueBy()));
            return Optional.of(summary
                    ? write(LetterKind.DISP_SUMMARY_RESOLUTION, c, vars, "Your complaint has been resolved", "respond@" + stage)
                    : write(LetterKind.DISP_FINAL_RESPONSE, c, vars, "Our final response to your complaint", "respond@" + stage));
        }
        if (isFinal) {
            // a procedure with no ombudsman at all (247 Alliance's contract services) simply has no such section
            vars.put("ombudsman", pack.ombudsmen().isEmpty() ? null
                    : requireOmbudsman(pack, c, r.ombudsman(), "a final response", "A-10, F-8"));
            return Optional.of(write(LetterKind.FINAL_RESPONSE, c, vars, "Our final response to your complaint", "respond@" + stage));
        }
        vars.put("nextStage", pack.stage(stage + 1).map(PolicyPack.Stage::name).orElse(null));
        vars.put("escalateBy", c.escalationWindow() == null ? null : DATE.format(c.escalationWindow().closesOn()));
        return Optional.of(write(LetterKind.STAGE_RESPONSE, c, vars, "Our response to your " + c.recordType().replace('-', ' '),
                "respond@" + stage));
    }

    private Optional<Draft> escalationRefusal(EscalationRefused r, CaseEvent event, CaseView c, PolicyPack pack, Map<String, Object> vars) {
        vars.put("reasons", requireReasons(event, "T-8, H-5"));
        vars.put("reviewDate", r.reviewDate() == null ? null : DATE.format(r.reviewDate()));
        vars.put("ombudsman", requireOmbudsman(pack, c, r.ombudsman(), "a refusal to escalate", "T-3, T-8, Code 6.12"));
        return Optional.of(write(LetterKind.ESCALATION_REFUSAL, c, vars, "Your request to escalate your complaint", null));
    }

    private Optional<Draft> decline(Declined d, CaseEvent event, CaseView c, PolicyPack pack, Map<String, Object> vars) {
        vars.put("reasons", requireReasons(event, "T-3"));
        String exclusion = d.exclusion();
        Optional<PolicyPack.Exclusion> excluded = pack.exclusions().stream().filter(e -> e.id().equals(exclusion)).findFirst();
        String redirectTo = d.redirectedTo() != null ? d.redirectedTo() : excluded.map(PolicyPack.Exclusion::redirectTo).orElse(null);
        vars.put("redirectTo", redirectTo);
        // S0-3: a matter the exclusion sends to another of the organisation's policies is pointed there, not to an ombudsman
        boolean instead = excluded.map(x -> !x.tellOmbudsman()).orElse(false);
        if (instead && blank(redirectTo)) {
            throw new RefusedException("a decision not to consider a complaint must say where the matter goes instead", "S0-3", "redirectTo");
        }
        vars.put("ombudsman", instead ? null : requireOmbudsman(pack, c, d.ombudsman(), "a decision not to consider a complaint", "T-3, Code 2.4"));
        return Optional.of(write(LetterKind.DECLINE, c, vars, "We cannot consider your complaint", null));
    }

    private static final List<String> NUMBERS = List.of("one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
            "ten", "eleven", "twelve");

    /** "six months", "one month", "18 months": how a letter writes a number of months. */
    static String monthsInWords(int months) {
        String amount = months >= 1 && months <= NUMBERS.size() ? NUMBERS.get(months - 1) : String.valueOf(months);
        return amount + (months == 1 ? " month" : " months");
    }

    /** Writes a letter from a template; also used for staff reminders. */
    String render(String organisation, String template, Map<String, Object> vars) {
        String organisationTemplate = organisation + "/" + template;
        boolean own = getClass().getClassLoader().getResource("letters/" + organisationTemplate + ".txt") != null;
        Context context = new Context(Locale.UK);
        context.setVariables(vars);
        return templates.process(own ? organisationTemplate : template, context).replaceAll("\n{3,}", "\n\n").strip() + "\n";
    }

    private Draft write(LetterKind kind, CaseView c, Map<String, Object> vars, String subject, @Nullable String answers) {
        return new Draft(kind, subject + " (" + c.reference() + ")", render(c.organisation(), kind.template(), vars), answers);
    }

    private static Map<String, Object> base(CaseView c, String organisationName) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("name", c.complainant().name());
        vars.put("reference", c.reference());
        vars.put("organisation", organisationName);
        return vars;
    }

    private static Map<String, Object> requireOmbudsman(PolicyPack pack, CaseView c, @Nullable String id, String letter, String rule) {
        Optional<OmbudsmanRoute> route = id != null ? pack.ombudsman(id) : Optional.empty();
        if (route.isEmpty()) {
            String line = c.classification().serviceLine();
            route = (line != null ? pack.serviceLine(line).map(PolicyPack.ServiceLine::ombudsman) : Optional.<String>empty())
                    .flatMap(pack::ombudsman).or(() -> pack.ombudsmen().stream().findFirst());
        }
        OmbudsmanRoute r = route.orElseThrow(() -> new RefusedException(letter + " cannot be sent: the policy names no ombudsman for this service line", rule, null));
        if (blank(r.phone()) && blank(r.email()) && blank(r.website()) && blank(r.address())) {
            throw new RefusedException(letter + " cannot be sent: the policy gives no contact details for the " + r.name(), rule, null);
        }
        Map<String, Object> map = new HashMap<>();
        map.put("id", r.id());
        map.put("name", r.name());
        map.put("phone", r.phone());
        map.put("email", r.email());
        map.put("website", r.website());
        map.put("address", r.address());
        // the route's conditions and cite are the pack's notes for staff (which documents win, what is superseded):
        // a letter is given only what the complainant reads, so no template can print a note

        return map;
    }

    private static String requireReasons(CaseEvent event, String rule) {
        if (event.reason() == null || event.reason().isBlank()) {
            throw new RefusedException("the letter must give the reasons for the decision", rule, "reasons");
        }
        return event.reason();
    }

    private static @Nullable String responseDue(CaseView c, int stage) {
        return c.clocks().stream()
                .filter(k -> k.stage() == stage && k.stoppedAt() == null && k.id().startsWith("respon"))
                .findFirst()
                .map(k -> k.unit() == org.redress.calendar.ClockUnit.CLOCK_HOURS
                        ? DateTimeFormatter.ofPattern("HH:mm 'on' EEEE d MMMM yyyy", Locale.UK).format(k.dueBy().atZone(org.redress.calendar.UkTime.ZONE))
                        : DATE.format(k.dueDate()))
                .orElse(null);
    }

    private static CaseTypes.@Nullable StageRecord stageRecord(CaseView c, int stage) {
        return c.stages().stream().filter(s -> s.number() == stage).findFirst().orElse(null);
    }

    private static String stageName(PolicyPack pack, int stage, CaseView c) {
        return pack.stage(stage).map(PolicyPack.Stage::name).orElse(c.stageName() == null ? "" : c.stageName());
    }

    private static String outcome(CaseTypes.Outcome outcome) {
        return switch (outcome) {
            case UPHELD -> "upheld (we agree we got this wrong)";
            case PARTLY_UPHELD -> "partly upheld (we got some of this wrong)";
            case NOT_UPHELD -> "not upheld (we do not think we got this wrong)";
        };
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }
}
