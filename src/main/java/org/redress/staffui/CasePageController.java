package org.redress.staffui;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.redress.casework.CaseRefusedException;
import org.redress.casework.StaleCaseException;
import org.jspecify.annotations.Nullable;
import org.redress.publicweb.Attachments;
import org.redress.vocabulary.ListEntry;
import org.redress.vocabulary.ListKind;
import org.redress.vocabulary.Vocabulary;
import org.redress.publicweb.StaffUploads;
import org.redress.web.FieldError;
import org.redress.web.NotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.redress.web.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.security.Principal;
import java.util.List;

/** The case page, and each action on it: done, back to the page; refused, the page again with the rule named (422). */
@Controller
class CasePageController {

    private final StaffCasework staff;
    private final CaseActions actions;
    private final Vocabulary vocabulary;

    CasePageController(StaffCasework staff, CaseActions actions, Vocabulary vocabulary) {
        this.staff = staff;
        this.actions = actions;
        this.vocabulary = vocabulary;
    }

    @GetMapping("/staff/{organisation}/cases/{reference}")
    String show(@PathVariable String organisation, @PathVariable String reference, Principal principal, Model model) {
        model.addAttribute("casePage", staff.casePage(organisation, reference, principal.getName()));
        model.addAttribute("pointCategories", pointCategories(organisation));
        return "staff/case";
    }

    /** The categories a point may have: the organisation's subjects still in use (issue 20). */
    private List<String> pointCategories(String organisation) {
        return vocabulary.list(organisation, ListKind.SUBJECTS).top().stream().filter(ListEntry::active).map(ListEntry::name).toList();
    }

    @GetMapping("/staff/{organisation}/cases/{reference}/attachments/{id}")
    ResponseEntity<byte[]> attachment(@PathVariable String organisation, @PathVariable String reference, @PathVariable String id) {
        Attachments.Content content = staff.attachment(organisation, reference, id)
                .orElseThrow(() -> new NotFoundException("attachment", "no such attachment"));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(content.attachment().mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(content.attachment().filename()).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(content.bytes());
    }

    /** The response's promised actions as one empty row, until the form is posted back with more (issue 21). */
    @ModelAttribute("actionRows")
    PromisedActionRows actionRows() {
        return PromisedActionRows.empty();
    }

    /** A file uploaded on the case or on one piece of its evidence (issue 21, S0-6); refused, the page again naming the field (400). */
    @PostMapping("/staff/{organisation}/cases/{reference}/attachments")
    String upload(@PathVariable String organisation, @PathVariable String reference,
                  @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
                  @RequestParam(name = "evidence", required = false) @Nullable String evidence,
                  Principal principal, Model model, RedirectAttributes redirect, HttpServletResponse response) throws java.io.IOException {
        try {
            Attachments.Attachment stored = staff.upload(organisation, reference, file == null ? null : file.getOriginalFilename(),
                    StaffUploads.chosen(file), evidence, principal.getName());
            redirect.addFlashAttribute("done", "Uploaded " + stored.filename());
            return "redirect:/staff/" + organisation + "/cases/" + reference + "#attachments";
        } catch (InvalidInputException e) {
            response.setStatus(400);
            model.addAttribute("casePage", staff.casePage(organisation, reference, principal.getName()));
            model.addAttribute("pointCategories", pointCategories(organisation));
            model.addAttribute("errors", e.errors());
            return "staff/case";
        }
    }

    @PostMapping("/staff/{organisation}/cases/{reference}/{verb}")
    String act(@PathVariable String organisation, @PathVariable String reference, @PathVariable String verb, ActionForm form,
               Principal principal, Model model, RedirectAttributes redirect, HttpServletRequest request, HttpServletResponse response) {
        PromisedActionRows promised = PromisedActionRows.from(request.getParameterMap());
        if (verb.equals("respond")) {
            // kept as typed when the page comes back: another row asked for, or an error named
            model.addAttribute("respondForm", form);
            model.addAttribute("actionRows", promised);
            if (request.getParameter("add") != null) { // "Add another action"
                PromisedActionRows more = promised.withAnother();
                model.addAttribute("actionRows", more);
                model.addAttribute("focus", "actionWhat-" + more.rows().size());
                model.addAttribute("casePage", staff.casePage(organisation, reference, principal.getName()));
                model.addAttribute("pointCategories", pointCategories(organisation));
                model.addAttribute("openAction", verb);
                return "staff/case";
            }
        }
        List<FieldError> errors;
        int status = 422;
        try {
            actions.act(organisation, reference, principal.getName(), verb, form, promised);
            redirect.addFlashAttribute("done", doneText(verb));
            return "redirect:/staff/" + organisation + "/cases/" + reference;
        } catch (CaseRefusedException e) {
            errors = List.of(new FieldError(e.refusal().field() == null ? verb : e.refusal().field(), "Not allowed: " + e.refusal().describe()));
        } catch (InvalidInputException e) {
            errors = e.errors();
            status = 400;
        } catch (StaleCaseException e) {
            errors = List.of(new FieldError(verb, "Someone else changed this case while you were working on it. Check the case below and try again."));
        }
        response.setStatus(status);
        model.addAttribute("casePage", staff.casePage(organisation, reference, principal.getName()));
        model.addAttribute("pointCategories", pointCategories(organisation));
        model.addAttribute("errors", errors);
        model.addAttribute("openAction", verb);
        return "staff/case";
    }

    private static String doneText(String verb) {
        return switch (verb) {
            case "acknowledge" -> "Acknowledged";
            case "extend" -> "Deadline extended";
            case "respond" -> "Response recorded";
            case "close" -> "Case closed";
            case "summary-resolution" -> "Closed as resolved: the letter saying so is on its way";
            case "escalation-request" -> "Escalation request recorded";
            case "accept-escalation" -> "Escalation accepted";
            case "tenure" -> "Tenure recorded";
            case "service-line" -> "Service line corrected";
            default -> "Saved";
        };
    }
}
