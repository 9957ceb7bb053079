package org.redress.staffui;

import org.redress.accounts.Invitations;
import org.redress.web.FieldError;
import org.redress.web.RefusedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.security.Principal;
import java.util.List;
import java.util.UUID;

/** The invited person's answer to an invitation, from the organisations page ({@code /staff}). */
@Controller
class InvitationPages {

    private final Invitations invitations;

    InvitationPages(Invitations invitations) {
        this.invitations = invitations;
    }

    @PostMapping("/account/invitations/{id}/accept")
    String accept(@PathVariable UUID id, Principal user, RedirectAttributes redirect) {
        try {
            Invitations.Invitation joined = invitations.accept(user.getName(), id);
            redirect.addFlashAttribute("done", "You are now a member of " + joined.organisationName() + " as " + joined.roleName());
        } catch (RefusedException e) {
            redirect.addFlashAttribute("errors", List.of(new FieldError("invitations", e.getMessage())));
        }
        return "redirect:/staff";
    }

    @PostMapping("/account/invitations/{id}/decline")
    String decline(@PathVariable UUID id, Principal user, RedirectAttributes redirect) {
        Invitations.Invitation declined = invitations.decline(user.getName(), id);
        redirect.addFlashAttribute("done", "You declined the invitation to join " + declined.organisationName());
        return "redirect:/staff";
    }
}
