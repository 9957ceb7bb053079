package org.redress.staffui;

import org.redress.pages.StaffPage;
import org.redress.pages.StaffMenuItem;
import org.redress.accounts.Invitations;
import org.redress.casework.CaseScope;
import org.redress.people.Organisation;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;

import java.security.Principal;
import java.util.List;

/**
 * My work, and choosing an organisation, where open invitations to join one are answered too. With htmx the filter
 * form swaps only the results.
 */
@Controller
class WorkController implements StaffPage {

    @Override
    public List<StaffMenuItem> menu() {
        return List.of(new StaffMenuItem("My work", "", 10));
    }

    private final StaffCasework staff;
    private final Invitations invitations;

    WorkController(StaffCasework staff, Invitations invitations) {
        this.staff = staff;
        this.invitations = invitations;
    }

    /** Straight to the one organisation of someone who belongs to one, unless there is an invitation or a banner to show. */
    @GetMapping("/staff")
    String organisations(Principal principal, Model model) {
        List<Organisation> mine = staff.organisationsOf(principal.getName());
        List<Invitations.Invitation> open = invitations.openFor(principal.getName());
        if (mine.size() == 1 && open.isEmpty() && !model.containsAttribute("done") && !model.containsAttribute("errors")) {
            return "redirect:/staff/" + mine.get(0).code();
        }
        model.addAttribute("organisations", mine);
        model.addAttribute("invitations", open);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", List.of());
        }
        return "staff/organisations";
    }

    @GetMapping("/staff/{organisation}")
    String work(CaseScope scope, StaffCasework.WorkFilter filter, Principal principal, Model model,
                @RequestHeader(name = "HX-Request", required = false) String htmx) {
        model.addAttribute("work", staff.workList(scope, principal.getName(), filter));
        if (htmx != null) {
            return "staff/work :: results";
        }
        model.addAttribute("otherWork", staff.otherWork(scope, principal.getName()));
        return "staff/work";
    }
}
