package org.redress.whatif;

import org.jspecify.annotations.Nullable;
import org.redress.accounts.Accounts;
import org.redress.accounts.Permission;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

import java.security.Principal;

/**
 * Whether the what-if page offers "Make a draft by changing figures": to whoever may replay one (complaint
 * managers, directors, administrators), as the route's permission says (issue 25): a draft is stored inactive, and
 * only the installation's operator makes a version active.
 */
@ControllerAdvice(assignableTypes = WhatIfPage.class)
class WhatIfDraftLink {

    private final Accounts accounts;

    WhatIfDraftLink(Accounts accounts) {
        this.accounts = accounts;
    }

    @ModelAttribute("mayMakeDrafts")
    boolean mayMakeDrafts(@PathVariable(required = false) @Nullable String organisation, @Nullable Principal principal) {
        return organisation != null && principal != null && accounts.may(principal.getName(), organisation, Permission.DECIDE);
    }
}
