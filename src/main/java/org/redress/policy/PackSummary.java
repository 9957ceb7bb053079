package org.redress.policy;

import org.jspecify.annotations.Nullable;

/**
 * One stored version of a pack, as listed: which organisation it is for and whether it is the active one.
 *
 * @param note how the version was made, when it was not uploaded as YAML (a draft made by changing figures, issue 25)
 */
public record PackSummary(String id, String organisation, String title, int version, boolean active, boolean shipped,
                          @Nullable String note) {

    public PackSummary(String id, String organisation, String title, int version, boolean active, boolean shipped) {
        this(id, organisation, title, version, active, shipped, null);
    }
}
