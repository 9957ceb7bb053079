package org.redress.casework;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * A page of the register, and the cursor of the next one (null on the last page).
 *
 * @param limitNotice what a member limited to some service areas is told (null for one who sees every area)
 */
public record RegisterPage(List<RegisterEntry> entries, @Nullable String nextCursor, @Nullable String limitNotice) {

    public RegisterPage {
        entries = List.copyOf(entries);
    }
}
