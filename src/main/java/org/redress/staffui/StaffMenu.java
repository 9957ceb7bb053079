package org.redress.staffui;

import org.redress.accounts.Permissions;
import org.redress.accounts.Role;
import org.redress.pages.StaffMenuItem;

import java.util.List;

/**
 * Which of the staff pages a member sees in the menu (issue 21): exactly those the permission matrix lets their role
 * open, asked about the page's own address, so the menu and the access check cannot disagree.
 */
final class StaffMenu {

    private StaffMenu() {
    }

    static List<StaffCasework.MenuLink> linksFor(Role role, String organisation, List<StaffMenuItem> menu, String path) {
        String home = "/staff/" + organisation;
        return menu.stream()
                .filter(item -> mayOpen(role, home + (item.area().isEmpty() ? "" : "/" + item.area())))
                .map(item -> {
                    String href = home + (item.area().isEmpty() ? "" : "/" + item.area());
                    boolean current = item.area().isEmpty() ? path.equals(href) : path.equals(href) || path.startsWith(href + "/");
                    return new StaffCasework.MenuLink(item.label(), href, current);
                })
                .toList();
    }

    private static boolean mayOpen(Role role, String address) {
        return Permissions.forRequest("GET", address)
                .map(rule -> rule instanceof Permissions.Requirement requirement && Permissions.allows(role, requirement.permission()))
                .orElse(false);
    }
}
