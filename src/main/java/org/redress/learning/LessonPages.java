package org.redress.learning;

import org.redress.pages.StaffMenuItem;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.redress.casework.CaseScope;
import org.redress.casework.Casework;
import org.redress.pages.StaffPage;
import org.redress.web.FieldError;
import org.redress.web.InvalidInputException;
import org.redress.web.RefusedException;
import org.redress.web.TextLimits;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.security.Principal;
import java.util.List;

/** The organisation's lessons page (list, record, move on, tell the complainants) and a case's lessons page. */
@Controller
class LessonPages implements StaffPage {

    @Override
    public List<StaffMenuItem> menu() {
        return List.of(new StaffMenuItem("Lessons", "lessons", 40));
    }

    private final Learning learning;
    private final Casework casework;

    LessonPages(Learning learning, Casework casework) {
        this.learning = learning;
        this.casework = casework;
    }

    record LessonForm(@Size(max = TextLimits.NAME) @Nullable String kind, @Size(max = TextLimits.NAME) @Nullable String title,
                      @Size(max = TextLimits.TEXT) @Nullable String description, @Size(max = TextLimits.NAME) @Nullable String rootCause,
                      @Size(max = TextLimits.NAME) @Nullable String owner, @Size(max = TextLimits.TEXT) @Nullable String cases,
                      @Size(max = TextLimits.NAME) @Nullable String groupSuggestion) {
        static LessonForm empty(@Nullable String cases) {
            return new LessonForm(null, null, null, null, null, cases, null);
        }
    }

    @GetMapping("/staff/{organisation}/lessons")
    String list(@PathVariable String organisation, @RequestParam(required = false) @Nullable String status,
                @RequestParam(required = false) @Nullable String category, @RequestParam(required = false) @Nullable String cases,
                Model model) {
        return page(organisation, status, category, model, LessonForm.empty(cases));
    }

    @PostMapping("/staff/{organisation}/lessons")
    String create(@PathVariable String organisation, LessonForm form, Principal principal, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        try {
            TextLimits.checkForm(form);
            learning.create(organisation, new Learning.NewLesson(form.kind(), form.title(), form.description(), form.rootCause(),
                    form.owner(), form.cases() == null ? List.of() : List.of(form.cases()), "yes".equals(form.groupSuggestion())),
                    principal.getName());
        } catch (InvalidInputException e) {
            response.setStatus(400);
            model.addAttribute("errors", e.errors());
            return page(organisation, null, null, model, form);
        }
        redirect.addFlashAttribute("done", "Lesson recorded");
        return "redirect:/staff/" + organisation + "/lessons";
    }

    @PostMapping("/staff/{organisation}/lessons/{id}/status")
    String status(@PathVariable String organisation, @PathVariable String id, @RequestParam(required = false) @Nullable String status,
                  @RequestParam(required = false) @Nullable String doneOn, @RequestParam(required = false) @Nullable String reason,
                  Principal principal, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        try {
            TextLimits.checkFormField("status", status, TextLimits.NAME);
            TextLimits.checkFormField("doneOn", doneOn, TextLimits.NAME);
            TextLimits.checkFormField("reason", reason, TextLimits.TEXT);
            learning.changeStatus(organisation, id, new Learning.StatusChange(status, doneOn, reason), principal.getName());
        } catch (InvalidInputException e) {
            return failed(organisation, id, model, response, 400, e.errors().stream().map(f -> new FieldError(f.field() + "-" + id, f.message())).toList());
        } catch (RefusedException e) {
            return failed(organisation, id, model, response, 422,
                    List.of(new FieldError((e.field() == null ? "status" : e.field()) + "-" + id, "Not allowed: " + e.getMessage())));
        }
        redirect.addFlashAttribute("done", "Status changed");
        return "redirect:/staff/" + organisation + "/lessons";
    }

    @PostMapping("/staff/{organisation}/lessons/{id}/tell-complainants")
    String tell(@PathVariable String organisation, @PathVariable String id, Principal principal, Model model,
                RedirectAttributes redirect, HttpServletResponse response) {
        Learning.Told told;
        try {
            told = learning.tellComplainants(organisation, id, principal.getName());
        } catch (RefusedException e) {
            return failed(organisation, id, model, response, 422, List.of(new FieldError("tell-" + id, "Not allowed: " + e.getMessage())));
        }
        redirect.addFlashAttribute("done", told.told() == 0 ? "Everyone who complained had already been told"
                : "Letters written to " + told.told() + (told.told() == 1 ? " person" : " people")
                + (told.alreadyTold() > 0 ? " (" + told.alreadyTold() + " already told)" : ""));
        return "redirect:/staff/" + organisation + "/lessons";
    }

    @GetMapping("/staff/{organisation}/cases/{reference}/lessons")
    String ofCase(@PathVariable String organisation, @PathVariable String reference, Model model) {
        var c = casework.get(organisation, reference);
        model.addAttribute("caseFile", c);
        model.addAttribute("lessons", learning.ofCase(organisation, c.id()));
        return "learning/case";
    }

    private String failed(String organisation, String id, Model model, HttpServletResponse response, int status, List<FieldError> errors) {
        response.setStatus(status);
        model.addAttribute("errors", errors);
        model.addAttribute("open", id);
        return page(organisation, null, null, model, LessonForm.empty(null));
    }

    private String page(String organisation, @Nullable String status, @Nullable String category, Model model, LessonForm form) {
        model.addAttribute("organisation", organisation);
        model.addAttribute("status", status);
        model.addAttribute("category", category);
        CaseScope scope = casework.scope(organisation);
        try {
            model.addAttribute("lessons", learning.list(scope, status, category));
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
            model.addAttribute("lessons", learning.list(scope, null, null));
        }
        model.addAttribute("form", form);
        model.addAttribute("rootCauses", RootCause.values());
        model.addAttribute("statuses", Lesson.Status.values());
        return "learning/lessons";
    }
}
