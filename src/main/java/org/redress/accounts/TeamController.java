package org.redress.accounts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/** An organisation's members, managed by its administrators. */
@RestController
@RequestMapping("/api/v1/organisations/{organisation}/staff")
@Tag(name = "Team", description = "An organisation's members and their roles (administrators)")
class TeamController {

    private final Team team;

    TeamController(Team team) {
        this.team = team;
    }

    @GetMapping
    @Operation(summary = "The organisation's members: role, service-area limit, whether locked out, whether they sign in through the identity provider")
    List<Team.Member> members(@PathVariable String organisation) {
        return team.members(organisation);
    }

    @GetMapping("/{username}")
    @Operation(summary = "One member")
    Team.Member member(@PathVariable String organisation, @PathVariable String username) {
        return team.member(organisation, username);
    }

    @PostMapping
    @Operation(summary = "Add a member: a new account with its first password, or an existing account given a role here (201)")
    ResponseEntity<Team.Added> add(@PathVariable String organisation, @RequestBody Team.NewMember request) {
        Team.Added added = team.add(organisation, request);
        return ResponseEntity.created(URI.create("/api/v1/organisations/" + organisation + "/staff/" + added.member().username())).body(added);
    }

    record RoleChange(@Nullable String role) {
    }

    @PutMapping("/{username}/role")
    @Operation(summary = "Change a member's role (the organisation always keeps an administrator)")
    Team.Member changeRole(@PathVariable String organisation, @PathVariable String username, @RequestBody RoleChange request) {
        return team.changeRole(organisation, username, request.role());
    }

    @PostMapping("/{username}/unlock")
    @Operation(summary = "End a lockout after too many wrong passwords now")
    Team.Member unlock(@PathVariable String organisation, @PathVariable String username) {
        return team.unlock(organisation, username);
    }

    record NewPassword(@Nullable String password) {
    }

    @PutMapping("/{username}/password")
    @Operation(summary = "Set a new password for a member who forgot theirs (only an account that belongs to this organisation alone); ends a lockout")
    Team.Member setPassword(@PathVariable String organisation, @PathVariable String username, @RequestBody NewPassword request) {
        return team.setPassword(organisation, username, request.password());
    }

    @DeleteMapping("/{username}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a member from the organisation (their account and other memberships stay; their API tokens for it are revoked)")
    void remove(@PathVariable String organisation, @PathVariable String username) {
        team.remove(organisation, username);
    }
}
