package org.redress.pages;

/**
 * A page offered in the staff menu: its label and its place under {@code /staff/{organisation}} ({@code ""} for the
 * organisation's start page, {@code "reports"}, {@code "contacts/new"}). Whether a member sees it is decided by the
 * permission matrix for that address, the same rule that lets them open it, so the menu never offers a page that
 * would be refused and never hides one that would not.
 *
 * @param order where it sits in the menu, lowest first
 */
public record StaffMenuItem(String label, String area, int order) {

    public StaffMenuItem {
        if (area.startsWith("/") || area.endsWith("/")) {
            throw new IllegalArgumentException("a menu item's area has no leading or trailing slash: " + area);
        }
    }
}
