package org.redress.conduct;

import org.redress.pages.StaffPage;
import org.redress.pages.StaffMenuItem;
import jakarta.servlet.http.HttpServletResponse;
import org.redress.casework.CaseView;
import org.redress.casework.Casework;
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
 * The staff pages of restrictions: the organisation's list (record, review, end) and a case's section (the
 * restrictions that apply to its complainant, and recording one for them). Bad input: the page again, each field named.
 */
@Controller
class RestrictionPages implements StaffPage {

    @Override
    public List<StaffMenuItem> menu() {
        return List.of(new StaffMenuItem("Restrictions", "restrictions", 70));
    }

    private static final Restrictions.NewRestriction EMPTY = new Restrictions.NewRestriction(null, null, null, null, null, null,
            null, null, null, null);

    private final Restrictions restrictions;
    private final Casework casework;
    private final Branding branding;

    RestrictionPages(Restrictions restrictions, Casework casework, Branding branding) {
        this.restrictions = restrictions;
        this.casework = casework;
        this.branding = branding;
    }

    @GetMapping("/staff/{organisation}/restrictions")
    String list(@PathVariable String organisation, Model model) {
        return listPage(organisation, model, EMPTY, List.of(), null);
    }

    @PostMapping("/staff/{organisation}/restrictions")
    String record(@PathVariable String organisation, Restrictions.NewRestriction form, Principal principal, Model model,
                  RedirectAttributes redirect, HttpServletResponse response) {
        try {
            Restriction r = restrictions.record(organisation, TextLimits.checkedForm(form), principal.getName());
            redirect.addFlashAttribute("done", "Restriction recorded for " + r.personName());
            return "redirect:/staff/" + organisation + "/restrictions";
        } catch (InvalidInputException e) {
            response.setStatus(400);
            return listPage(organisation, model, form, e.errors(), null);
        }
    }

    @PostMapping("/staff/{organisation}/restrictions/{id}/review")
    String review(@PathVariable String organisation, @PathVariable String id, Restrictions.ReviewRequest form, Principal principal,
                  Model model, RedirectAttributes redirect, HttpServletResponse response) {
        try {
            Restriction r = restrictions.review(organisation, id, TextLimits.checkedForm(form), principal.getName());
            redirect.addFlashAttribute("done", "Review recorded for " + r.personName());
            return "redirect:/staff/" + organisation + "/restrictions";
        } catch (InvalidInputException e) {
            response.setStatus(400);
            return listPage(organisation, model, EMPTY, prefixed(e.errors(), id), "review-" + id);
        } catch (RefusedException e) {
            response.setStatus(422);
            return listPage(organisation, model, EMPTY, List.of(new FieldError("outcome-" + id, e.getMessage())), "review-" + id);
        }
    }

    @PostMapping("/staff/{organisation}/restrictions/{id}/end")
    String end(@PathVariable String organisation, @PathVariable String id, Restrictions.Ending form, Principal principal,
               Model model, RedirectAttributes redirect, HttpServletResponse response) {
        try {
            Restriction r = restrictions.end(organisation, id, TextLimits.checkedForm(form), principal.getName());
            redirect.addFlashAttribute("done", "Restriction ended for " + r.personName());
            return "redirect:/staff/" + organisation + "/restrictions";
        } catch (InvalidInputException e) {
            response.setStatus(400);
            return listPage(organisation, model, EMPTY, prefixed(e.errors(), id), "end-" + id);
        } catch (RefusedException e) {
            response.setStatus(422);
            return listPage(organisation, model, EMPTY, List.of(new FieldError("reason-" + id, e.getMessage())), "end-" + id);
        }
    }

    @GetMapping("/staff/{organisation}/cases/{reference}/restrictions")
    String caseSection(@PathVariable String organisation, @PathVariable String reference, Model model) {
        CaseView view = casework.get(organisation, reference);
        var c = view.complainant();
        return casePage(organisation, view, model, new Restrictions.NewRestriction(c.name(), c.email(), c.phone(), c.address(),
                null, null, null, null, null, null), List.of());
    }

    @PostMapping("/staff/{organisation}/cases/{reference}/restrictions")
    String recordForCase(@PathVariable String organisation, @PathVariable String reference, Restrictions.NewRestriction form,
                         Principal principal, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        CaseView view = casework.get(organisation, reference);
        try {
            restrictions.record(organisation, TextLimits.checkedForm(form), principal.getName());
            redirect.addFlashAttribute("done", "Restriction recorded");
            return "redirect:/staff/" + organisation + "/cases/" + view.reference() + "/restrictions";
        } catch (InvalidInputException e) {
            response.setStatus(400);
            return casePage(organisation, view, model, form, e.errors());
        }
    }

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound() {
        return new ModelAndView("error", Map.of("status", 404), HttpStatus.NOT_FOUND);
    }

    private String listPage(String organisation, Model model, Restrictions.NewRestriction form, List<FieldError> errors,
                            @org.jspecify.annotations.Nullable String open) {
        model.addAttribute("brand", branding.of(organisation));
        model.addAttribute("organisation", organisation);
        model.addAttribute("restrictions", restrictions.list(organisation));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("open", open);
        model.addAttribute("kinds", RestrictionKind.values());
        model.addAttribute("formAction", "/staff/" + organisation + "/restrictions");
        return "conduct/restrictions";
    }

    private String casePage(String organisation, CaseView view, Model model, Restrictions.NewRestriction form, List<FieldError> errors) {
        var c = view.complainant();
        model.addAttribute("brand", branding.of(organisation));
        model.addAttribute("organisation", organisation);
        model.addAttribute("caseFile", view);
        model.addAttribute("restrictions", restrictions.applyingTo(organisation, c.name(), c.email(), c.phone(), c.address()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", RestrictionKind.values());
        model.addAttribute("formAction", "/staff/" + organisation + "/cases/" + view.reference() + "/restrictions");
        return "conduct/case-restrictions";
    }

    /** Each restriction on the list page has its own review and end forms: an error names the field of that one's form. */
    private static List<FieldError> prefixed(List<FieldError> errors, String id) {
        return errors.stream().map(e -> new FieldError(e.field() + "-" + id, e.message())).toList();
    }
}
