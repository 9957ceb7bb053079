package org.redress.equality;

import org.redress.pages.StaffPage;
import org.redress.pages.StaffMenuItem;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.redress.casework.CaseScope;
import org.redress.casework.CaseView;
import org.redress.casework.Casework;
import org.redress.pages.Branding;
import org.redress.people.Organisations;
import org.redress.web.FieldError;
import org.redress.web.InvalidInputException;
import org.redress.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.servlet.ModelAndView;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The equality pages (H-3): the complainant's optional questions after sending a complaint, the same questions for
 * staff on a case, and the staff summary.
 */
@Controller
class EqualityPages implements StaffPage {

    @Override
    public List<StaffMenuItem> menu() {
        return List.of(new StaffMenuItem("Equality", "equality", 80));
    }

    private final EqualityMonitoring equality;
    private final Organisations organisations;
    private final Casework casework;
    private final Branding branding;

    EqualityPages(EqualityMonitoring equality, Organisations organisations, Casework casework, Branding branding) {
        this.equality = equality;
        this.organisations = organisations;
        this.casework = casework;
        this.branding = branding;
    }

    @GetMapping("/o/{organisation}/equality/{token}")
    String publicForm(@PathVariable String organisation, @PathVariable String token, Model model) {
        organisations.require(organisation);
        if (!equality.invitationOpen(organisation, token)) {
            throw new NotFoundException("token", "this link has expired or was already used");
        }
        return form(model, organisation, "/o/" + organisation + "/equality/" + token, null, Map.of(), List.of());
    }

    @PostMapping("/o/{organisation}/equality/{token}")
    String publicAnswer(@PathVariable String organisation, @PathVariable String token, @RequestParam Map<String, String> params,
                        Model model, HttpServletResponse response) {
        organisations.require(organisation);
        Map<String, String> answers = answers(params);
        try {
            equality.answer(organisation, token, new EqualityMonitoring.Answers(answers));
        } catch (InvalidInputException e) {
            response.setStatus(400);
            return form(model, organisation, "/o/" + organisation + "/equality/" + token, null, answers, e.errors());
        }
        model.addAttribute("brand", branding.of(organisation));
        return "equality/thanks";
    }

    @GetMapping("/staff/{organisation}/cases/{reference}/equality")
    String staffForm(@PathVariable String organisation, @PathVariable String reference, Model model) {
        CaseView view = casework.get(organisation, reference);
        return form(model, organisation, "/staff/" + organisation + "/cases/" + view.reference() + "/equality", view, Map.of(), List.of());
    }

    @PostMapping("/staff/{organisation}/cases/{reference}/equality")
    String staffAnswer(@PathVariable String organisation, @PathVariable String reference, @RequestParam Map<String, String> params,
                       Model model, HttpServletResponse response, org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        CaseView view = casework.get(organisation, reference);
        Map<String, String> answers = answers(params);
        try {
            equality.recordForCase(organisation, view.reference(), new EqualityMonitoring.Answers(answers));
        } catch (InvalidInputException e) {
            response.setStatus(400);
            return form(model, organisation, "/staff/" + organisation + "/cases/" + view.reference() + "/equality", view, answers, e.errors());
        }
        redirect.addFlashAttribute("done", "Equality monitoring answers kept, apart from the case");
        return "redirect:/staff/" + organisation + "/cases/" + view.reference();
    }

    @GetMapping("/staff/{organisation}/equality")
    String summary(CaseScope scope, @RequestParam(required = false) @Nullable String from,
                   @RequestParam(required = false) @Nullable String to, Model model, HttpServletResponse response) {
        String organisation = scope.organisation();
        model.addAttribute("brand", branding.of(organisation));
        model.addAttribute("limitNotice", scope.limitNotice());
        model.addAttribute("organisation", organisation);
        model.addAttribute("from", from == null ? "" : from);
        model.addAttribute("to", to == null ? "" : to);
        try {
            model.addAttribute("summary", equality.summary(scope, from, to));
            model.addAttribute("errors", List.of());
        } catch (InvalidInputException e) {
            response.setStatus(400);
            model.addAttribute("summary", null);
            model.addAttribute("errors", e.errors());
        }
        return "equality/summary";
    }

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound() {
        return new ModelAndView("error", Map.of("status", 404), HttpStatus.NOT_FOUND);
    }

    private String form(Model model, String organisation, String action, @Nullable CaseView view, Map<String, String> answers,
                        List<FieldError> errors) {
        model.addAttribute("brand", branding.of(organisation));
        model.addAttribute("action", action);
        model.addAttribute("caseFile", view);
        model.addAttribute("questions", Question.values());
        model.addAttribute("answers", answers);
        model.addAttribute("errors", errors);
        return "equality/form";
    }

    /** Only the questions' own fields: the form also carries its CSRF token. */
    private static Map<String, String> answers(Map<String, String> params) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (var p : params.entrySet()) {
            if (!p.getKey().startsWith("_")) {
                answers.put(p.getKey(), p.getValue());
            }
        }
        return answers;
    }
}
