package org.redress.staffui;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.redress.pages.StaffMenuItem;
import org.redress.pages.StaffPage;
import org.redress.vocabulary.Filing;
import org.redress.vocabulary.Vocabulary;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.security.Principal;
import java.util.List;

/**
 * Logging a contact: the form, one more row of points or named staff (posted back, so it works without JavaScript),
 * the warnings before saving (htmx fragment or whole page), and saving.
 */
@Controller
class ContactController implements StaffPage {

    @Override
    public List<StaffMenuItem> menu() {
        return List.of(new StaffMenuItem("Log a contact", "contacts/new", 20));
    }

    private final ContactLogging staff;
    private final Vocabulary vocabulary;

    ContactController(ContactLogging staff, Vocabulary vocabulary) {
        this.staff = staff;
        this.vocabulary = vocabulary;
    }

    /** The organisation's service areas and subjects to choose from (issue 20). */
    @ModelAttribute("lists")
    Filing.Lists lists(@PathVariable String organisation) {
        return vocabulary.lists(organisation);
    }

    @GetMapping("/staff/{organisation}/contacts/new")
    String form(@PathVariable String organisation, Principal principal, Model model) {
        model.addAttribute("contact", staff.contactPage(organisation));
        model.addAttribute("form", ContactForm.empty(principal.getName()));
        model.addAttribute("rows", ContactRows.empty());
        return "staff/new-contact";
    }

    /** "Add another point" or "Add another person": the form again with what was typed and one more empty row. */
    @PostMapping("/staff/{organisation}/contacts/new")
    String anotherRow(@PathVariable String organisation, ContactForm form, @RequestParam(name = "add", required = false) @Nullable String add,
                      HttpServletRequest request, HttpServletResponse response, Model model) {
        ContactRows rows = ContactRows.from(request.getParameterMap()).withAnother(add);
        ContactLogging.ContactPage page = staff.contactPage(organisation);
        List<org.redress.web.FieldError> tooLong = new java.util.ArrayList<>(org.redress.web.TextLimits.formSizeErrorsIn(form));
        org.redress.web.TextLimits.check(tooLong, "add", add, org.redress.web.TextLimits.NAME);
        if (!tooLong.isEmpty()) {
            // what was typed is kept, and each field past its size is named (400), as when the form is checked or saved
            response.setStatus(400);
            page = new ContactLogging.ContactPage(page.organisation(), page.pack(), page.members(), page.warnings(),
                    ContactLogging.inPageOrder(tooLong));
        }
        model.addAttribute("contact", page);
        model.addAttribute("form", form);
        model.addAttribute("rows", rows);
        model.addAttribute("focus", "point".equals(add) ? "pointSummary-" + rows.points().size()
                : "person".equals(add) ? "staffName-" + rows.people().size() : null);
        return "staff/new-contact";
    }

    @PostMapping("/staff/{organisation}/contacts/check")
    String check(@PathVariable String organisation, ContactForm form, Model model, HttpServletRequest request,
                 @RequestHeader(name = "HX-Request", required = false) String htmx, HttpServletResponse response) {
        ContactRows rows = ContactRows.from(request.getParameterMap());
        ContactLogging.ContactPage checked = staff.check(organisation, form, rows);
        if (htmx == null && !checked.errors().isEmpty()) {
            response.setStatus(400); // htmx swaps only a success in, so its fragment names the errors with 200
        }
        model.addAttribute("contact", checked);
        model.addAttribute("form", form);
        model.addAttribute("rows", rows);
        model.addAttribute("checked", true);
        if (htmx != null) {
            model.addAttribute("htmxCheck", true);
        }
        return htmx != null ? "staff/new-contact :: warnings" : "staff/new-contact";
    }

    @PostMapping("/staff/{organisation}/contacts")
    String log(@PathVariable String organisation, ContactForm form, Principal principal, Model model, RedirectAttributes redirect,
               HttpServletRequest request, HttpServletResponse response) {
        ContactRows rows = ContactRows.from(request.getParameterMap());
        ContactLogging.Logged logged = staff.log(organisation, principal.getName(), form, rows);
        if (logged.view() == null) {
            response.setStatus(400);
            model.addAttribute("contact", logged.page());
            model.addAttribute("form", form);
            model.addAttribute("rows", rows);
            return "staff/new-contact";
        }
        redirect.addFlashAttribute("done", "Logged " + logged.view().reference());
        redirect.addFlashAttribute("warnings", logged.page().warnings());
        return "redirect:/staff/" + organisation + "/cases/" + logged.view().reference();
    }
}
