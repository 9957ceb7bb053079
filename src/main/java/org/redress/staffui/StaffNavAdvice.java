package org.redress.staffui;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.redress.pages.StaffMenuItem;
import org.redress.pages.StaffPage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

import java.security.Principal;
import java.util.Comparator;
import java.util.List;

/**
 * Puts who is signed in, their role, their organisations and the pages they may use on every staff page. The menu is
 * gathered from every staff page controller's {@link StaffPage#menu()}, so a module's page is offered where it exists.
 */
@ControllerAdvice(basePackageClasses = StaffNavAdvice.class, assignableTypes = org.redress.pages.StaffPage.class)
class StaffNavAdvice {

    private final StaffCasework staff;
    private final ObjectProvider<StaffPage> pages;
    private @Nullable List<StaffMenuItem> menu;

    StaffNavAdvice(StaffCasework staff, ObjectProvider<StaffPage> pages) {
        this.staff = staff;
        this.pages = pages;
    }

    @ModelAttribute("staffNav")
    StaffCasework.@Nullable StaffNav staffNav(@Nullable Principal principal,
                                              @PathVariable(name = "organisation", required = false) @Nullable String organisation,
                                              HttpServletRequest request) {
        return principal == null ? null : staff.nav(principal.getName(), organisation, menu(), request.getRequestURI());
    }

    private List<StaffMenuItem> menu() {
        List<StaffMenuItem> items = menu;
        if (items == null) {
            items = pages.orderedStream().flatMap(page -> page.menu().stream())
                    .sorted(Comparator.comparingInt(StaffMenuItem::order)).toList();
            menu = items;
        }
        return items;
    }
}
