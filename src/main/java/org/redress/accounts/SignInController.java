package org.redress.accounts;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The staff sign-in page (Spring Security handles the form it posts), with single sign-on when it is set up. */
@Controller
class SignInController {

    private final ObjectProvider<SingleSignOn> singleSignOn;

    SignInController(ObjectProvider<SingleSignOn> singleSignOn) {
        this.singleSignOn = singleSignOn;
    }

    @GetMapping("/sign-in")
    String signIn(Model model) {
        SingleSignOn sso = singleSignOn.getIfAvailable();
        if (sso != null) {
            model.addAttribute("ssoProvider", sso.providerName());
            model.addAttribute("ssoStart", "/oauth2/authorization/" + SingleSignOn.REGISTRATION_ID);
        }
        return "accounts/sign-in";
    }

    /** Someone the identity provider knows, but in no group that has a role here. */
    @GetMapping("/sign-in/refused")
    String refused(Model model) {
        SingleSignOn sso = singleSignOn.getIfAvailable();
        model.addAttribute("ssoProvider", sso == null ? "your organisation's account" : sso.providerName());
        return "accounts/sign-in-refused";
    }
}
