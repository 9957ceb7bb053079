package org.redress.privacy;

import org.redress.pages.StaffPage;
import org.redress.pages.StaffMenuItem;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.redress.calendar.UkTime;
import org.redress.people.Organisations;
import org.redress.web.RequestDates;
import org.redress.web.FieldError;
import org.redress.web.InvalidInputException;
import org.redress.web.RefusedException;
import org.redress.web.TextLimits;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The privacy pages: retention (the setting, legal holds, a dry run for any day, and "anonymise the due cases now"
 * with its progress) and subject access requests. Each form calls one service; the rules live there.
 */
@Controller
class PrivacyPages implements StaffPage {

    @Override
    public List<StaffMenuItem> menu() {
        return List.of(new StaffMenuItem("Privacy", "privacy", 110));
    }

    private final Retention retention;
    private final SubjectAccess subjectAccess;
    private final Organisations organisations;
    private final AsyncTaskExecutor executor;
    private final Clock clock;
    private final org.redress.casework.Casework casework;
    private final PrivacySection section;

    PrivacyPages(Retention retention, SubjectAccess subjectAccess, Organisations organisations,
                 @Qualifier("applicationTaskExecutor") AsyncTaskExecutor executor, Clock clock,
                 org.redress.casework.Casework casework, PrivacySection section) {
        this.casework = casework;
        this.section = section;
        this.retention = retention;
        this.subjectAccess = subjectAccess;
        this.organisations = organisations;
        this.executor = executor;
        this.clock = clock;
    }

    @GetMapping("/staff/{organisation}/privacy")
    String privacy(@PathVariable String organisation, @RequestParam(required = false) @Nullable String on,
                   @RequestParam(required = false) @Nullable String run, @RequestParam(required = false) @Nullable String done,
                   Model model) {
        LocalDate day = UkTime.dateOf(clock.instant());
        List<FieldError> errors = List.of();
        if (on != null && !on.isBlank()) {
            try {
                day = RequestDates.parse(on);
            } catch (DateTimeParseException e) {
                errors = List.of(new FieldError("on", "Enter the day as a date" + RequestDates.hint(e, ", like " + day)));
            }
        }
        return page(organisation, day, on, run, done, errors, model);
    }

    @PostMapping("/staff/{organisation}/privacy/retention")
    String setYears(@PathVariable String organisation, @RequestParam(required = false) @Nullable String years, Principal who, Model model,
                    HttpServletResponse response) {
        try {
            TextLimits.checkFormField("years", years, TextLimits.NAME);
            Integer value = years == null || !years.strip().matches("\\d{1,3}") ? null : Integer.valueOf(years.strip());
            retention.setYears(organisation, value, who.getName());
            return "redirect:/staff/" + organisation + "/privacy?done=retention";
        } catch (InvalidInputException e) {
            response.setStatus(400);
            return page(organisation, UkTime.dateOf(clock.instant()), null, null, null, e.errors(), model);
        } catch (RefusedException e) {
            response.setStatus(422);
            return page(organisation, UkTime.dateOf(clock.instant()), null, null, null,
                    List.of(new FieldError("years", e.getMessage() + " (" + e.rule() + ")")), model);
        }
    }

    @PostMapping("/staff/{organisation}/privacy/legal-holds")
    String placeHold(@PathVariable String organisation, @RequestParam(required = false) @Nullable String caseReference,
                     @RequestParam(required = false) @Nullable String person, @RequestParam(required = false) @Nullable String reason,
                     Principal who, Model model, HttpServletResponse response) {
        try {
            TextLimits.checkFormField("caseReference", caseReference, TextLimits.NAME);
            TextLimits.checkFormField("person", person, TextLimits.NAME);
            TextLimits.checkFormField("reason", reason, TextLimits.LINE);
            retention.placeHold(organisation, caseReference, person, reason, who.getName());
            return "redirect:/staff/" + organisation + "/privacy?done=hold";
        } catch (InvalidInputException e) {
            response.setStatus(400);
            return page(organisation, UkTime.dateOf(clock.instant()), null, null, null, e.errors(), model);
        }
    }

    @PostMapping("/staff/{organisation}/privacy/legal-holds/{id}/release")
    String releaseHold(@PathVariable String organisation, @PathVariable String id, Principal who) {
        retention.releaseHold(organisation, id, who.getName());
        return "redirect:/staff/" + organisation + "/privacy?done=released";
    }

    /** Starts anonymising today's due cases in the background and shows its progress. */
    @PostMapping("/staff/{organisation}/privacy/runs")
    String runNow(@PathVariable String organisation, Principal who) {
        Retention.Run run = retention.startRun(organisation, who.getName());
        executor.execute(() -> retention.execute(organisation, run.id()));
        return "redirect:/staff/" + organisation + "/privacy?run=" + run.id() + "#progress";
    }

    /** The progress panel alone, which the page polls while a run goes on. */
    @GetMapping("/staff/{organisation}/privacy/runs/{id}")
    String progress(@PathVariable String organisation, @PathVariable String id, Model model) {
        model.addAttribute("organisation", organisations.require(organisation));
        model.addAttribute("run", retention.run(organisation, id));
        return "privacy/privacy :: progress";
    }

    private String page(String organisation, LocalDate day, @Nullable String on, @Nullable String run, @Nullable String done,
                        List<FieldError> errors, Model model) {
        model.addAttribute("organisation", organisations.require(organisation));
        model.addAttribute("setting", retention.setting(organisation));
        org.redress.casework.CaseScope scope = casework.scope(organisation);
        model.addAttribute("holds", retention.holds(scope));
        model.addAttribute("on", on == null ? day.toString() : on);
        model.addAttribute("dryRun", errors.isEmpty() ? retention.dryRun(scope, day) : null);
        model.addAttribute("run", run == null ? retention.latestRun(organisation).orElse(null) : retention.run(organisation, run));
        model.addAttribute("errors", errors);
        model.addAttribute("done", done == null ? null : switch (done) {
            case "retention" -> "Retention period changed";
            case "hold" -> "Legal hold placed";
            case "released" -> "Legal hold released";
            default -> null;
        });
        return "privacy/privacy";
    }

    // ---- one case -----------------------------------------------------------------------------------------

    @GetMapping("/staff/{organisation}/cases/{reference}/privacy")
    String casePrivacy(@PathVariable String organisation, @PathVariable String reference,
                       @RequestParam(required = false) @Nullable String done, Principal who, Model model) {
        if (!section.visibleTo(organisation, casework.get(organisation, reference), who.getName())) {
            throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.FORBIDDEN);
        }
        return casePage(organisation, reference, done == null ? null : "Legal hold placed", List.of(), model);
    }

    @PostMapping("/staff/{organisation}/cases/{reference}/privacy")
    String holdCase(@PathVariable String organisation, @PathVariable String reference,
                    @RequestParam(required = false) @Nullable String reason, Principal who, Model model, HttpServletResponse response) {
        String ref = casework.get(organisation, reference).reference();
        try {
            TextLimits.checkFormField("reason", reason, TextLimits.LINE);
            retention.placeHold(organisation, ref, null, reason, who.getName());
            return "redirect:/staff/" + organisation + "/cases/" + ref + "/privacy?done=hold";
        } catch (InvalidInputException e) {
            response.setStatus(400);
            return casePage(organisation, ref, null, e.errors(), model);
        }
    }

    private String casePage(String organisation, String reference, @Nullable String done, List<FieldError> errors, Model model) {
        org.redress.casework.CaseView c = casework.get(organisation, reference);
        model.addAttribute("organisation", organisations.require(organisation));
        model.addAttribute("caseFile", c);
        model.addAttribute("retention", retention.forCase(organisation, c));
        model.addAttribute("errors", errors);
        model.addAttribute("done", done);
        return "privacy/case";
    }

    // ---- subject access ----------------------------------------------------------------------------------

    @GetMapping("/staff/{organisation}/privacy/subject-access")
    String subjectAccess(@PathVariable String organisation, @RequestParam(required = false) @Nullable String done, Model model) {
        return subjectAccessPage(organisation, done == null ? null : "created".equals(done) ? "Request recorded" : "Request marked as answered",
                List.of(), null, model);
    }

    @PostMapping("/staff/{organisation}/privacy/subject-access")
    String recordSubjectAccess(@PathVariable String organisation, @RequestParam(required = false) @Nullable String name,
                               @RequestParam(required = false) @Nullable String email, @RequestParam(required = false) @Nullable String phone,
                               @RequestParam(required = false) @Nullable String receivedOn, Principal who, Model model,
                               HttpServletResponse response) {
        SubjectAccess.NewRequest form = new SubjectAccess.NewRequest(name, email, phone, null);
        try {
            TextLimits.checkForm(form);
            TextLimits.checkFormField("receivedOn", receivedOn, TextLimits.NAME);
            LocalDate received = receivedOn == null || receivedOn.isBlank() ? null : RequestDates.parse(receivedOn);
            subjectAccess.record(organisation, new SubjectAccess.NewRequest(name, email, phone, received), who.getName());
            return "redirect:/staff/" + organisation + "/privacy/subject-access?done=created";
        } catch (DateTimeParseException e) {
            response.setStatus(400);
            return subjectAccessPage(organisation, null, List.of(new FieldError("receivedOn",
                            "Enter the day received as a date" + RequestDates.hint(e, ", like 2027-01-31"))),
                    form, model);
        } catch (InvalidInputException e) {
            response.setStatus(400);
            return subjectAccessPage(organisation, null, e.errors(), form, model);
        }
    }

    @PostMapping("/staff/{organisation}/privacy/subject-access/{id}/complete")
    String completeSubjectAccess(@PathVariable String organisation, @PathVariable String id, Principal who) {
        subjectAccess.complete(organisation, id, who.getName());
        return "redirect:/staff/" + organisation + "/privacy/subject-access?done=completed";
    }

    private String subjectAccessPage(String organisation, @Nullable String done, List<FieldError> errors,
                                     SubjectAccess.@Nullable NewRequest form, Model model) {
        model.addAttribute("organisation", organisations.require(organisation));
        model.addAttribute("requests", subjectAccess.list(organisation, false));
        model.addAttribute("form", form == null ? new SubjectAccess.NewRequest(null, null, null, null) : form);
        model.addAttribute("errors", errors);
        model.addAttribute("done", done);
        return "privacy/subject-access";
    }
}
