package org.redress.policy;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The stored versions of packs (table {@code policy.pack_version}). Writers of one pack serialise on a
 * transaction-scoped advisory lock, so numbering and activation stay right with several application nodes.
 */
@Repository
class PackVersions {

    record Stored(String packId, int version, String organisation, String title, String yaml, boolean shipped,
                  boolean active, @Nullable String note) {
    }

    private static final String COLUMNS = "pack_id, version, organisation, title, yaml, shipped, active, note";

    private final JdbcClient jdbc;

    PackVersions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Must run inside a transaction: held until it commits. */
    void lock(String packId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('policy.pack_version:' || :id))").param("id", packId)
                .query((rs, n) -> 1).list();
    }

    /**
     * Stores a shipped pack as version 1, active unless the pack already has an active version; no-op if stored. Its
     * activation is recorded from {@code at}.
     */
    boolean storeShipped(String packId, String organisation, String title, String yaml, Instant at) {
        boolean stored = jdbc.sql("""
                        insert into policy.pack_version (pack_id, version, organisation, title, yaml, shipped, active, activated_at)
                        select :id, 1, :organisation, :title, :yaml, true, true, now()
                        where not exists (select 1 from policy.pack_version where pack_id = :id and active)
                        on conflict do nothing""")
                .param("id", packId).param("organisation", organisation).param("title", title).param("yaml", yaml)
                .update() == 1;
        if (stored) {
            recordActivation(organisation, packId, 1, at);
        }
        return stored;
    }

    int nextVersion(String packId) {
        return jdbc.sql("select coalesce(max(version), 0) + 1 from policy.pack_version where pack_id = :id")
                .param("id", packId).query(Integer.class).single();
    }

    void store(String packId, int version, String organisation, String title, String yaml) {
        store(packId, version, organisation, title, yaml, null);
    }

    /** As {@link #store(String, int, String, String, String)}, with a note saying how the version was made (a draft from figures). */
    void store(String packId, int version, String organisation, String title, String yaml, @Nullable String note) {
        jdbc.sql("""
                        insert into policy.pack_version (pack_id, version, organisation, title, yaml, note)
                        values (:id, :version, :organisation, :title, :yaml, :note)""")
                .param("id", packId).param("version", version).param("organisation", organisation)
                .param("title", title).param("yaml", yaml).param("note", note).update();
    }

    /**
     * Makes one version the active one from {@code at}, recorded in the activation history when it was not active
     * already; false when that version does not exist.
     */
    boolean activate(String packId, int version, Instant at) {
        Optional<Stored> found = find(packId, version);
        if (found.isEmpty()) {
            return false;
        }
        jdbc.sql("update policy.pack_version set active = false where pack_id = :id and active and version <> :version")
                .param("id", packId).param("version", version).update();
        int activated = jdbc.sql("""
                        update policy.pack_version set active = true, activated_at = now()
                        where pack_id = :id and version = :version and not active""")
                .param("id", packId).param("version", version).update();
        if (activated == 1) {
            recordActivation(found.get().organisation(), packId, version, at);
        }
        return true;
    }

    private void recordActivation(String organisation, String packId, int version, Instant at) {
        jdbc.sql("insert into policy.pack_activation (organisation, pack_id, version, active_from) values (:organisation, :id, :version, :at)")
                .param("organisation", organisation).param("id", packId).param("version", version)
                .param("at", at.atOffset(ZoneOffset.UTC)).update();
    }

    /** The organisation's activations, the earliest first. */
    List<Activation> activations(String organisation) {
        return jdbc.sql("""
                        select pack_id, version, active_from from policy.pack_activation where organisation = :organisation
                        order by active_from, id""")
                .param("organisation", organisation)
                .query((rs, n) -> new Activation(new VersionId(rs.getString(1), rs.getInt(2)),
                        rs.getObject(3, java.time.OffsetDateTime.class).toInstant())).list();
    }

    record Activation(VersionId version, Instant from) {
    }

    Optional<Stored> find(String packId, int version) {
        return jdbc.sql("select " + COLUMNS + " from policy.pack_version where pack_id = :id and version = :version")
                .param("id", packId).param("version", version).query(Stored.class).optional();
    }

    Optional<Stored> active(String packId) {
        return jdbc.sql("select " + COLUMNS + " from policy.pack_version where pack_id = :id and active")
                .param("id", packId).query(Stored.class).optional();
    }

    record VersionId(String packId, int version) {
    }

    Optional<VersionId> activeVersionOf(String organisation) {
        return jdbc.sql("select pack_id, version from policy.pack_version where organisation = :organisation and active "
                        + "order by activated_at desc limit 1")
                .param("organisation", organisation).query((rs, n) -> new VersionId(rs.getString(1), rs.getInt(2))).optional();
    }

    boolean exists(String packId) {
        return jdbc.sql("select exists (select 1 from policy.pack_version where pack_id = :id)").param("id", packId)
                .query(Boolean.class).single();
    }

    /** Another pack that already speaks for this organisation, if any. */
    @Nullable String otherPackOf(String organisation, String packId) {
        return jdbc.sql("select pack_id from policy.pack_version where organisation = :organisation and pack_id <> :id "
                        + "order by pack_id limit 1")
                .param("organisation", organisation).param("id", packId).query(String.class).list()
                .stream().findFirst().orElse(null);
    }

    /** Every version, without the YAML. */
    List<Stored> all() {
        return jdbc.sql("select pack_id, version, organisation, title, '' as yaml, shipped, active, note from policy.pack_version "
                + "order by pack_id, version").query(Stored.class).list();
    }
}
