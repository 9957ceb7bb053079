package org.redress.hazards;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.redress.calendar.UkTime;
import org.redress.casework.Casework;
import org.redress.web.RequestDates;
import org.redress.web.FieldError;
import org.redress.web.InvalidInputException;
import org.redress.web.NotFoundException;
import org.redress.web.RefusedException;
import org.redress.web.TextLimits;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.security.Principal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The case's hazards page: each hazard's clocks with status in words and explanation, its attempts, and forms to
 * record what was done. Each form's fields carry the hazard's id, so an error links to the field that has it.
 */
@Controller
class HazardPageController implements org.redress.pages.StaffPage {

    private final Hazards hazards;
    private final Casework casework;
    private final java.time.Clock clock;

    HazardPageController(Hazards hazards, Casework casework, java.time.Clock clock) {
        this.hazards = hazards;
        this.casework = casework;
        this.clock = clock;
    }

    /**
     * Every form on the page posts some of these. When something happened is a GOV.UK date ({@code on}, put together from its
     * day, month and year) and a time ({@code time}, 24-hour "14:30"), both blank meaning now, a time alone meaning today;
     * {@code at}, UK local "2026-11-24T10:00", is still read for a form that posts one.
     */
    record HazardForm(@Size(max = TextLimits.NAME) @Nullable String category, @Size(max = TextLimits.TEXT) @Nullable String notes,
                      @Size(max = TextLimits.NAME) @Nullable String at, @Size(max = TextLimits.NAME) @Nullable String by,
                      @Size(max = TextLimits.NAME) @Nullable String outcome, @Size(max = TextLimits.NAME) @Nullable String classification,
                      @Size(max = TextLimits.TEXT) @Nullable String findings, @Size(max = TextLimits.NAME) @Nullable String on,
                      @Size(max = TextLimits.NAME) @Nullable String time, @Size(max = TextLimits.NAME) @Nullable String as,
                      @Size(max = TextLimits.NAME) @Nullable String answer) {
    }

    @GetMapping("/staff/{organisation}/cases/{reference}/hazards")
    String show(@PathVariable String organisation, @PathVariable String reference, Model model) {
        var caseView = casework.get(organisation, reference);
        model.addAttribute("organisation", organisation);
        model.addAttribute("reference", caseView.reference());
        model.addAttribute("hazards", hazards.ofCaseId(organisation, caseView.id()));
        model.addAttribute("categories", hazards.categoryNames(organisation));
        model.addAttribute("outcomes", AttemptOutcome.values());
        return "hazards/case";
    }

    @PostMapping("/staff/{organisation}/cases/{reference}/hazards/open")
    String open(@PathVariable String organisation, @PathVariable String reference, HazardForm form, Principal principal,
                Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return act(organisation, reference, "open", model, redirect, response, "Hazard record opened",
                () -> TextLimits.checkForm(form), () -> hazards.open(organisation, reference, new Hazards.OpenRequest(form.category(), when("open", form), form.notes()),
                        principal.getName()));
    }

    @PostMapping("/staff/{organisation}/cases/{reference}/hazards/{id}/{action}")
    String act(@PathVariable String organisation, @PathVariable String reference, @PathVariable UUID id, @PathVariable String action,
               HazardForm form, Principal principal, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        String prefix = action + "-" + id;
        return act(organisation, reference, prefix, model, redirect, response, doneText(action), () -> TextLimits.checkForm(form), () -> {
            Instant at = when(prefix, form);
            switch (action) {
                case "attempts" -> hazards.recordAttempt(organisation, reference, id, new Hazards.AttemptRequest(at, form.by(),
                        parse(AttemptOutcome.class, prefix, "outcome", form.outcome()), form.notes()), principal.getName());
                case "classify" -> hazards.classify(organisation, reference, id,
                        new Hazards.ClassifyRequest(parse(HazardClassification.class, prefix, "classification", form.classification())));
                case "further-works" -> hazards.furtherWorksNeeded(organisation, reference, id, new Hazards.FurtherWorksRequest(form.notes()),
                        principal.getName());
                case "close" -> hazards.close(organisation, reference, id,
                        new Hazards.CloseRequest(parse(HazardClosing.class, prefix, "as", form.as()), form.notes(), at), principal.getName());
                default -> {
                    // every other form is a step done at a time, recorded as the API records it
                    HazardStep step = HazardStep.named(action).orElseThrow(() -> new NotFoundException("action", "no hazard action '" + action + "'"));
                    AccommodationAnswer answer = step == HazardStep.ACCOMMODATION_ANSWER
                            ? parse(AccommodationAnswer.class, prefix, "answer", form.answer()) : null;
                    hazards.done(organisation, reference, id, step, new Hazards.DoneRequest(at, form.findings(), form.notes(), answer),
                            principal.getName());
                }
            }
        });
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    ModelAndView notFound() {
        return new ModelAndView("error", Map.of("status", 404), HttpStatus.NOT_FOUND);
    }

    private String act(String organisation, String reference, String prefix, Model model, RedirectAttributes redirect,
                       HttpServletResponse response, String done, Runnable check, Runnable action) {
        List<FieldError> errors;
        try {
            check.run();
            action.run();
            redirect.addFlashAttribute("done", done);
            return "redirect:/staff/" + organisation + "/cases/" + reference + "/hazards";
        } catch (InvalidInputException e) {
            errors = e.errors().stream().map(f -> f.field().startsWith(prefix) ? f : new FieldError(prefix + "-" + f.field(), f.message())).toList();
            response.setStatus(400);
        } catch (RefusedException e) {
            errors = List.of(new FieldError(prefix + "-" + (e.field() == null ? "at" : e.field()), "Not allowed: " + e.getMessage()));
            response.setStatus(422);
        }
        model.addAttribute("errors", errors);
        return show(organisation, reference, model);
    }

    private static String doneText(String action) {
        return switch (action) {
            case "attempts" -> "Attempt recorded";
            case "classify" -> "Hazard classified";
            case "further-works" -> "Further works recorded as needed";
            case "close" -> "Hazard record closed";
            default -> HazardStep.named(action).map(HazardStep::doneText).orElse("Saved");
        };
    }

    /** When something happened, from the form's date and time (UK local), or its older {@code at}; null (now) when none is given. */
    private @Nullable Instant when(String prefix, HazardForm form) {
        boolean noDate = form.on() == null || form.on().isBlank();
        boolean noTime = form.time() == null || form.time().isBlank();
        if (noDate && noTime) {
            return time(prefix, "at", form.at());
        }
        java.time.LocalDate day;
        try {
            day = noDate ? UkTime.dateOf(clock.instant()) : RequestDates.parse(form.on());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(prefix + "-at", "Enter a real date" + RequestDates.hint(e, ", for example 27 3 2026"));
        }
        java.time.LocalTime at = java.time.LocalTime.MIDNIGHT;
        if (!noTime) {
            try {
                at = java.time.LocalTime.parse(form.time().strip().replace('.', ':'), java.time.format.DateTimeFormatter.ofPattern("H:mm"));
            } catch (DateTimeParseException e) {
                throw new InvalidInputException(prefix + "-time", "Enter a time on the 24-hour clock, for example 14:30");
            }
        }
        return day.atTime(at).atZone(UkTime.ZONE).toInstant();
    }

    private static @Nullable Instant time(String prefix, String field, @Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return RequestDates.parseDateTime(text).atZone(UkTime.ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(prefix + "-" + field, "Enter a real date and time" + RequestDates.hint(e, ""));
        }
    }

    private static <E extends Enum<E>> @Nullable E parse(Class<E> type, String prefix, String field, @Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(prefix + "-" + field, "Choose one of the options");
        }
    }
}
