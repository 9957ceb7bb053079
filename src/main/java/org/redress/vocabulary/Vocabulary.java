package org.redress.vocabulary;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;
import org.redress.people.Organisation;
import org.redress.people.Organisations;
import org.redress.policy.PolicyPack;
import org.redress.policy.PolicyPacks;
import org.redress.web.InvalidInputException;
import org.redress.web.NotFoundException;
import org.redress.web.TextLimits;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The organisations' controlled lists: made with the organisation from its service areas and the shipped subjects
 * ({@link ListSeeds}, {@link ListSeeding}), read, used to file a new case ({@link #filing}), and changed by
 * administrators: an entry added, an alias added, an entry retired or brought back, free values allowed or not.
 */
@Service
public class Vocabulary {

    private final JdbcClient jdbc;
    private final Organisations organisations;
    private final PolicyPacks packs;
    /** Whether a new list takes values not on it: no, unless the installation says so ({@code redress.lists.free-values-by-default}). */
    private final boolean freeByDefault;
    /** The lists as last read, with their revision: read again only when the revision has moved (a few per organisation). */
    private final Cache<String, Read> lastRead = Caffeine.newBuilder().maximumSize(1_000).build();

    Vocabulary(JdbcClient jdbc, Organisations organisations, PolicyPacks packs,
               @Value("${redress.lists.free-values-by-default:false}") boolean freeByDefault) {
        this.freeByDefault = freeByDefault;
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.packs = packs;
    }

    /** Both lists of the organisation, to file cases against. */
    @Transactional(readOnly = true)
    public Filing.Lists lists(String organisation) {
        return new Filing.Lists(list(organisation, ListKind.SERVICE_AREAS), list(organisation, ListKind.SUBJECTS));
    }

    /** Where a new case with these values is filed, each as its list's canonical entry, or the fields that are not in their list. */
    public Filing filing(String organisation, @Nullable String serviceArea, @Nullable String subject, @Nullable String subSubject) {
        if (blank(serviceArea) && blank(subject) && blank(subSubject)) {
            return new Filing(null, null, null, List.of());
        }
        return lists(organisation).file(serviceArea, subject, subSubject);
    }

    /**
     * One list. Reading writes nothing: the lists are made with their organisation ({@link ListSeeding}); one an
     * organisation has not got reads as empty, taking free values as a new list would.
     */
    @Transactional(readOnly = true)
    public ControlledList list(String organisation, ListKind kind) {
        Organisation org = organisations.require(organisation);
        Optional<Revision> revision = jdbc.sql("select free_values, revision || '/' || xmin from vocabulary.list where organisation = ? and kind = ?")
                .params(org.code(), kind.path()).query((rs, n) -> new Revision(rs.getBoolean(1), rs.getString(2))).optional();
        boolean free = revision.map(Revision::free).orElse(freeByDefault);
        if (revision.isEmpty()) {
            return read(org.code(), kind, free);
        }
        String key = org.code() + "/" + kind.path();
        Read kept = lastRead.getIfPresent(key);
        if (kept == null || !kept.revision().equals(revision.get().number())) {
            // another node may have changed the list since: its revision says so (a trigger raises it with every change)
            kept = new Read(revision.get().number(), read(org.code(), kind, free));
            lastRead.put(key, kept);
        }
        // the key names the list row's version too, so a list kept under it has that row's free-values setting
        return kept.list();
    }

    /**
     * A list's row: whether it takes free values, and the revision of its entries with the transaction that wrote it
     * last, so entries read inside a change that was then rolled back never pass for the next revision's.
     */
    private record Revision(boolean free, String number) {
    }

    /** A list's entries as read at a revision. */
    private record Read(String revision, ControlledList list) {
    }

    /** Makes the organisation's lists from their seeds, in the caller's transaction; a list already made is left as it is. */
    void seed(Organisation org) {
        for (ListKind kind : ListKind.values()) {
            seed(org, kind);
        }
    }

    /** Whether the organisation has every one of its lists. */
    boolean seeded(String organisation) {
        return jdbc.sql("select count(*) from vocabulary.list where organisation = ?").param(organisation).query(Integer.class).single()
                == ListKind.values().length;
    }

    private void seed(Organisation org, ListKind kind) {
        // several nodes starting at once make an organisation's lists one at a time: the others then find them made
        jdbc.sql("select pg_advisory_xact_lock(hashtext('vocabulary.list'), hashtext(?))").param(org.code()).query((rs, n) -> 1).list();
        int made = jdbc.sql("insert into vocabulary.list (organisation, kind, free_values) values (?, ?, ?) on conflict do nothing")
                .params(org.code(), kind.path(), freeByDefault).update();
        if (made == 0) {
            return;
        }
        List<ListSeeds.Seed> seeds = kind == ListKind.SERVICE_AREAS ? ListSeeds.areas(org.serviceAreas(), pack(org)) : ListSeeds.subjects();
        int position = 0;
        for (ListSeeds.Seed seed : seeds) {
            long id = insert(org.code(), kind, seed.name(), null, position++);
            seed.aliases().forEach(a -> alias(id, a));
            for (ListSeeds.Seed child : seed.children()) {
                long childId = insert(org.code(), kind, child.name(), id, position++);
                child.aliases().forEach(a -> alias(childId, a));
            }
        }
    }

    private @Nullable PolicyPack pack(Organisation org) {
        return packs.active(org.code()).orElse(null);
    }

    private ControlledList read(String organisation, ListKind kind, boolean free) {
        Map<Long, List<String>> aliases = new HashMap<>();
        jdbc.sql("""
                select a.entry_id, a.alias from vocabulary.alias a join vocabulary.entry e on e.id = a.entry_id
                where e.organisation = ? and e.kind = ? order by a.alias
                """).params(organisation, kind.path())
                .query(rs -> {
                    aliases.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        List<ListEntry> entries = jdbc.sql("select id, name, parent_id, active from vocabulary.entry where organisation = ? and kind = ? order by position, id")
                .params(organisation, kind.path())
                .query((rs, n) -> new ListEntry(rs.getLong(1), rs.getString(2), rs.getObject(3, Long.class),
                        List.copyOf(aliases.getOrDefault(rs.getLong(1), List.of())), rs.getBoolean(4)))
                .list();
        // each subject followed by its sub-categories, whenever they were added
        List<ListEntry> ordered = new ArrayList<>();
        for (ListEntry top : entries) {
            if (top.parent() == null) {
                ordered.add(top);
                entries.stream().filter(e -> e.parent() != null && e.parent() == top.id()).forEach(ordered::add);
            }
        }
        return new ControlledList(organisation, kind, free, List.copyOf(ordered));
    }

    // ---- administrators' changes ------------------------------------------------------------------------------

    /** Adds an entry (a sub-category when a parent is named); a name that answers to an entry beside it is refused. */
    @Transactional
    public ControlledList add(String organisation, ListKind kind, @Nullable String name, @Nullable Long parent) {
        ControlledList list = list(organisation, kind);
        String clean = required("name", name);
        if (parent != null) {
            ListEntry p = list.entry(parent).orElseThrow(() -> new InvalidInputException("parent", "is not an entry of this list"));
            if (kind != ListKind.SUBJECTS || p.parent() != null) {
                throw new InvalidInputException("parent", "only a subject has sub-categories, one level deep");
            }
        }
        list.clash(parent, clean).ifPresent(e -> {
            throw new InvalidInputException("name", "'" + clean + "' is already on the list as " + e.name());
        });
        int position = jdbc.sql("select coalesce(max(position), 0) + 1 from vocabulary.entry where organisation = ? and kind = ?")
                .params(list.organisation(), kind.path()).query(Integer.class).single();
        insert(list.organisation(), kind, clean, parent, position);
        return list(organisation, kind);
    }

    /** Adds another spelling of an entry: values written that way are stored as the entry's name. */
    @Transactional
    public ControlledList addAlias(String organisation, ListKind kind, long entryId, @Nullable String alias) {
        ControlledList list = list(organisation, kind);
        ListEntry entry = list.entry(entryId).orElseThrow(() -> new NotFoundException("entry", "no entry " + entryId + " in this list"));
        String clean = required("alias", alias);
        list.clash(entry.parent(), clean).ifPresent(e -> {
            throw new InvalidInputException("alias", e.id() == entry.id() ? "'" + clean + "' already answers to " + e.name()
                    : "'" + clean + "' already answers to another entry, " + e.name());
        });
        alias(entry.id(), clean);
        return list(organisation, kind);
    }

    /** Retires an entry (new cases cannot choose it; stored cases keep it) or brings it back. */
    @Transactional
    public ControlledList setActive(String organisation, ListKind kind, long entryId, boolean active) {
        ControlledList list = list(organisation, kind);
        ListEntry entry = list.entry(entryId).orElseThrow(() -> new NotFoundException("entry", "no entry " + entryId + " in this list"));
        jdbc.sql("update vocabulary.entry set active = ? where id = ?").params(active, entry.id()).update();
        return list(organisation, kind);
    }

    /** Whether a value outside the list is accepted as it is written. */
    @Transactional
    public ControlledList setFreeValues(String organisation, ListKind kind, boolean free) {
        ControlledList list = list(organisation, kind);
        jdbc.sql("update vocabulary.list set free_values = ? where organisation = ? and kind = ?").params(free, list.organisation(), kind.path()).update();
        return list(organisation, kind);
    }

    private long insert(String organisation, ListKind kind, String name, @Nullable Long parent, int position) {
        return jdbc.sql("insert into vocabulary.entry (organisation, kind, name, parent_id, position) values (?, ?, ?, ?, ?) returning id")
                .params(organisation, kind.path(), name, parent, position).query(Long.class).single();
    }

    private void alias(long entryId, String alias) {
        jdbc.sql("insert into vocabulary.alias (entry_id, alias) values (?, ?) on conflict do nothing").params(entryId, alias).update();
    }

    private static String required(String field, @Nullable String value) {
        if (blank(value)) {
            throw new InvalidInputException(field, "is required");
        }
        TextLimits.check(field, value, TextLimits.NAME);
        if (ControlledList.key(value).isEmpty()) {
            throw new InvalidInputException(field, "must have a letter or a digit");
        }
        return value.strip();
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
