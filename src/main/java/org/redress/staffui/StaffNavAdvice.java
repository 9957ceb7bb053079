package org.redress.staffui;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

import java.security.Principal;

/** Puts who is signed in, their role and their organisations on every staff page. */
@ControllerAdvice(basePackageClasses = StaffNavAdvice.class, assignableTypes = org.redress.pages.StaffPage.class)
class StaffNavAdvice {

    private final StaffCasework staff;

    StaffNavAdvice(StaffCasework staff) {
        this.staff = staff;
    }

    @ModelAttribute("staffNav")
    StaffCasework.@Nullable StaffNav staffNav(@Nullable Principal principal,
                                              @PathVariable(name = "organisation", required = false) @Nullable String organisation) {
        return principal == null ? null : staff.nav(principal.getName(), organisation);
    }
}
