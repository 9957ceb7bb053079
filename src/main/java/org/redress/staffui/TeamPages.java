package org.redress.staffui;

import org.redress.pages.StaffPage;
import org.redress.pages.StaffMenuItem;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.redress.accounts.Accounts;
import org.redress.accounts.AreaManagers;
import org.redress.accounts.Invitations;
import org.redress.accounts.PackRoles;
import org.redress.accounts.Role;
import org.redress.accounts.Team;
import org.redress.people.Organisations;
import org.redress.web.FieldError;
import org.redress.web.InvalidInputException;
import org.redress.web.RefusedException;
import org.redress.web.TextLimits;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.security.Principal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The team pages for an organisation's administrators: its members and open invitations, inviting one, and one
 * member's role, service areas, lockout and removal. Each form posts and comes back to its page with a banner, or with
 * the problem named.
 */
@Controller
class TeamPages implements StaffPage {

    @Override
    public List<StaffMenuItem> menu() {
        return List.of(new StaffMenuItem("Team", "team", 100));
    }

    private final Team team;
    private final Invitations invitations;
    private final Accounts accounts;
    private final Organisations organisations;
    private final PackRoles packRoles;
    private final AreaManagers areaManagers;

    TeamPages(Team team, Invitations invitations, Accounts accounts, Organisations organisations, PackRoles packRoles,
              AreaManagers areaManagers) {
        this.packRoles = packRoles;
        this.areaManagers = areaManagers;
        this.team = team;
        this.invitations = invitations;
        this.accounts = accounts;
        this.organisations = organisations;
    }

    record AddForm(@Size(max = TextLimits.NAME) @Nullable String username, @Size(max = TextLimits.NAME) @Nullable String displayName,
                   @Size(max = TextLimits.NAME) @Nullable String role, @Size(max = TextLimits.NAME) @Nullable String password) {
    }

    /** Any change to one member as posted; each verb reads the fields it needs. */
    record MemberForm(@Size(max = TextLimits.NAME) @Nullable String role, @Nullable List<@Size(max = TextLimits.NAME) String> serviceAreas,
                      @Size(max = TextLimits.NAME) @Nullable String limit, @Size(max = TextLimits.NAME) @Nullable String password,
                      @Nullable List<@Size(max = TextLimits.NAME) String> packRoles, @Size(max = TextLimits.NAME) @Nullable String email) {
    }

    @GetMapping("/staff/{organisation}/team")
    String list(@PathVariable String organisation, Model model) {
        return listPage(organisation, model, new AddForm(null, null, null, null), List.of());
    }

    @PostMapping("/staff/{organisation}/team")
    String add(@PathVariable String organisation, AddForm form, Principal user, Model model, RedirectAttributes redirect,
               HttpServletResponse response) {
        try {
            TextLimits.checkForm(form);
            Team.Invited invited = team.add(organisation, new Team.NewMember(form.username(), form.displayName(), form.role(), form.password()),
                    user.getName());
            redirect.addFlashAttribute("done", invited.message());
            return "redirect:/staff/" + organisation + "/team";
        } catch (InvalidInputException e) {
            response.setStatus(400);
            return listPage(organisation, model, form, e.errors());
        } catch (RefusedException e) {
            response.setStatus(422);
            return listPage(organisation, model, form, List.of(new FieldError(e.field() == null ? "username" : e.field(), e.getMessage())));
        }
    }

    @GetMapping("/staff/{organisation}/team/{username}")
    String member(@PathVariable String organisation, @PathVariable String username, Model model) {
        return memberPage(organisation, username, model, List.of());
    }

    @PostMapping("/staff/{organisation}/team/{username}/{verb}")
    String act(@PathVariable String organisation, @PathVariable String username, @PathVariable String verb, MemberForm form,
               Principal user, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        String done;
        String role = form.role();
        List<String> serviceAreas = form.serviceAreas();
        String password = form.password();
        try {
            TextLimits.checkForm(form);
            switch (verb) {
                case "role" -> {
                    Team.RoleChanged changed = team.changeRole(organisation, username, role, user.getName());
                    done = changed.member() != null ? "Role changed to " + changed.member().roleName() : changed.invited().message();
                }
                case "service-areas" -> {
                    boolean limited = "some".equals(form.limit());
                    if (limited && (serviceAreas == null || serviceAreas.isEmpty())) {
                        throw new InvalidInputException("serviceAreas", "Choose at least one service area, or let them see every area");
                    }
                    Set<String> areas = limited ? new LinkedHashSet<>(serviceAreas) : null;
                    accounts.limitToServiceAreas(username, organisation, areas);
                    done = limited ? "They now see only " + String.join(", ", areas) : "They now see every service area";
                }
                case "pack-roles" -> {
                    // no box ticked posts no packRoles at all: that is choosing none, not going back to the account role's
                    Team.Member changed = team.setPackRoles(organisation, username, form.packRoles() == null ? List.of() : form.packRoles());
                    done = changed.packRoles().isEmpty() ? "They now hold no role in the complaints procedure"
                            : "Their roles in the complaints procedure are now " + String.join(", ",
                            changed.packRoles().stream().map(r -> packRoles.name(organisation, r)).toList());
                }
                case "notice-email" -> {
                    Team.Member changed = team.setNoticeEmail(organisation, username, new Team.NoticeEmail(form.email()));
                    done = changed.noticeEmail() == null ? "Notices for their roles now go to the complaints mailbox"
                            : "Notices for their roles now go to " + changed.noticeEmail();
                }
                case "password" -> {
                    team.setPassword(organisation, username, password);
                    done = "New password set: tell them in person, and ask them to change it once signed in";
                }
                case "unlock" -> {
                    team.unlock(organisation, username, user.getName());
                    done = "Unlocked: they can sign in again now";
                }
                case "remove" -> {
                    Team.Member member = team.member(organisation, username);
                    team.remove(organisation, username);
                    redirect.addFlashAttribute("done", member.displayName() + " (" + username + ") removed from the team");
                    return "redirect:/staff/" + organisation + "/team";
                }
                default -> throw new org.redress.web.NotFoundException("verb", "no such change " + verb);
            }
        } catch (InvalidInputException e) {
            response.setStatus(400);
            return memberPage(organisation, username, model, e.errors());
        } catch (RefusedException e) {
            response.setStatus(422);
            return memberPage(organisation, username, model, List.of(new FieldError(verb, "Not allowed: " + e.getMessage())));
        }
        redirect.addFlashAttribute("done", done);
        return "redirect:/staff/" + organisation + "/team/" + username;
    }

    /** The manager of each service area: a page for administrators, one form per area. */
    @GetMapping("/staff/{organisation}/team/area-managers")
    String areaManagers(@PathVariable String organisation, Model model) {
        return areaManagersPage(organisation, model, List.of());
    }

    record AreaManagerForm(@Size(max = TextLimits.NAME) @Nullable String serviceArea, @Size(max = TextLimits.NAME) @Nullable String manager) {
    }

    @PostMapping("/staff/{organisation}/team/area-managers")
    String setAreaManager(@PathVariable String organisation, AreaManagerForm form, Principal user, Model model,
                          RedirectAttributes redirect, HttpServletResponse response) {
        try {
            TextLimits.checkForm(form);
            if (form.serviceArea() == null || form.serviceArea().isBlank()) {
                throw new InvalidInputException("serviceArea", "Choose the service area");
            }
            AreaManagers.AreaManager set = areaManagers.set(organisation, form.serviceArea(), form.manager(), user.getName());
            redirect.addFlashAttribute("done", set.manager() == null ? set.serviceArea() + " has no manager now"
                    : set.manager() + " is now the manager of " + set.serviceArea());
            return "redirect:/staff/" + organisation + "/team/area-managers";
        } catch (InvalidInputException e) {
            response.setStatus(400);
            return areaManagersPage(organisation, model, e.errors());
        } catch (RefusedException e) {
            response.setStatus(422);
            return areaManagersPage(organisation, model, List.of(new FieldError("manager", "Not allowed: " + e.getMessage())));
        }
    }

    private String areaManagersPage(String organisation, Model model, List<FieldError> errors) {
        model.addAttribute("organisation", organisations.require(organisation));
        model.addAttribute("areas", areaManagers.list(organisation));
        model.addAttribute("errors", errors);
        return "staff/area-managers";
    }

    @PostMapping("/staff/{organisation}/team/invitations/{id}/withdraw")
    String withdraw(@PathVariable String organisation, @PathVariable UUID id, RedirectAttributes redirect) {
        invitations.withdraw(organisation, id);
        redirect.addFlashAttribute("done", "Invitation withdrawn");
        return "redirect:/staff/" + organisation + "/team";
    }

    private String listPage(String organisation, Model model, AddForm form, List<FieldError> errors) {
        model.addAttribute("organisation", organisations.require(organisation));
        List<Team.Member> members = team.members(organisation);
        model.addAttribute("members", members);
        java.util.Map<String, String> names = new java.util.HashMap<>();
        members.forEach(m -> names.put(m.username(), m.packRoles().isEmpty() ? "None"
                : String.join(", ", m.packRoles().stream().map(r -> packRoles.name(organisation, r)).toList())));
        model.addAttribute("procedureRoles", names);
        model.addAttribute("invitations", invitations.openIn(organisation));
        model.addAttribute("roles", Role.values());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "staff/team";
    }

    private String memberPage(String organisation, String username, Model model, List<FieldError> errors) {
        model.addAttribute("organisation", organisations.require(organisation));
        model.addAttribute("member", team.member(organisation, username));
        model.addAttribute("packRoles", packRoles.roles(organisation));
        model.addAttribute("roles", Role.values());
        model.addAttribute("errors", errors);
        return "staff/team-member";
    }
}
