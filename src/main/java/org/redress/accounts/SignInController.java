package org.redress.accounts;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The staff sign-in page; Spring Security handles the form it posts. */
@Controller
class SignInController {

    @GetMapping("/sign-in")
    String signIn() {
        return "accounts/sign-in";
    }
}
