package org.redress.staffui;

import org.redress.casework.CaseTypes.PointDecision;
import org.redress.casework.CaseTypes.Action;
import org.redress.casework.CaseTypes.DeclineGround;
import org.redress.casework.CaseTypes.EvidenceKind;
import org.redress.casework.CaseTypes.HoldKind;
import org.redress.casework.CaseTypes.Outcome;
import org.redress.casework.CaseTypes.Satisfaction;
import org.redress.casework.CaseTypes.Tenure;
import org.redress.casework.CaseView;
import org.redress.casework.CaseCommands;
import org.redress.casework.CaseFiling;
import org.redress.casework.Casework;
import org.redress.casework.Mediation;
import org.redress.web.FieldError;
import org.redress.web.InvalidInputException;
import org.redress.web.NotFoundException;
import org.redress.web.RequestDates;
import org.redress.web.TextLimits;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import static org.redress.staffui.FormValues.blank;
import static org.redress.staffui.FormValues.blankToNull;
import static org.redress.staffui.FormValues.date;
import static org.redress.staffui.FormValues.enumValue;
import static org.redress.staffui.FormValues.required;
import static org.redress.staffui.FormValues.throwIfAny;
import static org.redress.staffui.FormValues.yesNo;

/**
 * The actions of the case page: each verb reads the fields of the {@link ActionForm} it needs and is one
 * {@link Casework} call as the signed-in user.
 */
@Service
class CaseActions {

    private final Casework casework;
    /** Files a point's category by the organisation's subjects list, as the API does (issue 20). */
    private final CaseFiling filing;

    CaseActions(Casework casework, CaseFiling filing) {
        this.casework = casework;
        this.filing = filing;
    }

    /** Applies a verb from the case page as the signed-in user; refusals come back as the casework exceptions. */
    CaseView act(String organisation, String reference, String username, String verb, ActionForm f) {
        return act(organisation, reference, username, verb, f, PromisedActionRows.empty());
    }

    /** The same, a response's promised actions given as rows (issue 21). */
    CaseView act(String organisation, String reference, String username, String verb, ActionForm f, PromisedActionRows promised) {
        TextLimits.checkForm(f);
        CaseCommands on = casework.on(organisation, reference, username).atVersion(f.version());
        return switch (verb) {
            case "acknowledge" -> on.acknowledge(blankToNull(f.method()));
            case "assign" -> {
                String owner = required("owner", f.owner(), "Choose the owner");
                yield on.assign(owner, blankToNull(f.role()));
            }
            case "contact-arrangement" -> {
                List<FieldError> errors = new ArrayList<>();
                if (blank(f.method())) errors.add(new FieldError("method", "Enter how the person will be contacted"));
                if (blank(f.frequency())) errors.add(new FieldError("frequency", "Enter how often the person will be contacted"));
                throwIfAny(errors);
                yield on.arrangeContact(f.method().strip(), f.frequency().strip());
            }
            // issue 23, R-5: the Summary Resolution Communication; the waiver answer travels in the form's yes/no field
            case "summary-resolution" -> on.resolveSummarily(required("summary", f.summary(), "Enter how the complaint was resolved"),
                    "yes".equals(f.complainantAgreed()));
            case "contact" -> {
                String note = required("note", f.note(), "Enter what was discussed");
                yield on.recordContact(note);
            }
            case "points" -> {
                String summary = required("summary", f.summary(), "Enter the point of complaint");
                String category;
                try {
                    category = filing.pointCategory(organisation, f.category());
                } catch (InvalidInputException e) {
                    throw new InvalidInputException("point-category", "Choose a category from the list");
                }
                yield on.addPoint(summary, category);
            }
            case "understanding" -> {
                if (blank(f.understanding()) && blank(f.outcomeWanted())) {
                    throwIfAny(List.of(new FieldError("understanding", "Enter your understanding of the complaint or the outcome wanted")));
                }
                yield on.recordUnderstanding(blankToNull(f.understanding()), blankToNull(f.outcomeWanted()));
            }
            case "evidence" -> {
                List<FieldError> errors = new ArrayList<>();
                EvidenceKind kind = enumValue(EvidenceKind.class, f.kind(), "kind", "Choose the kind of evidence", errors);
                LocalDate date = date(f.date(), "date", "the date of the evidence", errors);
                if (date == null && errors.stream().noneMatch(e -> e.field().equals("date"))) errors.add(new FieldError("date", "Enter the date of the evidence"));
                if (blank(f.who())) errors.add(new FieldError("who", "Enter who was involved"));
                if (blank(f.notes())) errors.add(new FieldError("notes", "Enter notes"));
                throwIfAny(errors);
                yield on.recordEvidence(kind, date, f.who().strip(), f.notes().strip());
            }
            case "extend" -> {
                List<FieldError> errors = new ArrayList<>();
                if (blank(f.clock())) errors.add(new FieldError("clock", "Choose the deadline to extend"));
                int amount = 0;
                try {
                    amount = Integer.parseInt(f.amount() == null ? "" : f.amount().strip());
                    if (amount < 1) errors.add(new FieldError("amount", "Enter a number of 1 or more"));
                } catch (NumberFormatException e) {
                    errors.add(new FieldError("amount", "Enter the extension as a whole number"));
                }
                throwIfAny(errors);
                yield on.extend(f.clock(), amount, f.reason() == null ? "" : f.reason().strip(), "yes".equals(f.complainantAgreed()));
            }
            case "hold" -> {
                List<FieldError> errors = new ArrayList<>();
                HoldKind kind = enumValue(HoldKind.class, f.kind(), "kind", "Choose why the case is on hold", errors);
                throwIfAny(errors);
                yield on.hold(kind, f.reason() == null ? "" : f.reason().strip());
            }
            case "resume" -> on.resume(blankToNull(f.note()));
            case "steps" -> {
                String step = required("step", f.step(), "Choose the step");
                yield on.recordStep(step, f.note() == null ? "" : f.note().strip());
            }
            case "mediation" -> mediation(on, f);
            case "respond" -> respond(on, f, promised);
            case "withdraw" -> {
                String reason = required("reason", f.reason(), "Enter the reason the person gave");
                yield on.withdraw(reason);
            }
            case "decline" -> {
                List<FieldError> errors = new ArrayList<>();
                DeclineGround ground = enumValue(DeclineGround.class, f.ground(), "ground", "Choose the ground for declining", errors);
                if (blank(f.reason())) errors.add(new FieldError("reason", "Enter the reasons the person will be given"));
                throwIfAny(errors);
                yield on.decline(ground, blankToNull(f.exclusion()), blankToNull(f.redirectTo()), f.reason().strip());
            }
            case "investigate-anyway" -> on.investigateLate(required("reason", f.reason(), "Enter why this late complaint is investigated anyway"));
            case "close" -> {
                Satisfaction satisfaction = blank(f.satisfiedWithHandling()) && blank(f.satisfiedWithOutcome()) ? null
                        : new Satisfaction(yesNo(f.satisfiedWithHandling()), yesNo(f.satisfiedWithOutcome()), blankToNull(f.reason()));
                yield on.close(satisfaction, blankToNull(f.note()));
            }
            case "reopen" -> {
                String reason = required("reason", f.reason(), "Enter why the case is reopened");
                yield on.reopen(reason);
            }
            case "escalation-request" -> on.requestEscalation(blankToNull(f.toStage()), blankToNull(f.unresolved()),
                    blankToNull(f.outcomeWanted()), blankToNull(f.lateAcceptedBecause()));
            case "accept-escalation" -> on.acceptEscalation();
            case "refuse-escalation" -> {
                String ground = required("ground", f.ground(), "Choose the ground for refusing");
                List<FieldError> errors = new ArrayList<>();
                LocalDate reviewDate = date(f.reviewDate(), "reviewDate", "the review date", errors);
                throwIfAny(errors);
                yield on.refuseEscalation(ground, f.reason() == null ? "" : f.reason().strip(), reviewDate);
            }
            case "reclassify" -> casework.reclassify(organisation, reference, required("recordType", f.recordType(), "Choose the new record type"), username).view();
            // issue 23, F-8: the line the case should have been logged on; the rules (same procedure, nothing sent) are the case's
            case "service-line" -> {
                List<FieldError> errors = new ArrayList<>();
                if (blank(f.serviceLine())) errors.add(new FieldError("service-line", "Choose the service line the case belongs to"));
                if (blank(f.reason())) errors.add(new FieldError("service-line-reason", "Enter why the service line is corrected"));
                throwIfAny(errors);
                yield on.correctServiceLine(f.serviceLine().strip(), f.reason().strip());
            }
            case "tenure" -> {
                List<FieldError> errors = new ArrayList<>();
                Tenure tenure = enumValue(Tenure.class, f.tenure(), "tenure", "Choose their tenure, or 'Not known'", errors);
                throwIfAny(errors);
                yield on.recordTenure(tenure);
            }
            default -> throw new NotFoundException("action", "no action '" + verb + "'");
        };
    }

    /**
     * A step of mediation (F-6), from the mediation form's fields: the step, the mediator (who), the day (date, today
     * when left empty), the result (kind) and notes (note). Each error names the field the form shows it at.
     */
    private static CaseView mediation(CaseCommands on, ActionForm f) {
        List<FieldError> errors = new ArrayList<>();
        Mediation.Step step = enumValue(Mediation.Step.class, f.step(), "mediation-step", "Choose the step of mediation", errors);
        LocalDate day = date(f.date(), "on", "the date of the step", errors);
        Mediation.Result result = blank(f.kind()) ? null : enumValue(Mediation.Result.class, f.kind(), "result", "Choose the result", errors);
        throwIfAny(errors);
        return on.recordMediation(step, blankToNull(f.who()), day, result, blankToNull(f.note()));
    }

    private static CaseView respond(CaseCommands on, ActionForm f, PromisedActionRows promised) {
        List<FieldError> errors = new ArrayList<>();
        if (blank(f.summary())) errors.add(new FieldError("summary", "Enter how the concerns were resolved (S0-8)"));
        List<PointDecision> decisions = new ArrayList<>();
        List<String> numbers = f.pointNumber() == null ? List.of() : f.pointNumber();
        for (int i = 0; i < numbers.size(); i++) {
            String outcome = f.pointOutcome() != null && i < f.pointOutcome().size() ? f.pointOutcome().get(i) : null;
            String reasons = f.pointReasons() != null && i < f.pointReasons().size() ? f.pointReasons().get(i) : null;
            Outcome o = enumValue(Outcome.class, outcome, "pointOutcome" + numbers.get(i), "Choose a decision for point " + numbers.get(i), errors);
            if (blank(reasons)) errors.add(new FieldError("pointReasons" + numbers.get(i), "Enter the reasons for point " + numbers.get(i) + " (Code 6.7)"));
            if (o != null && !blank(reasons)) decisions.add(new PointDecision(Integer.parseInt(numbers.get(i)), o, reasons.strip()));
        }
        List<Action> actions = new ArrayList<>();
        if (!blank(f.actions())) {
            for (String line : f.actions().split("\\R")) {
                if (line.isBlank()) continue;
                int bar = line.lastIndexOf('|');
                LocalDate due = null;
                if (bar > 0) {
                    try {
                        due = RequestDates.parse(line.substring(bar + 1));
                    } catch (DateTimeParseException e) {
                        // reported below
                    }
                }
                if (due == null) {
                    errors.add(new FieldError("actions", "Write each action as 'what will be done | due date', for example 'Repair the boiler | 2027-01-08' (A-5)"));
                } else {
                    actions.add(new Action(line.substring(0, bar).strip(), due, null));
                }
            }
        }
        actions.addAll(promised.actions(errors));
        throwIfAny(errors);
        return on.respond(decisions, f.summary().strip(), actions);
    }
}
