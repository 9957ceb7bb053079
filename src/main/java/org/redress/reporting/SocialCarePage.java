package org.redress.reporting;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.redress.accounts.Accounts;
import org.redress.accounts.Permissions;
import org.redress.policy.PolicyPacks;
import org.redress.web.FieldError;
import org.redress.web.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The staff page of the social care summary for CQC (issue 23, F-8, Regulation 16(3)): the summary's figures for a
 * period, CQC's requests with their due dates (28 days after) and whether the summary was sent, a form to record a new
 * request and one per request to record the summary as sent. The forms post through the same methods as the API, so
 * their rules and their permission (the route's, decided by the permission matrix) are the API's. Plain forms and
 * GOV.UK date boxes: every part works with the keyboard alone.
 */
@Controller
class SocialCarePage implements org.redress.pages.StaffPage {

    static final String PATH = "/staff/{organisation}/reports/social-care";

    /** The record form's own names for the period, so they do not clash with the figures' period on the same page. */
    private static final Map<String, String> RECORD_FIELDS = Map.of("from", "periodFrom", "to", "periodTo");

    private final SocialCareSummary summary;
    private final Reports reports;
    private final Accounts accounts;
    private final PolicyPacks packs;

    SocialCarePage(SocialCareSummary summary, Reports reports, Accounts accounts, PolicyPacks packs) {
        this.summary = summary;
        this.reports = reports;
        this.accounts = accounts;
        this.packs = packs;
    }

    @GetMapping(PATH)
    String page(@PathVariable String organisation, @RequestParam(required = false) @Nullable String from,
                @RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable String saved,
                Model model, Principal principal, HttpServletResponse response) {
        model.addAttribute("done", "request".equals(saved) ? "CQC's request is recorded" : "sent".equals(saved) ? "The summary is recorded as sent" : null);
        try {
            return show(organisation, from, to, model, principal, null);
        } catch (InvalidInputException e) {
            // a bad period: the page with the default period and the error summary naming the field
            response.setStatus(400);
            return show(organisation, null, null, model, principal, e.errors());
        }
    }

    @PostMapping(PATH + "/requests")
    String recordRequest(@PathVariable String organisation, @RequestParam MultiValueMap<String, String> form, Model model,
                         Principal principal, HttpServletResponse response) {
        SocialCareSummary.CqcRequestBody body = new SocialCareSummary.CqcRequestBody(form.getFirst("requestedOn"),
                form.getFirst("periodFrom"), form.getFirst("periodTo"), form.getFirst("note"));
        try {
            summary.record(organisation, body, principal.getName());
        } catch (InvalidInputException e) {
            response.setStatus(400);
            model.addAttribute("typedNote", body.note());
            return show(organisation, null, null, model, principal,
                    e.errors().stream().map(f -> new FieldError(RECORD_FIELDS.getOrDefault(f.field(), f.field()), f.message())).toList());
        }
        return "redirect:/staff/" + organisation + "/reports/social-care?saved=request#requests";
    }

    @PostMapping(PATH + "/requests/{id}/answered")
    String recordSent(@PathVariable String organisation, @PathVariable String id, @RequestParam MultiValueMap<String, String> form,
                      Model model, Principal principal, HttpServletResponse response) {
        try {
            summary.answered(organisation, id, new SocialCareSummary.CqcAnswerBody(form.getFirst("sentOn-" + id)), principal.getName());
        } catch (InvalidInputException e) {
            response.setStatus(400);
            // each request's date boxes have their own id, so the error summary links to the right ones
            return show(organisation, null, null, model, principal,
                    e.errors().stream().map(f -> new FieldError(f.field() + "-" + id, f.message())).toList());
        }
        return "redirect:/staff/" + organisation + "/reports/social-care?saved=sent#requests";
    }

    private String show(String organisation, @Nullable String from, @Nullable String to, Model model, Principal principal,
                        @Nullable List<FieldError> errors) {
        ReportScope scope = reports.scope(organisation, from, to, null, null);
        SocialCareSummary.Summary figures = summary.summary(organisation, scope.from().toString(), scope.to().toString());
        model.addAttribute("organisation", organisation);
        model.addAttribute("summary", figures);
        // each social care line by its name in the pack, for the figures' captions
        Map<String, String> lineNames = new LinkedHashMap<>();
        packs.active(organisation).ifPresent(pack -> pack.serviceLines().forEach(l -> lineNames.put(l.id(), l.name())));
        model.addAttribute("lineNames", lineNames);
        model.addAttribute("limitNotice", scope.limitNotice());
        model.addAttribute("query", Reports.query(scope, Map.of()));
        model.addAttribute("errors", errors);
        model.addAttribute("mayRecord", mayPost(organisation, principal));
        return "reporting/social-care";
    }

    /** Whether the member may post the page's forms: the permission the matrix gives their route, as the access check asks it. */
    private boolean mayPost(String organisation, Principal principal) {
        return Permissions.forRequest("POST", "/staff/" + organisation + "/reports/social-care/requests")
                .map(rule -> rule instanceof Permissions.Requirement r && accounts.may(principal.getName(), organisation, r.permission()))
                .orElse(false);
    }
}
