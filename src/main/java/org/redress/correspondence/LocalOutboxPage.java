package org.redress.correspondence;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Without an SMTP server (the embedded demo start), sent mail is shown here instead of being delivered,
 * so people trying Redress can read every letter it writes.
 */
@Controller
@org.springframework.context.annotation.Conditional(NoSmtpConfigured.class)
class LocalOutboxPage {

    private final Letters letters;

    LocalOutboxPage(Letters letters) {
        this.letters = letters;
    }

    @GetMapping("/outbox")
    String outbox(Model model) {
        model.addAttribute("letters", letters.recent(null, null, 100));
        return "correspondence/outbox";
    }
}
