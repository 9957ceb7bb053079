package org.redress.remedies;

import org.redress.pages.StaffMenuItem;
import jakarta.validation.constraints.Size;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.redress.casework.CaseScope;
import org.redress.casework.CaseView;
import org.redress.casework.Casework;
import org.redress.pages.StaffPage;
import org.redress.web.TextLimits;
import org.redress.web.FieldError;
import org.redress.web.InvalidInputException;
import org.redress.web.RefusedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.security.Principal;
import java.util.List;

/**
 * The remedies page of a case, with forms to add a remedy and to approve, refuse, pay or finish one (no JavaScript
 * needed); and the organisation's list of open actions, overdue first. Done: back to the page with a banner. Refused or
 * invalid: the page again with the errors named (400 or 422), nothing changed.
 */
@Controller
class RemedyPages implements StaffPage {

    @Override
    public List<StaffMenuItem> menu() {
        return List.of(new StaffMenuItem("Actions", "actions", 30));
    }

    private final Remedies remedies;
    private final Casework casework;

    RemedyPages(Remedies remedies, Casework casework) {
        this.remedies = remedies;
        this.casework = casework;
    }

    /** The add form as typed, given back when it has errors. */
    record AddForm(@Size(max = TextLimits.NAME) @Nullable String kind, @Size(max = TextLimits.TEXT) @Nullable String description,
                   @Size(max = TextLimits.NAME) @Nullable String owner, @Size(max = TextLimits.NAME) @Nullable String due,
                   @Size(max = TextLimits.NAME) @Nullable String paymentKind, @Size(max = TextLimits.NAME) @Nullable String amount,
                   @Size(max = TextLimits.NAME) @Nullable String method) {
        static AddForm empty() {
            return new AddForm(null, null, null, null, null, null, null);
        }
    }

    @GetMapping("/staff/{organisation}/cases/{reference}/remedies")
    String show(@PathVariable String organisation, @PathVariable String reference, Model model) {
        return page(organisation, reference, model, AddForm.empty());
    }

    @PostMapping("/staff/{organisation}/cases/{reference}/remedies")
    String add(@PathVariable String organisation, @PathVariable String reference, AddForm form, Principal principal, Model model,
               RedirectAttributes redirect, HttpServletResponse response) {
        try {
            TextLimits.checkForm(form);
            remedies.add(organisation, reference, new Remedies.NewRemedy(form.kind(), form.description(), form.owner(), form.due(),
                    form.paymentKind(), form.amount(), form.method()), principal.getName());
        } catch (InvalidInputException e) {
            return failed(organisation, reference, model, form, response, 400, e.errors(), "add");
        } catch (RefusedException e) {
            return failed(organisation, reference, model, form, response, 422, List.of(error(e, "kind")), "add");
        }
        redirect.addFlashAttribute("done", "Remedy added");
        return "redirect:/staff/" + organisation + "/cases/" + reference + "/remedies";
    }

    @PostMapping("/staff/{organisation}/cases/{reference}/remedies/{id}/{verb}")
    String act(@PathVariable String organisation, @PathVariable String reference, @PathVariable String id, @PathVariable String verb,
               @RequestParam(required = false) @Nullable String asPanel, @RequestParam(required = false) @Nullable String panelDecidedOn,
               @RequestParam(required = false) @Nullable String reason, @RequestParam(required = false) @Nullable String on,
               Principal principal, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        String actor = principal.getName();
        Remedies.Decision decision = new Remedies.Decision("yes".equals(asPanel), panelDecidedOn, reason);
        String done;
        try {
            TextLimits.checkFormField("asPanel", asPanel, TextLimits.NAME);
            TextLimits.checkFormField("panelDecidedOn", panelDecidedOn, TextLimits.NAME);
            TextLimits.checkFormField("reason", reason, TextLimits.TEXT);
            TextLimits.checkFormField("on", on, TextLimits.NAME);
            switch (verb) {
                case "approve" -> {
                    remedies.approve(organisation, reference, id, decision, actor);
                    done = "Payment approved";
                }
                case "refuse" -> {
                    remedies.refuse(organisation, reference, id, decision, actor);
                    done = "Payment refused";
                }
                case "paid" -> {
                    remedies.markPaid(organisation, reference, id, on, reason, actor);
                    done = "Payment recorded as paid";
                }
                case "done" -> {
                    remedies.markDone(organisation, reference, id, on, reason, actor);
                    done = "Action recorded as done";
                }
                default -> throw new org.redress.web.NotFoundException("verb", "no such action " + verb);
            }
        } catch (InvalidInputException e) {
            return failed(organisation, reference, model, AddForm.empty(), response, 400,
                    e.errors().stream().map(f -> new FieldError(f.field() + "-" + id, f.message())).toList(), id);
        } catch (RefusedException e) {
            return failed(organisation, reference, model, AddForm.empty(), response, 422, List.of(new FieldError((e.field() == null ? verb : e.field()) + "-" + id, "Not allowed: " + e.getMessage())), id);
        }
        redirect.addFlashAttribute("done", done);
        return "redirect:/staff/" + organisation + "/cases/" + reference + "/remedies";
    }

    @GetMapping("/staff/{organisation}/actions")
    String actions(CaseScope scope, @RequestParam(required = false) @Nullable String owner, Model model) {
        model.addAttribute("organisation", scope.organisation());
        model.addAttribute("owner", owner);
        model.addAttribute("actions", remedies.openActions(scope, owner));
        model.addAttribute("limitNotice", scope.limitNotice());
        return "remedies/actions";
    }

    private String failed(String organisation, String reference, Model model, AddForm form, HttpServletResponse response, int status,
                          List<FieldError> errors, String open) {
        response.setStatus(status);
        model.addAttribute("errors", errors);
        model.addAttribute("open", open);
        return page(organisation, reference, model, form);
    }

    private String page(String organisation, String reference, Model model, AddForm form) {
        CaseView c = casework.get(organisation, reference);
        model.addAttribute("caseFile", c);
        model.addAttribute("remedies", remedies.ofCase(organisation, c.id()));
        model.addAttribute("form", form);
        model.addAttribute("today", remedies.today());
        return "remedies/case";
    }

    private static FieldError error(RefusedException e, String fallbackField) {
        return new FieldError(e.field() == null ? fallbackField : e.field(), "Not allowed: " + e.getMessage());
    }
}
