package org.redress.vocabulary;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * One entry of a list: its canonical name (what cases store), the entry it sits under (a sub-category's subject), its
 * other spellings, and whether new cases may still choose it.
 */
public record ListEntry(long id, String name, @Nullable Long parent, List<String> aliases, boolean active) {

    /** Whether a value, written any way the matching ignores, names this entry or one of its aliases. */
    boolean answersTo(String key) {
        return ControlledList.key(name).equals(key) || aliases.stream().anyMatch(a -> ControlledList.key(a).equals(key));
    }
}
