package org.redress.pages;

import java.util.List;

/**
 * Marks a controller of staff pages kept in a module of its own (remedies, lessons, ...): its pages get the
 * organisation's brand, the staff menu and the plain "page not found", like the pages of {@code staffui}, while the
 * same module's REST controllers do not pay for them.
 */
public interface StaffPage {

    /** The pages of this controller that the staff menu offers (issue 21); none unless it says so. */
    default List<StaffMenuItem> menu() {
        return List.of();
    }
}
