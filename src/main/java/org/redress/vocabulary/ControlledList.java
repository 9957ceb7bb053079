package org.redress.vocabulary;

import org.jspecify.annotations.Nullable;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One organisation's list as it stands: its entries in order, and whether a value outside it is accepted. Values are
 * matched ignoring case, punctuation, extra spaces and "&amp;" against "and", so "Damp &amp; Mould" answers to
 * "Damp and mould"; an alias answers to its entry.
 */
public record ControlledList(String organisation, ListKind kind, boolean freeValues, List<ListEntry> entries) {

    /** How two spellings are compared: "Damp &amp; Mould!" and " damp and  mould" have the same key. */
    public static String key(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replace("&", " and ").replace("+", " and ");
        return s.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    /** The top-level entries (subjects, or service areas), active or not. */
    public List<ListEntry> top() {
        return entries.stream().filter(e -> e.parent() == null).toList();
    }

    public List<ListEntry> childrenOf(ListEntry parent) {
        return entries.stream().filter(e -> e.parent() != null && e.parent() == parent.id()).toList();
    }

    /** The names new cases may choose at the top level, in order. */
    public List<String> activeNames() {
        return top().stream().filter(ListEntry::active).map(ListEntry::name).toList();
    }

    public Optional<ListEntry> entry(long id) {
        return entries.stream().filter(e -> e.id() == id).findFirst();
    }

    /** The top-level entry a value names, if any (an active one first). */
    public Optional<ListEntry> findTop(String given) {
        return find(top(), given);
    }

    /** The sub-category of a parent a value names, if any. */
    public Optional<ListEntry> findChild(ListEntry parent, String given) {
        return find(childrenOf(parent), given);
    }

    /** A sub-category anywhere that a value names, when only one parent has it. */
    Optional<ListEntry> findAnyChild(String given) {
        String key = key(given);
        List<ListEntry> found = entries.stream().filter(e -> e.parent() != null && e.active() && e.answersTo(key)).toList();
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    private static Optional<ListEntry> find(List<ListEntry> among, String given) {
        String key = key(given);
        Optional<ListEntry> active = among.stream().filter(e -> e.active() && e.answersTo(key)).findFirst();
        return active.isPresent() ? active : among.stream().filter(e -> e.answersTo(key)).findFirst();
    }

    /** Whether a new name or alias would answer to an existing entry beside it (same parent). */
    Optional<ListEntry> clash(@Nullable Long parent, String text) {
        String key = key(text);
        return entries.stream().filter(e -> java.util.Objects.equals(e.parent(), parent) && e.answersTo(key)).findFirst();
    }
}
