package org.redress.accounts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.redress.web.TextLimits;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

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
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Add a member by invitation (202): username, full name, role, a first password and optionally service areas."
            + " If nobody has the username a new account is made with that password; either way they join when they accept the"
            + " invitation, and the answer is the same, so it does not say whether the account existed. Not with an API token")
    Team.Invited add(@PathVariable String organisation, @RequestBody Team.NewMember request, Authentication user) {
        PersonOnly.require(user, "add members");
        return team.add(organisation, request, user.getName());
    }

    record RoleChange(@Size(max = TextLimits.NAME) @Nullable String role) {
    }

    @PutMapping("/{username}/role")
    @Operation(summary = "Change a member's role (the organisation always keeps an administrator). A role with more permissions for"
            + " an account that also belongs to another organisation is offered as an invitation instead (202)")
    ResponseEntity<Object> changeRole(@PathVariable String organisation, @PathVariable String username, @RequestBody RoleChange request,
                                      Authentication user) {
        Team.RoleChanged changed = team.changeRole(organisation, username, request.role(), user.getName());
        return changed.member() != null ? ResponseEntity.ok(changed.member()) : ResponseEntity.accepted().body(changed.invited());
    }

    record PackRoleChange(@Nullable List<@Size(max = TextLimits.NAME) String> packRoles) {
    }

    @PutMapping("/{username}/pack-roles")
    @Operation(summary = "Give a member exactly these roles of the organisation's policy pack (e.g. group-chief-executive,"
            + " client-services-manager); packRoles null lets them hold those their account role implies again (docs/policy-packs.md)")
    Team.Member setPackRoles(@PathVariable String organisation, @PathVariable String username, @RequestBody PackRoleChange request) {
        TextLimits.check(request);
        return team.setPackRoles(organisation, username, request.packRoles());
    }

    @PutMapping("/{username}/notice-email")
    @Operation(summary = "Set (or, blank, clear) the address this organisation's notices to the member go to, e.g. the Client"
            + " Services Manager's notice of each support service request (T-5)")
    Team.Member setNoticeEmail(@PathVariable String organisation, @PathVariable String username, @RequestBody Team.NoticeEmail request) {
        return team.setNoticeEmail(organisation, username, request);
    }

    @PostMapping("/{username}/unlock")
    @Operation(summary = "End a lockout after too many wrong passwords now: only for an account that belongs to this organisation"
            + " alone, at most 3 times in 24 hours")
    Team.Member unlock(@PathVariable String organisation, @PathVariable String username, Authentication user) {
        return team.unlock(organisation, username, user.getName());
    }

    record NewPassword(@Size(max = TextLimits.NAME) @Nullable String password) {
    }

    @PutMapping("/{username}/password")
    @Operation(summary = "Set a new password for a member who forgot theirs (only an account that belongs to this organisation alone); ends a lockout")
    Team.Member setPassword(@PathVariable String organisation, @PathVariable String username, @RequestBody NewPassword request,
                            Authentication user) {
        PersonOnly.require(user, "set passwords");
        return team.setPassword(organisation, username, request.password());
    }

    @DeleteMapping("/{username}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a member from the organisation (their account and other memberships stay; their API tokens for it are revoked)")
    void remove(@PathVariable String organisation, @PathVariable String username) {
        team.remove(organisation, username);
    }
}
