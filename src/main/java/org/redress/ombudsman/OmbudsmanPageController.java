package org.redress.ombudsman;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.redress.pages.Brand;
import org.redress.pages.Branding;
import org.redress.web.RequestDates;
import org.redress.web.FieldError;
import org.redress.web.InvalidInputException;
import org.redress.web.NotFoundException;
import org.redress.web.RefusedException;
import org.redress.web.TextLimits;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.math.BigDecimal;
import java.security.Principal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The case's ombudsman page: the referral, findings and orders with their status in words, forms to record them, and
 * the information pack to download. Done: back to the page; refused or invalid: the page again naming each field.
 */
@Controller
class OmbudsmanPageController implements org.redress.pages.StaffPage {

    private final OmbudsmanReferrals referrals;
    private final InformationPack pack;
    private final Branding branding;

    OmbudsmanPageController(OmbudsmanReferrals referrals, InformationPack pack, Branding branding) {
        this.referrals = referrals;
        this.pack = pack;
        this.branding = branding;
    }

    record ReferralForm(@Size(max = TextLimits.NAME) @Nullable String ombudsman, @Size(max = TextLimits.NAME) @Nullable String reference,
                        @Size(max = TextLimits.NAME) @Nullable String referredOn, @Size(max = TextLimits.NAME) @Nullable String informationRequestedOn,
                        @Size(max = TextLimits.NAME) @Nullable String determinedOn, @Size(max = TextLimits.TEXT) @Nullable String overrideReason) {
    }

    record FindingsForm(@Nullable List<Integer> point, @Nullable List<@Size(max = TextLimits.NAME) String> finding,
                        @Nullable List<@Size(max = TextLimits.TEXT) String> notes, @Nullable List<@Size(max = TextLimits.NAME) String> category) {
    }

    record OrderForm(@Size(max = TextLimits.NAME) @Nullable String kind, @Size(max = TextLimits.TEXT) @Nullable String description,
                     @Size(max = TextLimits.NAME) @Nullable String amount, @Size(max = TextLimits.NAME) @Nullable String dueOn,
                     @Size(max = TextLimits.NAME) @Nullable String point) {
    }

    record RecommendationForm(@Size(max = TextLimits.NAME) @Nullable String kind, @Size(max = TextLimits.TEXT) @Nullable String text) {
    }

    record DecisionForm(@Size(max = TextLimits.NAME) @Nullable String followed, @Size(max = TextLimits.TEXT) @Nullable String note) {
    }

    record ComplianceForm(@Size(max = TextLimits.NAME) @Nullable String compliedOn, @Size(max = TextLimits.TEXT) @Nullable String evidence) {
    }

    @ModelAttribute("brand")
    Brand brand(@PathVariable String organisation) {
        return branding.of(organisation);
    }

    @GetMapping("/staff/{organisation}/cases/{reference}/ombudsman")
    String show(@PathVariable String organisation, @PathVariable String reference, Model model) {
        OmbudsmanReferrals.CaseOmbudsman page = referrals.forCase(organisation, reference);
        Map<Integer, String> categories = new java.util.HashMap<>();
        if (page.referral() != null) {
            page.referral().findings().stream().filter(f -> f.category() != null).forEach(f -> categories.put(f.point(), f.category()));
        }
        model.addAttribute("page", page);
        model.addAttribute("categories", categories);
        model.addAttribute("organisation", organisation);
        model.addAttribute("findingKinds", Finding.values());
        model.addAttribute("orderKinds", OrderKind.values());
        return "ombudsman/case";
    }

    @GetMapping("/staff/{organisation}/cases/{reference}/ombudsman/information-pack.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String organisation, @PathVariable String reference) {
        return OmbudsmanController.download(pack.pdf(organisation, reference), MediaType.APPLICATION_PDF);
    }

    @GetMapping("/staff/{organisation}/cases/{reference}/ombudsman/information-pack.zip")
    ResponseEntity<byte[]> zip(@PathVariable String organisation, @PathVariable String reference) {
        return OmbudsmanController.download(pack.zip(organisation, reference), MediaType.parseMediaType("application/zip"));
    }

    @PostMapping("/staff/{organisation}/cases/{reference}/ombudsman/referral")
    String refer(@PathVariable String organisation, @PathVariable String reference, ReferralForm form, Principal principal,
                 Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return act(organisation, reference, model, redirect, response, "Referral recorded", () -> {
            TextLimits.checkForm(form);
            List<FieldError> errors = new ArrayList<>();
            LocalDate referredOn = date(errors, "referredOn", form.referredOn());
            LocalDate asked = date(errors, "informationRequestedOn", form.informationRequestedOn());
            LocalDate determined = date(errors, "determinedOn", form.determinedOn());
            throwIfAny(errors);
            referrals.refer(organisation, reference, new OmbudsmanReferrals.ReferralRequest(form.ombudsman(), form.reference(), referredOn,
                    asked, determined, form.overrideReason()), principal.getName());
        });
    }

    @PostMapping("/staff/{organisation}/cases/{reference}/ombudsman/findings")
    String findings(@PathVariable String organisation, @PathVariable String reference, FindingsForm form, Principal principal,
                    Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return act(organisation, reference, model, redirect, response, "Findings recorded", () -> {
            TextLimits.checkForm(form);
            List<OmbudsmanReferrals.FindingRequest> findings = new ArrayList<>();
            List<Integer> points = form.point() == null ? List.of() : form.point();
            for (int i = 0; i < points.size(); i++) {
                String finding = at(form.finding(), i);
                String notes = at(form.notes(), i);
                if ((finding == null || finding.isBlank()) && (notes == null || notes.isBlank())) {
                    continue; // a point left empty on the form: nothing to record for it
                }
                Finding parsed = null;
                if (finding != null && !finding.isBlank()) {
                    try {
                        parsed = Finding.valueOf(finding);
                    } catch (IllegalArgumentException e) {
                        throw new InvalidInputException("finding-" + points.get(i), "Choose a finding");
                    }
                }
                findings.add(new OmbudsmanReferrals.FindingRequest(points.get(i), parsed, notes, at(form.category(), i)));
            }
            try {
                referrals.recordFindings(organisation, reference, findings, principal.getName());
            } catch (InvalidInputException e) {
                // the form's fields are named per point, not per position in the list
                throw new InvalidInputException(e.errors().stream().map(err -> new FieldError(pageField(err.field(), findings),
                        err.message())).toList());
            }
        });
    }

    @PostMapping("/staff/{organisation}/cases/{reference}/ombudsman/orders")
    String order(@PathVariable String organisation, @PathVariable String reference, OrderForm form, Principal principal,
                 Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return act(organisation, reference, model, redirect, response, "Order recorded", () -> {
            TextLimits.checkForm(form);
            List<FieldError> errors = new ArrayList<>();
            OrderKind kind = null;
            if (form.kind() != null && !form.kind().isBlank()) {
                try {
                    kind = OrderKind.valueOf(form.kind());
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldError("kind", "Choose what was ordered"));
                }
            }
            BigDecimal amount = null;
            if (form.amount() != null && !form.amount().isBlank()) {
                try {
                    amount = new BigDecimal(form.amount().strip().replace("£", "").replace(",", ""));
                } catch (NumberFormatException e) {
                    errors.add(new FieldError("amount", "Enter an amount in pounds, like 250 or 250.00"));
                }
            }
            LocalDate dueOn = date(errors, "dueOn", form.dueOn());
            Integer point = null;
            if (form.point() != null && !form.point().isBlank()) {
                try {
                    point = Integer.valueOf(form.point().strip());
                } catch (NumberFormatException e) {
                    errors.add(new FieldError("point", "Choose the point of complaint the order is for"));
                }
            }
            throwIfAny(errors);
            referrals.order(organisation, reference, new OmbudsmanReferrals.OrderRequest(kind, form.description(), amount, dueOn, point),
                    principal.getName());
        });
    }

    @PostMapping("/staff/{organisation}/cases/{reference}/ombudsman/recommendations")
    String recommend(@PathVariable String organisation, @PathVariable String reference, RecommendationForm form, Principal principal,
                     Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return act(organisation, reference, model, redirect, response, "Recommendation recorded", () -> {
            TextLimits.checkForm(form);
            OrderKind kind = null;
            if (form.kind() != null && !form.kind().isBlank()) {
                kind = OrderKind.parse(form.kind()).orElseThrow(() -> new InvalidInputException("recommendation-kind", "Choose what was recommended"));
            }
            try {
                referrals.recommend(organisation, reference, new OmbudsmanReferrals.RecommendationRequest(kind, form.text()), principal.getName());
            } catch (InvalidInputException e) {
                throw new InvalidInputException(e.errors().stream().map(err -> new FieldError("recommendation-" + err.field(), err.message())).toList());
            }
        });
    }

    @PostMapping("/staff/{organisation}/cases/{reference}/ombudsman/recommendations/{id}/decision")
    String decide(@PathVariable String organisation, @PathVariable String reference, @PathVariable UUID id, DecisionForm form,
                  Principal principal, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return act(organisation, reference, model, redirect, response, "Decision recorded", () -> {
            TextLimits.checkForm(form);
            Boolean followed = "yes".equals(form.followed()) ? Boolean.TRUE : "no".equals(form.followed()) ? Boolean.FALSE : null;
            try {
                referrals.decide(organisation, reference, id, new OmbudsmanReferrals.DecisionRequest(followed, null, form.note()), principal.getName());
            } catch (InvalidInputException e) {
                throw new InvalidInputException(e.errors().stream().map(err -> new FieldError("decision-" + id + "-" + err.field(),
                        err.field().equals("followed") ? "Choose whether it was followed" : err.message())).toList());
            }
        });
    }

    @PostMapping("/staff/{organisation}/cases/{reference}/ombudsman/orders/{id}/complied")
    String complied(@PathVariable String organisation, @PathVariable String reference, @PathVariable UUID id, ComplianceForm form,
                    Principal principal, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return act(organisation, reference, model, redirect, response, "Compliance recorded", () -> {
            TextLimits.checkForm(form);
            List<FieldError> errors = new ArrayList<>();
            LocalDate on = date(errors, "compliedOn", form.compliedOn());
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors.stream().map(e -> new FieldError("complied-" + id + "-" + e.field(), e.message())).toList());
            }
            try {
                referrals.complied(organisation, reference, id, new OmbudsmanReferrals.ComplianceRequest(on, form.evidence()), principal.getName());
            } catch (InvalidInputException e) {
                throw new InvalidInputException(e.errors().stream().map(err -> new FieldError("complied-" + id + "-" + err.field(), err.message())).toList());
            }
        });
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    ModelAndView notFound() {
        return new ModelAndView("error", Map.of("status", 404), HttpStatus.NOT_FOUND);
    }

    private String act(String organisation, String reference, Model model, RedirectAttributes redirect, HttpServletResponse response,
                       String done, Runnable action) {
        List<FieldError> errors;
        int status;
        try {
            action.run();
            redirect.addFlashAttribute("done", done);
            return "redirect:/staff/" + organisation + "/cases/" + reference + "/ombudsman";
        } catch (InvalidInputException e) {
            errors = e.errors();
            status = 400;
        } catch (RefusedException e) {
            errors = List.of(new FieldError(e.field() == null ? "referral" : e.field(), "Not allowed: " + e.getMessage()));
            status = 422;
        }
        response.setStatus(status);
        model.addAttribute("errors", errors);
        return show(organisation, reference, model);
    }

    private static String pageField(String field, List<OmbudsmanReferrals.FindingRequest> findings) {
        // findings[2].notes -> notes-<point>
        if (field.startsWith("findings[")) {
            int close = field.indexOf(']');
            int index = Integer.parseInt(field.substring(9, close));
            String name = field.substring(close + 2);
            Integer point = index < findings.size() ? findings.get(index).point() : null;
            return name + "-" + point;
        }
        return field;
    }

    private static @Nullable String at(@Nullable List<String> values, int i) {
        return values != null && i < values.size() ? values.get(i) : null;
    }

    private static @Nullable LocalDate date(List<FieldError> errors, String field, @Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return RequestDates.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "Enter a real date" + RequestDates.hint(e, "")));
            return null;
        }
    }

    private static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
