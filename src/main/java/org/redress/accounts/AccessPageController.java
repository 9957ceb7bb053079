package org.redress.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.redress.people.Organisations;
import org.redress.web.NotFoundException;
import org.redress.web.TextLimits;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.ModelAndView;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Pages for access: the special category read log (administrators) and changing one's own password. */
@Controller
class AccessPageController {

    private static final Map<String, String> LABELS = Map.of("current", "Your current password", "password", "The new password",
            "confirm", "The new password again");

    private final SpecialCategoryAudit audit;
    private final Accounts accounts;
    private final Organisations organisations;
    private final CaseAccess access;
    private final SignedInSessions sessions;

    AccessPageController(SpecialCategoryAudit audit, Accounts accounts, Organisations organisations, CaseAccess access,
                         SignedInSessions sessions) {
        this.audit = audit;
        this.access = access;
        this.accounts = accounts;
        this.organisations = organisations;
        this.sessions = sessions;
    }

    @GetMapping("/staff/{organisation}/audit/special-category")
    String reads(@PathVariable String organisation, @RequestParam(name = "case", required = false) @Nullable String caseRef, Model model) {
        String filter = caseRef == null || caseRef.isBlank() ? null : caseRef.strip();
        model.addAttribute("organisation", organisations.require(organisation));
        model.addAttribute("caseFilter", filter);
        model.addAttribute("reads", audit.reads(organisation, access.current(organisation), filter, 500));
        return "accounts/special-category-reads";
    }

    /** An organisation that does not exist is the plain "page not found" (an installation administrator passes the filter). */
    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    ModelAndView notFound() {
        return new ModelAndView("error", Map.of("status", 404), HttpStatus.NOT_FOUND);
    }

    @GetMapping("/account/password")
    String passwordForm() {
        return "accounts/password";
    }

    /**
     * A wrong current password counts towards the lockout exactly as a wrong sign-in does (someone who found a signed-in
     * screen cannot try passwords here for ever); a new password signs out every other session of the account.
     */
    @PostMapping("/account/password")
    String changePassword(Principal user, @RequestParam(defaultValue = "") String current, @RequestParam(defaultValue = "") String password,
                          @RequestParam(defaultValue = "") String confirm, Model model, HttpServletRequest request,
                          HttpServletResponse response) {
        // longer than any name can be is not a password: refused as input, and not counted as a wrong attempt
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("current", current);
        fields.put("password", password);
        fields.put("confirm", confirm);
        for (Map.Entry<String, String> field : fields.entrySet()) {
            if (field.getValue().length() > TextLimits.NAME) {
                response.setStatus(400);
                model.addAttribute("problem", LABELS.get(field.getKey()) + " " + TextLimits.tooLong(TextLimits.NAME));
                model.addAttribute("problemField", field.getKey());
                return "accounts/password";
            }
        }
        String problem;
        Accounts.PasswordCheck check = accounts.checkPassword(user.getName(), current);
        if (check == Accounts.PasswordCheck.LOCKED) {
            problem = "Your account is locked after too many wrong passwords: try again in " + Accounts.LOCKOUT.toMinutes()
                    + " minutes, or ask an administrator to unlock it";
        } else if (check == Accounts.PasswordCheck.WRONG) {
            problem = "Your current password is wrong";
        } else if (!password.equals(confirm)) {
            problem = "The two new passwords are different";
        } else {
            Optional<PasswordPolicy.Weakness> weak = accounts.setPassword(user.getName(), password);
            if (weak.isEmpty()) {
                sessions.keep(request, user.getName());
                model.addAttribute("changed", true);
                return "accounts/password";
            }
            problem = "Choose another password: " + weak.get().rule();
        }
        // two different new passwords are a mistake in the form (400); a wrong current password or a weak new one is refused (422)
        response.setStatus(check == Accounts.PasswordCheck.RIGHT && !password.equals(confirm) ? 400 : 422);
        model.addAttribute("problem", problem);
        model.addAttribute("problemField", check == Accounts.PasswordCheck.RIGHT ? "password" : "current");
        return "accounts/password";
    }
}
