package org.redress.correspondence;

import org.jspecify.annotations.Nullable;
import org.redress.web.InvalidInputException;
import org.redress.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.security.Principal;
import java.util.Map;

/** Recording, from the case page, a contact a letter asked for (A-2, issue 21): back to the case page either way. */
@Controller
class CallController {

    private final CallTasks calls;

    CallController(CallTasks calls) {
        this.calls = calls;
    }

    @PostMapping("/staff/{organisation}/cases/{reference}/calls/{id}")
    String record(@PathVariable String organisation, @PathVariable String reference, @PathVariable String id,
                  @RequestParam(name = "note", required = false) @Nullable String note, Principal principal, RedirectAttributes redirect,
                  org.springframework.ui.Model model, jakarta.servlet.http.HttpServletResponse response) {
        if (note != null && note.length() > org.redress.web.TextLimits.TEXT) {
            response.setStatus(400);
            model.addAttribute("status", 400);
            model.addAttribute("message", "The note " + org.redress.web.TextLimits.tooLong(org.redress.web.TextLimits.TEXT)
                    + ". Nothing was recorded: go back, shorten it and record the contact again.");
            return "error";
        }
        try {
            CallTasks.ContactRecorded done = calls.record(organisation, reference, id, principal.getName(), note);
            redirect.addFlashAttribute("done", done.inHistory() ? "Contact recorded"
                    : "Contact recorded on the letter (the case is no longer open, so its history is unchanged)");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", e.errors());
        }
        return "redirect:/staff/" + organisation + "/cases/" + reference;
    }

    /** No such contact to make on a case the member may open (made already, or never): the page is not found. */
    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    ModelAndView notFound() {
        return new ModelAndView("error", Map.of("status", 404), HttpStatus.NOT_FOUND);
    }
}
