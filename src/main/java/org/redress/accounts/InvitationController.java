package org.redress.accounts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/**
 * Invitations to join an organisation: the invited person's own (answered only by them, signed in as themselves) and
 * an organisation's open ones (its administrators).
 */
@RestController
@Tag(name = "Team", description = "An organisation's members and their roles (administrators)")
class InvitationController {

    private final Invitations invitations;

    InvitationController(Invitations invitations) {
        this.invitations = invitations;
    }

    @GetMapping("/api/v1/invitations")
    @Operation(summary = "Your open invitations to join an organisation (or to a new role there)")
    List<Invitations.Invitation> mine(Authentication user) {
        PersonOnly.require(user, "see or answer invitations");
        return invitations.openFor(user.getName());
    }

    @PostMapping("/api/v1/invitations/{id}/accept")
    @Operation(summary = "Accept one of your invitations: you join the organisation with the role it offers. Not with an API token")
    Invitations.Invitation accept(Authentication user, @PathVariable UUID id) {
        PersonOnly.require(user, "answer invitations");
        return invitations.accept(user.getName(), id);
    }

    @PostMapping("/api/v1/invitations/{id}/decline")
    @Operation(summary = "Decline one of your invitations. Not with an API token")
    Invitations.Invitation decline(Authentication user, @PathVariable UUID id) {
        PersonOnly.require(user, "answer invitations");
        return invitations.decline(user.getName(), id);
    }

    @GetMapping("/api/v1/organisations/{organisation}/team/invitations")
    @Operation(summary = "The organisation's invitations not yet answered and not run out (administrators)")
    List<Invitations.Invitation> open(@PathVariable String organisation) {
        return invitations.openIn(organisation);
    }

    @DeleteMapping("/api/v1/organisations/{organisation}/team/invitations/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Withdraw an invitation not yet answered (administrators)")
    void withdraw(@PathVariable String organisation, @PathVariable UUID id) {
        invitations.withdraw(organisation, id);
    }
}
