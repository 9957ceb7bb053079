package org.redress.correspondence;

import org.redress.casework.CaseScope;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Without an SMTP server (the embedded demo start), sent mail is shown here instead of being delivered,
 * so people trying Redress can read every letter it writes. This page is then how a complainant's one-time code
 * reaches them: an administrator is shown the codes that can still be used, each showing recorded, and no one else is.
 */
@Controller
@org.springframework.context.annotation.Conditional(NoSmtpConfigured.class)
class LocalOutboxPage {

    private final ReadableLetters letters;

    LocalOutboxPage(ReadableLetters letters) {
        this.letters = letters;
    }

    /**
     * One organisation's mail: staff see only the organisations they belong to (checked by the access filter), and a
     * member limited to some service areas only the letters of those areas' cases and the notices for them.
     */
    @GetMapping("/staff/{organisation}/outbox")
    String outbox(CaseScope scope, Model model) {
        model.addAttribute("organisation", scope.organisation());
        model.addAttribute("letters", letters.outbox(scope, null, 100));
        model.addAttribute("limitNotice", letters.limitNotice(scope));
        model.addAttribute("codes", letters.liveCodes(scope.organisation()));
        return "correspondence/outbox";
    }
}
