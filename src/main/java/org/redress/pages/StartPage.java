package org.redress.pages;

import org.redress.people.Organisations;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The installation's start page (issue 21): where to make a complaint to each organisation, where staff sign in, the
 * API explorer, and what the installation adds (the demo's accounts), all on the page rather than in a file.
 */
@Controller
class StartPage {

    private final Organisations organisations;
    private final ObjectProvider<StartNotes> notes;

    StartPage(Organisations organisations, ObjectProvider<StartNotes> notes) {
        this.organisations = organisations;
        this.notes = notes;
    }

    @GetMapping("/")
    String start(Model model) {
        model.addAttribute("organisations", organisations.all());
        model.addAttribute("notes", notes.orderedStream().map(StartNotes::note).toList());
        return "pages/start";
    }
}
