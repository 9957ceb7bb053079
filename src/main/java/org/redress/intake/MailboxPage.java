package org.redress.intake;

import org.redress.pages.StaffMenuItem;
import org.redress.pages.StaffPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.util.List;

/**
 * The connected mailboxes as a staff page for administrators (issue 24): what the API's mailboxes answer, in words, so
 * a mailbox whose token was refused is seen in the browser, with why and since when, without a call to the API.
 * Who may open it is the permission matrix's rule for the "mailboxes" area (administrators).
 */
@Controller
class MailboxPage implements StaffPage {

    private final MailboxReads reads;
    private final IntakeProperties properties;

    MailboxPage(MailboxReads reads, IntakeProperties properties) {
        this.reads = reads;
        this.properties = properties;
    }

    @Override
    public List<StaffMenuItem> menu() {
        return List.of(new StaffMenuItem("Mailboxes", "mailboxes", 65));
    }

    @GetMapping("/staff/{organisation}/mailboxes")
    String mailboxes(@PathVariable String organisation, Model model) {
        model.addAttribute("organisation", organisation);
        model.addAttribute("mailboxes", reads.of(organisation, properties));
        return "intake/mailboxes";
    }
}
