package org.redress.staffconcerns;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.redress.pages.Branding;
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
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The staff concerns page of a case (F-12): record a named person and their manager, their view, and updates. */
@Controller
class StaffConcernPages implements org.redress.pages.StaffPage {

    private final StaffConcerns concerns;
    private final Branding branding;

    StaffConcernPages(StaffConcerns concerns, Branding branding) {
        this.concerns = concerns;
        this.branding = branding;
    }

    @GetMapping("/staff/{organisation}/cases/{reference}/staff-concerns")
    String page(@PathVariable String organisation, @PathVariable String reference, Principal principal, Model model) {
        return page(organisation, reference, principal.getName(), model, List.of(), null);
    }

    @PostMapping("/staff/{organisation}/cases/{reference}/staff-concerns")
    String record(@PathVariable String organisation, @PathVariable String reference, StaffConcerns.NewConcern form, Principal principal,
                  Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return act(organisation, reference, principal, model, redirect, response, "", () -> concerns.record(organisation, reference, TextLimits.checkedForm(form),
                principal.getName()), "Recorded, and the manager has been sent a notice");
    }

    @PostMapping("/staff/{organisation}/cases/{reference}/staff-concerns/{id}/view")
    String view(@PathVariable String organisation, @PathVariable String reference, @PathVariable String id, StaffConcerns.OwnView form,
                Principal principal, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return act(organisation, reference, principal, model, redirect, response, "-" + id,
                () -> concerns.recordView(organisation, reference, id, TextLimits.checkedForm(form), principal.getName()), "Their view is recorded");
    }

    @PostMapping("/staff/{organisation}/cases/{reference}/staff-concerns/{id}/updates")
    String update(@PathVariable String organisation, @PathVariable String reference, @PathVariable String id, StaffConcerns.KeptInformed form,
                  Principal principal, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return act(organisation, reference, principal, model, redirect, response, "-" + id,
                () -> concerns.keptInformed(organisation, reference, id, TextLimits.checkedForm(form), principal.getName()), "Update recorded");
    }

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound() {
        return new ModelAndView("error", Map.of("status", 404), HttpStatus.NOT_FOUND);
    }

    private String act(String organisation, String reference, Principal principal, Model model, RedirectAttributes redirect,
                       HttpServletResponse response, String suffix, Supplier<StaffConcern> action, String done) {
        List<FieldError> errors;
        try {
            action.get();
            redirect.addFlashAttribute("done", done);
            return "redirect:/staff/" + organisation + "/cases/" + reference + "/staff-concerns";
        } catch (InvalidInputException e) {
            response.setStatus(400);
            errors = e.errors().stream().map(f -> new FieldError(f.field() + suffix, f.message())).toList();
        } catch (RefusedException e) {
            response.setStatus(422);
            errors = List.of(new FieldError((e.field() == null ? "namedPerson" : e.field()) + suffix, e.getMessage()));
        }
        return page(organisation, reference, principal.getName(), model, errors, suffix);
    }

    private String page(String organisation, String reference, String username, Model model, List<FieldError> errors, @Nullable String open) {
        StaffConcerns.CaseConcerns found = concerns.forCase(organisation, reference, username);
        model.addAttribute("brand", branding.of(organisation));
        model.addAttribute("caseFile", found.caseFile());
        model.addAttribute("concerns", found.concerns());
        model.addAttribute("errors", errors);
        model.addAttribute("open", open);
        return "staffconcerns/page";
    }
}
