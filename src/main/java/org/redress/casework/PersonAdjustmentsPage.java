package org.redress.casework;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.redress.accounts.SpecialCategoryAudit;
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

/**
 * The staff page of a person's reasonable adjustments, a section of each of their cases (T-1): what each asks the
 * member of staff to do, when it was asked and agreed, and forms to record, agree and end one. Bad input: the page
 * again, each field named.
 */
@Controller
class PersonAdjustmentsPage {

    private static final PersonAdjustments.NewAdjustment EMPTY = new PersonAdjustments.NewAdjustment(null, null, null, null, null, null, null);

    private final PersonAdjustments adjustments;
    private final Casework casework;
    private final Branding branding;
    private final SpecialCategoryAudit audit;

    PersonAdjustmentsPage(PersonAdjustments adjustments, Casework casework, Branding branding, SpecialCategoryAudit audit) {
        this.adjustments = adjustments;
        this.casework = casework;
        this.branding = branding;
        this.audit = audit;
    }

    @GetMapping("/staff/{organisation}/cases/{reference}/adjustments")
    String page(@PathVariable String organisation, @PathVariable String reference, Principal principal, Model model) {
        return page(organisation, reference, principal, model, EMPTY, List.of(), null);
    }

    @PostMapping("/staff/{organisation}/cases/{reference}/adjustments")
    String record(@PathVariable String organisation, @PathVariable String reference, PersonAdjustments.NewAdjustment form,
                  Principal principal, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        try {
            PersonAdjustment a = adjustments.record(organisation, reference, TextLimits.checkedForm(form), principal.getName());
            redirect.addFlashAttribute("done", a.kind().label() + " recorded for " + a.personName() + ", on all their cases");
            return "redirect:/staff/" + organisation + "/cases/" + reference + "/adjustments";
        } catch (InvalidInputException e) {
            response.setStatus(400);
            return page(organisation, reference, principal, model, form, e.errors(), null);
        }
    }

    @PostMapping("/staff/{organisation}/cases/{reference}/adjustments/{id}/agree")
    String agree(@PathVariable String organisation, @PathVariable String reference, @PathVariable String id,
                 PersonAdjustments.AdjustmentAgreement form, Principal principal, Model model, RedirectAttributes redirect,
                 HttpServletResponse response) {
        try {
            PersonAdjustment a = adjustments.agree(organisation, reference, id, TextLimits.checkedForm(form), principal.getName());
            redirect.addFlashAttribute("done", "Agreement recorded: " + a.kind().label());
            return "redirect:/staff/" + organisation + "/cases/" + reference + "/adjustments";
        } catch (InvalidInputException e) {
            response.setStatus(400);
            return page(organisation, reference, principal, model, EMPTY, prefixed(e.errors(), id), "agree-" + id);
        } catch (RefusedException e) {
            response.setStatus(422);
            return page(organisation, reference, principal, model, EMPTY, List.of(new FieldError("agreed-" + id, e.getMessage())), "agree-" + id);
        }
    }

    @PostMapping("/staff/{organisation}/cases/{reference}/adjustments/{id}/end")
    String end(@PathVariable String organisation, @PathVariable String reference, @PathVariable String id,
               PersonAdjustments.AdjustmentEnding form, Principal principal, Model model, RedirectAttributes redirect,
               HttpServletResponse response) {
        try {
            PersonAdjustment a = adjustments.end(organisation, reference, id, TextLimits.checkedForm(form), principal.getName());
            redirect.addFlashAttribute("done", "Adjustment ended: " + a.kind().label());
            return "redirect:/staff/" + organisation + "/cases/" + reference + "/adjustments";
        } catch (InvalidInputException e) {
            response.setStatus(400);
            return page(organisation, reference, principal, model, EMPTY, prefixed(e.errors(), id), "end-" + id);
        } catch (RefusedException e) {
            response.setStatus(422);
            return page(organisation, reference, principal, model, EMPTY, List.of(new FieldError("reason-" + id, e.getMessage())), "end-" + id);
        }
    }

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound() {
        return new ModelAndView("error", Map.of("status", 404), HttpStatus.NOT_FOUND);
    }

    private String page(String organisation, String reference, Principal principal, Model model, PersonAdjustments.NewAdjustment form,
                        List<FieldError> errors, @Nullable String open) {
        CaseView view = casework.get(organisation, reference);
        List<PersonAdjustment> found = adjustments.forMember(organisation, view.reference());
        if (!found.isEmpty()) {
            audit.recordRead(organisation, view.reference(), view.classification().serviceArea(), principal.getName(),
                    "reasonable adjustments", "adjustments page");
        }
        model.addAttribute("brand", branding.of(organisation));
        model.addAttribute("organisation", organisation);
        model.addAttribute("caseFile", view);
        model.addAttribute("adjustments", found);
        model.addAttribute("kinds", AdjustmentKind.values());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("open", open);
        return "casework/adjustments";
    }

    /** A form of one adjustment names its fields with the adjustment's id, so the error summary links to the right one. */
    private static List<FieldError> prefixed(List<FieldError> errors, String id) {
        return errors.stream().map(e -> new FieldError(e.field() + "-" + id, e.message())).toList();
    }
}
