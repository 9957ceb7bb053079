package org.redress.correspondence;

import java.util.List;
import org.redress.pages.StaffPage;
import org.redress.pages.StaffMenuItem;
import org.jspecify.annotations.Nullable;
import org.redress.casework.CaseScope;
import org.redress.web.FieldError;
import org.redress.web.InvalidInputException;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Instant;
import java.util.UUID;
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
class LocalOutboxPage implements StaffPage {

    @Override
    public List<StaffMenuItem> menu() {
        return List.of(new StaffMenuItem("Outbox", "outbox", 60));
    }

    /** Letters on a page of the outbox. */
    static final int PAGE = 50;

    private final ReadableLetters letters;
    private final NotifyDelivery notify;

    LocalOutboxPage(ReadableLetters letters, NotifyDelivery notify) {
        this.letters = letters;
        this.notify = notify;
    }

    /**
     * One organisation's mail: staff see only the organisations they belong to (checked by the access filter), and a
     * member limited to some service areas only the letters of those areas' cases and the notices for them.
     */
    @GetMapping("/staff/{organisation}/outbox")
    String outbox(CaseScope scope, @RequestParam(name = "before", required = false) @Nullable String before, Model model) {
        model.addAttribute("organisation", scope.organisation());
        List<Letter> page = letters.outbox(scope, null, PAGE + 1, parse(before));
        model.addAttribute("letters", page.size() > PAGE ? page.subList(0, PAGE) : page);
        model.addAttribute("older", page.size() > PAGE ? page.get(PAGE - 1).createdAt() + "_" + page.get(PAGE - 1).id() : null);
        model.addAttribute("paged", before != null);
        model.addAttribute("limitNotice", letters.limitNotice(scope));
        model.addAttribute("codes", letters.liveCodes(scope.organisation()));
        model.addAttribute("byNotify", notify.organisations().contains(scope.organisation()));
        return "correspondence/outbox";
    }

    /** The page's cursor, {@code <created at>_<id>} of the last letter shown; anything else is a 400 naming it. */
    private static Letters.@Nullable Before parse(@Nullable String before) {
        if (before == null || before.isBlank()) {
            return null;
        }
        int at = before.lastIndexOf('_');
        try {
            return new Letters.Before(Instant.parse(before.substring(0, Math.max(at, 0))), UUID.fromString(before.substring(at + 1)));
        } catch (RuntimeException e) {
            throw new InvalidInputException(List.of(new FieldError("before", "must be the link to older letters as the page gave it")));
        }
    }
}
